/**
 * What to do about a YAML error on a `key: value` line of the front matter.
 * Most come from a plain value YAML reads as more than text: a colon and a
 * space (`title: Rent: a zine` is read as a mapping inside a mapping), or a
 * first character YAML keeps for itself (`@`, `` ` ``, `%`, `|`, `>`, `!`, `&`,
 * `*`, `[`, `{`). The fix is the same: put the value in double quotes.
 */

/** The YAML errors of a plain value that quotes would have kept as text. */
const QUOTES_FIX = new Set(['BLOCK_AS_IMPLICIT_KEY', 'BAD_SCALAR_START']);

/** `quote the value: title: "Rent: a zine"`, or undefined when quotes are not the fix or the line is not a plain `key: value`. */
export function quoteHint(yaml: string, problem: { code: string; pos: readonly number[] }): string | undefined {
  if (!QUOTES_FIX.has(problem.code)) return undefined;
  const offset = problem.pos[0] ?? 0;
  const lineStart = yaml.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const lineEnd = yaml.indexOf('\n', offset);
  const line = yaml.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
  const match = /^([A-Za-z][\w-]*):[ \t]+(\S.*?)\s*$/.exec(line);
  if (match === null) return undefined;
  const [, key, value] = match as unknown as [string, string, string];
  if (/^["']/.test(value)) return undefined;
  return `quote the value: ${key}: "${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

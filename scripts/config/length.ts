/**
 * Lengths as people write them for print: `1mm`, `0.5 mm`, `3pt`, `0.125in`,
 * or a bare `0`. Read into PDF points (1/72 in), the unit the imposition and
 * the PDF boxes use.
 */

const POINTS_PER: Record<string, number> = {
  pt: 1,
  in: 72,
  mm: 72 / 25.4,
  cm: 72 / 2.54,
};

export const LENGTH_HINT = 'a length like 1mm, 0.04in or 3pt';

const LENGTH = /^(\d+(?:\.\d+)?|\.\d+)\s*(pt|in|mm|cm)$/;

/** Points for a length written `3mm`, `0.125in`, `3pt`, or `0` (and the number 0); undefined for anything else. */
export function lengthInPoints(value: unknown): number | undefined {
  if (value === 0 || value === '0') return 0;
  if (typeof value !== 'string') return undefined;
  const match = LENGTH.exec(value.trim());
  if (match === null) return undefined;
  return Number(match[1]) * (POINTS_PER[match[2] as string] as number);
}

/** A length in points written back in millimetres, to one decimal: "0.4 mm". */
export function millimetres(points: number): string {
  return `${(Math.round((points * 25.4 * 10) / 72) / 10).toString()} mm`;
}

/**
 * Where Chromium began a line: the only places text may be split at a page's
 * foot, so that a page ends where its last line ends (a space, or a soft
 * hyphen that broke the line) and never inside a syllable.
 *
 * A letter's boxes do not always say which line it is on: the letter just
 * after a soft hyphen that broke the line reports two boxes, the hyphen's at
 * the end of the line before and its own at the start of its line. Taken as
 * one box (Paged.js's `getBoundingClientRect`) or by its first box, it seems
 * to stay on the line before, and a split found by letter boxes lands one
 * letter late ("chall-" / "enge"). Its last box is where it is drawn.
 */

/** The box a letter is drawn in (its last box with a width), or undefined for one drawn nowhere (a collapsed space, an unused soft hyphen). */
export function letterBox(node: Text, index: number, range: Range = document.createRange()): DOMRect | undefined {
  range.setStart(node, index);
  range.setEnd(node, index + 1);
  return [...range.getClientRects()].filter((rect) => rect.width > 0).at(-1);
}

/** Whether two letters' boxes are on one line: they overlap by more than half the shorter one's height. */
export function sameLine(a: DOMRect, b: DOMRect): boolean {
  const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return overlap > Math.min(a.height, b.height) / 2;
}

/**
 * The offset in `node` where the line that the letter at `offset` is drawn on
 * begins (or the node's start, where the line began in text before it). The
 * letters before it are walked back one by one, not searched by halves: a
 * line in another column may stand at the same height.
 */
export function lineStart(node: Text, offset: number): number {
  const range = document.createRange();
  let own: DOMRect | undefined;
  let start = offset;
  for (; start < node.data.length && own === undefined; start += 1) own = letterBox(node, start, range);
  if (own === undefined) return offset;
  start -= 1;
  for (let i = start - 1; i >= 0; i -= 1) {
    const box = letterBox(node, i, range);
    if (box === undefined) continue;
    if (!sameLine(box, own)) break;
    start = i;
  }
  return start;
}

/**
 * Widows and orphans, as a reader finds them on the printed pages: the first
 * line of a paragraph alone at the foot of a page, or its last line alone at
 * the top of the next. Only the body is judged (a note carried to the next
 * page is marked as such), and only lines found one after the other, so a
 * line that could not be read back never makes one.
 */
import type { LineFault } from './line-ends.ts';
import type { PlacedLine } from './place-lines.ts';
import type { Stream } from './source-text.ts';

export function loneLineFaults(placed: readonly PlacedLine[], body: Stream): LineFault[] {
  const lines = placed.filter((line) => line.stream === 'body');
  const faults: LineFault[] = [];
  for (let index = 0; index + 1 < lines.length; index += 1) {
    const line = lines[index] as PlacedLine;
    const next = lines[index + 1] as PlacedLine;
    if (line.page === next.page || line.end !== next.start) continue;
    const run = body.runs.find((candidate) => candidate.start <= line.start && line.end <= candidate.end && next.end <= candidate.end);
    if (run === undefined) continue;
    if (line.start === run.start) {
      faults.push({ page: line.page, place: run.place, reason: `the first line of a paragraph is alone at the foot of the page ("${line.line.text}")` });
    } else if (next.end === run.end) {
      faults.push({ page: next.page, place: run.place, reason: `the last line of a paragraph is alone at the top of the page ("${next.line.text}")` });
    }
  }
  return faults;
}

import type { BuildRow } from '../build.ts';
import { terminal } from '../cli/terminal.ts';

/** The closing table of a build: document, format, pages, sheets, file, seconds, notes. */
export function printTable(rows: readonly BuildRow[]): void {
  if (rows.length === 0) return;
  const header = ['document', 'format', 'pages', 'sheets', 'file', 'seconds', 'notes'];
  const cells = rows.map((row) => [
    row.document,
    row.format,
    String(row.pages),
    row.sheets === undefined ? '-' : String(row.sheets),
    row.file,
    row.seconds.toFixed(1),
    row.note ?? '',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => (line[column] ?? '').length)));
  for (const line of [header, ...cells]) {
    terminal.print(line.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd());
  }
  // The privacy line: what was removed from each document's images, once per document.
  const documents = new Map(rows.map((row) => [row.document, row.privacy]));
  for (const [document, lines] of documents) for (const line of lines) terminal.print(`${document}: image ${line}`);
}

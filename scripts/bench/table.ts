/**
 * A bench's results as markdown: one table row per document and contender,
 * and the ratios the project's goals are stated in.
 */
import { median } from './schedule.ts';

/** What the runs of one contender on one document gave. */
export interface CellResult {
  document: string;
  documentLabel: string;
  contender: string;
  contenderLabel: string;
  input: string;
  /** Seconds of each counted run that succeeded. */
  seconds: number[];
  /** Peak tree memory of each counted run that succeeded, in bytes. */
  peakBytes: number[];
  /** CPU seconds of the whole process tree, for each counted run that succeeded where it could be measured. */
  cpuSeconds: number[];
  /** Pages of the PDF it made, once a run succeeded. */
  pages?: number;
  /** Why runs failed, one entry per failed run. */
  failures: string[];
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const row = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;

function find(results: readonly CellResult[], document: string, contender: string): CellResult | undefined {
  return results.find((result) => result.document === document && result.contender === contender);
}

/** The median time of a contender on a document, NaN when it never succeeded. */
export function medianOf(results: readonly CellResult[], document: string, contender: string): number {
  return median(find(results, document, contender)?.seconds ?? []);
}

/** The median CPU time of a contender on a document, NaN when it was never measured. */
export function medianCpuOf(results: readonly CellResult[], document: string, contender: string): number {
  return median(find(results, document, contender)?.cpuSeconds ?? []);
}

const fixed = (value: number, digits: number): string => (Number.isFinite(value) ? value.toFixed(digits) : '–');

/** The results table; `baseline` is the contender every time is divided by (per document), wall time by wall time and CPU by CPU. */
export function resultsTable(results: readonly CellResult[], baseline = 'pagedjs-cli'): string {
  const header = ['document', 'contender', 'input', 'median s', 'min–max s', 'CPU s', 'peak MB', 'pages', 'ms/page', `÷ ${baseline}`, `CPU ÷ ${baseline}`];
  const lines = [row(header), row(header.map((_, i) => (i < 3 ? '---' : '---:')))];
  for (const result of results) {
    const ok = result.seconds.length > 0;
    const seconds = median(result.seconds);
    const cpu = median(result.cpuSeconds);
    const base = medianOf(results, result.document, baseline);
    const cpuBase = medianCpuOf(results, result.document, baseline);
    const failed = result.failures.length === 0 ? '' : ` (${result.failures.length} failed: ${result.failures[0]})`;
    lines.push(
      row([
        result.documentLabel,
        result.contenderLabel,
        result.input,
        ok ? `${seconds.toFixed(2)}${failed}` : `failed: ${result.failures[0] ?? 'no run'}`,
        ok ? `${Math.min(...result.seconds).toFixed(2)}–${Math.max(...result.seconds).toFixed(2)}` : '–',
        ok ? fixed(cpu, 2) : '–',
        ok ? (Math.max(...result.peakBytes) / 2 ** 20).toFixed(0) : '–',
        result.pages === undefined ? '–' : String(result.pages),
        ok && result.pages ? ((seconds / result.pages) * 1000).toFixed(0) : '–',
        ok && Number.isFinite(base) ? (seconds / base).toFixed(2) : '–',
        ok ? fixed(cpu / cpuBase, 2) : '–',
      ]),
    );
  }
  return lines.join('\n');
}

/** Which documents the goals speak of, by key. */
export interface GoalDocuments {
  /** The essay. Default 'essay'. */
  essay?: string;
  /** The document of about 30 pages. Default 'essay-x5'. */
  short?: string;
  /** The document of about 120 pages. Default 'essay-x20'. */
  book?: string;
}

const ratio = (value: number): string => (Number.isFinite(value) ? value.toFixed(2) : 'not measured');
const verdict = (value: number, goal: number): string => (!Number.isFinite(value) ? '–' : value <= goal ? 'met' : 'not met');

/** The goals as ratios of this run's medians, each with its target and whether it is met. */
export function goalsTable(results: readonly CellResult[], documents: GoalDocuments = {}): string {
  const { essay = 'essay', short = 'essay-x5', book = 'essay-x20' } = documents;
  const m = (document: string, contender: string): number => medianOf(results, document, contender);
  const cpu = (document: string, contender: string): number => medianCpuOf(results, document, contender);
  const perPage = (document: string, contender: string): number => m(document, contender) / (find(results, document, contender)?.pages ?? NaN);
  const pages = (document: string): string => String(find(results, document, 'zine-reading')?.pages ?? '?');
  const goals: [string, number, number | undefined][] = [
    ['essay: zine full build ÷ pagedjs-cli reading PDF', m(essay, 'zine-all') / m(essay, 'pagedjs-cli'), 0.8],
    ['essay: zine reading PDF ÷ pagedjs-cli reading PDF', m(essay, 'zine-reading') / m(essay, 'pagedjs-cli'), undefined],
    [`${pages(book)} pages: zine full build ÷ pagedjs-cli reading PDF`, m(book, 'zine-all') / m(book, 'pagedjs-cli'), 0.7],
    [`${pages(book)} pages: zine full build ÷ pagedjs-cli reading PDF, CPU time`, cpu(book, 'zine-all') / cpu(book, 'pagedjs-cli'), 1.3],
    [`${pages(book)} pages: zine reading PDF ÷ pagedjs-cli reading PDF`, m(book, 'zine-reading') / m(book, 'pagedjs-cli'), undefined],
    [`zine full build, time per page at ${pages(book)} ÷ at ${pages(short)} pages`, perPage(book, 'zine-all') / perPage(short, 'zine-all'), 1],
    [`zine reading PDF, time per page at ${pages(book)} ÷ at ${pages(short)} pages`, perPage(book, 'zine-reading') / perPage(short, 'zine-reading'), 1],
    [`essay: zine full build ÷ Chromium print (the floor)`, m(essay, 'zine-all') / m(essay, 'chromium'), undefined],
    // What bounds the goals: no pipeline that lays out with Paged.js takes less than Paged.js alone, stock or patched as zine's.
    ...[essay, book].flatMap((document) =>
      (['pagedjs-alone-stock', 'pagedjs-alone'] as const).flatMap((floor): [string, number, undefined][] => {
        const name = `${document === essay ? 'essay' : `${pages(book)} pages`}: Paged.js alone, ${floor === 'pagedjs-alone' ? 'patched' : 'stock'} ÷ pagedjs-cli reading PDF`;
        return [
          [name, m(document, floor) / m(document, 'pagedjs-cli'), undefined],
          [`${name}, CPU time`, cpu(document, floor) / cpu(document, 'pagedjs-cli'), undefined],
        ];
      }),
    ),
  ];
  const lines = [row(['ratio', 'this run', 'goal', '']), row(['---', '---:', '---:', '---'])];
  for (const [name, value, goal] of goals) {
    lines.push(row([name, ratio(value), goal === undefined ? '–' : `≤ ${goal}`, goal === undefined ? '' : verdict(value, goal)]));
  }
  return lines.join('\n');
}

/**
 * How time grows with pages, for the contenders named: each document's time
 * per page, and the time each page added since the document before it (the
 * difference of the medians over the difference of the pages). A cost that
 * grows no faster than the pages keeps the second column flat.
 */
export function perPageTable(results: readonly CellResult[], contenders: readonly string[] = ['zine-all', 'zine-reading', 'pagedjs-cli']): string {
  const documents = [...new Set(results.map((result) => result.document))];
  const lines = [row(['contender', 'document', 'pages', 'ms/page', 'ms per added page']), row(['---', '---', '---:', '---:', '---:'])];
  for (const contender of contenders) {
    let before: { seconds: number; pages: number } | undefined;
    for (const document of documents) {
      const result = find(results, document, contender);
      const seconds = median(result?.seconds ?? []);
      if (result?.pages === undefined || !Number.isFinite(seconds)) continue;
      const added = before === undefined || result.pages === before.pages ? '–' : (((seconds - before.seconds) / (result.pages - before.pages)) * 1000).toFixed(0);
      lines.push(row([result.contenderLabel, result.documentLabel, String(result.pages), ((seconds / result.pages) * 1000).toFixed(0), added]));
      before = { seconds, pages: result.pages };
    }
  }
  return lines.join('\n');
}

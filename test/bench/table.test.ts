import { describe, expect, it } from 'vitest';
import { describeMachine } from '../../scripts/bench/machine.ts';
import { benchReport } from '../../scripts/bench/report.ts';
import { goalsTable, perPageTable, resultsTable, type CellResult } from '../../scripts/bench/table.ts';

const MB = 2 ** 20;

function result(document: string, contender: string, seconds: number[], pages: number | undefined, failures: string[] = []): CellResult {
  return {
    document,
    documentLabel: document.replace('essay-x', 'essay ×'),
    contender,
    contenderLabel: contender,
    input: 'markdown',
    seconds,
    peakBytes: seconds.map((_, i) => (300 + i * 100) * MB),
    // CPU: twice the wall time, but pagedjs-cli's, which is the wall time.
    cpuSeconds: seconds.map((value) => (contender === 'pagedjs-cli' ? value : value * 2)),
    ...(pages === undefined ? {} : { pages }),
    failures,
  };
}

const RESULTS: CellResult[] = [
  result('essay', 'zine-all', [4.6, 4.4, 4.5], 12),
  result('essay', 'zine-reading', [3.1, 2.9, 3.0], 12),
  result('essay', 'pagedjs-cli', [2.8, 2.7, 2.6], 11),
  result('essay', 'chromium', [1.2, 1.3, 1.1], 11),
  result('essay', 'pagedjs-alone', [1.6, 1.5, 1.4], 11),
  result('essay', 'pagedjs-alone-stock', [2.2, 2.0, 2.4], 11),
  result('essay-x5', 'zine-all', [9, 10, 11], 30),
  result('essay-x5', 'zine-reading', [6, 6, 6], 30),
  result('essay-x20', 'zine-all', [30, 33, 36], 120),
  result('essay-x20', 'zine-reading', [24, 24, 24], 120),
  result('essay-x20', 'pagedjs-cli', [], undefined, ['exit 1: TimeoutError', 'exit 1: TimeoutError']),
];

/** The table's cells, row by row, header first, without the alignment row. */
const cells = (table: string): string[][] =>
  table
    .split('\n')
    .filter((line, i) => i !== 1)
    .map((line) => line.slice(2, -2).split(' | '));

describe('resultsTable', () => {
  it('gives each document and contender its median, range, CPU time, peak memory, pages, time per page and ratios', () => {
    const [header, zineAll] = cells(resultsTable(RESULTS));
    expect(header).toEqual(['document', 'contender', 'input', 'median s', 'min–max s', 'CPU s', 'peak MB', 'pages', 'ms/page', '÷ pagedjs-cli', 'CPU ÷ pagedjs-cli']);
    // 4.5 s median, 4.4–4.6, 9 s of CPU, peak the highest run's 500 MB, 12 pages, 375 ms a page, 4.5 / 2.7, 9 / 2.7.
    expect(zineAll).toEqual(['essay', 'zine-all', 'markdown', '4.50', '4.40–4.60', '9.00', '500', '12', '375', '1.67', '3.33']);
  });

  it('leaves the CPU figures empty where no run could measure them', () => {
    const [, only] = cells(resultsTable([{ ...result('essay', 'zine-all', [4, 5], 12), cpuSeconds: [] }, result('essay', 'pagedjs-cli', [2], 11)]));
    expect(only?.slice(3)).toEqual(['4.50', '4.00–5.00', '–', '400', '12', '375', '2.25', '–']);
  });

  it('is a markdown table: a header, an alignment row, one row per result, every row as wide', () => {
    const lines = resultsTable(RESULTS).split('\n');
    expect(lines).toHaveLength(2 + RESULTS.length);
    expect(lines[1]).toBe('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const line of lines) expect(line.split(' | ')).toHaveLength(11);
  });

  it('says why a contender never succeeded, and leaves its figures and others’ ratios to it empty', () => {
    const rows = cells(resultsTable(RESULTS));
    expect(rows.at(-1)).toEqual(['essay ×20', 'pagedjs-cli', 'markdown', 'failed: exit 1: TimeoutError', '–', '–', '–', '–', '–', '–', '–']);
    expect(rows.find((row) => row[0] === 'essay ×20' && row[1] === 'zine-all')?.at(-1)).toBe('–');
  });

  it('counts failed runs next to the median of those that succeeded, and escapes pipes', () => {
    const table = resultsTable([result('essay', 'typst', [0.5, 0.7], 6, ['exit 2: a | b'])]);
    expect(table).toContain('| 0.60 (1 failed: exit 2: a \\| b) |');
  });
});

describe('goalsTable', () => {
  it('states each goal as a ratio of medians, with its target and whether it is met', () => {
    const rows = cells(goalsTable(RESULTS));
    expect(rows[1]).toEqual(['essay: zine full build ÷ pagedjs-cli reading PDF', '1.67', '≤ 0.8', 'not met']);
    expect(rows[2]).toEqual(['essay: zine reading PDF ÷ pagedjs-cli reading PDF', '1.11', '–', '']);
    // 33 s / 120 pages against 10 s / 30 pages: 0.275 against 0.333 s a page.
    expect(rows[6]).toEqual(['zine full build, time per page at 120 ÷ at 30 pages', '0.83', '≤ 1', 'met']);
    expect(rows[8]).toEqual(['essay: zine full build ÷ Chromium print (the floor)', '3.75', '–', '']);
  });

  it('sets Paged.js alone, stock and patched, against pagedjs-cli in wall and CPU time: the bound of the goals', () => {
    const rows = cells(goalsTable(RESULTS));
    // Patched: 1.5 s against 2.7 s, CPU 3.0 against 2.7; stock: 2.2 s, CPU 4.4. On the book, pagedjs-cli failed and neither ran.
    expect(rows.slice(9, 13)).toEqual([
      ['essay: Paged.js alone, stock ÷ pagedjs-cli reading PDF', '0.81', '–', ''],
      ['essay: Paged.js alone, stock ÷ pagedjs-cli reading PDF, CPU time', '1.63', '–', ''],
      ['essay: Paged.js alone, patched ÷ pagedjs-cli reading PDF', '0.56', '–', ''],
      ['essay: Paged.js alone, patched ÷ pagedjs-cli reading PDF, CPU time', '1.11', '–', ''],
    ]);
    expect(rows[13]).toEqual(['120 pages: Paged.js alone, stock ÷ pagedjs-cli reading PDF', 'not measured', '–', '']);
  });

  it('says a ratio was not measured when one side failed, the CPU goal too', () => {
    expect(cells(goalsTable(RESULTS))[3]).toEqual(['120 pages: zine full build ÷ pagedjs-cli reading PDF', 'not measured', '≤ 0.7', '–']);
    expect(cells(goalsTable(RESULTS))[4]).toEqual(['120 pages: zine full build ÷ pagedjs-cli reading PDF, CPU time', 'not measured', '≤ 1.3', '–']);
  });
});

describe('perPageTable', () => {
  it('gives each document’s time per page and the time each page added since the document before', () => {
    const rows = cells(perPageTable(RESULTS, ['zine-all', 'pagedjs-cli']));
    expect(rows.slice(1)).toEqual([
      ['zine-all', 'essay', '12', '375', '–'],
      // (10 − 4.5) s over 18 more pages; (33 − 10) s over 90 more.
      ['zine-all', 'essay ×5', '30', '333', '306'],
      ['zine-all', 'essay ×20', '120', '275', '256'],
      // pagedjs-cli failed on the book: no row, and no difference drawn across it.
      ['pagedjs-cli', 'essay', '11', '245', '–'],
    ]);
  });
});

describe('benchReport', () => {
  const machine = { cores: 2, cpu: 'AMD EPYC', memory: 24 * 2 ** 30, os: 'Debian GNU/Linux 12 (bookworm), kernel 6.1', node: 'v20.20.2', chromium: 'Chromium 150.0', browser: '/usr/bin/chromium-headless-shell', load: [0.12, 0.3, 0.25] };

  it('describes the machine, the versions, the results and the goals', () => {
    const report = benchReport({ machine, versions: { 'pagedjs-cli': '0.4.3' }, results: RESULTS, runs: 5, started: new Date('2026-11-26T01:00:00Z'), notes: ['WeasyPrint left out: no apt-get.'] });
    expect(report).toContain(describeMachine(machine));
    expect(describeMachine(machine)).toContain('2 cores, AMD EPYC, 24.0 GiB of memory');
    expect(describeMachine(machine)).toContain('load average at the start: 0.12, 0.30, 0.25');
    expect(describeMachine(machine)).toContain('Chromium 150.0 (/usr/bin/chromium-headless-shell)');
    expect(report).toContain('2026-11-26 01:00 UTC');
    expect(report).toContain('pagedjs-cli 0.4.3');
    expect(report).toContain('- WeasyPrint left out: no apt-get.');
    expect(report).toContain(resultsTable(RESULTS));
    expect(report).toContain(goalsTable(RESULTS));
    expect(report).toContain(perPageTable(RESULTS));
  });
});

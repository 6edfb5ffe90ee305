/** docs/bench.md: the machine, how it was measured, the results and the goals' ratios. */
import { describeMachine, type Machine } from './machine.ts';
import { goalsTable, perPageTable, resultsTable, type CellResult } from './table.ts';

export interface ReportOptions {
  machine: Machine;
  /** Tool name → version. */
  versions: Record<string, string>;
  results: readonly CellResult[];
  /** Counted runs per contender and document. */
  runs: number;
  /** When the bench started. */
  started: Date;
  /** Lines about what was left out and why (a tool missing, a document that failed). */
  notes?: readonly string[];
}

export function benchReport(options: ReportOptions): string {
  const { machine, versions, results, runs, started, notes = [] } = options;
  const tools = Object.entries(versions)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ');
  return `# Bench

Made by \`npm run bench\` (scripts/bench/) on ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC.

## Machine

${describeMachine(machine)}

## How

- Every contender runs as a whole process, started directly (node, or the tool's own command), on each document;
  the time is the wall time from its start to its exit.
- Runs alternate: every contender on every document once, then all of them again, ${runs} ${runs === 1 ? 'round' : 'rounds'} in all;
  before the first, each contender makes the first document once, uncounted, to warm the disk cache. The table gives
  the median and the range. zine runs as \`zine\` does, with the code cache of its compiled bundle in dist/, which its
  first build after a compile writes (scripts/setup/code-cache.mjs): the uncounted run writes it if none was there.
- CPU s is the median CPU time (user and system) of the contender's whole process tree, Chromium's processes among
  them, read from a control group the run is started in (scripts/bench/cpu-group.ts); – where none could be made.
  CPU ÷ divides it by pagedjs-cli's, as ÷ does the wall time.
- Peak MB is the highest sum of the resident memory (RSS) of every process in the contender's process tree,
  sampled every 100 ms from /proc (the tree looked for anew every 500 ms), highest over the runs. Memory shared
  between processes (Chromium's) is counted in each, so the sum overstates what the tree takes from the machine.
- Pages are those of the PDF made (zine: the reading edition); ms/page divides the median by them.
- pagedjs-cli, Vivliostyle CLI and WeasyPrint lay out the HTML zine lays out for the reading edition (its fonts beside it),
  with its Content-Security-Policy line removed so that they may add their scripts. Floors run on that same HTML,
  through puppeteer-core as zine does: "Paged.js alone" evaluates Paged.js 0.4.3, stock and as zine patches it
  (docs/paginator.md), lets it lay the pages out with no handler added and prints them (\`page.pdf\`), with nothing
  done to the PDF after: the least any pipeline that lays out with Paged.js can take; "Chromium print" prints the HTML with no pagination at all, the floor of any Chromium
  pipeline. Typst compiles a source the bench
  writes from the markdown (title, headings, paragraphs, lists, notes at their calls; same page size, margins, faces
  and type size; no cover, card or colophon). The Chromium-based tools all use the browser zine uses (the machine's, named above: Chromium's
  headless shell where it is installed), started with zine's flags and fontconfig; none downloads a browser.
- Versions: ${tools}.
${notes.map((note) => `- ${note}`).join('\n')}

## Results

${resultsTable(results)}

## Time per page

${perPageTable(results)}

## Goals

${goalsTable(results)}
`;
}

/**
 * `npm run bench:paginator`: stock Paged.js 0.4.3 against the project's
 * patched copy (scripts/paginate/pagedjs/patches.ts), each laying out the
 * reading edition's HTML with the build's own in-page code, in alternating
 * runs. It checks that both make the same pages (text, notes, running heads,
 * classes) and prints, per page, the forced layouts and style recalcs (counts
 * that do not depend on the machine's load), the tab's main-thread time and
 * the wall time from the tab's opening to the layout's report.
 *
 *   npm run bench:paginator -- [--runs 3] [--copies 1,20] [FILE.md …]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../browser/browser.ts';
import { paginate } from '../paginate/paginate.ts';
import { PROJECT_ROOT } from '../util/project-root.ts';
import { writeDocuments } from './documents.ts';
import { firstDifference, summarizePages, type PageSummary } from './page-summary.ts';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '3' }, copies: { type: 'string', default: '1,20' } },
});

type Variant = 'stock' | 'patched';

interface Run {
  pages: number;
  layouts: number;
  recalcs: number;
  /** Seconds of the tab's main thread: script, layout, style, all tasks. */
  script: number;
  layout: number;
  task: number;
  /** Seconds from the tab's opening to the layout's report, waits for frames included. */
  wall: number;
}

const scratch = mkdtempSync(join(tmpdir(), 'zinepress-paginator-'));
const essay = join(PROJECT_ROOT, 'source', 'unifying-the-struggle.md');
const copies = args.copies.split(',').filter(Boolean).map(Number);
const documents = [...writeDocuments({ essay, dir: scratch, copies }).map((d) => d.markdown), ...positionals];
const browser = await launchBrowser();
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

try {
  for (const markdown of documents) {
    const name = basename(markdown, '.md');
    // The reading edition's HTML, with its fonts and images beside it, as the build lays it out.
    execFileSync(process.execPath, [join(PROJECT_ROOT, 'bin', 'zine.js'), 'build', markdown, '--out', scratch, '--formats', 'reading'], { stdio: 'ignore' });
    const dir = join(scratch, name);
    const htmlPath = join(dir, `${name}.html`);
    const runs: Record<Variant, Run[]> = { stock: [], patched: [] };
    const pages: Partial<Record<Variant, PageSummary[]>> = {};
    for (let i = 0; i < Number(args.runs); i += 1) {
      for (const variant of (i % 2 === 0 ? ['stock', 'patched'] : ['patched', 'stock']) as Variant[]) {
        const started = performance.now();
        const { page, report } = await paginate({ browser, htmlPath, allowedDir: dir, pagedJs: variant });
        const wall = (performance.now() - started) / 1000;
        const metrics = await page.metrics();
        pages[variant] ??= await summarizePages(page);
        await page.close();
        runs[variant].push({
          pages: report.pageCount,
          layouts: metrics.LayoutCount ?? 0,
          recalcs: metrics.RecalcStyleCount ?? 0,
          script: metrics.ScriptDuration ?? 0,
          layout: metrics.LayoutDuration ?? 0,
          task: metrics.TaskDuration ?? 0,
          wall,
        });
      }
    }
    const difference = firstDifference(pages.stock ?? [], pages.patched ?? []);
    console.log(`\n${name}: ${difference === undefined ? 'the same pages' : `DIFFERENT PAGES: ${difference}`}`);
    console.log('Paged.js  pages  layouts/page  recalcs/page  layouts  recalcs  script s  layout s  tasks s    wall s   (medians)');
    for (const variant of ['stock', 'patched'] as const) {
      const r = runs[variant];
      const n = median(r.map((x) => x.pages));
      const [layouts, recalcs] = [median(r.map((x) => x.layouts)), median(r.map((x) => x.recalcs))];
      const cells = [variant.padEnd(8), String(n).padStart(5), (layouts / n).toFixed(1).padStart(12), (recalcs / n).toFixed(1).padStart(12)];
      cells.push(String(layouts).padStart(7), String(recalcs).padStart(7));
      cells.push(...[r.map((x) => x.script), r.map((x) => x.layout), r.map((x) => x.task), r.map((x) => x.wall)].map((v) => median(v).toFixed(2).padStart(8)));
      console.log(cells.join('  '));
    }
    if (difference !== undefined) process.exitCode = 1;
  }
} finally {
  await browser.close();
  rmSync(scratch, { recursive: true, force: true });
}

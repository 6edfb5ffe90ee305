/**
 * `npm run bench`: zine against pagedjs-cli, Vivliostyle, WeasyPrint, Typst
 * and Chromium's bare print, on the essay and on the essay repeated 5 and 20
 * times, in alternating runs; prints the table and writes it to docs/bench.md.
 *
 *   npm run bench -- [--runs 5] [--contenders zine-all,typst,…] [--documents essay,…] [--copies 1,5,20,80]
 *                    [--out docs/bench.md] [--timeout 600] [--keep (the scratch folder, to look at the PDFs)]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { launchArgs } from '../browser/browser.ts';
import { findBrowser } from '../browser/find-browser.ts';
import { fontconfigEnv } from '../browser/fontconfig.ts';
import { PROJECT_ROOT } from '../util/project-root.ts';
import { contenders, type Contender } from './contenders.ts';
import { writeDocuments } from './documents.ts';
import { readMachine } from './machine.ts';
import { measure } from './measure.ts';
import { benchReport } from './report.ts';
import { schedule } from './schedule.ts';
import { writeSources, type Sources } from './sources.ts';
import type { CellResult } from './table.ts';
import { installTools } from './tools.ts';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    contenders: { type: 'string' },
    documents: { type: 'string' },
    copies: { type: 'string', default: '1,5,20' },
    out: { type: 'string', default: join(PROJECT_ROOT, 'docs', 'bench.md') },
    timeout: { type: 'string', default: '600' },
    keep: { type: 'boolean', default: false },
  },
});
const runs = Number(args.runs);
const pick = (list: string | undefined) => (key: string) => list === undefined || list.split(',').includes(key);

const started = new Date();
const found = await findBrowser();
if (found === undefined) throw new Error('no browser: run npm install first');
const browser = found.executablePath;
const machine = readMachine(browser); // the load average before the bench adds its own
execFileSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'setup', 'compile.mjs')], { stdio: 'inherit' });
const tools = installTools();
const notes: string[] = [];
if ('missing' in tools.weasyprint) notes.push(`WeasyPrint left out: ${tools.weasyprint.missing}.`);

const work = mkdtempSync(join(tmpdir(), 'zinepress-bench-'));
const browserEnv = await fontconfigEnv();
const zine = join(PROJECT_ROOT, 'bin', 'zine.js');
const documents = writeDocuments({
  essay: join(PROJECT_ROOT, 'source', 'unifying-the-struggle.md'),
  dir: join(work, 'documents'),
  copies: args.copies.split(',').map(Number),
}).filter((document) => pick(args.documents)(document.key));
const sources: Sources[] = [];
for (const document of documents) {
  try {
    sources.push(writeSources(document, { zine, dir: join(work, 'sources'), env: browserEnv }));
  } catch (error) {
    const why = (error as { stderr?: Buffer }).stderr?.toString().trim().split('\n').at(-1) ?? String(error);
    notes.push(`${document.label} left out: zine could not build its HTML (${why}).`);
  }
}
const list = contenders({ root: PROJECT_ROOT, out: join(work, 'pdf'), tools, browser, browserArgs: launchArgs(process.getuid?.() === 0), browserEnv })
  .filter((contender) => pick(args.contenders)(contender.key));

const results = new Map<string, CellResult>();
const cells = sources.flatMap((source) => list.map((contender) => ({ source, contender })));
for (const { source, contender } of cells) {
  results.set(`${source.key} ${contender.key}`, {
    document: source.key,
    documentLabel: source.label,
    contender: contender.key,
    contenderLabel: contender.label,
    input: contender.input,
    seconds: [],
    peakBytes: [],
    cpuSeconds: [],
    failures: [],
  });
}

async function pagesOf(pdf: string): Promise<number> {
  return (await PDFDocument.load(readFileSync(pdf), { updateMetadata: false })).getPageCount();
}

async function runOnce(source: Sources, contender: Contender, counted: boolean): Promise<string> {
  const { invocation, pdf } = contender.run(source);
  rmSync(pdf, { force: true });
  const measured = await measure(invocation, { timeoutSeconds: Number(args.timeout) });
  const failure = measured.failure ?? (existsSync(pdf) ? undefined : 'no PDF written');
  if (!counted) return failure === undefined ? `${measured.seconds.toFixed(2)} s (warm-up)` : `failed (warm-up): ${failure}`;
  const result = results.get(`${source.key} ${contender.key}`);
  if (result === undefined) return '';
  if (failure !== undefined) {
    result.failures.push(failure);
    return `failed: ${failure}`;
  }
  result.seconds.push(measured.seconds);
  result.peakBytes.push(measured.peakBytes);
  if (measured.cpuSeconds !== undefined) result.cpuSeconds.push(measured.cpuSeconds);
  result.pages ??= await pagesOf(pdf);
  const cpu = measured.cpuSeconds === undefined ? '' : `, CPU ${measured.cpuSeconds.toFixed(2)} s`;
  return `${measured.seconds.toFixed(2)} s${cpu}, ${(measured.peakBytes / 2 ** 20).toFixed(0)} MB, ${result.pages} pages`;
}

const warmUp = cells.filter((cell) => cell.source === sources[0]);
const slots = schedule(cells, { runs, warmUp });
for (const [index, { cell, round }] of slots.entries()) {
  const said = await runOnce(cell.source, cell.contender, round >= 0);
  console.log(`[${index + 1}/${slots.length}] ${cell.source.label} · ${cell.contender.label}: ${said}`);
}

notes.push(`Load average at the end: ${loadavg().map((n) => n.toFixed(2)).join(', ')}.`);
const report = benchReport({ machine, versions: tools.versions, results: [...results.values()], runs, started, notes });
writeFileSync(args.out, report);
console.log(`\n${report}`);
console.log(`written to ${args.out}`);
if (args.keep) console.log(`the documents, their HTML and Typst sources and every PDF are in ${work}`);
else rmSync(work, { recursive: true, force: true });

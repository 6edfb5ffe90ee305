/**
 * `npm run bench`: times `zine build` of the essay next to pagedjs-cli making
 * the reading PDF from the same HTML, each as a whole process, and prints the
 * medians. pagedjs-cli 0.4.3 (the same Paged.js) is installed into a scratch
 * folder, told not to download a browser, and pointed at ours; it is started
 * with node directly, as zine is, so npm's own start-up counts for neither.
 *
 *   npm run bench -- [runs] [source.md]
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { findBrowser } from '../render/find-browser.ts';
import { launchArgs } from '../render/browser.ts';

const runs = Number(process.argv[2] ?? 5);
const source = process.argv[3] ?? 'source/unifying-the-struggle.md';
const name = basename(source, '.md');
const work = mkdtempSync(join(tmpdir(), 'zine-bench-'));
const browser = await findBrowser();
if (browser === undefined) throw new Error('no browser: run npm install first');

function seconds(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const started = performance.now();
  execFileSync(command, args, { stdio: 'ignore', env });
  return (performance.now() - started) / 1000;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

// The HTML Paged.js lays out, as the build writes it. pagedjs-cli injects its
// scripts as <script> tags, which the document's CSP forbids: only that line goes.
execFileSync(process.execPath, ['bin/zine.js', 'build', source, '--formats', 'reading', '--out', work], { stdio: 'ignore' });
const html = readFileSync(join(work, name, `${name}.html`), 'utf8').replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n?/, '');
writeFileSync(join(work, 'same.html'), html);
cpSync(join(work, name, 'fonts'), join(work, 'fonts'), { recursive: true });

const cliEnv = { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1', PUPPETEER_EXECUTABLE_PATH: browser.executablePath };
execFileSync('npm', ['install', '--prefix', work, '--no-save', 'pagedjs-cli@0.4.3'], { stdio: 'ignore', env: cliEnv });
const pagedjsCli = [
  join(work, 'node_modules', 'pagedjs-cli', 'src', 'cli.js'), join(work, 'same.html'),
  '-o', join(work, 'pagedjs-cli.pdf'), '--browserArgs', launchArgs(process.getuid?.() === 0).join(','),
];
seconds(process.execPath, pagedjsCli, cliEnv); // warm up

const commands = {
  'zine build (reading)': () => seconds(process.execPath, ['bin/zine.js', 'build', source, '--formats', 'reading', '--out', work]),
  'zine build (all formats)': () => seconds(process.execPath, ['bin/zine.js', 'build', source, '--out', work]),
  'pagedjs-cli (reading)': () => seconds(process.execPath, pagedjsCli, cliEnv),
};
const results: Record<string, number> = {};
for (const [label, run] of Object.entries(commands)) {
  results[label] = median(Array.from({ length: runs }, run));
  console.log(`${label.padEnd(26)} median ${results[label]?.toFixed(2)} s over ${runs} runs`);
}
const base = results['pagedjs-cli (reading)'] ?? NaN;
for (const label of ['zine build (reading)', 'zine build (all formats)']) {
  console.log(`${label} / pagedjs-cli: ${((results[label] ?? NaN) / base).toFixed(2)}`);
}

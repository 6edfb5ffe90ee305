/**
 * What a bench runs on each document, as whole processes started with node
 * (or the tool's own command) directly, so that npm's start-up counts for
 * none: zine (every format, and the reading PDF alone), pagedjs-cli,
 * Vivliostyle CLI and WeasyPrint on the HTML zine lays out, Typst on a source
 * of the same text, and floors on that HTML: Paged.js laying it out with
 * nothing else (stock 0.4.3, and the patched copy zine lays out with), and
 * Chromium printing it unpaginated.
 */
import { join } from 'node:path';
import type { Invocation } from './measure.ts';
import type { Sources } from './sources.ts';
import type { Tools } from './tools.ts';

/** One contender: how it is named, and how it is run on a document. */
export interface Contender {
  key: string;
  label: string;
  /** What it is given, for the table's notes. */
  input: string;
  /** Its command for a document, and the PDF whose pages are counted. */
  run(source: Sources): { invocation: Invocation; pdf: string };
}

export interface ContendersOptions {
  /** The project folder (bin/zine.js, scripts/bench/runners/). */
  root: string;
  /** Where every PDF goes. */
  out: string;
  tools: Tools;
  /** Chromium's executable. */
  browser: string;
  /** The flags zine starts Chromium with, given to the others that take flags. */
  browserArgs: readonly string[];
  /**
   * The environment zine starts Chromium in (its own fontconfig), given to
   * every contender, so that none spends time on the system's fonts.
   */
  browserEnv: NodeJS.ProcessEnv;
}

export function contenders(options: ContendersOptions): Contender[] {
  const { root, out, tools, browser, browserArgs, browserEnv } = options;
  const node = process.execPath;
  const zine = join(root, 'bin', 'zine.js');
  const env = { ...browserEnv, PUPPETEER_SKIP_DOWNLOAD: '1', PUPPETEER_EXECUTABLE_PATH: browser };
  const pdf = (tool: string, source: Sources): string => join(out, `${source.key}.${tool}.pdf`);
  // A floor: a script of scripts/bench/runners/, given the browser, zine's HTML, the PDF to write, the browser's flags and what else it takes.
  const floor = (key: string, label: string, runner: string, ...more: string[]): Contender => ({
    key,
    label,
    input: 'zine’s HTML',
    run: (source) => ({
      invocation: { command: node, args: [join(root, 'scripts', 'bench', 'runners', runner), browser, source.html, pdf(key, source), browserArgs.join(','), ...more], env },
      pdf: pdf(key, source),
    }),
  });
  const list: Contender[] = [
    {
      key: 'zine-all',
      label: 'zine build, every format',
      input: 'markdown',
      run: (source) => ({
        invocation: { command: node, args: [zine, 'build', source.markdown, '--out', join(out, 'zine-all')], env },
        pdf: join(out, 'zine-all', source.key, 'reading.pdf'),
      }),
    },
    {
      key: 'zine-reading',
      label: 'zine build, reading PDF',
      input: 'markdown',
      run: (source) => ({
        invocation: { command: node, args: [zine, 'build', source.markdown, '--formats', 'reading', '--out', join(out, 'zine-reading')], env },
        pdf: join(out, 'zine-reading', source.key, 'reading.pdf'),
      }),
    },
    {
      key: 'pagedjs-cli',
      label: `pagedjs-cli ${tools.versions['pagedjs-cli']}`,
      input: 'zine’s HTML',
      run: (source) => ({
        invocation: {
          command: node,
          args: [tools.pagedjsCli, source.html, '-o', pdf('pagedjs-cli', source), '--browserArgs', browserArgs.join(',')],
          env,
        },
        pdf: pdf('pagedjs-cli', source),
      }),
    },
    {
      key: 'vivliostyle',
      label: `Vivliostyle CLI ${tools.versions['@vivliostyle/cli']}`,
      input: 'zine’s HTML',
      run: (source) => ({
        invocation: {
          command: node,
          args: [tools.vivliostyle, 'build', source.html, '--single-doc', '-o', pdf('vivliostyle', source), '--executable-browser', browser, '--log-level', 'silent'],
          env,
        },
        pdf: pdf('vivliostyle', source),
      }),
    },
  ];
  if ('command' in tools.weasyprint) {
    const command = tools.weasyprint.command;
    list.push({
      key: 'weasyprint',
      label: `WeasyPrint ${tools.versions['weasyprint']}`,
      input: 'zine’s HTML',
      run: (source) => ({ invocation: { command, args: ['-q', source.html, pdf('weasyprint', source)], env }, pdf: pdf('weasyprint', source) }),
    });
  }
  list.push(
    {
      key: 'typst',
      label: `Typst (typst-ts-node-compiler ${tools.versions['@myriaddreamin/typst-ts-node-compiler']})`,
      input: 'Typst source of the markdown',
      run: (source) => ({
        invocation: { command: node, args: [join(root, 'scripts', 'bench', 'runners', 'typst.mjs'), tools.dir, source.typst, pdf('typst', source), tools.typstFonts], env },
        pdf: pdf('typst', source),
      }),
    },
    floor('pagedjs-alone-stock', 'Paged.js alone, stock 0.4.3: layout and print', 'pagedjs-alone.mjs'),
    floor('pagedjs-alone', 'Paged.js alone, patched (zine’s): layout and print', 'pagedjs-alone.mjs', join(root, 'dist', 'paged.polyfill.patched.js')),
    floor('chromium', 'Chromium print, no pagination', 'chromium-print.mjs'),
  );
  return list;
}

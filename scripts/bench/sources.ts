/**
 * Each document in the forms the contenders read: its markdown, the HTML that
 * zine lays out for the reading edition (made by one `zine build`, with its
 * fonts beside it), and a Typst source of the same text.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchDocument } from './documents.ts';
import { typstSource } from './typst-source.ts';

export interface Sources extends BenchDocument {
  /** zine's HTML of the reading edition, fonts/ beside it. */
  html: string;
  /** The Typst source. */
  typst: string;
}

export interface SourcesOptions {
  /** bin/zine.js. */
  zine: string;
  /** Folder the HTML and Typst files go into. */
  dir: string;
  /** Environment for zine. Default process.env. */
  env?: NodeJS.ProcessEnv;
}

/**
 * zine's HTML for other tools: pagedjs-cli and Vivliostyle add their scripts
 * to the page, which the document's Content-Security-Policy forbids, so that
 * one line goes; nothing else is changed.
 */
export function withoutCsp(html: string): string {
  return html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n?/, '');
}

/** Writes the HTML and Typst forms of one document; throws when zine cannot build it. */
export function writeSources(document: BenchDocument, options: SourcesOptions): Sources {
  const { zine, dir, env = process.env } = options;
  const built = join(dir, 'zine-html');
  execFileSync(process.execPath, [zine, 'build', document.markdown, '--formats', 'reading', '--out', built], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env,
  });
  const folder = join(dir, document.key);
  mkdirSync(folder, { recursive: true });
  const html = join(folder, `${document.key}.html`);
  writeFileSync(html, withoutCsp(readFileSync(join(built, document.key, `${document.key}.html`), 'utf8')));
  cpSync(join(built, document.key, 'fonts'), join(folder, 'fonts'), { recursive: true });
  const typst = join(folder, `${document.key}.typ`);
  writeFileSync(typst, typstSource(readFileSync(document.markdown, 'utf8')));
  return { ...document, html, typst };
}

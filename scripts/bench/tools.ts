/**
 * The other tools a bench runs, installed outside the project: pagedjs-cli,
 * Vivliostyle CLI and Typst's node compiler from npm into a scratch folder
 * (kept between benches while the versions match), told never to download a
 * browser; WeasyPrint from Debian's packages when apt-get can install it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { woffToSfnt } from '../browser/woff-to-sfnt.ts';

/** The npm packages, pinned: a bench compares the same versions every time. */
export const NPM_TOOLS = {
  'pagedjs-cli': '0.4.3',
  // The last release that runs on node 20; later ones ask for node 22.
  '@vivliostyle/cli': '11.0.0',
  '@myriaddreamin/typst-ts-node-compiler': '0.7.0',
} as const;

export interface Tools {
  /** The scratch folder holding node_modules/ and typst-fonts/. */
  dir: string;
  pagedjsCli: string;
  vivliostyle: string;
  /** The Typst fonts folder: the faces the reading edition uses, as OpenType files. */
  typstFonts: string;
  /** The weasyprint command, or why there is none. */
  weasyprint: { command: string; version: string } | { missing: string };
  /** name → version, as installed. */
  versions: Record<string, string>;
}

export interface ToolsOptions {
  /** The scratch folder. Default `<os tmp>/zinepress-bench-tools`. */
  dir?: string;
  /** Environment for npm: no browser download, the browser to use. Default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Prints what is being done. Default console.log. */
  log?: (line: string) => void;
}

/** Source Serif 4 and Source Sans 3, Latin, the weights the essay sets (WOFF 1 → sfnt for Typst). */
const TYPST_FACES = [
  'source-serif-4/files/source-serif-4-latin-400-normal.woff',
  'source-serif-4/files/source-serif-4-latin-400-italic.woff',
  'source-serif-4/files/source-serif-4-latin-600-normal.woff',
  'source-serif-4/files/source-serif-4-latin-600-italic.woff',
  'source-sans-3/files/source-sans-3-latin-400-normal.woff',
  'source-sans-3/files/source-sans-3-latin-700-normal.woff',
];

function installedVersion(dir: string, name: string): string | undefined {
  const file = join(dir, 'node_modules', name, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : undefined;
}

function weasyprint(log: (line: string) => void): Tools['weasyprint'] {
  const version = (): string => execFileSync('weasyprint', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    return { command: 'weasyprint', version: version() };
  } catch {
    // not installed: try Debian's package
  }
  if (process.getuid?.() !== 0) return { missing: 'weasyprint is not installed, and apt-get needs root' };
  log('installing weasyprint with apt-get …');
  try {
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'weasyprint'], {
      stdio: 'ignore',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    return { command: 'weasyprint', version: version() };
  } catch (error) {
    return { missing: `apt-get install weasyprint failed (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
  }
}

/** Installs what is missing and says where everything is. */
export function installTools(options: ToolsOptions = {}): Tools {
  const { dir = join(tmpdir(), 'zinepress-bench-tools'), env = process.env, log = console.log } = options;
  mkdirSync(dir, { recursive: true });
  const stale = Object.entries(NPM_TOOLS).filter(([name, version]) => installedVersion(dir, name) !== version);
  if (stale.length > 0) {
    log(`installing ${stale.map(([name, version]) => `${name}@${version}`).join(', ')} into ${dir} …`);
    if (!existsSync(join(dir, 'package.json'))) writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel', 'error', ...Object.entries(NPM_TOOLS).map(([n, v]) => `${n}@${v}`)], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...env, PUPPETEER_SKIP_DOWNLOAD: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
    });
  }
  const typstFonts = join(dir, 'typst-fonts');
  mkdirSync(typstFonts, { recursive: true });
  const require = createRequire(import.meta.url);
  for (const face of TYPST_FACES) {
    const out = join(typstFonts, face.replace(/^.*\//, '').replace(/\.woff$/, '.otf'));
    if (!existsSync(out)) writeFileSync(out, woffToSfnt(readFileSync(require.resolve(`@fontsource/${face}`))));
  }
  const versions: Record<string, string> = {};
  for (const name of Object.keys(NPM_TOOLS)) versions[name] = installedVersion(dir, name) ?? '?';
  const found = weasyprint(log);
  if ('version' in found) versions['weasyprint'] = found.version.replace(/^WeasyPrint version:?\s*/i, '');
  return {
    dir,
    pagedjsCli: join(dir, 'node_modules', 'pagedjs-cli', 'src', 'cli.js'),
    vivliostyle: join(dir, 'node_modules', '@vivliostyle', 'cli', 'dist', 'cli.js'),
    typstFonts,
    weasyprint: found,
    versions,
  };
}

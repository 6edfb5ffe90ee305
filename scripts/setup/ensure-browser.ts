/**
 * Runs after `npm install`: makes sure a Chromium-family browser is there,
 * Chromium's headless shell by choice (it starts in half the time of the
 * full browser). Debian/Ubuntu as root: installs Debian's
 * `chromium-headless-shell`, also when only a full chromium is there.
 * Elsewhere, when no browser is found: downloads chrome-headless-shell into
 * puppeteer's cache with @puppeteer/browsers. When both fail it prints one
 * message that says what to run, and exits non-zero.
 *
 * Then poppler's pdftotext and pdfimages, with which every build reads its
 * PDFs back (formats/read-back.ts): installed with apt-get as root on Debian
 * or Ubuntu (`poppler-utils`), else named in a line saying what to install.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Browser, BrowserPlatform, detectBrowserPlatform, install, resolveBuildId } from '@puppeteer/browsers';
import { findBrowser, isHeadlessShell, puppeteerCacheDir } from '../render/find-browser.ts';

const HELP = `zinepress needs Chromium or Chrome to lay out pages, and none was found or could be installed.
Install one, then run \`npm run build\` again:
  Debian/Ubuntu:  sudo apt-get install -y chromium-headless-shell
  macOS:          brew install --cask chromium
  anywhere:       npx @puppeteer/browsers install chrome-headless-shell@stable
or point PUPPETEER_EXECUTABLE_PATH at a Chrome or Chromium you already have.`;

function isDebianRoot(): boolean {
  return process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

function installWithApt(): void {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // apt's own lines (debconf's note that apt-utils is missing, say) are shown only when it fails: execFileSync's error carries them.
  const run = (args: string[]): void => {
    execFileSync('apt-get', args, { stdio: ['ignore', 'ignore', 'pipe'], env });
  };
  const install = ['install', '-y', '-q', '--no-install-recommends', 'chromium-headless-shell'];
  console.log('zinepress: installing Debian\'s chromium-headless-shell with apt-get …');
  try {
    run(install);
  } catch {
    run(['update', '-q']);
    run(install);
  }
}

function hasTool(name: string): boolean {
  return (process.env['PATH'] ?? '').split(':').some((dir) => dir !== '' && existsSync(`${dir}/${name}`));
}

/** The PDF reader of the read-back: poppler's tools, installed with apt-get where it can. */
function ensureReader(): number {
  if (hasTool('pdftotext') && hasTool('pdfimages')) return 0;
  if (isDebianRoot()) {
    console.log("zinepress: installing Debian's poppler-utils (pdftotext, pdfimages) with apt-get …");
    try {
      execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'poppler-utils'], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    } catch (error) {
      console.error(`zinepress: installing poppler-utils failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (hasTool('pdftotext') && hasTool('pdfimages')) return 0;
  }
  console.error('zinepress: every build reads its PDFs back with poppler: install it (Debian/Ubuntu: sudo apt-get install -y poppler-utils; macOS: brew install poppler)');
  return 1;
}

async function installWithPuppeteer(): Promise<void> {
  const platform = detectBrowserPlatform() ?? BrowserPlatform.LINUX;
  const browser = Browser.CHROMEHEADLESSSHELL;
  const buildId = await resolveBuildId(browser, platform, 'stable');
  console.log(`zinepress: downloading chrome-headless-shell ${buildId} into ${puppeteerCacheDir()} …`);
  await install({ browser, buildId, cacheDir: puppeteerCacheDir(), platform });
}

async function ensureBrowser(): Promise<number> {
  const found = await findBrowser();
  // A full browser is kept unless apt can add the headless shell beside it; a download is only for a machine with none.
  if (found !== undefined && (found.source === 'env' || isHeadlessShell(found.executablePath) || !isDebianRoot())) {
    console.log(`zinepress: using ${found.executablePath} (${found.source})`);
    return 0;
  }
  try {
    if (isDebianRoot()) installWithApt();
    else await installWithPuppeteer();
  } catch (error) {
    console.error(`zinepress: installing a browser failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const after = await findBrowser();
  if (after !== undefined) {
    console.log(`zinepress: using ${after.executablePath} (${after.source})`);
    return 0;
  }
  console.error(HELP);
  return 1;
}

void ensureBrowser().then((code) => {
  process.exitCode = Math.max(code, ensureReader());
});

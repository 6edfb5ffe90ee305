/**
 * Runs after `npm install`: makes sure a Chromium-family browser is there,
 * Chromium's headless shell by choice (it starts in half the time of the
 * full browser). Debian/Ubuntu as root: installs Debian's
 * `chromium-headless-shell`, also when only a full chromium is there.
 * Elsewhere, when no browser is found: downloads chrome-headless-shell into
 * puppeteer's cache with @puppeteer/browsers. When both fail it prints one
 * message that says what to run, and exits non-zero. Then it adds poppler's
 * tools, with which every build reads its PDFs back (formats/read-back.ts),
 * and MuPDF's, which the tests read PDFs with (reader-tools.ts), saying
 * nothing unless that fails; without poppler the install step fails.
 */
import { Browser, BrowserPlatform, detectBrowserPlatform, install, resolveBuildId } from '@puppeteer/browsers';
import { findBrowser, isHeadlessShell, puppeteerCacheDir } from '../browser/find-browser.ts';
import { aptInstall, isDebianRoot } from './apt.ts';
import { ensureReaderTools, missingReaderPackages } from './reader-tools.ts';

const HELP = `zinepress needs Chromium or Chrome to lay out pages, and none was found or could be installed.
Install one, then run \`npm run build\` again:
  Debian/Ubuntu:  sudo apt-get install -y chromium-headless-shell
  macOS:          brew install --cask chromium
  anywhere:       npx @puppeteer/browsers install chrome-headless-shell@stable
or point PUPPETEER_EXECUTABLE_PATH at a Chrome or Chromium you already have.`;

function installWithApt(): void {
  console.log('zinepress: installing Debian\'s chromium-headless-shell with apt-get …');
  aptInstall(['chromium-headless-shell']);
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
  const readers = ensureReaderTools();
  if (readers !== undefined) console.error(readers);
  process.exitCode = Math.max(code, missingReaderPackages().includes('poppler-utils') ? 1 : 0);
});

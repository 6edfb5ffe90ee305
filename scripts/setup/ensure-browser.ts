/**
 * Runs after `npm install`: makes sure a Chromium-family browser is there.
 * Debian/Ubuntu as root: installs Debian's `chromium`. Elsewhere: downloads
 * Chrome into puppeteer's cache with @puppeteer/browsers. When both fail it
 * prints one message that says what to run, and exits non-zero.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Browser, BrowserPlatform, detectBrowserPlatform, install, resolveBuildId } from '@puppeteer/browsers';
import { findBrowser, puppeteerCacheDir } from '../render/find-browser.ts';

const HELP = `zinepress needs Chromium or Chrome to lay out pages, and none was found or could be installed.
Install one, then run \`npm run build\` again:
  Debian/Ubuntu:  sudo apt-get install -y chromium
  macOS:          brew install --cask chromium
  anywhere:       npx @puppeteer/browsers install chrome@stable
or point PUPPETEER_EXECUTABLE_PATH at a Chrome or Chromium you already have.`;

function isDebianRoot(): boolean {
  return process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

function installWithApt(): void {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args: string[]): void => {
    execFileSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
  };
  console.log('zinepress: installing Debian\'s chromium with apt-get …');
  try {
    run(['install', '-y', '-q', '--no-install-recommends', 'chromium']);
  } catch {
    run(['update', '-q']);
    run(['install', '-y', '-q', '--no-install-recommends', 'chromium']);
  }
}

async function installWithPuppeteer(): Promise<void> {
  const platform = detectBrowserPlatform() ?? BrowserPlatform.LINUX;
  const buildId = await resolveBuildId(Browser.CHROME, platform, 'stable');
  console.log(`zinepress: downloading Chrome ${buildId} into ${puppeteerCacheDir()} …`);
  await install({ browser: Browser.CHROME, buildId, cacheDir: puppeteerCacheDir(), platform });
}

async function ensureBrowser(): Promise<number> {
  const found = await findBrowser();
  if (found !== undefined) {
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

process.exitCode = await ensureBrowser();

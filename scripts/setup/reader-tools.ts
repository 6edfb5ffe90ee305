/**
 * The PDF readers the tests read every PDF back with, besides pdf.js (from
 * npm): poppler's `pdftotext` and `pdftoppm` (poppler-utils) and MuPDF's
 * `mutool` (mupdf-tools). The install step adds what is missing as root on
 * Debian, saying nothing unless it fails; elsewhere it says what to install.
 * A build needs neither: only the tests and the text-layer measure do.
 */
import { execFileSync } from 'node:child_process';
import { aptInstall, isDebianRoot } from './apt.ts';

/** Each tool, and the Debian package that brings it. */
export const READER_TOOLS = [
  { command: 'pdftotext', args: ['-v'], apt: 'poppler-utils' },
  { command: 'mutool', args: ['-v'], apt: 'mupdf-tools' },
] as const;

/** Whether `command` runs. */
function runs(command: string, args: readonly string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The Debian packages of the tools that do not run here. */
export const missingReaderPackages = (): string[] => READER_TOOLS.filter(({ command, args }) => !runs(command, args)).map(({ apt }) => apt);

/** Installs the missing tools where apt-get can; returns a line to print when some are still missing, else undefined. */
export function ensureReaderTools(): string | undefined {
  const missing = missingReaderPackages();
  if (missing.length === 0) return undefined;
  let failure = '';
  if (isDebianRoot()) {
    try {
      aptInstall(missing);
    } catch (error) {
      failure = ` (apt-get failed: ${error instanceof Error ? error.message : String(error)})`;
    }
  }
  const still = missingReaderPackages();
  if (still.length === 0) return undefined;
  return `zinepress: the tests read PDFs back with poppler and MuPDF; install ${still.join(' and ')}${failure}`;
}

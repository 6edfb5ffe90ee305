/**
 * The PDF readers: poppler's `pdftotext` and `pdfimages` (poppler-utils),
 * with which every build reads its PDFs back (formats/read-back.ts), and
 * MuPDF's `mutool` (mupdf-tools), which the tests and the text-layer measure
 * read PDFs with besides pdf.js. The install step adds what is missing as
 * root on Debian, saying nothing unless it fails; elsewhere it says what to
 * install.
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
  return `zinepress: builds read their PDFs back with poppler, and the tests with MuPDF too; install ${still.join(' and ')}${failure} (Debian/Ubuntu: sudo apt-get install -y ${still.join(' ')}; macOS: brew install poppler mupdf-tools)`;
}

/**
 * Where a build's warnings go: one reporter for every stage, instead of each
 * printing on its own. The command's is the terminal (stderr, after clearing
 * the progress line); another caller (the preview) can collect them.
 */
import { terminal } from '../cli/terminal.ts';
import type { Page } from 'puppeteer-core';
import type { Trim } from '../paginate/document.ts';
import type { LayoutReport } from '../paginate/layout-report.ts';

/** One layout of a document as it ends, before the build's checks (a layout laid out again is heard again). */
export interface LaidOut {
  /** The markdown file. */
  source: string;
  trim: Trim;
  edition: 'standard' | 'large-print';
  report: LayoutReport;
  /** The tab, laid out: read it, change nothing. */
  page: Page;
}

export interface Reporter {
  /** A warning, one line, already naming its place (`source/x.md:12:3: …`) or its file. */
  warn(line: string): void;
  /**
   * Each layout as it ends, awaited before the build goes on (a test seam: tests read what the build laid
   * out without laying it out again). Default: none.
   */
  laidOut?(layout: LaidOut): void | Promise<void>;
}

/** The command's reporter: each warning on stderr. */
export const terminalReporter: Reporter = { warn: (line) => terminal.warn(line) };

/** A reporter that keeps the warnings, for a caller that shows them itself. */
export function collectingReporter(): Reporter & { lines: string[] } {
  const lines: string[] = [];
  return { lines, warn: (line) => lines.push(line) };
}

/**
 * Runs inside the page, next to Paged.js (bundled and evaluated by
 * scripts/paginate/paginate.ts). It adds what the layout needs beyond Paged.js:
 * hidden finished pages, notes pages, stable note ids and a report.
 */
import { breakAtLine } from './break-at-line.ts';
import { continueNotes } from './continue-notes.ts';
import { earlierBreaks, type EarlierBreak } from './earlier-break.ts';
import { hideFinishedPages } from './hide-finished-pages.ts';
import { noteCounters } from './note-counters.ts';
import { stableNoteIds } from './note-ids.ts';
import { keepText } from './keep-text.ts';
import { keepLoneLines } from './lone-lines.ts';
import { noFirstLetter } from './no-first-letter.ts';
import { textOrigins } from './text-origins.ts';
import { wholeLastWord } from './whole-last-word.ts';
import { notesPage, settleNotesPages } from './notes-pages.ts';
import { PageMeasures } from './page-measures.ts';
import { reportProgress, tellProgress } from './progress.ts';
import './paged.ts';
import { relayout } from './relayout.ts';
import { keepRunningStrings } from './running-strings.ts';
import { preflightReport, report } from './report.ts';
import { resumePainting, stopPainting } from './unpainted.ts';
import { stableRefs } from './stable-refs.ts';
import { testFault } from './test-fault.ts';
import type { LayoutReport } from '../layout-report.ts';

export interface InPageOptions {
  /** Add a notes page before the back matter. Default: true. */
  notes?: boolean;
  /** Run the photocopy preflight into the report. Default: false. */
  preflight?: boolean;
  /** Measure the running text's shape into the report (running-text.ts: only the mini zine's size search reads it). Default: false. */
  runningText?: boolean;
  /** Pages to end a line or more earlier than Paged.js breaks them, to repair a fault of the layout. Default: none. */
  earlierBreaks?: EarlierBreak[];
}

declare global {
  interface Window {
    zinepress: {
      paginate(options: InPageOptions): Promise<LayoutReport>;
      /** Lays a new body out in this tab, laid out before by `paginate` with the same options. */
      relayout(options: InPageOptions, body: string): Promise<LayoutReport>;
      /** The photocopy preflight of the pages laid out last, on its own (see preflightReport). */
      preflight(): Pick<LayoutReport, 'preflight' | 'insets' | 'vectorImages'>;
    };
  }
}

/** Each page's measures for the report, taken as its layout ends (the same in a layout again in this tab). */
const measures = new PageMeasures();

window.zinepress = {
  async paginate(options) {
    const settings = { notes: options.notes ?? true, preflight: options.preflight ?? false, runningText: options.runningText ?? false };
    measures.withPreflight = settings.preflight;
    measures.withRunningText = settings.runningText;
    keepRunningStrings(window.Paged);
    window.Paged.registerHandlers(
      noFirstLetter(window.Paged),
      textOrigins(window.Paged),
      breakAtLine(window.Paged),
      noteCounters(window.Paged),
      continueNotes(window.Paged),
      keepText(window.Paged),
      keepLoneLines(window.Paged),
      wholeLastWord(window.Paged),
      testFault(window.Paged),
      earlierBreaks(window.Paged, options.earlierBreaks ?? []),
      hideFinishedPages(window.Paged, measures),
      notesPage(window.Paged, settings),
      reportProgress(window.Paged),
      stableRefs(window.Paged),
    );
    stopPainting();
    await window.PagedPolyfill.preview();
    return finish(settings);
  },
  async relayout(options, body) {
    const settings = { preflight: options.preflight ?? false, runningText: options.runningText ?? false };
    measures.withPreflight = settings.preflight;
    measures.withRunningText = settings.runningText;
    stopPainting();
    await relayout(body);
    return finish(settings);
  },
  preflight: preflightReport,
};

/** The steps after the pages are laid out; they count as progress too: each is bounded on its own. */
function finish(settings: { preflight: boolean; runningText: boolean }): LayoutReport {
  const pages = () => document.querySelectorAll('.pagedjs_page').length;
  stableNoteIds();
  tellProgress(pages());
  const notesPages = settleNotesPages();
  tellProgress(pages());
  resumePainting();
  return report(notesPages, settings, measures);
}

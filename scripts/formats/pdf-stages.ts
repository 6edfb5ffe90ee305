/**
 * The stages after a layout, printing (pdf/print-pdf.ts) and imposing
 * (impose/impose.ts), with pdf-lib under them: a megabyte of code that every
 * start compiled and ran before the first layout, though none of it is
 * needed until a layout is done. layOut starts loading it as a layout
 * begins, while the browser does the work.
 */
export const printing = () => import('../pdf/print-pdf.ts');

export const imposing = () => import('../impose/impose.ts');

/** Starts loading both; a failure shows where they are used. */
export function preloadPdfStages(): void {
  printing().catch(() => undefined);
  imposing().catch(() => undefined);
}

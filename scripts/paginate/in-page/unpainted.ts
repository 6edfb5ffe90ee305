/**
 * Nothing is painted while the pages are laid out. A tab of its own is a
 * window on screen: every frame, Chromium paints and composites the page
 * being filled, work nobody looks at, and on the cores the layout needs (on
 * the essay ×20, 1.2 s of the browser's CPU and 0.6 s of the layout's time).
 * Hidden boxes keep their size and place, so every measure of the layout is
 * the same; they are shown again before anything looks at what is shown (the
 * preflight, the print).
 */
const HIDING = 'zinepress-unpainted';
/** The style the document was loaded with, its body not displayed (paginate.ts withBodyUnshown). */
export const UNSHOWN = 'zinepress-unshown';

/** A page measured while nothing is painted, seen as printed (page-measures.ts). */
const MEASURED = 'zinepress-measured';

/**
 * Runs `look` with the page seen as it will print (visible) while the rest is
 * still unpainted: a class on that page alone, where showing the whole
 * document again would restyle all of it. No frame is drawn in between.
 */
export function asPrinted<T>(page: Element, look: () => T): T {
  if (!document.getElementById(HIDING)) return look();
  page.classList.add(MEASURED);
  try {
    return look();
  } finally {
    page.classList.remove(MEASURED);
  }
}

/** Hides the page from painting, and lets its body be laid out. */
export function stopPainting(): void {
  if (document.getElementById(HIDING)) return;
  const style = document.createElement('style');
  style.id = HIDING;
  // Not a style of the document: Paged.js leaves it out of the pages' styles.
  style.dataset.pagedjsIgnore = '';
  style.textContent = `html { visibility: hidden !important; } .${MEASURED} { visibility: visible !important; }`;
  document.head.append(style);
  document.getElementById(UNSHOWN)?.remove();
}

export function resumePainting(): void {
  document.getElementById(HIDING)?.remove();
}

import type { HandlerClass, PagedGlobal } from './paged.ts';
import { HIDDEN, type PageMeasures } from './page-measures.ts';

/**
 * Finished pages are hidden while the rest is laid out (Paged.js slows down
 * quadratically when every laid-out page stays live). Each is measured for the
 * report as it is hidden, while its layout is current, and they are shown again
 * once the report has every page's measures (PageMeasures.all): showing them
 * all sooner would have the report's first measure lay every page out again.
 */
export function hideFinishedPages(paged: PagedGlobal, measures: PageMeasures): HandlerClass {
  const style = document.createElement('style');
  style.dataset.pagedjsIgnore = '';
  style.textContent = `.${HIDDEN} { display: none !important; }`;
  document.head.append(style);

  return class HideFinishedPages extends paged.Handler {
    override afterPageLayout(pageElement: HTMLElement): void {
      // Two pages back is finished for good: Paged.js may still look at the previous one.
      const previous = pageElement.previousElementSibling?.previousElementSibling;
      if (!(previous instanceof HTMLElement) || previous.classList.contains(HIDDEN)) return;
      measures.take(previous);
      previous.classList.add(HIDDEN);
    }
  };
}

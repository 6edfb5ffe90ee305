import type { HandlerClass, PagedGlobal } from './paged.ts';

const HIDDEN = 'zinepress-hidden';

/**
 * Finished pages are hidden while the rest is laid out (Paged.js slows down
 * quadratically when every laid-out page stays live), and shown again at the end.
 */
export function hideFinishedPages(paged: PagedGlobal): HandlerClass {
  const style = document.createElement('style');
  style.dataset.pagedjsIgnore = '';
  style.textContent = `.${HIDDEN} { display: none !important; }`;
  document.head.append(style);

  return class HideFinishedPages extends paged.Handler {
    override afterPageLayout(pageElement: HTMLElement): void {
      // Two pages back is finished for good: Paged.js may still look at the previous one.
      const previous = pageElement.previousElementSibling?.previousElementSibling;
      if (previous) previous.classList.add(HIDDEN);
    }

    override afterRendered(): void {
      for (const page of document.querySelectorAll(`.${HIDDEN}`)) page.classList.remove(HIDDEN);
    }
  };
}

import type { PagedGlobal } from './paged.ts';

type Strings = Record<string, string> | undefined;
interface StringSets {
  pageLastString: Strings;
  afterPageLayout(this: StringSets, pageElement: HTMLElement, ...rest: unknown[]): void;
}

/** The running-head strings (CSS `string-set`) in force after each laid-out page. */
const after = new WeakMap<Element, Strings>();
/** Sets the strings the handler goes on from. */
let restore: ((strings: Strings) => void) | undefined;

/**
 * Paged.js's StringSets handler carries the running-head strings from page to
 * page in its own state, so a layout that starts again at a later page (the
 * preview's, relayout.ts) would begin with the strings of the last page laid
 * out, wherever that was. The strings after each page are kept, and set back
 * by `stringsAfter` before a layout goes on from a page.
 */
export function keepRunningStrings(paged: PagedGlobal): void {
  const StringSets = paged.registeredHandlers.find((handler) => handler.name === 'StringSets');
  const proto = StringSets?.prototype as (StringSets & { keeping?: boolean }) | undefined;
  if (!proto || proto.keeping) return;
  proto.keeping = true;
  const layOut = proto.afterPageLayout;
  proto.afterPageLayout = function (this: StringSets, pageElement, ...rest) {
    layOut.call(this, pageElement, ...rest);
    restore = (strings) => {
      this.pageLastString = strings;
    };
    after.set(pageElement, this.pageLastString && { ...this.pageLastString });
  };
}

/** The strings go on from those after `page` (from none before the first page). */
export function stringsAfter(page: Element | undefined): void {
  const strings = page && after.get(page);
  restore?.(strings && { ...strings });
}

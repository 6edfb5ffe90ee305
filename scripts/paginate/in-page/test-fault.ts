import type { BreakToken, HandlerClass, PagedGlobal, PagedPage } from './paged.ts';

/** The fault to make: in the block written at `source`, `letters` back (or on, when negative); with `top`, only on a page that begins in that block. */
interface TestFaultSpec {
  source: string;
  letters: number;
  top?: boolean;
}

const sourceOf = (node: Node | undefined): string | undefined =>
  (node instanceof Element ? node : node?.parentElement)?.closest<HTMLElement>('[data-source]')?.dataset.source;

/**
 * For tests only: the fault Paged.js makes at a page break, made on purpose.
 * With `data-zinepress-test-fault='{"source":"12:1","letters":20}'` on the
 * root element, the first page that breaks inside the block written at 12:1
 * ends its break token 20 letters back (the next page sets them again) or,
 * with a negative count, that many on (the next page leaves them out). With
 * `"top":true`, the first such page that also begins in that block (at its
 * head or going on with it), where a page break before the block mends
 * nothing. A document without the attribute is not touched.
 */
export function testFault(paged: PagedGlobal): HandlerClass {
  const wanted = document.documentElement.dataset.zinepressTestFault;
  const fault = wanted === undefined ? undefined : (JSON.parse(wanted) as TestFaultSpec);
  let done = false;
  return class TestFault extends paged.Handler {
    override afterPageLayout(_element: HTMLElement, page: PagedPage, breakToken: BreakToken | undefined): void {
      if (!fault || done || !(breakToken?.node instanceof Text)) return;
      if (sourceOf(breakToken.node) !== fault.source) return;
      if (fault.top === true && sourceOf(page.startToken?.node) !== fault.source) return;
      const offset = breakToken.offset - fault.letters;
      if (offset <= 0 || offset >= breakToken.node.data.length) return;
      breakToken.offset = offset;
      done = true;
    }
  };
}

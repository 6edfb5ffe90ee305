import type { HandlerClass, PagedGlobal } from './paged.ts';

/**
 * For tests only: the fault Paged.js makes at a page break, made on purpose.
 * With `data-zinepress-test-fault='{"source":"12:1","letters":20}'` on the
 * root element, the first page that breaks inside the block written at 12:1
 * ends its break token 20 letters back (the next page sets them again) or,
 * with a negative count, that many on (the next page leaves them out). A
 * document without the attribute is not touched.
 */
export function testFault(paged: PagedGlobal): HandlerClass {
  const wanted = document.documentElement.dataset.zinepressTestFault;
  const fault = wanted === undefined ? undefined : (JSON.parse(wanted) as { source: string; letters: number });
  let done = false;
  return class TestFault extends paged.Handler {
    override afterPageLayout(_element: HTMLElement, _page: unknown, breakToken: { node: Node; offset: number } | undefined): void {
      if (!fault || done || !(breakToken?.node instanceof Text)) return;
      if (breakToken.node.parentElement?.closest<HTMLElement>('[data-source]')?.dataset.source !== fault.source) return;
      const offset = breakToken.offset - fault.letters;
      if (offset <= 0 || offset >= breakToken.node.data.length) return;
      breakToken.offset = offset;
      done = true;
    }
  };
}

/** The laid-out pages in the live document, in order. */
export function pages(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('.pagedjs_pages > .pagedjs_page')];
}

/** The 1-based page number of an element, 0 when it is on no page. */
export function pageIndex(element: Element, all: HTMLElement[] = pages()): number {
  const page = element.closest('.pagedjs_page');
  return page instanceof HTMLElement ? all.indexOf(page) + 1 : 0;
}

/** The page of the first element matching `selector`, 0 when none is laid out. */
export function pageOf(selector: string): number {
  const element = document.querySelector(`.pagedjs_pages ${selector}`);
  return element ? pageIndex(element) : 0;
}

/** After pages are added or removed, numbers and left/right sides follow the new order. */
export function renumber(): void {
  pages().forEach((page, index) => {
    const number = index + 1;
    page.id = `page-${number}`;
    page.dataset.pageNumber = String(number);
    page.classList.toggle('pagedjs_first_page', number === 1);
    page.classList.toggle('pagedjs_right_page', number % 2 === 1);
    page.classList.toggle('pagedjs_left_page', number % 2 === 0);
  });
}

// Runs inside the page, next to Paged.js (evaluated by scripts/paginate/paginate.ts).
// It adds what the layout needs beyond Paged.js itself:
//   1. finished pages are hidden while the rest is laid out (Paged.js slows down
//      quadratically when every laid-out page stays live), and shown again at the end;
//   2. a "notes" filler page before the back matter, repeated (or removed) after
//      layout so that the total is a multiple of 4 and the card front is on 4k+1;
//   3. footnote ids numbered in order instead of Paged.js's random ones;
//   4. a report of the layout for the checks before printing: page count, the
//      page of every heading, letters before and after layout, footnotes set
//      away from their call or cut off at the foot.
(() => {
  const HIDDEN = 'zinepress-hidden';

  class HideFinishedPages extends window.Paged.Handler {
    afterPageLayout(pageElement) {
      // Two pages back is finished for good: Paged.js may still look at the previous one.
      let previous = pageElement.previousElementSibling;
      previous = previous && previous.previousElementSibling;
      if (previous) previous.classList.add(HIDDEN);
    }

    afterRendered() {
      for (const page of document.querySelectorAll(`.${HIDDEN}`)) page.classList.remove(HIDDEN);
    }
  }

  const style = document.createElement('style');
  style.dataset.pagedjsIgnore = '';
  style.textContent = `.${HIDDEN} { display: none !important; }`;
  document.head.append(style);

  function pages() {
    return [...document.querySelectorAll('.pagedjs_pages > .pagedjs_page')];
  }

  // After pages are added or removed, numbers and left/right sides follow the new order.
  function renumber() {
    pages().forEach((page, index) => {
      const number = index + 1;
      page.id = `page-${number}`;
      page.dataset.pageNumber = String(number);
      page.classList.toggle('pagedjs_first_page', number === 1);
      page.classList.toggle('pagedjs_right_page', number % 2 === 1);
      page.classList.toggle('pagedjs_left_page', number % 2 === 0);
    });
  }

  function pageOf(selector) {
    const element = document.querySelector(`.pagedjs_pages ${selector}`);
    const page = element && element.closest('.pagedjs_page');
    return page ? pages().indexOf(page) + 1 : 0;
  }

  // One "notes" page goes in before the back matter (the card, or else the
  // colophon). After layout it is repeated or removed so that the total is a
  // multiple of 4; the pages after it keep their order and their count, so the
  // card front, 3 pages before the end, lands on a right-hand page.
  class NotesPage extends window.Paged.Handler {
    beforeParsed(content) {
      if (!window.zinepress.options.notes) return;
      const backMatter = content.querySelector('.card-front') || content.querySelector('.colophon');
      if (!backMatter) return;
      const notes = document.createElement('section');
      notes.className = 'notes-page';
      // Ruled lines as elements: Chromium prints thin gradient stripes unevenly.
      notes.innerHTML = `<h2>Notes</h2><div class="lines">${'<div class="line"></div>'.repeat(24)}</div>`;
      backMatter.before(notes);
    }
  }

  function settleNotesPages() {
    const notesPage = pageOf('.notes-page');
    if (notesPage === 0) return { notesPages: 0 };
    const template = pages()[notesPage - 1];
    // Only a page that holds the notes page and nothing else may be repeated or removed.
    const content = template.querySelector('.pagedjs_page_content');
    const notes = template.querySelector('.notes-page');
    if (content.textContent.trim() !== notes.textContent.trim()) return { notesPages: 1 };
    const wanted = (((1 - pages().length) % 4) + 4) % 4;
    for (let i = 1; i < wanted; i += 1) template.after(template.cloneNode(true));
    if (wanted === 0) template.remove();
    renumber();
    return { notesPages: wanted };
  }

  // Paged.js names each note after a random UUID, and Chromium turns the call's
  // link into a named destination: number them instead, so builds are reproducible.
  function stableNoteIds() {
    document.querySelectorAll('.pagedjs_pages [data-footnote-marker]').forEach((note, index) => {
      const id = `note-${index + 1}`;
      for (const call of document.querySelectorAll(`a[href="#${note.id}"]`)) call.setAttribute('href', `#${id}`);
      note.id = id;
    });
  }

  // Text that is ours, not the reader's: notes pages, and the hidden running title.
  const NOT_COUNTED = '.notes-page, .running-title';
  const countable = (text) => text.replace(/[\s\u00ad]+/g, '');
  const ours = (node) => node.parentElement !== null && node.parentElement.closest(NOT_COUNTED) !== null;

  // Letters of text (white space aside) in the document before layout.
  function sourceLetters(fragment) {
    let count = 0;
    const walker = document.createTreeWalker(fragment, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      if (!ours(walker.currentNode)) count += countable(walker.currentNode.data).length;
    }
    return count;
  }

  // Letters a reader sees on one page. Paged.js sets a page's content in CSS
  // columns one page wide: text it failed to fit runs into a second column,
  // off the page, where nobody will print it. Letters there do not count.
  function printedLetters(page) {
    const area = page.querySelector('.pagedjs_area');
    if (!area) return 0;
    const edge = area.getBoundingClientRect().right - 1;
    const range = document.createRange();
    let count = 0;
    const walker = document.createTreeWalker(area, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (countable(node.data) === '' || ours(node)) continue;
      range.selectNodeContents(node);
      const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
      if (rects.every((rect) => rect.right <= edge + 1)) count += countable(node.data).length;
      else if (rects.some((rect) => rect.left < edge)) {
        for (let i = 0; i < node.data.length; i += 1) {
          if (countable(node.data[i]) === '') continue;
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getBoundingClientRect();
          if (rect.width > 0 && rect.left < edge) count += 1;
        }
      }
    }
    return count;
  }

  function report(settled) {
    const all = pages();
    const headings = [...document.querySelectorAll('.pagedjs_pages :is(h1, h2, h3, h4)[id]')]
      .filter((heading) => !heading.closest('.card-back'))
      .map((heading) => ({
        id: heading.id,
        level: Number(heading.tagName.slice(1)),
        text: heading.textContent.replace(/\u00ad/g, '').trim(),
        page: all.indexOf(heading.closest('.pagedjs_page')) + 1,
      }));
    const source = document.querySelector('template[data-ref="pagedjs-content"]');
    // Every note belongs on the page of its call, all of it (a continued part counts too).
    const pageIndex = (element) => all.indexOf(element.closest('.pagedjs_page')) + 1;
    const notesAway = [...document.querySelectorAll('.pagedjs_pages [data-footnote-marker]')]
      .map((note) => {
        const call = document.querySelector(`.pagedjs_pages [data-footnote-call="${note.dataset.ref}"]`);
        const text = note.textContent.replace(/\u00ad/g, '').trim().slice(0, 40);
        return { note: text, notePage: pageIndex(note), callPage: call ? pageIndex(call) : 0 };
      })
      .filter(({ notePage, callPage }) => notePage !== callPage);
    const printed = all.map((page) => printedLetters(page));
    const clippedNotes = all
      .filter((page) => {
        const area = page.querySelector('.pagedjs_footnote_area');
        const notes = page.querySelector('.pagedjs_footnote_inner_content');
        return area && notes && notes.scrollHeight > area.clientHeight + 1;
      })
      .map((page) => all.indexOf(page) + 1);
    return {
      sourceLetters: source ? sourceLetters(source.content) : 0,
      printedLetters: printed.reduce((sum, count) => sum + count, 0),
      clippedNotes,
      notesAway,
      pageCount: all.length,
      notesPages: settled.notesPages,
      cardPage: pageOf('.card-front'),
      cardPages: all.filter((page) => page.querySelector('.card-front')).length,
      headings,
    };
  }

  window.zinepress = {
    options: { notes: true },
    async paginate(options) {
      Object.assign(this.options, options);
      window.Paged.registerHandlers(HideFinishedPages, NotesPage);
      await window.PagedPolyfill.preview();
      stableNoteIds();
      return report(settleNotesPages());
    },
  };
})();

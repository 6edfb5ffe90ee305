/**
 * Changes to Paged.js 0.4.3's `dist/paged.polyfill.js` that make its layout
 * do less work and leave its pages as they were: each is an exact piece of
 * the stock file and what replaces it (applied by patch.ts, which refuses a
 * piece that is not found exactly once). What each saves: docs/paginator.md.
 */

/** One piece of the stock file and its replacement. */
export interface Replacement {
  find: string;
  replace: string;
}

export interface PagedJsPatch {
  /** How errors and docs/paginator.md name it. */
  name: string;
  replacements: Replacement[];
}

/** The six `max-width` / `max-height` reads of the margin boxes in AtPage.finalizePage. */
const marginBoxReads: Replacement[] = [
  ['leftWidth', 'left', 'max-width'],
  ['rightWidth', 'right', 'max-width'],
  ['centerWidth', 'center', 'max-width'],
  ['topHeight', 'top', 'max-height'],
  ['bottomHeight', 'bottom', 'max-height'],
  ['middleHeight', 'middle', 'max-height'],
].map(([variable, box, property]) => ({
  find: `${variable} = window.getComputedStyle(${box})["${property}"];`,
  replace: `${variable} = this.zinepressMarginSize(page, ${box}, "${property}");`,
}));

export const PAGED_JS_PATCHES: readonly PagedJsPatch[] = [
  {
    // pagedjs issue 159: the chunker averages the last pages' text, but Page.layout
    // stored the first page's average in the shared settings and never updated it.
    name: 'maxChars from each page',
    replacements: [
      {
        find: '\t\t\tif (!settings.maxChars && maxChars) {\n\t\t\t\tsettings.maxChars = maxChars;\n\t\t\t}\n',
        replace: '\t\t\tif (maxChars) {\n\t\t\t\tsettings = Object.assign({}, settings, { maxChars: maxChars });\n\t\t\t}\n',
      },
    ],
  },
  {
    name: 'no ResizeObserver per page',
    replacements: [
      {
        find: '\t\t\tif (typeof ResizeObserver !== "undefined") {\n\t\t\t\tthis.addResizeObserver(contents);\n\t\t\t} else {',
        replace: '\t\t\tif (typeof ResizeObserver !== "undefined") {\n\t\t\t\t// Zinepress: pages are never resized here, so none is observed.\n\t\t\t} else {',
      },
    ],
  },
  {
    name: 'page template size read once',
    replacements: [
      {
        find: '\t\t\tlet size = area.getBoundingClientRect();\n\n\n\t\t\tarea.style.columnWidth',
        replace:
          '\t\t\tlet size = this.pageTemplate.zinepressSize || area.getBoundingClientRect();\n' +
          '\t\t\tif (size.width > 0 && size.height > 0) this.pageTemplate.zinepressSize = size;\n\n\n\t\t\tarea.style.columnWidth',
      },
    ],
  },
  {
    name: 'margin-box sizes memoized',
    replacements: [
      ...marginBoxReads,
      {
        find: '\tclass AtPage extends Handler {\n',
        replace:
          '\tclass AtPage extends Handler {\n' +
          // A margin box's max size depends on the @page rules its page matches: its classes, or
          // its place for an :nth() rule. Kept per page class list, unless a rule is :nth().
          '\t\tzinepressMarginSize(page, box, property) {\n' +
          '\t\t\tlet nth = Object.values(this.pages).some((rule) => rule.nth);\n' +
          '\t\t\tif (nth) return window.getComputedStyle(box)[property];\n' +
          '\t\t\tthis.zinepressMarginSizes = this.zinepressMarginSizes || new Map();\n' +
          '\t\t\tlet key = page.element.className + "|" + box.className + "|" + property;\n' +
          '\t\t\tif (!this.zinepressMarginSizes.has(key)) this.zinepressMarginSizes.set(key, window.getComputedStyle(box)[property]);\n' +
          '\t\t\treturn this.zinepressMarginSizes.get(key);\n' +
          '\t\t}\n\n',
      },
    ],
  },
  {
    // Paged.js runs each page from a queue that waits for an animation frame first: in a tab nobody
    // looks at, a wait for the next frame (and a frame drawn) before every page. Here the next step
    // runs at once (a microtask) until the steps have run for 250 ms, and then as soon as the browser
    // has had its turn: a task of its own, posted through a MessageChannel. Every frame drawn
    // between pages styled, laid out and painted the pages shown, to be undone by the next page.
    name: 'the queue run without a frame between pages',
    replacements: [
      {
        find: '\tclass Queue {\n\t\tconstructor(context){\n\t\t\tthis._q = [];\n\t\t\tthis.context = context;\n\t\t\tthis.tick = requestAnimationFrame;\n',
        replace:
          '\tconst zinepressWaiting = [];\n' +
          '\tconst zinepressChannel = new MessageChannel();\n' +
          '\tlet zinepressSince = -Infinity;\n' +
          '\tzinepressChannel.port1.onmessage = () => {\n\t\tzinepressSince = performance.now();\n\t\tzinepressWaiting.shift()();\n\t};\n' +
          '\tfunction zinepressTick(run) {\n' +
          '\t\tif (performance.now() - zinepressSince < 250) return void Promise.resolve().then(run);\n' +
          '\t\tzinepressWaiting.push(run);\n' +
          '\t\tzinepressChannel.port2.postMessage(undefined);\n' +
          '\t}\n\n' +
          '\tclass Queue {\n\t\tconstructor(context){\n\t\t\tthis._q = [];\n\t\t\tthis.context = context;\n\t\t\tthis.tick = zinepressTick;\n',
      },
    ],
  },
  {
    // The content area's box and column gap were measured as each page's Layout was made, a forced
    // layout of its own; measured when an overflow check first needs them, they come in that check's layout.
    name: 'bounds measured with the first overflow check',
    replacements: [
      {
        find:
          '\t\t\tthis.bounds = this.element.getBoundingClientRect();\n' +
          '\t\t\tthis.parentBounds = this.element.offsetParent.getBoundingClientRect();\n' +
          '\t\t\tlet gap = parseFloat(window.getComputedStyle(this.element).columnGap);\n' +
          '\t\t\n\t\t\tif (gap) {\n\t\t\t\tlet leftMargin = this.bounds.left - this.parentBounds.left;\n' +
          '\t\t\t\tthis.gap =  gap - leftMargin;\t\n\t\t\t} else {\n\t\t\t\tthis.gap = 0;\n\t\t\t}\n',
        replace: '',
      },
      {
        find: '\tclass Layout {\n',
        replace:
          '\tclass Layout {\n' +
          '\t\tget bounds() { this.zinepressMeasure(); return this.zinepressBounds; }\n' +
          '\t\tset bounds(value) { this.zinepressMeasure(); this.zinepressBounds = value; }\n' +
          '\t\tget parentBounds() { this.zinepressMeasure(); return this.zinepressParentBounds; }\n' +
          '\t\tset parentBounds(value) { this.zinepressMeasure(); this.zinepressParentBounds = value; }\n' +
          '\t\tget gap() { this.zinepressMeasure(); return this.zinepressGap; }\n' +
          '\t\tset gap(value) { this.zinepressMeasure(); this.zinepressGap = value; }\n' +
          '\t\tzinepressMeasure() {\n' +
          '\t\t\tif (this.zinepressMeasured) return;\n' +
          '\t\t\tthis.zinepressMeasured = true;\n' +
          '\t\t\tthis.zinepressBounds = this.element.getBoundingClientRect();\n' +
          '\t\t\tthis.zinepressParentBounds = this.element.offsetParent.getBoundingClientRect();\n' +
          '\t\t\tlet gap = parseFloat(window.getComputedStyle(this.element).columnGap);\n' +
          '\t\t\tthis.zinepressGap = gap ? gap - (this.zinepressBounds.left - this.zinepressParentBounds.left) : 0;\n' +
          '\t\t}\n\n',
      },
      {
        // Undefined, the checks below take `this.bounds` when they run, not when the page starts.
        find: '\t\tasync renderTo(wrapper, source, breakToken, bounds = this.bounds) {\n',
        replace: '\t\tasync renderTo(wrapper, source, breakToken, bounds) {\n',
      },
    ],
  },
  {
    // An empty note area is not displayed (`.pagedjs_footnote_empty`): its width is 0 and nothing overflows it.
    name: 'note area measured only on pages with notes',
    replacements: [
      {
        find:
          '\t\t\tlet noteContentBounds = noteContent.getBoundingClientRect();\n\t\t\tlet { width } = noteContentBounds;\n',
        replace:
          '\t\t\tif (noteContent.classList.contains("pagedjs_footnote_empty") && noteInnerContent.childNodes.length === 0) {\n' +
          '\t\t\t\tnoteInnerContent.style.columnWidth = "0px";\n' +
          '\t\t\t\tnoteInnerContent.style.columnGap = "calc(var(--pagedjs-margin-right) + var(--pagedjs-margin-left))";\n' +
          '\t\t\t\tnoteInnerContent.style.height = "auto";\n' +
          '\t\t\t\treturn;\n' +
          '\t\t\t}\n' +
          '\t\t\tlet noteContentBounds = noteContent.getBoundingClientRect();\n\t\t\tlet { width } = noteContentBounds;\n',
      },
    ],
  },
];

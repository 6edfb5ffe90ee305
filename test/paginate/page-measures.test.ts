/**
 * The report's measures of each page are taken as Paged.js finishes the page
 * (scripts/paginate/in-page/page-measures.ts). A page changed after that
 * must be reported as it ends up, not as it was measured.
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser } from '../../scripts/browser/browser.ts';
import { inPageModule } from '../helpers/in-page-module.ts';

let browser: Promise<Browser>;
let script: string;

beforeAll(async () => {
  browser = launchBrowser();
  script = await inPageModule({ file: 'page-measures.ts', globalName: 'zineMeasures' });
});

afterAll(async () => {
  await closeBrowser(browser);
});

/** Two pages 5.5 × 8.5 in; a right page's text block starts 0.75 in from its left edge, a left page's 0.5 in. */
const PAGES = `<!doctype html><style>
.pagedjs_page { position: relative; width: 5.5in; height: 8.5in; }
.pagedjs_area { position: absolute; top: 0.5in; bottom: 0.5in; left: 0.5in; right: 0.5in; }
.pagedjs_right_page .pagedjs_area { left: 0.75in; }
.zinepress-hidden { display: none !important; }
</style><body style="margin:0"><div class="pagedjs_pages">
<div class="pagedjs_page pagedjs_left_page" id="one"><div class="pagedjs_area"><div class="pagedjs_page_content"><p>Ten letters</p></div></div></div>
<div class="pagedjs_page pagedjs_left_page" id="two"><div class="pagedjs_area"><div class="pagedjs_page_content"><p>Five!</p></div></div></div>
</div></body>`;

async function withPages(run: (page: Page) => Promise<void>): Promise<void> {
  const page = await (await browser).newPage();
  try {
    await page.setContent(PAGES);
    await page.addScriptTag({ content: script });
    await page.evaluate(`window.measures = new zineMeasures.PageMeasures();
for (const page of document.querySelectorAll('.pagedjs_page')) { measures.take(page); page.classList.add('zinepress-hidden'); }`);
    await run(page);
  } finally {
    await page.close();
  }
}

type Measured = { printed: number; textBlock: { left: number } }[];
const all = (page: Page) => page.evaluate(`measures.all([...document.querySelectorAll('.pagedjs_page')])`) as Promise<Measured>;

describe('page measures taken as each page is finished', () => {
  it('are the pages as they were when nothing changed since, and every page is shown again', async () => {
    await withPages(async (page) => {
      const measured = await all(page);
      expect(measured.map((one) => one.printed)).toEqual([10, 5]);
      expect(measured.map((one) => one.textBlock.left)).toEqual([36, 36]);
      expect(await page.evaluate(`document.querySelectorAll('.zinepress-hidden').length`)).toBe(0);
    });
  });

  it('count the letters of a page whose text changed after it was measured as they end up', async () => {
    await withPages(async (page) => {
      await page.evaluate(`document.querySelector('#one p').append(' and three more'); document.querySelector('#two p').firstChild.data = 'Four';`);
      expect((await all(page)).map((one) => one.printed)).toEqual([22, 4]);
    });
  });

  it('place the text block of a page that turned to the other side after it was measured (a notes page put before it) where it ends up', async () => {
    await withPages(async (page) => {
      // renumber() sets the same id again and turns the side: the first changes nothing, the second moves the text block.
      await page.evaluate(`for (const page of document.querySelectorAll('.pagedjs_page')) page.id = page.id;
document.querySelector('#two').classList.replace('pagedjs_left_page', 'pagedjs_right_page');`);
      expect((await all(page)).map((one) => one.textBlock.left)).toEqual([36, 54]);
    });
  });
});

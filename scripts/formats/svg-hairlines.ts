/**
 * Lines inside an SVG image that are too thin to survive a photocopy. The
 * page shows an SVG as an image, whose inside the layout cannot reach; so
 * each SVG the layout printed is opened on its own, set to the width it
 * printed at, and every stroke is measured as drawn there: its width scaled
 * by the transforms and the viewBox above it, as Chromium draws it.
 *
 * The tab that opens them runs no script of theirs (JavaScript is off: the
 * measurement is evaluated from outside, which still works) and loads
 * nothing but files of the stage folder; anything else is refused. The SVGs
 * were cleaned by an allowlist before they were staged (images/svg.ts): this
 * is the second wall.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import type { LayoutReport } from '../paginate/layout-report.ts';
import { ownPage } from '../util/own-page.ts';

type Finding = LayoutReport['preflight'][number];

/** The thinnest line a copier keeps, in points. */
const MIN_LINE = 0.25;

export interface SvgHairlinesOptions {
  browser: Browser;
  /** The stage folder the layout read its images from. */
  dir: string;
  images: LayoutReport['vectorImages'];
}

/** The thinnest stroke of the open SVG drawn `width` CSS pixels wide, in CSS pixels (Infinity when it has none). */
function thinnestStroke(width: number): number {
  const root = document.documentElement;
  if (!(root instanceof SVGSVGElement)) return Infinity;
  root.setAttribute('width', String(width));
  if (root.viewBox.baseVal.width > 0) root.removeAttribute('height');
  let thinnest = Infinity;
  for (const element of document.querySelectorAll('*')) {
    if (!(element instanceof SVGGeometryElement)) continue;
    const style = getComputedStyle(element);
    if (style.stroke === 'none' || style.display === 'none') continue;
    const matrix = element.getScreenCTM();
    const scale = style.vectorEffect === 'non-scaling-stroke' || !matrix ? 1 : Math.hypot(matrix.a, matrix.b);
    const drawn = parseFloat(style.strokeWidth) * scale;
    if (drawn > 0) thinnest = Math.min(thinnest, drawn);
  }
  return thinnest;
}

/** A hairline finding for each SVG image that draws a line under 0.25 pt at the size it prints. */
export async function svgHairlines(options: SvgHairlinesOptions): Promise<Finding[]> {
  if (options.images.length === 0) return [];
  const page = await ownPage(options.browser);
  try {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    const allowed = pathToFileURL(options.dir).href + '/';
    page.on('request', (request) => {
      if (request.url().startsWith(allowed) || request.url().startsWith('data:')) void request.continue();
      else void request.abort('blockedbyclient');
    });
    const found: Finding[] = [];
    for (const image of options.images) {
      await page.goto(pathToFileURL(join(options.dir, decodeURI(image.src))).href, { waitUntil: 'load' });
      const thinnest = (await page.evaluate(thinnestStroke, (image.width * 96) / 72)) * 0.75;
      if (thinnest >= MIN_LINE) continue;
      const detail = `${image.src} draws a ${thinnest.toFixed(2)} pt line at the size it prints, too thin to copy; use 0.25 pt or more`;
      found.push({ kind: 'hairline', page: image.page, detail, ...(image.source === undefined ? {} : { source: image.source }) });
    }
    return found;
  } finally {
    await page.close();
  }
}

import type { LayoutReport } from '../layout-report.ts';

/**
 * What a photocopier loses, found on the laid-out pages: images under 200 dpi
 * at the size they print, text and rules that fade below 3:1 contrast once
 * turned to gray, and rules thinner than 0.25 pt. And how near each page's
 * edges its text and images come (`pageInsets`): where the page lands on a
 * sheet is the imposition's to say (formats/sheet-edges.ts).
 */
type Finding = LayoutReport['preflight'][number];
type Insets = LayoutReport['insets'][number];
type VectorImage = LayoutReport['vectorImages'][number];

const PX_PER_IN = 96;
const MIN_DPI = 200;
const MIN_CONTRAST = 3;
const MIN_RULE_PX = 0.25 * (PX_PER_IN / 72);
const MAX_PER_KIND = 20;

/** A CSS colour as [r, g, b, alpha], 0–255 and 0–1. */
function rgba(css: string): [number, number, number, number] {
  const [r = 0, g = 0, b = 0, a = 1] = (css.match(/[\d.]+/g) ?? []).map(Number);
  return [r, g, b, css.startsWith('rgba') ? a : 1];
}

/** The gray a copier makes of a colour (Rec. 601 luma), as relative luminance. */
function grayLuminance([r, g, b]: [number, number, number, number]): number {
  const gray = (0.299 * r + 0.587 * g + 0.114 * b) / 255;
  return gray <= 0.04045 ? gray / 12.92 : ((gray + 0.055) / 1.055) ** 2.4;
}

function contrast(a: number, b: number): number {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** The first opaque background behind an element; paper is white. */
function background(element: Element): [number, number, number, number] {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const colour = rgba(getComputedStyle(node).backgroundColor);
    if (colour[3] > 0.5) return colour;
  }
  return [255, 255, 255, 1];
}

const sourceOf = (element: Element) => element.closest<HTMLElement>('[data-source]')?.dataset.source;

function finding(kind: Finding['kind'], element: Element, detail: string): Omit<Finding, 'page'> {
  const source = sourceOf(element);
  return source === undefined ? { kind, detail } : { kind, source, detail };
}

/** Whether the element takes room on the page and is not hidden. */
function isShown(element: Element): boolean {
  const rect = element.getBoundingClientRect();
  return !(rect.width === 0 && rect.height === 0) && getComputedStyle(element).visibility !== 'hidden';
}

/** Whether the element holds text of its own (not only in its children). */
const hasOwnText = (element: Element): boolean =>
  [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '');

/** An image's file as the markdown names it: its src without the URL's escapes (`my%20photo.png` → `my photo.png`). */
function imageName(image: HTMLImageElement): string {
  const src = image.getAttribute('src') ?? 'an image';
  try {
    return decodeURI(src);
  } catch {
    return src; // a % that escapes nothing
  }
}

function checkElement(element: Element): Omit<Finding, 'page'>[] {
  const found: Omit<Finding, 'page'>[] = [];
  if (!isShown(element)) return found;
  const style = getComputedStyle(element);
  const rect = element.getBoundingClientRect();
  // An SVG has no resolution: its lines are measured apart (vectorImages).
  if (element instanceof HTMLImageElement && element.naturalWidth > 0 && !/\.svg$/i.test(element.getAttribute('src') ?? '')) {
    const dpi = Math.round(element.naturalWidth / (rect.width / PX_PER_IN));
    if (dpi < MIN_DPI) found.push(finding('low-resolution', element, `${imageName(element)} prints at ${dpi} dpi; a photocopy needs ${MIN_DPI} or more`));
  }
  const paper = grayLuminance(background(element));
  if (hasOwnText(element) && contrast(grayLuminance(rgba(style.color)), paper) < MIN_CONTRAST) {
    found.push(finding('low-contrast', element, `text in ${style.color} fades to ${contrast(grayLuminance(rgba(style.color)), paper).toFixed(1)}:1 in gray; keep 3:1 or more`));
  }
  // Chromium draws no border thinner than a pixel (0.75 pt), so thin lines come from drawn (SVG) strokes.
  if (element instanceof SVGGeometryElement && style.stroke !== 'none') {
    const scale = Math.hypot(element.getScreenCTM()?.a ?? 1, element.getScreenCTM()?.b ?? 0);
    const width = parseFloat(style.strokeWidth) * scale;
    if (width > 0 && width < MIN_RULE_PX) found.push(finding('hairline', element, `a ${(width * 0.75).toFixed(2)} pt line is too thin to copy; use 0.25 pt or more`));
  }
  for (const side of ['top', 'right', 'bottom', 'left'] as const) {
    const width = parseFloat(style.getPropertyValue(`border-${side}-width`));
    if (width === 0 || style.getPropertyValue(`border-${side}-style`) === 'none') continue;
    const ruleContrast = contrast(grayLuminance(rgba(style.getPropertyValue(`border-${side}-color`))), paper);
    if (ruleContrast < MIN_CONTRAST) found.push(finding('low-contrast', element, `a rule fades to ${ruleContrast.toFixed(1)}:1 in gray; keep 3:1 or more`));
  }
  return found;
}

/** Whether an element prints something of its own: text, or an image (a full-bleed one, class `bleed`, is meant to reach the edge). */
function prints(element: Element): boolean {
  if (element.closest('.bleed') || !isShown(element)) return false;
  return element instanceof HTMLImageElement || element instanceof SVGSVGElement || hasOwnText(element);
}

/** How near a page's edges its text and images come, in points, with the block that comes nearest on each side. */
export function pageInsetSides(pageElement: Element): Insets['sides'] {
  const toPt = 72 / PX_PER_IN;
  // The trimmed page (Paged.js's page box), not the bleed around it: the print shop cuts that off.
  const box = (pageElement.querySelector('.pagedjs_pagebox') ?? pageElement).getBoundingClientRect();
  const sides: Insets['sides'] = {};
  for (const element of pageElement.querySelectorAll('.pagedjs_page_content *, .pagedjs_footnote_area *')) {
    if (!prints(element)) continue;
    const rect = element.getBoundingClientRect();
    const gaps = { top: rect.top - box.top, right: box.right - rect.right, bottom: box.bottom - rect.bottom, left: rect.left - box.left };
    for (const side of ['top', 'right', 'bottom', 'left'] as const) {
      const gap = Math.round(gaps[side] * toPt * 100) / 100;
      if (gap >= (sides[side]?.gap ?? Infinity)) continue;
      const source = sourceOf(element);
      sides[side] = source === undefined ? { gap } : { gap, source };
    }
  }
  return sides;
}

/** How near each page's edges its text and images come (see pageInsetSides). */
export function pageInsets(all: HTMLElement[]): Insets[] {
  return all.map((pageElement, index) => ({ page: index + 1, sides: pageInsetSides(pageElement) }));
}

/** The findings on one page, every one (`firstOfEachKind` keeps 20 of each kind). */
export function pageFindings(pageElement: Element): Omit<Finding, 'page'>[] {
  const content = pageElement.querySelectorAll('.pagedjs_page_content *, .pagedjs_footnote_area *');
  return [...content].flatMap((element) => checkElement(element));
}

/** At most 20 findings of each kind, the first. */
export function firstOfEachKind(found: Finding[]): Finding[] {
  const kinds = new Map<string, number>();
  return found.filter((item) => {
    const seen = (kinds.get(item.kind) ?? 0) + 1;
    kinds.set(item.kind, seen);
    return seen <= MAX_PER_KIND;
  });
}

/** The findings on every page, at most 20 of each kind. */
export function preflight(all: HTMLElement[]): Finding[] {
  return firstOfEachKind(all.flatMap((pageElement, index) => pageFindings(pageElement).map(({ kind, ...item }) => ({ kind, page: index + 1, ...item }))));
}

/** The SVG images on a page and the width they print at, in points: their lines are measured outside the page (formats/svg-hairlines.ts). */
export function pageVectorImages(pageElement: Element): Omit<VectorImage, 'page'>[] {
  return [...pageElement.querySelectorAll<HTMLImageElement>('.pagedjs_page_content img, .pagedjs_footnote_area img')].flatMap((image) => {
    const src = image.getAttribute('src') ?? '';
    const width = Math.round(image.getBoundingClientRect().width * (72 / PX_PER_IN) * 100) / 100;
    if (!/\.svg$/i.test(src) || width === 0) return [];
    const source = sourceOf(image);
    return [source === undefined ? { src, width } : { src, width, source }];
  });
}

/** The SVG images of every page (see pageVectorImages). */
export function vectorImages(all: HTMLElement[]): VectorImage[] {
  return all.flatMap((pageElement, index) => pageVectorImages(pageElement).map((image) => ({ page: index + 1, ...image })));
}

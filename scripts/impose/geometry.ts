/**
 * The little geometry the imposition needs. All lengths are PDF points
 * (1/72 in), and y grows upwards from the bottom edge, as in PDF itself.
 */

export interface Size {
  width: number;
  height: number;
}

/** A rectangle on a sheet: (x, y) is its bottom-left corner. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Where a page of the given size lands when scaled to fit `cell` and centred in it. */
export interface Fit {
  /** Source points to sheet points; above 1 when a small page is enlarged. */
  scale: number;
  /** The page's box on the sheet, after scaling. */
  box: Rect;
}

/** Scales `page` up or down until it touches two sides of `cell`, then centres it. */
export function fitCentred(page: Size, cell: Rect): Fit {
  const scale = Math.min(cell.width / page.width, cell.height / page.height);
  const width = page.width * scale;
  const height = page.height * scale;
  return {
    scale,
    box: {
      x: cell.x + (cell.width - width) / 2,
      y: cell.y + (cell.height - height) / 2,
      width,
      height,
    },
  };
}

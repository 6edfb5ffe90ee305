/**
 * How much text the mini zine's 8 pages hold, estimated before any layout, so
 * that a document which cannot fit costs no layout at all and one which can
 * is tried at its likely type size first. Text takes room in proportion to its
 * letters and to the square of the type size; a letter of a wide script (Han,
 * kana, Hangul) takes about two Latin letters' room.
 */

/**
 * Room × size² the 8 pages hold. Measured on the essay cut short (with its
 * title and card): 3,869 letters fit at 8 pt (248,000) but not at 8.5 pt
 * (280,000); 6,216 did not fit at 7 pt (305,000).
 */
export const MINI_CAPACITY = 265_000;

/**
 * Pages of a side that hold no running text: the cover and the back cover
 * (the colophon's credits). A zine of two sides has them once, so its text
 * has 14 pages where one side's has 6, not twice as many: the essay, 10,523
 * letters, fits 16 pages at 7.5 pt (592,000), over twice the capacity of one side.
 */
const FIXED_PAGES = 2;

/** Room × size² that `sheets` sides of 8 pages hold. */
export function miniCapacity(sheets: number): number {
  return (MINI_CAPACITY * (8 * sheets - FIXED_PAGES)) / (8 - FIXED_PAGES);
}

/** A document estimated past this many times the capacity at the smallest size is not tried. */
const HOPELESS = 1.6;

const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA960-\uA97F\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

/** Letters (white space aside) of an HTML fragment's text, a wide-script letter counting two. */
export function textRoom(html: string): number {
  const text = html
    .replace(/<(script|style)[\s\S]*?<\/\1>/giu, '')
    .replace(/<[^>]*>/gu, '')
    .replace(/&(#\d+|#x[\da-f]+|[a-z]+);/giu, 'x');
  let room = 0;
  for (const char of text) {
    if (/\s/u.test(char) || char === '\u00AD') continue;
    room += WIDE.test(char) ? 2 : 1;
  }
  return room;
}

export interface MiniPlan {
  /** The type sizes to lay out, in order, each tried only while the search needs it (empty: do not try). */
  sizes: number[];
  /** The estimate, as a share of the capacity at the smallest size. */
  fill: number;
}

/**
 * The sizes to try, likeliest first, for `sheets` sides of 8 pages (default 1:
 * the 8-page mini; 2 for the 16-page zine): the largest size the estimate says fits,
 * then (see `nextMiniSize`) larger ones while they fit, or smaller ones until
 * one does.
 */
export function planMini(options: { room: number; sizes: readonly number[]; sheets?: number }): MiniPlan {
  const sizes = [...options.sizes].sort((a, b) => b - a);
  const smallest = sizes.at(-1) ?? 0;
  const capacity = miniCapacity(options.sheets ?? 1);
  const fill = (options.room * smallest * smallest) / capacity;
  if (fill > HOPELESS) return { sizes: [], fill };
  const likely = sizes.find((size) => options.room * size * size <= capacity) ?? smallest;
  return { sizes: [likely], fill };
}

/**
 * The next size to try after `tried` (sizes laid out so far, with whether each
 * fitted), or undefined when the answer is known: the largest size that fits,
 * or that none does.
 */
export function nextMiniSize(sizes: readonly number[], tried: ReadonlyMap<number, boolean>): number | undefined {
  const order = [...sizes].sort((a, b) => b - a);
  const fitting = order.filter((size) => tried.get(size) === true);
  const failing = order.filter((size) => tried.get(size) === false);
  const bestFit = fitting[0];
  const smallestFail = failing.at(-1);
  if (bestFit !== undefined) {
    // Go up while the size above has not been tried and is not known to fail.
    const above = order[order.indexOf(bestFit) - 1];
    return above !== undefined && !tried.has(above) ? above : undefined;
  }
  if (smallestFail === undefined) return order[0];
  const below = order[order.indexOf(smallestFail) + 1];
  return below;
}

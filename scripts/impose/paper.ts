import type { Size } from './geometry.ts';

/**
 * The sheets an office printer takes, in landscape: both layouts print two
 * page-halves side by side along the long edge.
 */
export const PAPERS = ['letter', 'a4'] as const;
export type Paper = (typeof PAPERS)[number];

const SHEETS: Record<Paper, Size> = {
  /** US Letter, 11 × 8.5 in. */
  letter: { width: 792, height: 612 },
  /** A4, 297 × 210 mm, rounded to whole points as printers and pdfjam do. */
  a4: { width: 842, height: 595 },
};

export function isPaper(value: string): value is Paper {
  return (PAPERS as readonly string[]).includes(value);
}

/** The landscape sheet for a paper size, in points. */
export function sheetSize(paper: Paper): Size {
  return { ...SHEETS[paper] };
}

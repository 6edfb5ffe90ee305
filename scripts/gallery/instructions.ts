/**
 * What the gallery tells a printer for each format: the printer settings and
 * the steps from the printed sheet to the zine, with the diagrams the project
 * draws (docs/printing/*.png, made by scripts/impose/diagrams.ts). The words
 * follow the README's "Printing and folding".
 */
import type { Format, PaperSize } from '../config/frontmatter.ts';
import type { Binding } from '../impose/plan.ts';

export interface PrinterSettings {
  paper: string;
  scale: string;
  sides: string;
}

export interface Diagram {
  /** File name in docs/printing/. */
  file: string;
  alt: string;
}

export interface Instructions {
  /** Undefined for the web edition, which is not printed. */
  settings: PrinterSettings | undefined;
  steps: string[];
  diagrams: Diagram[];
}

const SHEET: Record<PaperSize, string> = { letter: 'US Letter (8.5 × 11 in)', a4: 'A4 (210 × 297 mm)' };
const HALF: Record<PaperSize, string> = { letter: 'half letter (5.5 × 8.5 in)', a4: 'A5 (148 × 210 mm)' };
const SCALE = '100 % ("Actual size"), never "Fit to page"';

export interface InstructionOptions {
  /** Whether the document has a tear-out card to cut out of the booklet. Default: true. */
  card?: boolean;
  /** The format's pages: a mini zine of 16 is the one printed on both sides. Default: 8. */
  pages?: number;
  /** A booklet folded in signatures: its sheets per signature. Default: none, one fold of every sheet. */
  signature?: number;
}

export function instructionsFor(format: Format, paper: PaperSize, binding: Binding, { card = true, pages = 8, signature }: InstructionOptions = {}): Instructions {
  const right = binding === 'right';
  if (format === 'mini' && pages === 16) return mini16(paper);
  switch (format) {
    case 'reading':
      return {
        settings: { paper: HALF[paper], scale: SCALE, sides: 'two-sided, flip on long edge (or read it on screen)' },
        steps: ['The pages in reading order: to read on screen, or to print on paper of the page size.'],
        diagrams: [],
      };
    case 'booklet':
      return {
        settings: { paper: `${SHEET[paper]}, landscape`, scale: SCALE, sides: 'two-sided, flip on short edge' },
        steps: [
          `Test with one sheet: print the test sheet below (or pages 1–2 of the booklet) on both sides. Turn it over like the page of a book: behind page 1 (the front cover, on the ${right ? 'left' : 'right'} half) page 2 must be upright. If it is upside down, your printer flips on the long edge: switch it to short edge.`,
          'Print the whole booklet with these settings. Without a duplexer, print the odd pages, put the stack back in the tray and print the even pages.',
          ...(signature === undefined
            ? [
                'Stack the sheets with sheet 1 at the bottom, its front facing down, then sheet 2 on it, and so on.',
                'Fold the stack in half along the spine ticks, so that sheet 1 wraps the others.',
                'Staple on the fold, a quarter of the way in from the top and from the bottom.',
              ]
            : [
                `It is folded in signatures of ${signature} sheets: sheets 1–${signature} make the first, ${signature + 1}–${2 * signature} the second, and so on, the last taking what remains.`,
                'Fold each signature on its own: stack its sheets with its first at the bottom, front facing down, and fold them in half along the spine ticks, so that its first sheet wraps the others.',
                'Lay the folded signatures one on the other in order, not inside each other: the black bars on their spines step down from the first to the last.',
                'Sew them through their folds, or glue the spines into a cover; or staple each signature on its fold and the stack through a cover along the spine.',
              ]),
          ...(card ? ['Cut or tear the card out along its dashed line; the stub stays in the binding.'] : []),
        ],
        diagrams: [
          right
            ? { file: 'booklet-right.png', alt: 'Booklet bound on the right: sheet 1 carries pages 1 and 8 on its front and 7 and 2 on its back; sheet 2 carries 3 and 6, and 5 and 4' }
            : { file: 'booklet.png', alt: 'Booklet: sheet 1 carries pages 8 and 1 on its front and 2 and 7 on its back; sheet 2 carries 6 and 3, and 4 and 5' },
        ],
      };
    case 'mini':
      return {
        settings: { paper: `${SHEET[paper]}, landscape`, scale: SCALE, sides: 'one-sided' },
        steps: [
          'Print one copy and fold it before you print many.',
          'Crease every dashed line: fold along it and open the sheet again.',
          'Fold the sheet in half along its long axis, along the horizontal centre line.',
          'Cut the centre of that fold, from 1/4 to 3/4 of the width: the solid line.',
          'Open the sheet and fold it the other way along the same axis, with the print outside.',
          'Push the two short ends together: the cut opens into a diamond and the pages fold around it.',
          `Flatten it into a booklet with page 1 on top, then crease the spine${right ? ' (on the cover’s right)' : ''}.`,
        ],
        diagrams: [
          right
            ? { file: 'mini-right.png', alt: 'Mini zine bound on the right: the top row reads 2 3 4 5 upside down, the bottom row 1 8 7 6' }
            : { file: 'mini.png', alt: 'Mini zine: eight pages on one side of a landscape sheet; the top row reads 5 4 3 2 upside down, the bottom row 6 7 8 1; dashed fold lines and a solid cut line in the middle' },
        ],
      };
    case 'slips':
      return {
        settings: { paper: `${SHEET[paper]}, portrait`, scale: SCALE, sides: 'two-sided, either flip (the layout is symmetric)' },
        steps: ['Print the sheet two-sided: four card fronts on side 1, their backs on side 2.', 'Cut along the crop marks.'],
        diagrams: [],
      };
    case 'large-print':
      return {
        settings: { paper: HALF[paper], scale: SCALE, sides: 'two-sided, flip on long edge (or read it on screen)' },
        steps: [
          'The pages at 16 pt in reading order, to read on screen or print on paper of the page size.',
          'Its booklet, large-print-booklet.pdf beside it, prints, folds and staples like the booklet above.',
        ],
        diagrams: [],
      };
    case 'web':
      return {
        settings: undefined,
        steps: ['Open it in a browser, or publish the whole web/ folder (the page, its fonts and its images) on a web server: it needs nothing else.'],
        diagrams: [],
      };
  }
}

/** The 16-page zine (plan-mini16.ts): both sides of one sheet, cut in four, stacked and folded once. */
function mini16(paper: PaperSize): Instructions {
  return {
    settings: { paper: `${SHEET[paper]}, landscape`, scale: SCALE, sides: 'two-sided, flip on short edge' },
    steps: [
      'Print one copy and fold it before you print many: behind page 1 you should find page 2, upright.',
      'Cut along the two solid lines, across and down the middle of the sheet: four pieces of two pages a side.',
      'Stack the pieces face down (page 1 underneath): the top-left piece at the bottom, then the top-right, the bottom-left and the bottom-right ones.',
      'Fold the stack in half along the dashed line, so that the top-left piece wraps the others, and staple on the fold.',
    ],
    diagrams: [{ file: 'mini16.png', alt: '16-page zine: the front of the sheet reads 16 1 14 3 over 12 5 10 7, the back 4 13 2 15 over 8 9 6 11; solid cut lines across and down the middle, a dashed fold down the middle of each quarter' }],
  };
}

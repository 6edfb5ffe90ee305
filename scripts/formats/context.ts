import type { Browser } from 'puppeteer-core';
import type { ResolvedDocument } from '../config/document.ts';
import type { Format } from '../config/frontmatter.ts';
import type { FontPlan } from '../fonts/plan.ts';
import type { MarkdownResult } from '../markdown/index.ts';
import type { Limiter } from '../util/concurrency.ts';
import { ContentError } from '../util/errors.ts';
import type { Reporter } from '../util/reporter.ts';
import type { Stage } from '../util/stage.ts';

/** What every format of one document shares. */
export interface DocumentContext {
  /** The file name without `.md`: the output folder's name. */
  name: string;
  /** The markdown file, as the user named it. */
  source: string;
  markdown: MarkdownResult;
  /** Its settings, resolved once: paper, direction, binding, labels, formats. */
  document: ResolvedDocument;
  /** Where this document's files are written before they move into place. */
  stage: Stage;
  /** Where its warnings go. */
  reporter: Reporter;
  /** Its fonts, planned once from its text (paginate/fonts.ts documentFonts): each HTML stages them beside it. */
  fonts: FontPlan;
  /** The @font-face rules pointing at the fonts staged for its print. */
  fontFaces: string;
  /** The one browser of the build (it may still be starting). */
  browser: Promise<Browser>;
  /** Gate for layouts: at most one per core at a time, across all documents. */
  limit: Limiter;
  /** Stage the images as read, metadata and all (`--keep-metadata`). Default: false, the cleaned bytes. */
  keepMetadata?: boolean;
  /** Points the reading edition's pages reach past the trim on every side (bleed). Default: 0. */
  bleed?: number;
  /** Crop marks outside the trim of the reading edition's pages (they need a bleed to sit in). Default: false. */
  cropMarks?: boolean;
  /** Told as each layout begins to open its tab, and as its Paged.js begins (paginate's onBegun): the web edition waits for the layouts under way to begin (make.ts). Default: none. */
  layoutStep?: (step: 'opening' | 'begun') => void;
  /** Pixels: the width of the reading pages' pictures for the gallery. Default: none taken (no gallery). */
  pictureWidth?: number;
  /** Pixels: the width of the card's pictures, for the gallery's slips sides. Default: none taken. */
  cardPictureWidth?: number;
  /** Pixels: the width of the mini zine's pages' pictures, for the gallery's mini sides. Default: none taken. */
  miniPictureWidth?: number;
}

/** One file a format wrote into the stage. */
export interface FormatOutput {
  format: Format;
  /** File name inside the document's folder. */
  file: string;
  pages: number;
  /** Sheets of paper to print it on (undefined for the reading edition, which is not imposed). */
  sheets: number | undefined;
  /** From the start of the document's build to this file's bytes. */
  seconds: number;
  /** What the reader should know of it: the mini's type size, the reading edition's short pages. */
  note?: string;
  /** The booklet's sheets per signature, when it is folded in more than one. */
  signature?: number;
}

/** The format cannot be made for this document; `reason` says why. */
export class FormatSkipped extends ContentError {
  readonly format: Format;

  constructor(format: Format, reason: string) {
    super(reason);
    this.format = format;
  }
}

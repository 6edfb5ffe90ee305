/** One line of the build's closing table: a file it made. */
import type { Format } from '../config/frontmatter.ts';

export interface BuildRow {
  document: string;
  format: Format;
  pages: number;
  sheets: number | undefined;
  file: string;
  seconds: number;
  /** Short pages and why, type size: see FormatOutput. */
  note?: string;
  /** The booklet's sheets per signature: see FormatOutput. */
  signature?: number;
  /** What was removed from each of the document's images (images/privacy.ts), alike on each of its rows. */
  privacy: string[];
}

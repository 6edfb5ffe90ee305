import { ParseSpeeds } from 'pdf-lib';

/**
 * pdf-lib reads a PDF in one go with this. By default it waits for a timer
 * every 100 objects it reads, which keeps a page's interface alive in a
 * browser, and in a build only adds waits: the essay ×20's printed PDF has
 * over 3,000 objects. Its writes go through pdf/save.ts, which never waits.
 */
export const READ_AT_ONCE = { parseSpeed: ParseSpeeds.Fastest } as const;

import { ParseSpeeds } from 'pdf-lib';

/**
 * pdf-lib reads and writes a PDF in one go with these. By default it waits
 * for a timer every 100 objects it reads and every 50 it writes, which keeps
 * a page's interface alive in a browser, and in a build only adds waits: the
 * essay ×20's printed PDF has over 3,000 objects.
 */
export const READ_AT_ONCE = { parseSpeed: ParseSpeeds.Fastest } as const;
export const WRITE_AT_ONCE = { objectsPerTick: Infinity } as const;

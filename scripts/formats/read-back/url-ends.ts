/**
 * A line that ends inside a URL ends right only where a typesetter breaks a
 * URL (markdown/url-breaks.ts: after a slash, before a period or other
 * punctuation, never with a hyphen); a cut anywhere else is a fault, as it
 * is in a word. The letters alone do not say where between two letters the
 * line ended ("me04_459.htm" has digits and punctuation between "e" and
 * "h"), so the characters printed after the line's last letter place its
 * end in the source's text.
 */
import { URL_IN_TEXT, urlBreaks } from '../../markdown/url-breaks.ts';
import type { Stream } from './source-text.ts';

interface FoundUrl {
  /** Its first character's index in the stream's `raw`. */
  start: number;
  url: string;
}

const found = new WeakMap<Stream, FoundUrl[]>();

function urlsOf(stream: Stream): FoundUrl[] {
  let urls = found.get(stream);
  if (urls === undefined) {
    urls = [...stream.raw.matchAll(URL_IN_TEXT)].map((match) => ({ start: match.index ?? 0, url: match[0] }));
    found.set(stream, urls);
  }
  return urls;
}

const LETTERS = /[\p{L}\p{M}]/gu;

/**
 * The index in `raw` where a printed line ending after letter `end - 1` of
 * the stream ends: after that letter and what the line prints after it. Or
 * undefined when those characters are not the source's there (an added
 * hyphen, a note call) or the line ends at the stream's end.
 */
export function rawEnd(stream: Stream, end: number, text: string): number | undefined {
  if (end <= 0 || end >= stream.letters.length) return undefined;
  const before = (stream.at[end - 1] as number) + 1;
  const tail = /[^\p{L}\p{M}]*$/u.exec(text.trimEnd())?.[0] ?? '';
  return stream.raw.slice(before, before + tail.length) === tail ? before + tail.length : undefined;
}

/**
 * The verdict on a line break at index `at` of the stream's `raw`: undefined
 * when it is not inside a URL; else `{ reason }`, the reason undefined when
 * the URL may break there. `capacity`: the most letters a line holds; a run
 * between two of the URL's breaks longer than that breaks where it must.
 */
export function urlBreakFault(stream: Stream, at: number, capacity: number): { reason: string | undefined } | undefined {
  const inside = urlsOf(stream).find(({ start, url }) => at > start && at < start + url.length);
  if (inside === undefined) return undefined;
  const { start, url } = inside;
  const offset = at - start;
  const breaks = urlBreaks(url);
  if (breaks.includes(offset)) return { reason: undefined };
  const from = Math.max(0, ...breaks.filter((point) => point < offset));
  const to = Math.min(url.length, ...breaks.filter((point) => point > offset));
  if ((url.slice(from, to).match(LETTERS)?.length ?? 0) > capacity) return { reason: undefined };
  return {
    reason: `the URL "${url}" is split as "${url.slice(0, offset)}" / "${url.slice(offset)}", which is neither after a slash nor before a period or other punctuation`,
  };
}

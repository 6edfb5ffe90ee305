/**
 * The front matter of an essay: the YAML block between `---` lines at the top
 * of the markdown file. One valibot schema gives the type, the validation and
 * the messages; every message names the key it is about, e.g.
 * "front matter: `date` must be a date like 2025-03-08".
 *
 * The YAML must be parsed with the YAML 1.2 core schema (see
 * scripts/markdown/front-matter.ts): there `date: 2025-03-08` stays the string
 * "2025-03-08" instead of becoming a Date, which is what this schema expects.
 */
import { closest } from '../util/suggest.ts';
import * as v from 'valibot';
import { QR_BYTES } from './limits.ts';
import { LENGTH_HINT, lengthInPoints } from './length.ts';
import { DIRECTIONS } from './direction.ts';

export const FOOTNOTE_STYLES = ['stars', 'numbers'] as const;
export const PAPER_SIZES = ['letter', 'a4'] as const;
export const FORMATS = ['reading', 'booklet', 'mini', 'slips', 'web', 'large-print'] as const;
/** The cover designs (styles/covers.css); the first is the default. */
export const COVER_STYLES = ['poster', 'frame', 'banner'] as const;
/** Where a `cover:` image goes: over the whole page (`full`) or in a frame above the title (`framed`). */
export const COVER_IMAGE_PLACES = ['full', 'framed'] as const;

/** Formats made only when asked for by name (`--formats` or the front matter's `formats`). */
export const ON_REQUEST: readonly Format[] = ['large-print'];

export type FootnoteStyle = (typeof FOOTNOTE_STYLES)[number];
export type PaperSize = (typeof PAPER_SIZES)[number];
export type Format = (typeof FORMATS)[number];
export type CoverStyle = (typeof COVER_STYLES)[number];

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A BCP 47 language tag as people write them: en, en-GB, pt-BR, sr-Latn. */
const LANG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** True for a real calendar day written YYYY-MM-DD (no 2025-02-30). */
export function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const text = (what = 'must be text') =>
  v.pipe(v.string(what), v.trim(), v.nonEmpty('must not be empty'));

/** A length written like `1mm` or `0.04in`, read into points. */
const length = () =>
  v.pipe(
    v.union([v.string(), v.number()], `must be ${LENGTH_HINT}`),
    v.check((value) => lengthInPoints(value) !== undefined, `must be ${LENGTH_HINT}`),
    v.transform((value) => lengthInPoints(value) as number),
  );

const quoted = (values: readonly string[]) => values.map((value) => `"${value}"`).join(', ');

const entries = {
  title: text(),
  subtitle: v.optional(text()),
  author: v.optional(text()),
  date: v.optional(
    v.pipe(
      v.string('must be a date like 2025-03-08'),
      v.check(isCalendarDate, 'must be a date like 2025-03-08'),
    ),
  ),
  lang: v.optional(
    v.pipe(v.string('must be a language tag like "en" or "pt-BR"'), v.regex(LANG, 'must be a language tag like "en" or "pt-BR"')),
    'en',
  ),
  dir: v.optional(v.picklist(DIRECTIONS, `must be one of ${quoted(DIRECTIONS)} (left to right, right to left)`)),
  credits: v.optional(v.array(text('must be a line of text'), 'must be a list of lines (each line starting with "- ")')),
  paper: v.optional(v.picklist(PAPER_SIZES, `must be one of ${quoted(PAPER_SIZES)}`)),
  footnotes: v.optional(v.picklist(FOOTNOTE_STYLES, `must be one of ${quoted(FOOTNOTE_STYLES)}`), 'stars'),
  url: v.optional(
    v.pipe(
      v.string('must be a web address like https://example.org/zine'),
      v.trim(),
      v.url('must be a web address like https://example.org/zine'),
      v.regex(/^https?:\/\//i, 'must start with https:// or http://'),
      v.check(
        (url) => Buffer.byteLength(url) <= QR_BYTES,
        (issue) => `is ${Buffer.byteLength(String(issue.input)).toLocaleString('en-US')} bytes long, and the QR code printed from it holds at most ${QR_BYTES.toLocaleString('en-US')}: use a shorter address`,
      ),
    ),
  ),
  cover: v.optional(text('must be the path of an image beside the essay, like cover.png')),
  'cover-image': v.optional(
    v.picklist(COVER_IMAGE_PLACES, `must be one of ${quoted(COVER_IMAGE_PLACES)} (the whole page, or a frame above the title)`),
    'full',
  ),
  'cover-credit': v.optional(text('must be a line of text, like "Cover: photo by …"')),
  'cover-style': v.optional(v.picklist(COVER_STYLES, `must be one of ${quoted(COVER_STYLES)}`), 'poster'),
  signature: v.optional(
    v.pipe(
      v.number('must be a whole number of sheets, like 4'),
      v.integer('must be a whole number of sheets, like 4'),
      v.minValue(1, 'must be at least 1 sheet'),
    ),
  ),
  creep: v.optional(length()),
  bleed: v.optional(length()),
  'flip-with': v.optional(
    v.pipe(
      text('must be the path of a markdown source beside this one, like other-language.md'),
      v.regex(/\.md$/i, 'must be the path of a markdown source beside this one, like other-language.md'),
    ),
  ),
  style: v.optional(text('must be the path of a stylesheet beside the essay, like style.css')),
  formats: v.optional(
    v.array(v.picklist(FORMATS, `must be one of ${quoted(FORMATS)}`), `must be a list of formats (${quoted(FORMATS)})`),
  ),
};

export const FRONT_MATTER_KEYS = Object.keys(entries) as (keyof typeof entries)[];

export const FrontMatterSchema = v.strictObject(entries, (issue) => {
  const key = issue.path?.at(-1)?.key;
  if (key === undefined) return 'must be a list of `key: value` lines';
  if (issue.expected === 'never') {
    const meant = closest(String(key), FRONT_MATTER_KEYS);
    return meant === undefined ? `is not a known key (known keys: ${FRONT_MATTER_KEYS.join(', ')})` : `is not a known key: did you mean \`${meant}\`?`;
  }
  return 'is required';
});

export type FrontMatter = v.InferOutput<typeof FrontMatterSchema>;
export type FrontMatterInput = v.InferInput<typeof FrontMatterSchema>;

export interface FrontMatterProblem {
  /** Where in the YAML: keys and list indexes, e.g. ["credits", 1]. Empty for the whole block. */
  path: (string | number)[];
  /** The full message, e.g. "front matter: `date` must be a date like 2025-03-08". */
  message: string;
}

export type FrontMatterResult =
  | { success: true; frontMatter: FrontMatter }
  | { success: false; problems: FrontMatterProblem[] };

/** "credits[1]" for ["credits", 1]. */
function formatPath(path: readonly (string | number)[]): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}

/** Validates parsed YAML (`null` for an empty block counts as no keys). */
export function validateFrontMatter(data: unknown): FrontMatterResult {
  // valibot takes an array for an object (keys "0", "1", …); front matter is a mapping.
  if (Array.isArray(data) || (data !== null && data !== undefined && typeof data !== 'object')) {
    return { success: false, problems: [{ path: [], message: 'front matter must be a list of `key: value` lines' }] };
  }
  const result = v.safeParse(FrontMatterSchema, data ?? {});
  if (result.success) return { success: true, frontMatter: result.output };
  const problems = result.issues.map((issue) => {
    const path = (issue.path ?? []).map((item) => item.key as string | number);
    const message = path.length === 0 ? `front matter ${issue.message}` : `front matter: \`${formatPath(path)}\` ${issue.message}`;
    return { path, message };
  });
  return { success: false, problems };
}

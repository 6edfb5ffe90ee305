/**
 * A document's settings, worked out once: the front matter, the command's
 * options and the defaults resolved into one object that the build (every
 * format), the preview and the gallery all take, so that none of them works
 * out the paper, the direction, the binding or the labels again. What follows
 * from the front matter alone (frontMatterSettings) is known from the
 * markdown stage on, which prints the labels of the cover, colophon and card.
 */
import type { Binding } from '../impose/plan.ts';
import type { UserStyle } from '../paginate/user-style.ts';
import { bindingFor, documentDirection, type Direction } from './direction.ts';
import { FORMATS, ON_REQUEST, type Format, type FrontMatter, type PaperSize } from './frontmatter.ts';
import { labelsFor, type Labels } from './labels.ts';

/** Whether a format was asked for by name (it must be made) or only by default (it may be skipped). */
export type Wanted = Map<Format, 'asked' | 'default'>;

/** What the front matter alone decides: the markdown stage has it as soon as the front matter is read. */
export interface FrontMatterSettings {
  /** The front matter's `dir`, else what its `lang` implies. */
  readonly direction: Direction;
  /** The spine's edge: the right for a right-to-left document. */
  readonly binding: Binding;
  readonly lang: string;
  /** The words the zine prints on its own, in the document's language (labels.ts). */
  readonly labels: Labels;
}

export interface ResolvedDocument extends FrontMatterSettings {
  /** The validated front matter, as written. */
  readonly frontMatter: FrontMatter;
  /** `--paper`, else the front matter's `paper`, else letter. */
  readonly paper: PaperSize;
  /** The formats to make, each asked for by name or made by default. */
  readonly formats: Wanted;
  /** The user's own stylesheet, read and checked, applied after the project's. */
  readonly style: UserStyle | undefined;
}

export interface ResolveOptions {
  frontMatter: FrontMatter;
  /** `--paper`, over the front matter's. Default: none. */
  paper?: PaperSize | undefined;
  /** `--formats`, narrowing the front matter's. Default: none. */
  formats?: readonly Format[] | undefined;
  /** The user's stylesheet, loaded (paginate/user-style.ts documentStyle). Default: none. */
  style?: UserStyle | undefined;
}

/** The settings the front matter decides on its own; the one place the labels are worked out. */
export function frontMatterSettings(frontMatter: Pick<FrontMatter, 'lang' | 'dir'>): FrontMatterSettings {
  const direction = documentDirection(frontMatter);
  return { direction, binding: bindingFor(direction), lang: frontMatter.lang, labels: labelsFor(frontMatter.lang) };
}

export function resolveDocument(options: ResolveOptions): ResolvedDocument {
  const { frontMatter } = options;
  return {
    ...frontMatterSettings(frontMatter),
    frontMatter,
    paper: options.paper ?? frontMatter.paper ?? 'letter',
    formats: wantedFormats(options.formats, frontMatter.formats),
    style: options.style,
  };
}

/**
 * `--formats` and the front matter's `formats` both narrow the list of every
 * format; a format made only on request (large print) must be named by one.
 */
export function wantedFormats(cli: readonly Format[] | undefined, frontMatter: readonly Format[] | undefined): Wanted {
  const wanted: Wanted = new Map();
  for (const format of FORMATS) {
    const inCli = cli === undefined || cli.includes(format);
    const inFrontMatter = frontMatter === undefined || frontMatter.includes(format);
    const named = cli?.includes(format) === true || frontMatter?.includes(format) === true;
    if (ON_REQUEST.includes(format) && !named) continue;
    if (inCli && inFrontMatter) wanted.set(format, cli ?? frontMatter ? 'asked' : 'default');
  }
  return wanted;
}

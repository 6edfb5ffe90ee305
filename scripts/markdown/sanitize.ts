/**
 * The rehype-sanitize schema for print: GitHub's defaults, narrowed (no ids or
 * names from content, no details/picture/source, images only by relative
 * path, script/style/iframe/object/embed dropped with their content) and
 * extended with exactly the classes, ids and data attributes our own plugins
 * put on elements before this point (footnotes, slogans, card, address).
 * Elements built after sanitizing (cover, main, card back, colophon, heading
 * ids) come from our code, not from content.
 */
import { defaultSchema } from 'rehype-sanitize';

type Schema = typeof defaultSchema;
type AttributeList = NonNullable<Schema['attributes']>[string];

const defaults = defaultSchema.attributes ?? {};
const aria = ['ariaDescribedBy', 'ariaLabel', 'ariaLabelledBy'];
const MARK = /^(?:\*+|\d+)$/;

/** Content may set none of these on any element. */
const NEVER = new Set(['id', 'name', 'action', 'method', 'encType', 'accessKey', 'tabIndex', 'useMap', 'isMap', 'noHref']);

export const printSchema: Schema = {
  ...defaultSchema,
  tagNames: [
    ...(defaultSchema.tagNames ?? []).filter((name) => !['details', 'summary', 'picture', 'source'].includes(name)),
    'address',
  ],
  attributes: {
    ...defaults,
    '*': (defaults['*'] ?? []).filter((attribute) => !(typeof attribute === 'string' && NEVER.has(attribute))),
    a: [...aria, 'href'],
    h2: [],
    img: ['src'],
    section: [
      ['className', 'card-front'],
      ['id', 'card'],
    ],
    span: [['className', 'footnote', /^fn-\d+$/], ['dataMark', MARK]],
    sup: [['className', 'footnote-ref'], ['dataMark', MARK]],
    div: [['className', 'slogans']],
    address: [['className', 'mail-to']],
  } satisfies Record<string, AttributeList>,
  // Ids from content are not allowed at all (above), so none needs a prefix;
  // `card` is ours and must stay as it is.
  clobber: ['ariaDescribedBy', 'ariaLabelledBy'],
  protocols: {
    ...defaultSchema.protocols,
    // hast-util-sanitize reads an empty list as "anything goes"; a list naming
    // no real scheme lets only relative URLs through. Images are local files.
    src: ['relative-path-only'],
    longDesc: ['relative-path-only'],
  },
  strip: ['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template', 'textarea', 'svg', 'math'],
};

/**
 * A stylesheet of the user's own (`style: FILE.css` in the front matter, or
 * `--style FILE.css`), applied after the project's styles in every format. Its
 * `url()`s are checked like the essay's images (markdown/assets.ts): each must
 * be an image file inside the allowed folder (the essay's, for a front matter
 * `style`; the stylesheet's own, for `--style`), and is read once, cleaned and
 * staged under `style/`, where the rewritten `url()` points. Nothing else may
 * load: `@import` and `\` escapes outside quoted text are refused (an escape
 * could hide either), as are `image-set()` and `src()`, which name files
 * without `url()`. The browser's own confinement stays behind all of this.
 */
import { realpath } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { SOURCE_BYTES } from '../config/limits.ts';
import { checkLocalImage, type Asset } from '../markdown/assets.ts';
import { ContentError } from '../util/errors.ts';
import { readRegularFile } from '../util/read-regular.ts';

export interface UserStyle {
  /** The stylesheet as the user named it. */
  shown: string;
  /** Its CSS, each url() pointing at its staged image. */
  css: string;
  /** The images its url()s name, read once and cleaned, staged at `style/…`. */
  assets: Asset[];
}

export interface LoadStyleOptions {
  /** The stylesheet's path, absolute or relative to the working directory. */
  path: string;
  /** How messages name it: `source/x.md:5:1: style \`a.css\`` for the front matter's, `a.css` for --style's. */
  shown: string;
  /** The folder its url()s must stay inside. */
  root: string;
}

/** `url(...)` with what is inside, quoted or not. */
const URL_TOKEN = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/gi;

export async function loadUserStyle(options: LoadStyleOptions): Promise<UserStyle> {
  const { path, shown, root } = options;
  const bytes = await readRegularFile({ path, limit: SOURCE_BYTES, what: 'a stylesheet' });
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const css = text.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, '');
  const refuse = (reason: string) => {
    throw new ContentError(`${shown}: ${reason}`);
  };
  const outside = css.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""');
  if (outside.includes('\\')) refuse('a `\\` escape outside quoted text is not allowed in a stylesheet (it could hide a file to load): write the characters themselves');
  if (/<\/style/i.test(css)) refuse('`</style` is not allowed in a stylesheet');
  if (/@import\b/i.test(outside)) refuse('`@import` is not allowed: put the rules in this one stylesheet');
  if (/\b(?:-webkit-)?image-set\(|\bsrc\(/i.test(outside)) refuse('`image-set()` and `src()` are not allowed: name each image with `url()`');

  const place = { folder: root, realFolder: await realpath(root).catch(() => root), cwd: process.cwd() };
  const assets = new Map<string, Asset>();
  let rewritten = '';
  let last = 0;
  for (const match of css.matchAll(URL_TOKEN)) {
    const url = match[1] ?? match[2] ?? match[3] ?? '';
    if (url.includes('\\')) refuse(`url(${url}): a \`\\\` escape is not allowed in a url()`);
    // Relative to the stylesheet, confined to the root folder: checkLocalImage takes it relative to the root.
    const absolute = resolve(dirname(resolve(path)), url);
    const fromRoot = /^[a-z][a-z0-9+.-]*:|^\/\//i.test(url) ? url : relative(root, absolute).split(sep).join('/');
    const checked = await checkLocalImage(fromRoot, { ...place, opened: assets });
    if ('problem' in checked) refuse(`image \`${url}\` ${checked.problem}`);
    const asset = checked as Asset;
    const staged = { ...asset, src: `style/${asset.src}` };
    assets.set(asset.path, staged);
    rewritten += `${css.slice(last, match.index)}url("${staged.src.replace(/"/g, '%22')}")`;
    last = match.index + match[0].length;
  }
  rewritten += css.slice(last);
  return { shown, css: rewritten, assets: [...assets.values()] };
}

export interface DocumentStyleOptions {
  /** The markdown source, as the user named it, and its text (to place a message at its `style:` line). */
  source: string;
  text: string;
  /** The front matter's `style`, a path relative to the essay. Default: none. */
  frontMatter?: string | undefined;
  /** `--style`, over the front matter's. Default: none. */
  cli?: string | undefined;
}

/** The document's own stylesheet, if it names one: `--style` over the front matter's `style`. */
export async function documentStyle(options: DocumentStyleOptions): Promise<UserStyle | undefined> {
  const { source, cli, frontMatter } = options;
  if (cli !== undefined) return loadUserStyle({ path: cli, shown: cli, root: dirname(resolve(cli)) });
  if (frontMatter === undefined) return undefined;
  const before = /^style\s*:/m.exec(options.text);
  const line = before === null ? 1 : options.text.slice(0, before.index).split('\n').length;
  const shown = `${source}:${line}:1: style \`${frontMatter}\``;
  const folder = dirname(resolve(source));
  const path = resolve(folder, frontMatter);
  const inside = relative(folder, path);
  if (inside === '' || inside.startsWith('..') || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(frontMatter) || frontMatter.startsWith('/')) {
    throw new ContentError(`${shown} must be a stylesheet inside the essay’s folder, named by its relative path, like style.css`);
  }
  return loadUserStyle({ path, shown, root: folder });
}

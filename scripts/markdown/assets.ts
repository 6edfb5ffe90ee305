/**
 * Images are the only things the page fetches, so they are checked here:
 * an image must be a file inside the essay's folder. Remote URLs (http:,
 * https:, //host), `file:` and other URL schemes, absolute paths and paths that
 * leave the folder (`../`, or a symlink pointing out) are refused; a missing
 * file is an error. All of them point at the image in the markdown.
 *
 * The file itself is then read once into memory (images/read-once.ts) and
 * checked (image-check.ts): a damaged, empty, huge or unsafe image, or a file
 * that is not an image, is refused at its place too. It is cleaned of what it
 * says of its maker (images/clean.ts) there and then.
 *
 * A good image keeps a src relative to the essay's folder (normalised:
 * `./img/../img/a.png` → `img/a.png`), and is recorded on `file.data.assets`
 * with its bytes as read and as cleaned: every later stage stages those
 * bytes, and never opens the path again.
 *
 * Links are not fetched: `[text](https://…)` stays a link (rehype-sanitize
 * allows http, https and mailto hrefs and drops `javascript:` and the like).
 * No `url()` can reach the page: style attributes and <style> are never let
 * through (raw-html.ts, sanitize.ts).
 *
 * `rehypeAssetGuard` re-checks the sanitized HTML: any <img> whose src was not
 * approved here is an error, whatever produced it.
 */
import { realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Root as HastRoot } from 'hast';
import type { Definition, Image, ImageReference, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { cleanImage } from '../images/clean.ts';
import { readImageOnce } from '../images/read-once.ts';
import { inspectImage } from './image-check.ts';
import { error, stopOnErrors } from './messages.ts';

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

export function remarkLocalAssets() {
  return async (tree: Root, file: VFile): Promise<void> => {
    const place = await imageFolder(file);

    const definitions = new Map<string, Definition>();
    visit(tree, 'definition', (node) => {
      if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
    });
    const images: { node: Image | ImageReference; target: Image | Definition }[] = [];
    visit(tree, (node) => {
      if (node.type === 'image') images.push({ node, target: node });
      if (node.type === 'imageReference') {
        const definition = definitions.get(node.identifier);
        if (definition) images.push({ node, target: definition });
      }
    });

    const assets = new Map<string, Asset>();
    for (const { node, target } of images) {
      const url = target.url;
      const checked = await checkLocalImage(url, { ...place, opened: assets });
      if ('problem' in checked) {
        error(file, `image \`${url}\` ${checked.problem}`, node.position, 'image');
        continue;
      }
      target.url = checked.src;
      assets.set(checked.path, checked);
    }
    stopOnErrors(file);
    file.data.assets = [...assets.values()];
  };
}

export interface ImagePlace {
  /** The essay's folder, absolute. */
  folder: string;
  /** The same with symlinks resolved. */
  realFolder: string;
  /** Where paths in messages are relative to. */
  cwd: string;
  /** Images already read and found good, by absolute path: not read again. Default: none. */
  opened?: ReadonlyMap<string, Asset>;
}

/** An image the document uses, read once: every stage after the check uses these bytes. */
export interface Asset {
  /** Where it was read from, absolute (for messages and for telling input from output). */
  path: string;
  /** Relative to the essay's folder, with `/`: where it is staged beside the HTML. */
  src: string;
  /** The bytes as read. */
  original: Uint8Array;
  /** The bytes as printed: what it said of its maker removed. */
  cleaned: Uint8Array;
  /** What was removed, for the privacy line ("GPS position", "camera"). */
  removed: string[];
}

/** The folder of the essay `file` is, as checkLocalImage wants it. */
export async function imageFolder(file: VFile): Promise<Omit<ImagePlace, 'opened'>> {
  const folder = resolve(file.cwd, file.path ? dirname(file.path) : '.');
  return { folder, realFolder: await realpath(folder).catch(() => folder), cwd: file.cwd };
}

/**
 * Checks the image at `url` (as written in the essay or its front matter):
 * a good one gives the image, read and cleaned, a bad one what is wrong with
 * it, said to follow "image `url` ".
 */
export async function checkLocalImage(url: string, place: ImagePlace): Promise<Asset | { problem: string }> {
  const { folder, realFolder, cwd, opened = new Map<string, Asset>() } = place;
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https' || url.startsWith('//')) {
    return { problem: 'is on another server; images are never fetched, so save it beside the essay and use its relative path' };
  }
  if (scheme === 'file') return { problem: 'is a `file:` URL; use a path relative to the essay, inside its folder' };
  if (scheme !== undefined) return { problem: `uses \`${scheme}:\`; an image must be a file beside the essay` };
  const path = decodePath(url.replace(/[?#].*$/, ''));
  if (path === '' || isAbsolute(path) || path.startsWith('\\')) return { problem: 'must be a path relative to the essay, inside its folder' };
  const absolute = resolve(folder, path);
  const inside = relative(folder, absolute);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    return { problem: 'is outside the essay’s folder; images must be inside it' };
  }
  const src = inside.split(sep).join('/');
  const known = opened.get(absolute);
  if (known) return { ...known, src };
  const found = await stat(absolute).catch(() => undefined);
  if (!found) return { problem: `not found (looked for ${relative(cwd, absolute) || absolute})` };
  const read = await readImageOnce(absolute, { realFolder });
  if ('problem' in read) return read;
  const inspected = await inspectImage(read.bytes);
  if ('problem' in inspected) return inspected;
  const cleaned = cleanImage(read.bytes, inspected.type);
  if ('problem' in cleaned) return cleaned;
  return { path: absolute, src, original: read.bytes, cleaned: cleaned.bytes, removed: cleaned.removed };
}

function decodePath(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** After sanitizing: every <img> must have a src approved by remarkLocalAssets. */
export function rehypeAssetGuard() {
  return (tree: HastRoot, file: VFile): void => {
    const folder = resolve(file.cwd, file.path ? dirname(file.path) : '.');
    const approved = new Set((file.data.assets ?? []).map((asset) => asset.path));
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'img') return;
      const src = node.properties['src'];
      const path = typeof src === 'string' && !SCHEME.test(src) && !src.startsWith('/') ? resolve(folder, decodePath(src)) : undefined;
      if (path === undefined || !approved.has(path)) {
        error(file, `image \`${String(src)}\` was not approved as a local image`, node.position, 'image');
      }
    });
    stopOnErrors(file);
  };
}

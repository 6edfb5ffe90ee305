/**
 * Every image is opened before layout, so that a broken one is an error with
 * its place in the markdown instead of Chromium's broken-image icon in print.
 * Its header gives the format and size (image-size); PNG and JPEG are then
 * decoded whole (pngjs, jpeg-js), which finds corrupt and cut-off data. An
 * SVG is read as text: scripts, event handlers, embedded HTML and references
 * to anything outside the file are refused.
 */
import { readFile, stat } from 'node:fs/promises';

export interface ImageLimits {
  /** Largest file. Default: 50 MB. */
  maxBytes?: number;
  /** Most pixels on a side. Default: 20000, three times a letter sheet's long side at 600 dpi. */
  maxSide?: number;
  /** Most pixels in all. Default: 100 million. */
  maxPixels?: number;
}

const DEFAULTS: Required<ImageLimits> = { maxBytes: 50 * 1024 * 1024, maxSide: 20_000, maxPixels: 100_000_000 };

/** Formats Chromium prints that Zinepress accepts. */
const FORMATS = new Set(['png', 'jpg', 'gif', 'webp', 'svg']);

/** What is wrong with the image at `path`, or undefined when it is fit to print. */
export async function imageProblem(path: string, limits: ImageLimits = {}): Promise<string | undefined> {
  const { maxBytes, maxSide, maxPixels } = { ...DEFAULTS, ...limits };
  const size = (await stat(path)).size;
  if (size === 0) return 'is an empty file';
  if (size > maxBytes) return `is ${(size / 1024 / 1024).toFixed(0)} MB, more than the ${maxBytes / 1024 / 1024} MB an image may be`;
  const bytes = await readFile(path);
  if (looksLikeSvg(bytes)) return svgProblem(bytes.toString('utf8'));

  // Loaded with the first image rather than at every start: most documents have none.
  const { imageSize } = await import('image-size');
  let header: ReturnType<typeof imageSize>;
  try {
    header = imageSize(bytes);
  } catch {
    return 'is not an image (use PNG, JPEG, GIF, WebP or SVG)';
  }
  const type = header.type ?? 'unknown';
  if (!FORMATS.has(type)) return `is a ${type.toUpperCase()} image; use PNG, JPEG, GIF, WebP or SVG`;
  const { width, height } = header;
  if (!width || !height) return `is a ${type.toUpperCase()} image without a width and height: it is damaged`;
  if (width > maxSide || height > maxSide || width * height > maxPixels) {
    return `is ${width}×${height} pixels, far more than print needs (at most ${maxSide} on a side, ${maxPixels / 1e6} million in all): scale it down`;
  }
  return decodeProblem(type, bytes);
}

async function decodeProblem(type: string, bytes: Buffer): Promise<string | undefined> {
  try {
    // Both are CommonJS: their exports are the default export, alike in Node and in the compiled bundle.
    if (type === 'png') (await import('pngjs')).default.PNG.sync.read(bytes);
    if (type === 'jpg') (await import('jpeg-js')).default.decode(bytes, { maxResolutionInMP: DEFAULTS.maxPixels / 1e6, maxMemoryUsageInMB: 2048 });
    return undefined;
  } catch (error) {
    const said = error instanceof Error ? error.message : String(error);
    // pngjs says a cut-off file is "waiting on finished stream" (sic).
    const reason = /finished stream|unexpected end/i.test(said) ? 'it ends too early' : said;
    return `is a damaged ${type === 'jpg' ? 'JPEG' : 'PNG'} file that cannot be decoded (${reason})`;
  }
}

function looksLikeSvg(bytes: Buffer): boolean {
  const start = bytes.subarray(0, 4096).toString('utf8').replace(/^\uFEFF/, '');
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<svg[\s>]/i.test(start) || /<svg[\s>]/i.test(start);
}

/** An SVG is printed as a picture: nothing in it may run or fetch. */
export function svgProblem(text: string): string | undefined {
  if (/<script[\s>]/i.test(text)) return 'is an SVG with a script in it; remove the script';
  if (/<foreignObject[\s>]/i.test(text)) return 'is an SVG with HTML in it (foreignObject); remove it';
  const handler = /\son[a-z]+\s*=/i.exec(text);
  if (handler) return `is an SVG with an event handler (${handler[0].trim().replace(/\s*=$/, '')}); remove it`;
  if (/<!ENTITY/i.test(text)) return 'is an SVG that declares entities; remove them';
  for (const match of text.matchAll(/(?:\bhref\s*=\s*["']([^"']*)["'])|(?:url\(\s*["']?([^"')]*))|(?:@import\s+["']?([^"';\s]*))/gi)) {
    const target = (match[1] ?? match[2] ?? match[3] ?? '').trim();
    if (target.startsWith('#') || target.startsWith('data:')) continue;
    return `is an SVG that refers to \`${target}\` outside itself; embed it or remove the reference`;
  }
  if (!/<svg[\s>]/i.test(text)) return 'is not an image (use PNG, JPEG, GIF, WebP or SVG)';
  return undefined;
}

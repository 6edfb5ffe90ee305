/**
 * Every image is checked before layout, so that a broken one is an error with
 * its place in the markdown instead of Chromium's broken-image icon in print.
 * Its bytes (read once, images/read-once.ts) give the format and size in the
 * header (image-size); PNG and JPEG are then decoded whole (pngjs, jpeg-js),
 * which finds corrupt and cut-off data. An SVG is parsed and kept only as an
 * allowlist lets it (images/svg.ts, when it is cleaned).
 */
import type { ImageType } from '../images/clean.ts';

export interface ImageLimits {
  /** Most pixels on a side. Default: 20000, three times a letter sheet's long side at 600 dpi. */
  maxSide?: number;
  /** Most pixels in all. Default: 100 million. */
  maxPixels?: number;
}

const DEFAULTS: Required<ImageLimits> = { maxSide: 20_000, maxPixels: 100_000_000 };

/** Formats Chromium prints that Zinepress accepts. */
const FORMATS = new Set<string>(['png', 'jpg', 'gif', 'webp', 'svg']);

/** The format of the image `bytes`, or what is wrong with it (said to follow "image `x` "). */
export async function inspectImage(bytes: Uint8Array, limits: ImageLimits = {}): Promise<{ type: ImageType } | { problem: string }> {
  const { maxSide, maxPixels } = { ...DEFAULTS, ...limits };
  if (bytes.length === 0) return { problem: 'is an empty file' };
  if (looksLikeSvg(bytes)) return { type: 'svg' };

  // Loaded with the first image rather than at every start: most documents have none.
  const { imageSize } = await import('image-size');
  let header: ReturnType<typeof imageSize>;
  try {
    header = imageSize(bytes);
  } catch {
    return { problem: 'is not an image (use PNG, JPEG, GIF, WebP or SVG)' };
  }
  const type = header.type ?? 'unknown';
  if (!FORMATS.has(type)) return { problem: `is a ${type.toUpperCase()} image; use PNG, JPEG, GIF, WebP or SVG` };
  const { width, height } = header;
  if (!width || !height) return { problem: `is a ${type.toUpperCase()} image without a width and height: it is damaged` };
  if (width > maxSide || height > maxSide || width * height > maxPixels) {
    return { problem: `is ${width}×${height} pixels, far more than print needs (at most ${maxSide} on a side, ${maxPixels / 1e6} million in all): scale it down` };
  }
  const problem = await decodeProblem(type, bytes);
  return problem === undefined ? { type: type as ImageType } : { problem };
}

async function decodeProblem(type: string, image: Uint8Array): Promise<string | undefined> {
  const bytes = Buffer.from(image.buffer, image.byteOffset, image.byteLength);
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

function looksLikeSvg(bytes: Uint8Array): boolean {
  const start = new TextDecoder().decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '');
  // The root may carry a prefix (`<s:svg xmlns:s="…">`): it is SVG all the same.
  return /<([\w.-]+:)?svg[\s>]/i.test(start);
}

/**
 * A WebP without what it says of its maker, its pixels untouched: the RIFF
 * chunks are copied or dropped. EXIF goes (but for its orientation, kept
 * alone), and XMP; an ICC profile keeps its colour data without its naming
 * words (icc.ts); the extended header's flags are set to what is left.
 */
import { bytesOf, concat } from './bytes.ts';
import type { CleanedImage } from './clean.ts';
import { minimalExif, readExif } from './exif.ts';
import { cleanIccProfile } from './icc.ts';

const EXIF_FLAG = 0x08;
const XMP_FLAG = 0x04;
const ICC_FLAG = 0x20;

export function cleanWebp(webp: Uint8Array): CleanedImage {
  const view = new DataView(webp.buffer, webp.byteOffset, webp.byteLength);
  if (webp.length < 12 || ascii(webp, 0) !== 'RIFF' || ascii(webp, 8) !== 'WEBP') return { bytes: webp, removed: [] };
  const chunks: Uint8Array[] = [];
  const removed = new Set<string>();
  let flags: { at: number } | undefined;
  let keptExif = false;
  let keptIcc = false;
  let at = 12;
  while (at + 8 <= webp.length) {
    const type = ascii(webp, at);
    const size = view.getUint32(at + 4, true);
    const end = Math.min(webp.length, at + 8 + size + (size % 2));
    const data = webp.subarray(at + 8, at + 8 + size);
    const chunk = webp.subarray(at, end);
    at = end;
    if (type === 'EXIF') {
      // Some writers put the JPEG's "Exif\0\0" before the TIFF header.
      const tiff = ascii(data, 0).startsWith('Exif') ? data.subarray(6) : data;
      const { told, orientation } = readExif(tiff);
      for (const what of told) removed.add(what);
      if (orientation !== 1) {
        chunks.push(chunkOf('EXIF', minimalExif(orientation)));
        keptExif = true;
      }
    } else if (type === 'XMP ') removed.add('XMP metadata');
    else if (type === 'ICCP') {
      const cleaned = cleanIccProfile(data);
      if (cleaned === undefined) removed.add('damaged colour profile');
      else {
        if (cleaned.blanked) removed.add('colour profile’s name');
        chunks.push(chunkOf('ICCP', cleaned.bytes));
        keptIcc = true;
      }
    } else {
      if (type === 'VP8X') flags = { at: chunks.reduce((sum, kept) => sum + kept.length, 0) + 8 };
      chunks.push(new Uint8Array(chunk));
    }
  }
  const body = concat([bytesOf('WEBP'), ...chunks]);
  if (flags !== undefined) {
    const at = flags.at + 4;
    body[at] = ((body[at] ?? 0) & ~(EXIF_FLAG | XMP_FLAG | ICC_FLAG)) | (keptExif ? EXIF_FLAG : 0) | (keptIcc ? ICC_FLAG : 0);
  }
  const header = new Uint8Array(8);
  header.set(bytesOf('RIFF'));
  new DataView(header.buffer).setUint32(4, body.length, true);
  return { bytes: concat([header, body]), removed: [...removed] };
}

function chunkOf(type: string, data: Uint8Array): Uint8Array {
  const chunk = new Uint8Array(8 + data.length + (data.length % 2));
  chunk.set(bytesOf(type));
  new DataView(chunk.buffer).setUint32(4, data.length, true);
  chunk.set(data, 8);
  return chunk;
}

function ascii(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + 4));
}

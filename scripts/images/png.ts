/**
 * A PNG without what it says of its maker, its pixels untouched: chunks are
 * copied or dropped one by one. Kept: the critical chunks and the ancillary
 * ones that only say how to show the pixels (transparency, gamma, colour
 * space, resolution); an embedded ICC profile (iCCP) with its name and its
 * naming words blanked (icc.ts). Dropped: text (tEXt, iTXt, zTXt), EXIF
 * (eXIf, but for its orientation, kept alone), the time (tIME), named
 * palettes (sPLT), animation frames (the default image stays) and any chunk
 * this list does not know.
 */
import { crc32, deflateSync, inflateSync } from 'node:zlib';
import { bytesOf, concat } from './bytes.ts';
import type { CleanedImage } from './clean.ts';
import { minimalExif, readExif } from './exif.ts';
import { cleanIccProfile } from './icc.ts';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Chunks copied as they are. */
const KEPT = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'sBIT', 'bKGD', 'pHYs', 'cICP', 'mDCV', 'cLLI', 'hIST']);

/** What a dropped chunk held, for the privacy line. */
const TOLD: Record<string, string> = {
  tEXt: 'text',
  iTXt: 'text',
  zTXt: 'text',
  tIME: 'time',
  sPLT: 'palette name',
  acTL: 'animation',
  fcTL: 'animation',
  fdAT: 'animation',
};

export function cleanPng(png: Uint8Array): CleanedImage {
  const out: Uint8Array[] = [png.subarray(0, 8)];
  const removed = new Set<string>();
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (!SIGNATURE.every((byte, i) => png[i] === byte)) return { bytes: png, removed: [] };
  let at = 8;
  while (at + 12 <= png.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const end = at + 12 + length;
    const data = png.subarray(at + 8, at + 8 + length);
    const chunk = png.subarray(at, end);
    at = end;
    if (KEPT.has(type)) out.push(chunk);
    else if (type === 'eXIf') {
      const { told, orientation } = readExif(data);
      for (const what of told) removed.add(what);
      if (orientation !== 1) out.push(chunkOf('eXIf', minimalExif(orientation)));
    } else if (type === 'iCCP') {
      const profile = iccChunk(data);
      if (profile === undefined) removed.add('damaged colour profile');
      else {
        if (profile.blanked) removed.add('colour profile’s name');
        out.push(profile.chunk);
      }
    } else removed.add(TOLD[type] ?? `${type} chunk`);
    if (type === 'IEND') break;
  }
  if (at < png.length) removed.add('data after the picture');
  return { bytes: concat(out), removed: [...removed] };
}

/** An iCCP chunk named plainly "ICC", its profile cleaned. */
function iccChunk(data: Uint8Array): { chunk: Uint8Array; blanked: boolean } | undefined {
  const nul = data.indexOf(0);
  if (nul < 1 || nul > 79 || data[nul + 1] !== 0) return undefined;
  let profile: Uint8Array;
  try {
    profile = inflateSync(data.subarray(nul + 2));
  } catch {
    return undefined;
  }
  const cleaned = cleanIccProfile(profile);
  if (cleaned === undefined) return undefined;
  const name = new TextDecoder('latin1').decode(data.subarray(0, nul));
  const chunk = chunkOf('iCCP', concat([bytesOf('ICC\0\0'), deflateSync(cleaned.bytes)]));
  return { chunk, blanked: cleaned.blanked || !/^(ICC Profile|ICC|sRGB.*|Display P3|Adobe RGB \(1998\)|icc|Photoshop ICC profile)$/i.test(name) };
}

function chunkOf(type: string, data: Uint8Array): Uint8Array {
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(bytesOf(type), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return chunk;
}

/**
 * A JPEG without what it says of its maker, its pixels untouched: its
 * segments are copied or dropped one by one. Kept: the frame, tables and
 * scans, the JFIF header (APP0) and Adobe's colour transform (APP14), an ICC
 * profile with its naming words blanked (icc.ts). Dropped: EXIF (but for the
 * orientation, kept alone so the photo stays upright), XMP, IPTC, comments,
 * the thumbnails of JFXX and EXIF, a phone's second picture (MPF) and
 * anything after the end of the image (a motion photo's video).
 */
import { minimalExif, readExif } from './exif.ts';
import { bytesOf, concat, startsWith } from './bytes.ts';
import { cleanIccProfile } from './icc.ts';
import type { CleanedImage } from './clean.ts';

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP0 = 0xe0;
const APP1 = 0xe1;
const APP2 = 0xe2;
const APP13 = 0xed;
const APP14 = 0xee;
const COM = 0xfe;

const EXIF = 'Exif\0\0';
const ICC = 'ICC_PROFILE\0';

export function cleanJpeg(jpeg: Uint8Array): CleanedImage {
  if (jpeg[0] !== 0xff || jpeg[1] !== SOI) return { bytes: jpeg, removed: [] };
  const out: Uint8Array[] = [jpeg.subarray(0, 2)];
  const removed = new Set<string>();
  const icc: Uint8Array[] = [];
  let iccAt = -1;
  let at = 2;
  while (at + 4 <= jpeg.length) {
    if (jpeg[at] !== 0xff) break;
    const marker = jpeg[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === EOI) break;
    const length = ((jpeg[at + 2] ?? 0) << 8) | (jpeg[at + 3] ?? 0);
    const end = at + 2 + length;
    const segment = jpeg.subarray(at, end);
    const body = jpeg.subarray(at + 4, end);
    at = end;
    if (marker === SOS) {
      // The scan runs to the next marker that is neither a stuffed 0xFF00 nor a restart.
      let scan = end;
      while (scan + 1 < jpeg.length && !(jpeg[scan] === 0xff && jpeg[scan + 1] !== 0 && !isRestart(jpeg[scan + 1] ?? 0) && jpeg[scan + 1] !== 0xff)) scan++;
      out.push(segment, jpeg.subarray(end, scan));
      at = scan;
      continue;
    }
    if (marker === APP1 && startsWith(body, EXIF)) {
      const { told, orientation } = readExif(body.subarray(EXIF.length));
      for (const what of told) removed.add(what);
      if (orientation !== 1) out.push(app1(minimalExif(orientation)));
    } else if (marker === APP1) removed.add('XMP metadata');
    else if (marker === APP2 && startsWith(body, ICC)) {
      if (iccAt === -1) iccAt = out.length;
      icc.push(body.subarray(ICC.length + 2));
    } else if (marker === APP13) removed.add('IPTC metadata');
    else if (marker === COM) removed.add('comment');
    else if (marker === APP0 && startsWith(body, 'JFXX')) removed.add('thumbnail');
    else if (marker === APP2 && startsWith(body, 'MPF\0')) removed.add('second picture');
    else if (marker > APP0 && marker <= 0xef && marker !== APP14) removed.add('maker data');
    else out.push(segment);
  }
  // The end of the image; anything after it is dropped.
  out.push(Uint8Array.of(0xff, EOI));
  if (at + 2 < jpeg.length) removed.add('data after the picture');
  if (icc.length > 0) {
    const cleaned = cleanIccProfile(concat(icc));
    if (cleaned === undefined) removed.add('damaged colour profile');
    else {
      if (cleaned.blanked) removed.add('colour profile’s name');
      out.splice(iccAt, 0, ...iccSegments(cleaned.bytes));
    }
  }
  return { bytes: concat(out), removed: [...removed] };
}

function isRestart(marker: number): boolean {
  return marker >= 0xd0 && marker <= 0xd7;
}

function app1(tiff: Uint8Array): Uint8Array {
  return segmentOf(APP1, concat([bytesOf(EXIF), tiff]));
}

/** The profile split into APP2 segments of at most 65,519 bytes each, numbered from 1. */
function iccSegments(profile: Uint8Array): Uint8Array[] {
  const size = 65_519;
  const count = Math.ceil(profile.length / size);
  return Array.from({ length: count }, (_, i) =>
    segmentOf(APP2, concat([bytesOf(ICC), Uint8Array.of(i + 1, count), profile.subarray(i * size, (i + 1) * size)])),
  );
}

function segmentOf(marker: number, body: Uint8Array): Uint8Array {
  const length = body.length + 2;
  return concat([Uint8Array.of(0xff, marker, length >> 8, length & 0xff), body]);
}

/**
 * What an EXIF block (the TIFF structure of a JPEG's APP1 "Exif" segment or
 * of a PNG's eXIf chunk) tells about its photo, in the words of the privacy
 * line, and the one thing worth keeping from it: the orientation. Only tags
 * are read, never written back: a cleaned image keeps at most `minimalExif`.
 */

/** What a group of tags tells, as the privacy line says it. */
const TOLD: Record<number, string> = {
  0x013b: 'photographer’s name', // Artist
  0x9c9d: 'photographer’s name', // XPAuthor
  0xa430: 'photographer’s name', // CameraOwnerName
  0x8298: 'copyright holder', // Copyright
  0x010f: 'camera', // Make
  0x0110: 'camera', // Model
  0xa431: 'camera serial number', // BodySerialNumber
  0xa433: 'camera', // LensMake
  0xa434: 'camera', // LensModel
  0xa435: 'camera serial number', // LensSerialNumber
  0x927c: 'camera maker’s notes', // MakerNote
  0xa420: 'image ID', // ImageUniqueID
  0x0132: 'date taken', // DateTime
  0x9003: 'date taken', // DateTimeOriginal
  0x9004: 'date taken', // DateTimeDigitized
  0x0131: 'software', // Software
  0x010e: 'description', // ImageDescription
  0x9286: 'description', // UserComment
  0x9c9b: 'description', // XPTitle
  0x9c9c: 'description', // XPComment
  0x9c9e: 'description', // XPKeywords
  0x9c9f: 'description', // XPSubject
};

const ORIENTATION = 0x0112;
const EXIF_IFD = 0x8769;
const GPS_IFD = 0x8825;

export interface ExifSummary {
  /** What it held, in the privacy line's words, each once. */
  told: string[];
  /** The EXIF orientation, 1 (as stored) to 8; 1 when absent or out of range. */
  orientation: number;
}

/** Reads the TIFF structure `tiff` (from its "II"/"MM" header on); a damaged one tells "EXIF data", one with only the orientation nothing. */
export function readExif(tiff: Uint8Array): ExifSummary {
  const told = new Set<string>();
  let orientation = 1;
  try {
    const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
    const little = tiff[0] === 0x49;
    const u16 = (at: number) => view.getUint16(at, little);
    const u32 = (at: number) => view.getUint32(at, little);
    const seen = new Set<number>();
    const readIfd = (at: number, kind: 'main' | 'exif' | 'gps'): number => {
      if (seen.has(at) || at + 2 > tiff.length) return 0;
      seen.add(at);
      const count = u16(at);
      for (let i = 0; i < count; i++) {
        const entry = at + 2 + i * 12;
        if (entry + 12 > tiff.length) break;
        const tag = u16(entry);
        if (kind === 'gps') {
          told.add('GPS position');
          continue;
        }
        if (tag === ORIENTATION && kind === 'main') {
          const value = u16(entry + 8);
          if (value >= 1 && value <= 8) orientation = value;
        } else if (tag === EXIF_IFD) readIfd(u32(entry + 8), 'exif');
        else if (tag === GPS_IFD) readIfd(u32(entry + 8), 'gps');
        else {
          const what = TOLD[tag] ?? (kind === 'exif' ? 'camera settings' : undefined);
          if (what !== undefined) told.add(what);
        }
      }
      const next = at + 2 + count * 12;
      return next + 4 <= tiff.length ? u32(next) : 0;
    };
    if (u16(2) !== 42) throw new Error('not TIFF');
    const ifd1 = readIfd(u32(4), 'main');
    if (ifd1 !== 0) told.add('thumbnail');
  } catch {
    told.add('EXIF data');
  }
  return { told: [...told], orientation };
}

/**
 * A TIFF structure holding nothing but `orientation` (big-endian, one entry
 * in IFD0): what a photo needs to be shown upright, and nothing of who took
 * it or where.
 */
export function minimalExif(orientation: number): Uint8Array {
  const bytes = new Uint8Array(26);
  const view = new DataView(bytes.buffer);
  bytes.set([0x4d, 0x4d, 0x00, 0x2a]); // "MM", 42
  view.setUint32(4, 8); // IFD0 at 8
  view.setUint16(8, 1); // one entry
  view.setUint16(10, ORIENTATION);
  view.setUint16(12, 3); // SHORT
  view.setUint32(14, 1); // one value
  view.setUint16(18, orientation);
  view.setUint32(22, 0); // no IFD1
  return bytes;
}

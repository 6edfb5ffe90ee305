/**
 * An ICC colour profile keeps its colour data, but not the words that can
 * name a person or a machine: a display calibrated at home is described as
 * "Jo's MacBook Pro", a camera's profile by its maker and serial number. Every
 * text tag (desc, text, mluc types) whose words are not a standard space's
 * ("sRGB IEC61966-2.1", "Display P3") is blanked in place (same length, so no
 * offset moves), Apple's display make-and-model tag is zeroed, and the
 * profile ID, an MD5 of the bytes, is set to zero (meaning "not computed").
 */

/** Words of the standard profiles, harmless to keep. */
const STANDARD =
  /^\s*(sRGB( IEC61966-2[.-]1| built-in| v4.*)?|Display P3|DCI-P3.*|Adobe RGB \(1998\)|ProPhoto RGB|ROMM RGB.*|Rec\. ?(2020|709).*|ITU-R BT\.(2020|709).*|Generic (RGB|Gray|CMYK|Lab)( Profile)?|sGray|Gray Gamma [\d.]+|Dot Gain \d+%|Linear (RGB|Gray).*|(Coated|Uncoated) FOGRA\d+.*|U\.S\. Web (Coated|Uncoated) \(SWOP\) v2|IEC 61966-2[.-]1 Default RGB colour space - sRGB|Reference Viewing Condition in IEC ?61966-2[.-]1|(Copyright )?(\(c\) )?(\d{4} )?(International Color Consortium|Hewlett-Packard Company|Apple Inc\.|Adobe Systems,? Incorporated|Google Inc\.|Microsoft Corporation)(,? \d{4})?\.?|Copyright \(c\) \d{4} (Hewlett-Packard Company|Apple Inc\.)|Public Domain|No copyright, use freely|CC0|IEC|Apple Computer Inc\.|Apple|Google)?\s*$/i;

export interface CleanedProfile {
  bytes: Uint8Array;
  /** Whether words that could name someone were blanked. */
  blanked: boolean;
}

/** The profile with its naming words blanked; a profile too damaged to read is undefined (drop it). */
export function cleanIccProfile(profile: Uint8Array): CleanedProfile | undefined {
  if (profile.length < 132) return undefined;
  const bytes = new Uint8Array(profile);
  const view = new DataView(bytes.buffer);
  const count = view.getUint32(128);
  if (132 + count * 12 > bytes.length) return undefined;
  let blanked = false;
  for (let i = 0; i < count; i++) {
    const entry = 132 + i * 12;
    const signature = ascii(bytes, entry, 4);
    const offset = view.getUint32(entry + 4);
    const size = view.getUint32(entry + 8);
    if (offset + size > bytes.length || size < 8) return undefined;
    const type = ascii(bytes, offset, 4);
    if (signature === 'mmod') {
      bytes.fill(0, offset + 8, offset + size);
      blanked = true;
    } else if (type === 'desc' || type === 'text' || type === 'mluc') {
      if (blankText(bytes, view, type, offset, size)) blanked = true;
    }
  }
  if (blanked) bytes.fill(0, 84, 100); // profile ID
  return { bytes, blanked };
}

/** Blanks the text of one tag unless it is a standard profile's; whether it did. */
function blankText(bytes: Uint8Array, view: DataView, type: string, offset: number, size: number): boolean {
  const end = offset + size;
  const runs: { from: number; to: number; wide: boolean }[] = [];
  if (type === 'text') runs.push({ from: offset + 8, to: end, wide: false });
  if (type === 'desc') {
    const length = view.getUint32(offset + 8);
    runs.push({ from: offset + 12, to: Math.min(end, offset + 12 + length), wide: false });
    const unicodeAt = offset + 12 + length;
    if (unicodeAt + 8 <= end) {
      const units = view.getUint32(unicodeAt + 4);
      runs.push({ from: unicodeAt + 8, to: Math.min(end, unicodeAt + 8 + units * 2), wide: true });
    }
    // The Macintosh ScriptCode string that follows is 67 bytes of a fixed size.
    const scriptAt = unicodeAt + 8 + (unicodeAt + 8 <= end ? view.getUint32(unicodeAt + 4) * 2 : 0);
    if (scriptAt + 3 <= end) runs.push({ from: scriptAt + 3, to: Math.min(end, scriptAt + 3 + 67), wide: false });
  }
  if (type === 'mluc') {
    const records = view.getUint32(offset + 8);
    const recordSize = view.getUint32(offset + 12);
    for (let r = 0; r < records; r++) {
      const at = offset + 16 + r * recordSize;
      if (at + 12 > end) break;
      const from = offset + view.getUint32(at + 8);
      runs.push({ from, to: Math.min(end, from + view.getUint32(at + 4)), wide: true });
    }
  }
  const text = runs.map((run) => decode(bytes, run.from, run.to, run.wide)).join('\n');
  if (text.split('\n').every((line) => STANDARD.test(line.replace(/\0+$/, '')))) return false;
  for (const run of runs) {
    for (let at = run.from; at < run.to; at++) {
      // Spaces where there was text; the NUL that ends a string stays.
      if (bytes[at] !== 0) bytes[at] = 0x20;
    }
  }
  return true;
}

function decode(bytes: Uint8Array, from: number, to: number, wide: boolean): string {
  if (from >= to) return '';
  const slice = bytes.subarray(from, to);
  if (!wide) return new TextDecoder('latin1').decode(slice);
  let text = '';
  for (let i = 0; i + 1 < slice.length; i += 2) text += String.fromCharCode(((slice[i] ?? 0) << 8) | (slice[i + 1] ?? 0));
  return text;
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

import { inflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { cleanImage } from '../../scripts/images/clean.ts';
import { readExif } from '../../scripts/images/exif.ts';
import { MARKERS, taggedJpeg, taggedPng, taggedSvg } from '../helpers/tagged-images.ts';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const markersIn = (bytes: Uint8Array) => Object.values(MARKERS).filter((marker) => latin1(bytes).includes(marker));

function cleaned(bytes: Uint8Array, type: 'jpg' | 'png' | 'svg' | 'gif') {
  const result = cleanImage(bytes, type);
  if ('problem' in result) throw new Error(result.problem);
  return result;
}

/** The JPEG's segments, marker and body, up to the first scan. */
function segments(bytes: Uint8Array): { marker: number; body: Uint8Array }[] {
  const found = [];
  let at = 2;
  while (at < bytes.length && bytes[at + 1] !== 0xda) {
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    found.push({ marker: bytes[at + 1] ?? 0, body: bytes.subarray(at + 4, at + 2 + length) });
    at += 2 + length;
  }
  return found;
}

/** The PNG's chunk types, in order. */
function chunkTypes(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const types = [];
  for (let at = 8; at + 8 <= bytes.length; at += 12 + view.getUint32(at)) types.push(latin1(bytes.subarray(at + 4, at + 8)));
  return types;
}

describe('a JPEG from a phone', () => {
  const original = taggedJpeg({ width: 80, height: 40, orientation: 6 });
  const { bytes, removed } = cleaned(original, 'jpg');

  it('carries every marker before, none after', () => {
    expect(markersIn(original).length).toBeGreaterThanOrEqual(11);
    expect(markersIn(bytes)).toEqual([]);
  });

  it('says what was removed', () => {
    expect(removed).toEqual(
      expect.arrayContaining(['GPS position', 'photographer’s name', 'camera', 'camera serial number', 'thumbnail', 'software', 'XMP metadata', 'IPTC metadata', 'comment', 'colour profile’s name']),
    );
  });

  it('keeps only the orientation of its EXIF, and the colour profile without its name', () => {
    const kept = segments(bytes);
    const exif = kept.filter(({ marker, body }) => marker === 0xe1 && latin1(body).startsWith('Exif'));
    expect(exif).toHaveLength(1);
    expect(readExif((exif[0] as { body: Uint8Array }).body.subarray(6))).toEqual({ told: [], orientation: 6 });
    expect(kept.filter(({ marker }) => marker === 0xe1)).toHaveLength(1); // no XMP
    expect(kept.some(({ marker }) => marker === 0xed || marker === 0xfe)).toBe(false); // no IPTC, no comment
    expect(kept.filter(({ marker, body }) => marker === 0xe2 && latin1(body).startsWith('ICC_PROFILE'))).toHaveLength(1);
  });

  it('keeps its pixels as they were: the scan is the same bytes', () => {
    const scan = (jpg: Uint8Array) => latin1(jpg).slice(latin1(jpg).indexOf('\xff\xda'));
    expect(scan(bytes)).toEqual(scan(original));
    expect(jpeg.decode(bytes).data).toEqual(jpeg.decode(original).data);
  });

  it('drops what follows the end of the image (a motion photo’s video)', () => {
    const withVideo = Buffer.concat([original, Buffer.from(`ftypmp42 ${MARKERS.artist}`)]);
    const result = cleaned(withVideo, 'jpg');
    expect(markersIn(result.bytes)).toEqual([]);
    expect(result.removed).toContain('data after the picture');
  });

  it('keeps no EXIF at all when the photo is upright', () => {
    const upright = cleaned(taggedJpeg({ width: 40, height: 40, orientation: 1 }), 'jpg');
    expect(segments(upright.bytes).some(({ marker }) => marker === 0xe1)).toBe(false);
  });
});

describe('a PNG with text, EXIF and time chunks', () => {
  const original = taggedPng();
  const { bytes, removed } = cleaned(original, 'png');

  it('loses them, and nothing else', () => {
    expect(chunkTypes(original)).toEqual(expect.arrayContaining(['tEXt', 'iTXt', 'zTXt', 'eXIf', 'tIME']));
    expect(chunkTypes(bytes)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(markersIn(bytes)).toEqual([]);
    expect(removed).toEqual(expect.arrayContaining(['text', 'time', 'GPS position', 'photographer’s name', 'camera']));
    expect(PNG.sync.read(Buffer.from(bytes)).data).toEqual(PNG.sync.read(original).data);
  });

  it('keeps an embedded ICC profile under a plain name, its description blanked', async () => {
    const { iccProfile } = await import('../helpers/tagged-images.ts');
    const { deflateSync, crc32 } = await import('node:zlib');
    const data = Buffer.concat([Buffer.from(`${MARKERS.artist}\0\0`, 'latin1'), deflateSync(iccProfile(MARKERS.icc))]);
    const chunk = Buffer.alloc(12 + data.length);
    chunk.writeUInt32BE(data.length, 0);
    chunk.write('iCCP', 4, 'latin1');
    data.copy(chunk, 8);
    chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
    const withProfile = Buffer.concat([original.subarray(0, 33), chunk, original.subarray(33)]);
    const result = cleaned(withProfile, 'png');
    expect(chunkTypes(result.bytes)).toContain('iCCP');
    const at = latin1(result.bytes).indexOf('iCCP') + 4;
    expect(latin1(result.bytes.subarray(at, at + 5))).toBe('ICC\0\0');
    const view = new DataView(result.bytes.buffer, result.bytes.byteOffset);
    const profile = inflateSync(result.bytes.subarray(at + 5, at + view.getUint32(at - 8)));
    expect(latin1(profile)).not.toContain(MARKERS.icc);
    expect(latin1(profile)).toContain('XYZ '); // the colour data stays
    expect(markersIn(result.bytes)).toEqual([]);
    expect(result.removed).toContain('colour profile’s name');
  });
});

describe('an SVG', () => {
  const svg = (text: string) => new TextEncoder().encode(text);
  const open = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">';

  it('from a drawing program loses its metadata, comments and the program’s own data, and still draws', () => {
    const { bytes, removed } = cleaned(svg(taggedSvg()), 'svg');
    const text = new TextDecoder().decode(bytes);
    expect(markersIn(bytes)).toEqual([]);
    expect(text).toContain('<rect x="2" y="2" width="36" height="16" fill="#333" stroke="#000" stroke-width="1">');
    expect(removed).toEqual(expect.arrayContaining(['metadata', 'drawing program’s data']));
  });

  it.each([
    ['a script in another prefix', `<s:svg xmlns:s="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n  <s:script>fetch('http://127.0.0.1/')</s:script></s:svg>`, 'a script in it at line 2, column 3'],
    ['an HTML script', `${open}<h:script xmlns:h="http://www.w3.org/1999/xhtml">while(true){}</h:script></svg>`, 'a script in it'],
    ['an endless script', `${open}<script>while(true){}</script></svg>`, 'a script in it'],
    ['an event handler', `${open}<rect width="1" height="1" onclick="x()"/></svg>`, 'event handler (onclick)'],
    ['@import hidden by an escape', `${open}<style>@\\69mport "http://127.0.0.1/x.css";</style></svg>`, 'CSS uses escapes'],
    ['url( hidden by an escape', `${open}<rect style="fill: u\\72l(http://127.0.0.1/x)" width="1" height="1"/></svg>`, 'CSS uses escapes'],
    ['an @import', `${open}<style>@import url(http://127.0.0.1/x.css);</style></svg>`, 'imports another file'],
    ['a url() to a server', `${open}<rect fill="url(http://127.0.0.1/x#g)" width="1" height="1"/></svg>`, 'refers to `http://127.0.0.1/x#g` outside itself'],
    ['a link set by animation', `${open}<a><set attributeName="href" to="http://127.0.0.1/x"/></a></svg>`, 'animates a link'],
    ['a link animated', `${open}<use><animate attributeName="xlink:href" values="http://127.0.0.1/x"/></use></svg>`, 'animates a link'],
    ['an external href', `${open}<use href="other.svg#a"/></svg>`, 'refers to `other.svg#a` outside itself'],
    ['an external xlink:href', `${open}<image xlink:href="http://127.0.0.1/x.png" width="1" height="1"/></svg>`, 'refers to `http://127.0.0.1/x.png`'],
    ['HTML inside', `${open}<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">hi</p></foreignObject></svg>`, 'HTML in it'],
    ['entities', `<!DOCTYPE svg [<!ENTITY x "y">]>${open}</svg>`, 'declares entities'],
    ['broken XML', `${open}<rect></svg>`, 'not well-formed XML'],
  ])('with %s is refused', (_, text, reason) => {
    const result = cleanImage(svg(text), 'svg');
    expect('problem' in result ? result.problem : 'kept').toContain(reason);
  });

  it.each([
    ['an animation of a colour to a server', `${open}<rect width="1" height="1"><set attributeName="fill" to="url(http://127.0.0.1/x#g)"/></rect></svg>`],
    ['a style sheet processing instruction', `<?xml-stylesheet href="http://127.0.0.1/x.css"?>${open}<rect width="1" height="1"/></svg>`],
  ])('with %s is kept without it', (_, text) => {
    const { bytes } = cleaned(svg(text), 'svg');
    expect(new TextDecoder().decode(bytes)).not.toContain('127.0.0.1');
  });
});

/** RIFF chunks of a WebP, type and data. */
function riffChunks(bytes: Uint8Array): { type: string; data: Uint8Array }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found = [];
  for (let at = 12; at + 8 <= bytes.length; ) {
    const size = view.getUint32(at + 4, true);
    found.push({ type: latin1(bytes.subarray(at, at + 4)), data: bytes.subarray(at + 8, at + 8 + size) });
    at += 8 + size + (size % 2);
  }
  return found;
}

function riffChunk(type: string, data: Uint8Array): Buffer {
  const chunk = Buffer.alloc(8 + data.length + (data.length % 2));
  chunk.write(type, 0, 'latin1');
  chunk.writeUInt32LE(data.length, 4);
  chunk.set(data, 8);
  return chunk;
}

describe('a WebP with EXIF and XMP', () => {
  it('loses them, keeps its pixels and says so in its header', async () => {
    const { readFile } = await import('node:fs/promises');
    const { inspectImage } = await import('../../scripts/markdown/image-check.ts');
    const { exifTiff } = await import('../helpers/tagged-images.ts');
    const plain = await readFile(new URL('../fixtures/images/halves.webp', import.meta.url));
    const body = Buffer.concat([
      plain.subarray(12),
      riffChunk('EXIF', exifTiff({ orientation: 1, artist: MARKERS.artist })),
      riffChunk('XMP ', Buffer.from(`<x:xmpmeta><dc:creator>${MARKERS.xmp}</dc:creator></x:xmpmeta>`)),
    ]);
    const original = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBP'), body]);
    original.writeUInt32LE(original.length - 8, 4);
    original[20] = (original[20] ?? 0) | 0x08 | 0x04; // VP8X: EXIF and XMP present
    const { bytes, removed } = cleanImage(original, 'webp') as { bytes: Uint8Array; removed: string[] };
    expect(markersIn(original)).toEqual(expect.arrayContaining([MARKERS.artist, MARKERS.xmp]));
    expect(markersIn(bytes)).toEqual([]);
    expect(removed).toEqual(expect.arrayContaining(['GPS position', 'photographer’s name', 'camera', 'XMP metadata']));
    expect(riffChunks(bytes).map(({ type }) => type)).toEqual(['VP8X', 'ICCP', 'VP8 ']);
    expect((bytes[20] ?? 0) & 0x0c).toBe(0);
    const pixels = (webp: Uint8Array) => Buffer.from(riffChunks(webp).find(({ type }) => type === 'VP8 ')?.data ?? []).toString('hex');
    expect(pixels(bytes)).toBe(pixels(plain));
    expect(pixels(bytes)).toHaveLength(56);
    expect(new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true)).toBe(bytes.length - 8);
    expect(await inspectImage(bytes)).toEqual({ type: 'webp' });
  });
});

describe('a GIF with a comment and XMP', () => {
  // 1×1, white and black in its colour table, a graphic control extension, one image, the trailer (GIF89a).
  const head = Buffer.from('474946383961010001008000' + '00ffffff000000', 'hex');
  const control = Buffer.from('21f90401000000' + '00', 'hex');
  const image = Buffer.from('2c000000000100010000' + '02024401' + '00', 'hex');
  const loop = Buffer.concat([Buffer.from([0x21, 0xff, 11]), Buffer.from('NETSCAPE2.0'), Buffer.from([3, 1, 0, 0, 0])]);
  const comment = Buffer.concat([Buffer.from([0x21, 0xfe, MARKERS.comment.length]), Buffer.from(MARKERS.comment), Buffer.from([0])]);
  const xmpText = Buffer.from(`<x:xmpmeta>${MARKERS.xmp}</x:xmpmeta>`);
  const xmp = Buffer.concat([Buffer.from([0x21, 0xff, 11]), Buffer.from('XMP DataXMP'), Buffer.from([xmpText.length]), xmpText, Buffer.from([0])]);
  const original = Buffer.concat([head, loop, comment, xmp, control, image, Buffer.from([0x3b]), Buffer.from(MARKERS.artist)]);

  it('loses them and what follows its end, and keeps its loop and its picture', () => {
    const { bytes, removed } = cleaned(original, 'gif');
    expect(markersIn(bytes)).toEqual([]);
    expect(Buffer.from(bytes)).toEqual(Buffer.concat([head, loop, control, image, Buffer.from([0x3b])]));
    expect(removed).toEqual(['comment', 'XMP metadata', 'data after the picture']);
  });
});

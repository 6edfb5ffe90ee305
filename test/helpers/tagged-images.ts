/**
 * Test images carrying each kind of metadata a phone, a camera or a drawing
 * program leaves, every piece of it holding one of MARKERS, so that a search
 * of the bytes finds any that survived. Made here, byte by byte, rather than
 * committed: each segment and chunk is written as its format's spec lays it
 * out (EXIF 2.3's TIFF IFDs, XMP's APP1, Photoshop's IPTC APP13, ICC.1 v2
 * textDescription, PNG 1.2 / 3rd edition's text, time and eXIf chunks).
 */
import { crc32, deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

/** One string per kind of metadata; none may reach an output file. */
export const MARKERS = {
  artist: 'MarkerArtist Jo Photographer',
  make: 'MarkerMake',
  model: 'MarkerModel X1',
  serial: 'MarkerSerial 0042',
  software: 'MarkerSoftware 1.0',
  gpsArea: 'MarkerGPSArea Pittsburgh',
  thumbnail: 'MarkerThumbnailBytes',
  xmp: 'MarkerXmpCreator',
  iptc: 'MarkerIptcByline',
  comment: 'MarkerJpegComment',
  icc: 'MarkerIcc Jo laptop',
  pngText: 'MarkerPngAuthor',
  pngItxt: 'MarkerPngItxt',
  pngZtxtKey: 'MarkerPngZtxtKey',
  pngExif: 'MarkerPngExifArtist',
  svgMeta: 'MarkerSvgCreator',
  svgComment: 'MarkerSvgComment',
} as const;

/** The GPS position written: 40°26′46″N 79°58′56″W. */
export const GPS = { latitude: [40, 26, 46], longitude: [79, 58, 56] } as const;

interface Entry {
  tag: number;
  type: 2 | 3 | 4 | 5; // ASCII, SHORT, LONG, RATIONAL
  values: string | number[];
}

/** A big-endian TIFF structure: IFD0 with `main`, an EXIF IFD, a GPS IFD and an IFD1 thumbnail. */
export function exifTiff(options: { orientation: number; artist: string; withGps?: boolean }): Uint8Array {
  const main: Entry[] = [
    { tag: 0x010f, type: 2, values: MARKERS.make },
    { tag: 0x0110, type: 2, values: MARKERS.model },
    { tag: 0x0112, type: 3, values: [options.orientation] },
    { tag: 0x0131, type: 2, values: MARKERS.software },
    { tag: 0x013b, type: 2, values: options.artist },
  ];
  const exif: Entry[] = [{ tag: 0xa431, type: 2, values: MARKERS.serial }];
  const gps: Entry[] = [
    { tag: 0x0001, type: 2, values: 'N' },
    { tag: 0x0002, type: 5, values: GPS.latitude.flatMap((n) => [n, 1]) },
    { tag: 0x0003, type: 2, values: 'W' },
    { tag: 0x0004, type: 5, values: GPS.longitude.flatMap((n) => [n, 1]) },
    { tag: 0x001c, type: 2, values: MARKERS.gpsArea },
  ];
  const thumbnail: Entry[] = [{ tag: 0x010e, type: 2, values: MARKERS.thumbnail }];
  // Laid out as IFD0, EXIF IFD, GPS IFD, IFD1, then every value too long for its entry.
  const ifds = options.withGps === false ? [main, exif, thumbnail] : [main, exif, gps, thumbnail];
  const pointers = options.withGps === false ? [0x8769] : [0x8769, 0x8825];
  pointers.forEach((tag) => main.push({ tag, type: 4, values: [0] }));
  main.sort((a, b) => a.tag - b.tag);
  const ifdSize = (entries: Entry[]) => 2 + entries.length * 12 + 4;
  const starts: number[] = [];
  let at = 8;
  for (const ifd of ifds) {
    starts.push(at);
    at += ifdSize(ifd);
  }
  const bytes = new Uint8Array(4096);
  const view = new DataView(bytes.buffer);
  bytes.set([0x4d, 0x4d, 0, 42]);
  view.setUint32(4, 8);
  let data = at;
  ifds.forEach((ifd, i) => {
    let p = starts[i] as number;
    view.setUint16(p, ifd.length);
    p += 2;
    for (const entry of ifd) {
      if (entry.tag === 0x8769) entry.values = [starts[1] as number];
      if (entry.tag === 0x8825) entry.values = [starts[2] as number];
      const raw = valueBytes(entry);
      view.setUint16(p, entry.tag);
      view.setUint16(p + 2, entry.type);
      view.setUint32(p + 4, typeof entry.values === 'string' ? entry.values.length + 1 : entry.type === 5 ? entry.values.length / 2 : entry.values.length);
      if (raw.length <= 4) bytes.set(raw, p + 8);
      else {
        view.setUint32(p + 8, data);
        bytes.set(raw, data);
        data += raw.length + (raw.length % 2);
      }
      p += 12;
    }
    // IFD0 points on to IFD1, the thumbnail's.
    view.setUint32(p, i === 0 ? (starts[ifds.length - 1] as number) : 0);
  });
  return bytes.subarray(0, data);
}

function valueBytes(entry: Entry): Uint8Array {
  if (typeof entry.values === 'string') return Uint8Array.from(`${entry.values}\0`, (c) => c.charCodeAt(0));
  const size = entry.type === 3 ? 2 : 4;
  const out = new Uint8Array(entry.values.length * size);
  const view = new DataView(out.buffer);
  entry.values.forEach((value, i) => (size === 2 ? view.setUint16(i * 2, value) : view.setUint32(i * 4, value)));
  return out;
}

/** An ICC v2 profile whose description names a person's machine, with an sRGB-like matrix. */
export function iccProfile(description: string): Uint8Array {
  const desc = new Uint8Array(12 + description.length + 1 + 8 + 3 + 67);
  const dv = new DataView(desc.buffer);
  desc.set(ascii('desc'));
  dv.setUint32(8, description.length + 1);
  desc.set(ascii(description), 12);
  const wtpt = new Uint8Array(20);
  wtpt.set(ascii('XYZ '));
  new DataView(wtpt.buffer).setInt32(8, 0xf351);
  new DataView(wtpt.buffer).setInt32(12, 0x10000);
  new DataView(wtpt.buffer).setInt32(16, 0x116cc);
  const tags: [string, Uint8Array][] = [
    ['desc', desc],
    ['wtpt', wtpt],
  ];
  const tableEnd = 132 + tags.length * 12;
  let at = tableEnd;
  const offsets = tags.map(([, data]) => {
    const start = at;
    at += data.length + ((4 - (data.length % 4)) % 4);
    return start;
  });
  const profile = new Uint8Array(at);
  const view = new DataView(profile.buffer);
  view.setUint32(0, at);
  profile.set(ascii('mntr'), 12);
  profile.set(ascii('RGB '), 16);
  profile.set(ascii('XYZ '), 20);
  profile.set(ascii('acsp'), 36);
  view.setUint32(8, 0x02100000);
  view.setUint32(128, tags.length);
  tags.forEach(([signature, data], i) => {
    profile.set(ascii(signature), 132 + i * 12);
    view.setUint32(136 + i * 12, offsets[i] as number);
    view.setUint32(140 + i * 12, data.length);
    profile.set(data, offsets[i] as number);
  });
  return profile;
}

/** A JPEG `width`×`height` (left half dark, right half light) with EXIF, XMP, IPTC, an ICC profile and a comment. */
export function taggedJpeg(options: { width: number; height: number; orientation: number }): Buffer {
  const { width, height } = options;
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4;
      data.fill(x < width / 2 ? 40 : 220, at, at + 3);
      data[at + 3] = 255;
    }
  }
  const plain = Buffer.from(jpeg.encode({ width, height, data }, 90).data);
  const xmp = `http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${MARKERS.xmp}</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>`;
  const byline = ascii(MARKERS.iptc);
  const iptc = Buffer.concat([Buffer.from('Photoshop 3.0\0' + '8BIM'), Buffer.from([0x04, 0x04, 0, 0, 0, 0, 0, byline.length + 5, 0x1c, 2, 80, 0, byline.length]), byline]);
  const icc = iccProfile(MARKERS.icc);
  const segments = [
    segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifTiff({ orientation: options.orientation, artist: MARKERS.artist })])),
    segment(0xe1, Buffer.from(xmp, 'latin1')),
    segment(0xe2, Buffer.concat([Buffer.from('ICC_PROFILE\0', 'latin1'), Buffer.from([1, 1]), icc])),
    segment(0xed, iptc),
    segment(0xfe, Buffer.from(MARKERS.comment, 'latin1')),
  ];
  return Buffer.concat([plain.subarray(0, 2), ...segments, plain.subarray(2)]);
}

/** A PNG `width`×`height` with text (tEXt, iTXt, zTXt), EXIF and time chunks. */
export function taggedPng(width = 48, height = 32): Buffer {
  const image = new PNG({ width, height });
  image.data.fill(90);
  const plain = PNG.sync.write(image);
  const iend = plain.length - 12;
  const chunks = [
    chunk('tEXt', Buffer.from(`Author\0${MARKERS.pngText}`, 'latin1')),
    chunk('iTXt', Buffer.from(`Description\0\0\0en\0\0${MARKERS.pngItxt}`, 'utf8')),
    chunk('zTXt', Buffer.concat([Buffer.from(`${MARKERS.pngZtxtKey}\0\0`, 'latin1'), deflateSync('hidden words')])),
    chunk('eXIf', Buffer.from(exifTiff({ orientation: 1, artist: MARKERS.pngExif }))),
    chunk('tIME', Buffer.from([0x07, 0xe3, 5, 1, 12, 30, 0])),
  ];
  return Buffer.concat([plain.subarray(0, 33), ...chunks, plain.subarray(33, iend), plain.subarray(iend)]);
}

/** An SVG drawn by a drawing program: metadata, a comment, its own namespace's data. */
export function taggedSvg(): string {
  return `<?xml version="1.0"?>
<!-- ${MARKERS.svgComment} -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox="0 0 40 20" width="40" height="20" inkscape:version="${MARKERS.svgMeta}">
  <metadata><creator>${MARKERS.svgMeta}</creator></metadata>
  <rect x="2" y="2" width="36" height="16" fill="#333" stroke="#000" stroke-width="1"/>
</svg>
`;
}

function segment(marker: number, body: Uint8Array): Buffer {
  const length = body.length + 2;
  return Buffer.concat([Buffer.from([0xff, marker, length >> 8, length & 0xff]), body]);
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function ascii(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}

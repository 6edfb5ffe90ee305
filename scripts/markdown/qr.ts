/**
 * A QR code of the document's `url:`, as vectors: one SVG path of the dark
 * modules with the four-module quiet zone scanners need around them, and the
 * address printed under it for those who type it. Medium error correction
 * (M, 15 %) survives a photocopy's specks.
 */
import type { Element } from 'hast';
import { h, s } from 'hastscript';
import qrcode from 'qrcode-generator';
import type { Labels } from '../config/labels.ts';

const QUIET = 4;

/** The modules of the code for `text`: `dark[row][col]`. */
export function qrModules(text: string): boolean[][] {
  const code = qrcode(0, 'M');
  code.addData(text, 'Byte');
  code.make();
  const size = code.getModuleCount();
  return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, col) => code.isDark(row, col)));
}

/** One path for all dark modules: each row's runs of dark modules as rectangles. */
function modulesPath(dark: boolean[][]): string {
  const parts: string[] = [];
  dark.forEach((row, y) => {
    for (let x = 0; x < row.length; ) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      const start = x;
      while (row[x]) x += 1;
      parts.push(`M${start + QUIET} ${y + QUIET}h${x - start}v1h${start - x}z`);
    }
  });
  return parts.join('');
}

export interface QrFigureOptions {
  url: string;
  /** The document's labels: the code's spoken name comes from them. */
  labels: Labels;
}

/** `<figure class="qr">`: the code as an SVG, and the address as its caption. */
export function qrFigure(options: QrFigureOptions): Element {
  const { url, labels } = options;
  const dark = qrModules(url);
  const side = dark.length + 2 * QUIET;
  const svg = s(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${side} ${side}`, role: 'img', ariaLabel: `${labels.qrCode} ${url}`, shapeRendering: 'crispEdges' },
    [s('rect', { width: side, height: side, fill: '#fff' }), s('path', { d: modulesPath(dark), fill: '#000' })],
  );
  return h('figure', { className: ['qr'] }, [svg, h('figcaption', url)]);
}

/**
 * Rewrites the clusters of one content stream so that each glyph reads as
 * its share of its cluster's text (scripts/pdf/cluster-text.ts), through
 * a code of its own (scripts/pdf/cid-font.ts). Every glyph stays where
 * it was drawn: the page looks the same.
 *
 * pdf.js ends a text item at every marked-content operator, and reverses
 * each right-to-left item on its own, so a word cut into one ActualText span
 * per cluster reads in pieces, backwards in Arabic. So a run of text (a BT
 * block, or a /ReversedChars run: one Arabic word drawn from its end) loses
 * its spans: its letters are drawn in their order, each reading as its
 * letters, with unseen zero-width copies reading as the nonspacing marks;
 * the glyphs that read as nothing (dots, marks) are drawn last, in one span
 * with an empty ActualText, which poppler reads as nothing (read one by one
 * they would stand apart from the line, above or below it). MuPDF 1.21
 * (Debian 12's) reads no ActualText: there each reads as a space, which
 * every reader folds into the space after the line, where a zero-width
 * non-joiner stayed in the text.
 */
import { WITH_MARKS, type CidFont } from './cid-font.ts';
import { clusterDraws, ZWNJ } from './cluster-text.ts';
import { actualTextIn, forEachCode, hexOf, operations, pdfNumber, replaceSpans, textOf, type Edit, type Operation } from './content-stream.ts';
import { walkStream } from './stream-walker.ts';

interface Glyph {
  code: number;
  /** Where it is drawn, in text space since the last Tm. */
  x: number;
  y: number;
  font: CidFont | undefined;
  size: number;
  /** Drawn with text rendering mode 3: read, not seen. */
  unseen?: boolean;
  /** Its horizontal scale (Tz), when not 1: an unseen copy stretched over a gap, or squeezed (SQUEEZE). */
  stretch?: number;
}

interface Group {
  /** Index of the operation opening it (BT, BMC or BDC). */
  open: number;
  kind: 'text' | 'reversed' | 'span' | 'other';
  /** A span's ActualText. */
  text?: string;
  /** Glyphs drawn inside, with the span each belongs to (its index in `spans`). */
  glyphs: { glyph: Glyph; span: number | undefined }[];
  spans: string[];
  /** Whether it holds anything else than text positioning, drawing and spans. */
  spoiled: boolean;
  /** Whether a glyph drawn inside is part of a cluster (see `clustered`): only then is it rewritten. */
  clusters?: boolean;
  /** Where the text line was when it opened. */
  start: { x: number; y: number };
}

/** The zero-width non-joiner and joiner, which a cluster's text may start or end with. */
const JOINERS = new Set([ZWNJ, '\u200D']);
const SHOWING = new Set(['Tj', 'TJ', "'", '"']);
const MOVING = new Set(['Td', 'TD', 'Tm', 'T*', 'ET']);
const SIMPLE = new Set(['BT', 'ET', 'Tf', 'Tm', 'Td', 'Tj', 'BDC', 'BMC', 'EMC']);
/**
 * The scale of an unseen copy of a mark, left to right. MuPDF 1.21 measures
 * a glyph by the font program's advance, not the PDF's width, and the copy
 * is of a base (a Tamil கீ, a Devanagari conjunct) or of a mark: a copy as
 * wide as its base moved MuPDF's pen that far past the next letter, and a
 * move back of more than 0.8 of the size starts a new line there
 * (stext-device.c), so the word came apart. Squeezed to a tenth, the copy
 * ends near where it starts (a tenth of a base's advance back from the next
 * letter is no gap), and its own size for MuPDF's measures, the square root
 * of the scale's, still takes the few hundredths of an em it sits before
 * the pen for no move. Unseen, it paints nothing whatever its scale.
 */
const SQUEEZE = 0.1;
const advance = (glyph: Glyph): number => ((glyph.font?.width(glyph.code) ?? 0) / 1000) * glyph.size;

/** Text drawing each glyph where it is, from the text line position `from`. */
function draw(glyphs: Glyph[], codes: number[], from: { x: number; y: number }): { text: string; at: { x: number; y: number } } {
  let at = from;
  const lines = glyphs.map((glyph, index) => {
    const shown = `${pdfNumber(glyph.x - at.x)} ${pdfNumber(glyph.y - at.y)} Td ${hexOf([codes[index] ?? glyph.code])} Tj`;
    at = glyph;
    if (glyph.stretch !== undefined) return `3 Tr ${pdfNumber(glyph.stretch * 100)} Tz ${shown} 100 Tz 0 Tr`;
    return glyph.unseen ? `3 Tr ${shown} 0 Tr` : shown;
  });
  return { text: lines.join('\n'), at };
}

/** Per font, whether a code reads as a letter with nonspacing marks; asked of every glyph, so remembered. */
const withMarks = new WeakMap<CidFont, Map<number, boolean>>();
function readsWithMarks(font: CidFont | undefined, code: number): boolean {
  if (!font) return false;
  let known = withMarks.get(font);
  if (!known) withMarks.set(font, (known = new Map()));
  let answer = known.get(code);
  if (answer === undefined) known.set(code, (answer = WITH_MARKS.test(font.map.get(code) ?? '')));
  return answer;
}

/** A glyph outside any span reading as a letter and its marks (a half form: "ष्") is a cluster of its own. */
const alone = ({ glyph, span }: { glyph: Glyph; span: number | undefined }): boolean => span === undefined && readsWithMarks(glyph.font, glyph.code);

/** Whether a glyph is part of a cluster to rewrite. */
const clustered = (drawn: { glyph: Glyph; span: number | undefined }): boolean => drawn.span !== undefined || alone(drawn);

/** The glyphs of a run in the order to draw them, with their codes, and the marks to draw apart. */
function layOut(group: Group, following?: { x: number; y: number; space?: number }, lineEnds = false): { drawn: Glyph[]; codes: number[]; marks: Glyph[]; markCodes: number[] } {
  const drawn: Glyph[] = [];
  const codes: number[] = [];
  const marks: Glyph[] = [];
  const markCodes: number[] = [];
  const done = new Set<number>();
  const rtl = group.kind === 'reversed';
  // A zero-width non-joiner or joiner (Persian می‌آیند, Bengali ট্‌, উত্‍পত্তি): pdf.js skips a glyph whose text
  // ends with a format character, letter and all, and keeps one whose text starts with it. So a cluster's
  // joiner starts the text of the first glyph drawn after it, in drawing order: the cluster's own, or the next one's.
  let joiner = '';
  const joined = (text: string): string => {
    const withJoiner = joiner + text;
    joiner = '';
    return withJoiner;
  };
  for (const { glyph, span } of group.glyphs) {
    const font = glyph.font as CidFont;
    const own = font.map.get(glyph.code) ?? '';
    const single = alone({ glyph, span });
    if (span === undefined && !single) {
      drawn.push(glyph);
      codes.push(joiner === '' ? glyph.code : font.codeFor(glyph.code, joined(own)));
      continue;
    }
    if (span !== undefined && done.has(span)) continue;
    if (span !== undefined) done.add(span);
    const glyphs = single ? [glyph] : group.glyphs.filter((one) => one.span === span).map((one) => one.glyph);
    let said = single || span === undefined ? own : (group.spans[span] ?? '');
    const [head = '', tail = ''] = [[...said][0], [...said].at(-1)];
    const [first, last] = rtl ? [JOINERS.has(tail) ? tail : '', JOINERS.has(head) ? head : ''] : [JOINERS.has(head) ? head : '', JOINERS.has(tail) ? tail : ''];
    const joiners = said.length > 1 && (first !== '' || last !== '');
    if (joiners) said = said.replace(/^[\u200C\u200D]|[\u200C\u200D]$/gu, '');
    if (joiners) joiner += first;
    const { draws, marks: apart } = clusterDraws(glyphs.map((one) => ({ width: font.width(one.code) })), said, { rtl });
    for (const { glyph: index, text, unseen } of draws) {
      const source = glyphs[index] as Glyph;
      drawn.push(unseen ? { ...source, unseen: true } : source);
      codes.push(font.codeFor(source.code, joined(text), unseen ? 0 : undefined));
    }
    if (joiners) joiner += last;
    for (const index of apart) {
      marks.push(glyphs[index] as Glyph);
      markCodes.push(font.codeFor(glyphs[index]?.code ?? 0, ' '));
    }
  }
  // A joiner that ends the run (a word's last letter, নস্যাত্‍) is read from an unseen copy of the last glyph drawn:
  // poppler and MuPDF read it there, pdf.js skips it and the run's letters stay (wordEndJoiner, below).
  const end = drawn.at(-1);
  const endJoiner = joiner !== '' && end?.font ? joiner : '';
  if (endJoiner !== '' && end?.font) {
    drawn.push({ ...end, unseen: true });
    codes.push(end.font.codeFor(end.code, joiner, 0));
  }
  // An unseen copy sits a little inside the end of the base it follows, or where the next base starts
  // when that is nearer (left to right: poppler orders what it reads by position, and a base may start
  // before the last one ends); right to left, where the next base starts.
  for (const [at, one] of drawn.entries()) {
    if (!one.unseen) continue;
    const before = drawn.slice(0, at).findLast((other) => !other.unseen);
    const after = drawn.slice(at + 1).find((other) => !other.unseen);
    let place: { x: number; y: number } = after ?? one;
    if (before && (!rtl || !after)) {
      // With no base after it in the run, the next text object's first glyph is the next base when it starts
      // past this one's end (a running head's letter-spaced capitals: poppler read a copy that far from it as
      // the word's end, "GIỚ I").
      const next = after ?? (following && following.x > before.x + advance(before) ? following : undefined);
      const end = next && next.y === before.y ? next.x : before.x + advance(before);
      place = { x: end - (rtl ? 0 : Math.min(advance(before) / 2, one.size / 50)), y: before.y };
    }
    drawn[at] = { ...one, x: place.x, y: place.y, ...(rtl ? {} : { stretch: SQUEEZE }) };
  }
  if (endJoiner !== '' && !rtl) wordEndJoiner(drawn, codes, endJoiner, following, lineEnds);
  closeGaps(drawn, codes, marks, markCodes);
  return { drawn, codes, marks, markCodes };
}

/**
 * A joiner that ends a word (নস্যাত্‍ করতে) read by pdf.js too: pdf.js skips
 * a glyph whose text ends with a format character (`getCharUnicodeCategory`,
 * `(\p{Cf})$`), and its find bar matches the joiner of the query literally,
 * so the word was not found. Where a word space follows on the line (a gap,
 * or a space glyph), the unseen copy that reads as the joiner (the last of
 * `drawn`) reads as the joiner and that space, through a code as wide as
 * the distance to the next word: pdf.js keeps it, and poppler sees no gap
 * there to read as a second space. At a line's end (`lineEnds`: the next
 * text object starts another line), it reads as the joiner and a space,
 * which every reader folds into the line's end. Before punctuation it stays
 * as it was.
 */
function wordEndJoiner(drawn: Glyph[], codes: number[], joiner: string, following: { x: number; y: number; space?: number } | undefined, lineEnds: boolean): void {
  const copy = drawn.at(-1);
  const at = drawn.length - 1;
  const font = copy?.font;
  const code = codes[at];
  if (!copy || !font || code === undefined) return;
  if (lineEnds) codes[at] = font.codeFor(copy.code, `${joiner} `, 0);
  if (!following || following.y !== copy.y) return;
  // Up to the next word: past the space glyph Chromium draws, if it draws one.
  const gap = following.x + (following.space ?? 0) - copy.x;
  if (gap <= copy.size * WORD_SPACE) return;
  codes[at] = font.codeFor(copy.code, `${joiner} `, (gap / (copy.size * (copy.stretch ?? 1))) * 1000);
}

/** The narrowest gap read as a word space: pdf.js reads one from a tenth of the type size. */
const WORD_SPACE = 0.1;

/** Widest gap between two letters read as no space: pdf.js reads one from a tenth of the type size. */
const GAP_IN_A_WORD = 0.3;

/**
 * A letter set farther from the next one than its advance says (a Devanagari
 * half form before its consonant) leaves a gap that a reader takes for a
 * space. Each such letter reads through a code as wide as the distance to
 * the next glyph: nothing moves, since every glyph is placed by its own Td.
 * A gap that a glyph drawn apart fills (the second part of a two-part vowel
 * sign) is closed however wide it is; there MuPDF 1.21, which measures a
 * glyph by the font program's advance and not by the code's width, saw a
 * space too (stext-device.c adds one past a sixth of the size): so the
 * letter before it is drawn apart as well, reading as nothing, and in its
 * place an unseen copy of it, stretched (Tz) to reach the next glyph, reads
 * as its text.
 */
function closeGaps(drawn: Glyph[], codes: number[], apart: Glyph[], apartCodes: number[]): void {
  for (const [at, one] of drawn.entries()) {
    const next = drawn[at + 1];
    const font = one.font;
    const code = codes[at];
    if (one.unseen || !next || next.y !== one.y || !font || code === undefined) continue;
    const text = font.map.get(code) ?? '';
    const gap = next.x - one.x - advance({ ...one, code });
    const filled = apart.some((glyph) => glyph.y === one.y && advance(glyph) > 0 && glyph.x >= one.x && glyph.x < next.x);
    if (gap <= 0 || (gap >= one.size * GAP_IN_A_WORD && !filled) || text.trim() === '') continue;
    const own = advance({ ...one, code });
    if (!filled || own <= 0) {
      codes[at] = font.codeFor(code, text, ((next.x - one.x) / one.size) * 1000);
      continue;
    }
    apart.push(one);
    apartCodes.push(font.codeFor(one.code, ' '));
    drawn[at] = { ...one, unseen: true, stretch: (next.x - one.x) / own };
  }
}

/**
 * Where the first glyph after the text object closing at `close` is drawn, in that object's text space,
 * when the next text object sets the same matrix (`tm`) and places its first glyph with Td alone; with,
 * when that glyph reads as a space (Chromium draws a word space so, at times), its advance (`space`).
 */
function followingStart(
  ops: Operation[],
  close: number,
  tm: Operation | undefined,
  fontOf: (name: string) => CidFont | undefined,
): { x: number; y: number; space: number } | undefined {
  if (!tm || ops[close + 1]?.operator !== 'BT') return undefined;
  let line: { x: number; y: number } | undefined;
  let font: { font: CidFont | undefined; size: number } | undefined;
  for (let at = close + 2; at < ops.length; at += 1) {
    const op = ops[at] as Operation;
    if (op.operator === 'Tf') font = { font: fontOf((op.operands[0] ?? '').replace(/^\//, '')), size: Number(op.operands[1]) };
    else if (op.operator === 'Tm' && op.operands.join(' ') === tm.operands.join(' ')) line = { x: 0, y: 0 };
    else if (op.operator === 'Td' && line) line = { x: line.x + Number(op.operands[0]), y: line.y + Number(op.operands[1]) };
    else if ((op.operator !== 'Tj' && op.operator !== 'TJ') || !line) return undefined;
    else {
      let first: number | undefined;
      forEachCode(/<[0-9A-Fa-f\s]*>/.exec(op.operands[0] ?? '')?.[0] ?? '', (code) => (first ??= code));
      const space = first !== undefined && font?.font?.map.get(first) === ' ' ? (font.font.width(first) / 1000) * font.size : 0;
      return { ...line, space };
    }
  }
  return undefined;
}

/** Whether the text object after the one closing at `close` starts another line than `tm`'s: its own Tm, elsewhere on the page. */
function nextLineFollows(ops: Operation[], close: number, tm: Operation | undefined): boolean {
  if (!tm || ops[close + 1]?.operator !== 'BT') return false;
  let at = close + 2;
  while (ops[at]?.operator === 'Tf') at += 1;
  const next = ops[at];
  if (next?.operator !== 'Tm') return false;
  const [a, b, c, d, , f] = tm.operands.map(Number);
  const [a2, b2, c2, d2, , f2] = next.operands.map(Number);
  return a === a2 && b === b2 && c === c2 && d === d2 && f !== f2;
}

/** The stream with its clusters rewritten, or undefined when it has none to rewrite; `ops`: its operations, if read already. */
export function rewriteClusters(
  text: string,
  fontOf: (name: string) => CidFont | undefined,
  ops: Operation[] | undefined = operations(text),
): string | undefined {
  if (!ops) return undefined;
  const edits: Edit[] = [];
  const stack: Group[] = [];
  // Where the text line is (stream-walker.ts keeps it): a reversed run puts it back where it was.
  let line = { x: 0, y: 0 };
  // Whether the text is set with no character or word spacing, rise, render mode or scaling anywhere.
  let plain = true;

  const rewriteRun = (group: Group, close: number): void => {
    if (!group.clusters) return;
    const inner = ops.slice(group.open + 1, close);
    const first = inner.findIndex((op) => op.operator === 'Td' || op.operator === 'Tj');
    const head = first === -1 ? inner : inner.slice(0, first);
    const kept = head.filter((op) => op.operator === 'Tf' || op.operator === 'Tm');
    if (group.spoiled || !plain || group.glyphs.some(({ glyph }) => !glyph.font)) return;
    if (head.some((op) => !['Tf', 'Tm', 'BDC'].includes(op.operator)) || inner.slice(head.length).some((op) => op.operator === 'Tf' || op.operator === 'Tm')) return;
    let next: Operation | undefined;
    for (let at = close + 1; at < ops.length && next === undefined; at += 1) {
      const op = ops[at] as Operation;
      if (MOVING.has(op.operator) || SHOWING.has(op.operator)) next = op;
    }
    if (group.kind === 'reversed' && next && SHOWING.has(next.operator)) return;
    const tm = kept.find((op) => op.operator === 'Tm');
    const { drawn, codes, marks, markCodes } = layOut(
      group,
      group.kind === 'text' ? followingStart(ops, close, tm, fontOf) : undefined,
      group.kind === 'text' && nextLineFollows(ops, close, tm),
    );
    const letters = draw(drawn, codes, kept.some((op) => op.operator === 'Tm') ? { x: 0, y: 0 } : group.start);
    const dots = draw(marks, markCodes, letters.at);
    const [opening, closing] = [ops[group.open] as Operation, ops[close] as Operation];
    const parts = [text.slice(opening.start, opening.end), ...kept.map((op) => text.slice(op.start, op.end)), letters.text];
    if (marks.length > 0) parts.push(`/Span<</ActualText <FEFF>>> BDC\n${dots.text}\nEMC`);
    const end = marks.length > 0 ? dots.at : letters.at;
    if (group.kind === 'reversed' && (end.x !== line.x || end.y !== line.y)) parts.push(`${pdfNumber(line.x - end.x)} ${pdfNumber(line.y - end.y)} Td`);
    parts.push(text.slice(closing.start, closing.end));
    edits.push({ start: opening.start, end: closing.end, text: parts.filter((part) => part !== '').join('\n') });
  };

  const open = (index: number, kind: Group['kind'], actual?: string): void => {
    const group: Group = { open: index, kind, glyphs: [], spans: [], spoiled: false, start: line, ...(actual === undefined ? {} : { text: actual }) };
    if (kind === 'span') stack.findLast((one) => one.kind === 'text' || one.kind === 'reversed')?.spans.push(actual ?? '');
    // A run holding a run, or a span holding anything, is left as it is.
    if (kind !== 'span') for (const one of stack) one.spoiled = true;
    if (stack.some((one) => one.kind === 'span')) for (const one of stack) one.spoiled = true;
    stack.push(group);
  };

  // Each operation with the state it runs in: the font and size that draw a glyph, the line, and the pen.
  walkStream(ops, fontOf, (op, index, walk) => {
    line = walk.line;
    if (!SIMPLE.has(op.operator)) for (const group of stack) group.spoiled = true;
    switch (op.operator) {
      case 'Tc':
      case 'Tw':
      case 'Ts':
      case 'Tr':
      case 'Tz':
        if (Number(op.operands[0]) !== (op.operator === 'Tz' ? 100 : 0)) plain = false;
        break;
      case 'BT':
        line = { x: 0, y: 0 };
        stack.push({ open: index, kind: 'text', glyphs: [], spans: [], spoiled: false, start: line });
        break;
      case 'Tj': {
        const run = stack.findLast((group) => group.kind === 'text' || group.kind === 'reversed');
        const inSpan = stack.some((group) => group.kind === 'span');
        const { font, size } = walk.text;
        let pen = walk.pen;
        forEachCode(op.operands[0] ?? '', (code) => {
          const glyph: Glyph = { code, x: pen, y: line.y, font, size };
          if (run) {
            const drawn = { glyph, span: inSpan ? run.spans.length - 1 : undefined };
            run.glyphs.push(drawn);
            if (!run.clusters && clustered(drawn)) run.clusters = true;
          }
          pen += advance(glyph);
        });
        break;
      }
      case 'BMC':
      case 'BDC': {
        const actual = op.operator === 'BDC' && op.operands[0] === '/Span' ? actualTextIn(op.operands[1]) : undefined;
        const reversed = op.operator === 'BMC' && op.operands[0] === '/ReversedChars';
        open(index, actual !== undefined ? 'span' : reversed ? 'reversed' : 'other', actual === undefined ? undefined : textOf(actual));
        break;
      }
      case 'EMC':
      case 'ET': {
        // Marked content and text objects that do not nest are left as they are.
        const at = stack.findLastIndex((group) => (op.operator === 'ET') === (group.kind === 'text'));
        if (at !== stack.length - 1) for (const group of stack) group.spoiled = true;
        const [group] = at === -1 ? [] : stack.splice(at);
        if (group && (group.kind === 'reversed' || group.kind === 'text') && group.glyphs.length > 0) rewriteRun(group, index);
        break;
      }
    }
  }, { positions: true });
  return edits.length === 0 ? undefined : replaceSpans(text, edits);
}

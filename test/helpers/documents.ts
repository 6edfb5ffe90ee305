import { readFileSync } from 'node:fs';

/**
 * Test documents generated from the essay's own sentences, deterministic:
 * the same call gives the same markdown.
 */
const ESSAY = readFileSync(new URL('../../source/unifying-the-struggle.md', import.meta.url), 'utf8');

/** The essay's body paragraphs, front matter, headings and note definitions aside, calls removed. */
const PARAGRAPHS = ESSAY.replace(/^---\n[\s\S]*?\n---\n/, '')
  .split(/\n{2,}/)
  .map((block) => block.trim())
  .filter((block) => block !== '' && !/^(#|\[\^|:::|!\[|>|-|\*|\d+\.)/.test(block))
  .map((block) => block.replace(/\[\^[^\]]+\]/g, ''));

const WORDS = PARAGRAPHS.join(' ').split(/\s+/);

/** `count` words of the essay from word `start` on (wrapping round), ending with a full stop. */
export function essayWords(count: number, start = 0): string {
  const words = Array.from({ length: count }, (_, i) => WORDS[(start + i) % WORDS.length] ?? '');
  return `${words.join(' ').replace(/[.,;:!?—]*$/, '')}.`;
}

const front = (title: string) => `---\ntitle: ${title}\n---\n\n`;

/** A pamphlet of `words` words in paragraphs of ~120, with `notes` notes of up to `longest` words. */
export function longNotes(words = 10_000, notes = 40, longest = 360): string {
  const paragraphs = Math.ceil(words / 120);
  const every = Math.floor(paragraphs / notes);
  const body: string[] = [];
  const definitions: string[] = [];
  for (let i = 0; i < paragraphs; i += 1) {
    const note = i % every === every - 1 ? Math.floor(i / every) : -1;
    const call = note >= 0 && note < notes ? `[^n${note}]` : '';
    const text = essayWords(120, i * 131);
    // The call goes mid-paragraph, after its sixth sentence-worth of words.
    body.push(call === '' ? text : text.replace(/^((?:\S+\s+){60}\S+)/, `$1${call}`));
    if (call !== '') definitions.push(`[^n${note}]: ${essayWords(40 + ((note * 97) % (longest - 39)), note * 53)}`);
  }
  if (definitions.length > 0) definitions[definitions.length - 1] = `[^n${notes - 1}]: ${essayWords(longest, 7)}`;
  return `${front('Long notes')}${body.join('\n\n')}\n\n${definitions.join('\n\n')}\n`;
}

/** `paragraphs` paragraphs of `perParagraph` short sentences, each sentence with a note. */
export function manyNotes(paragraphs = 150, perParagraph = 10): string {
  const body: string[] = [];
  const definitions: string[] = [];
  for (let p = 0; p < paragraphs; p += 1) {
    const sentences: string[] = [];
    for (let s = 0; s < perParagraph; s += 1) {
      const n = p * perParagraph + s;
      sentences.push(`${essayWords(9 + (n % 7), n * 17)}[^m${n}]`);
      definitions.push(`[^m${n}]: ${essayWords(6 + (n % 11), n * 29)}`);
    }
    body.push(sentences.join(' '));
  }
  return `${front('Many notes')}${body.join('\n\n')}\n\n${definitions.join('\n\n')}\n`;
}

/** The essay repeated `times` times, each copy's notes renamed, each copy under a heading. */
export function essayRepeated(times = 20): string {
  const body = ESSAY.replace(/^---\n[\s\S]*?\n---\n/, '');
  // One tear-off card per zine: the first copy keeps it, the others drop theirs.
  const withoutCard = body.replace(/^::::tear-off[\s\S]*?^::::\s*$/m, '');
  const copies = Array.from({ length: times }, (_, i) => {
    const text = i === 0 ? body : withoutCard;
    return `## Part ${i + 1}\n\n${text.replace(/\[\^([^\]]+)\]/g, `[^$1-${i}]`)}`;
  });
  return `${front('The essay, repeated')}${copies.join('\n\n')}\n`;
}

/** Paragraphs holding a 1,500-letter word, a 1,200-character URL and long code. */
export function longWords(): string {
  const word = 'solidarity'.repeat(150);
  const url = `https://example.org/${'workers-of-the-world/'.repeat(57)}`.slice(0, 1200);
  const code = `const ${'strike'.repeat(60)} = 1;`;
  return (
    `${front('Long words')}${essayWords(80)} ${word} ${essayWords(60, 80)}\n\n` +
    `${essayWords(50, 200)} <${url}> ${essayWords(50, 300)}\n\n` +
    `${essayWords(40, 400)} \`${code}\` ${essayWords(40, 500)}\n\n` +
    `\`\`\`\n${code}\n\`\`\`\n\n${essayWords(100, 600)}\n`
  );
}

/** A list nested `depth` deep, each level a sentence. */
export function deepList(depth = 40): string {
  const items = Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- ${essayWords(12, i * 41)}`);
  return `${front('Deep list')}${essayWords(60)}\n\n${items.join('\n')}\n\n${essayWords(60, 900)}\n`;
}

/** A title of `length` characters (whole words of the essay, cut), over a few pages of prose. */
export function longTitle(length = 300): string {
  const title = essayWords(80, 1000).replace(/[^A-Za-z ]/g, '').slice(0, length).trim();
  return `${front(title)}${Array.from({ length: 6 }, (_, i) => essayWords(150, i * 150)).join('\n\n')}\n`;
}

/** A table of `columns` columns of long words, `rows` rows, between two paragraphs. */
export function wideTable(columns = 12, rows = 6): string {
  const words = ['counterrevolutionary', 'internationalisation', 'intersectionality', 'decentralisation', 'institutionalisation'];
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const head = line(Array.from({ length: columns }, (_, c) => `Heading${c + 1}`));
  const body = Array.from({ length: rows }, (_, r) => line(Array.from({ length: columns }, (_, c) => words[(r + c) % words.length] ?? '')));
  const table = [head, line(Array.from({ length: columns }, () => '---')), ...body].join('\n');
  return `${front('A wide table')}${essayWords(80)}\n\n${table}\n\n${essayWords(80, 80)}\n`;
}

/**
 * One paragraph that says the same sentence `times` times over, several pages
 * long, between two of the essay's: any of its pages' text is found in it many
 * times. With `emphasis`, a word of each sentence is set in italics, so the
 * paragraph is also many alike pieces of text.
 */
export function repeatedSentence(times = 400, emphasis = false): string {
  const word = emphasis ? '*again*' : 'again';
  const sentence = `The same words come round ${word}, as a refrain does in a song that has no end.`;
  const paragraph = Array.from({ length: times }, () => sentence).join(' ');
  return `${front('Refrain')}${essayWords(90)}\n\n${paragraph}\n\n${essayWords(90, 500)}\n`;
}

/** The essay's words of 9 letters or more, in its order, each once. */
const LONG_WORDS = [...new Set(WORDS.map((word) => word.replace(/[^A-Za-z]/g, '')).filter((word) => /^[a-z]{9,}$/.test(word)))];

/**
 * Prose of the essay's long words, so that most lines end at a soft hyphen
 * and so do most pages: `paragraphs` paragraphs of 90 words, one note of 60
 * words in every fourth. Each sentence is twelve words, so every word of it
 * is one of the essay's (and the language's hyphenation points are known).
 */
export function hyphenatedProse(paragraphs = 24): string {
  const word = (i: number) => LONG_WORDS[(i * 7) % LONG_WORDS.length] ?? '';
  const sentences = (count: number, start: number) =>
    Array.from({ length: count }, (_, s) => {
      const text = Array.from({ length: 12 }, (_, w) => word(start + s * 12 + w)).join(' ');
      return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
    }).join(' ');
  const body: string[] = [];
  const notes: string[] = [];
  for (let p = 0; p < paragraphs; p += 1) {
    const note = p % 4 === 3 ? `[^p${p}]` : '';
    body.push(`${sentences(7, p * 90)}${note} ${sentences(1, p * 90 + 84)}`);
    if (note) notes.push(`[^p${p}]: ${sentences(5, p * 31)}`);
  }
  return `${front('Long words at page turns')}${body.join('\n\n')}\n\n${notes.join('\n\n')}\n`;
}

const COMMON_SENSE = readFileSync(new URL('../fixtures/corpus/common-sense.md', import.meta.url), 'utf8');

/**
 * Prose in which no word comes twice: the essay's and Common Sense's words of
 * 8 letters or more, each once, in sentences of twelve, a note in every fourth
 * paragraph. Most lines end at a soft hyphen, and so would most pages; a word
 * broken at a page's foot is found nowhere else in the text, so a reader's
 * search for it fails where the page turn splits it.
 */
export function distinctLongWords(): string {
  const all = [...WORDS, ...COMMON_SENSE.replace(/^---\n[\s\S]*?\n---\n/, '').split(/\s+/)];
  const words = [...new Set(all.map((word) => word.replace(/[^A-Za-z]/g, '')).filter((word) => /^[a-z]{8,}$/.test(word)))];
  const sentences = words.reduce<string[]>((list, word, i) => {
    if (i % 12 === 0) list.push(`${word.charAt(0).toUpperCase()}${word.slice(1)}`);
    else list[list.length - 1] += ` ${word}`;
    return list;
  }, []).map((sentence) => `${sentence}.`);
  const body: string[] = [];
  const notes: string[] = [];
  for (let at = 0, p = 0; at < sentences.length; p += 1) {
    const noted = p % 4 === 3 && at + 10 < sentences.length;
    const paragraph = sentences.slice(at, at + 6).join(' ');
    at += 6;
    if (!noted) body.push(paragraph);
    else {
      body.push(`${paragraph}[^n${p}]`);
      notes.push(`[^n${p}]: ${sentences.slice(at, at + 4).join(' ')}`);
      at += 4;
    }
  }
  return `${front('Every word once')}${body.join('\n\n')}\n\n${notes.join('\n\n')}\n`;
}

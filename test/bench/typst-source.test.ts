import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { essayRepeated } from '../../scripts/bench/documents.ts';
import { escapeTypst, typstSource } from '../../scripts/bench/typst-source.ts';
import { essayRepeated as testsEssayRepeated } from '../helpers/documents.ts';

const ESSAY = readFileSync(new URL('../../source/unifying-the-struggle.md', import.meta.url), 'utf8');

/** The source's text after its settings (the lines starting with #set and #show). */
const body = (source: string): string => source.replace(/^(#set|#show|\/\/).*\n/gm, '').trim();

describe('typstSource', () => {
  it('sets the reading edition’s page, margins, faces and type size', () => {
    const source = typstSource('Words.');
    expect(source).toContain('#set page(width: 5.5in, height: 8.5in, margin: (top: 0.6in, bottom: 0.75in, inside: 0.6in, outside: 0.5in)');
    expect(source).toMatch(/#set text\(font: "Source Serif 4", size: 10pt, lang: "en"/);
    expect(source).toContain('#show heading: set text(font: "Source Sans 3"');
    expect(typstSource('Words.', { width: '148mm', height: '210mm', size: '11pt' })).toMatch(/width: 148mm, height: 210mm[\s\S]*size: 11pt/);
  });

  it('writes the title as the first heading, and each markdown heading one level below its #s', () => {
    const source = typstSource('---\ntitle: "A: title"\nlang: fr\n---\n\n## Part\n\nText.\n\n### Sub\n\nMore.\n');
    expect(body(source)).toBe('= A: title\n\n== Part\n\nText.\n\n=== Sub\n\nMore.');
    expect(source).toContain('lang: "fr"');
  });

  it('sets each note at its call, and its definition nowhere else', () => {
    const source = typstSource('A claim[^a] and more.\n\nNext.\n\n[^a]: The **note** itself.\n');
    expect(body(source)).toBe('A claim#footnote[The #strong[note] itself.] and more.\n\nNext.');
  });

  it('escapes what Typst would read as markup, so the words print as written', () => {
    const text = 'Write #00675639 to @jail, [not] *this* = $5 <b> 1/2 ~ a_b `c` - e + f \\';
    const escaped = escapeTypst(text);
    expect(escaped.replace(/\\(.)/g, '$1')).toBe(text);
    expect(escaped).not.toMatch(/(^|[^\\])[#@[\]*=$<>/~_`+-]/);
    expect(body(typstSource('2025\\. A year, not a list.\n'))).toBe('\\2025. A year, not a list.');
  });

  it('keeps emphasis, links, lists, quotes and the text inside directives', () => {
    const markdown = 'An _emphasis_ and [a link](https://example.org).\n\n- one\n- two\n\n> quoted\n\n:::slogans\nFree them all!\n:::\n';
    expect(body(typstSource(markdown))).toBe(
      'An #emph[emphasis] and #link("https://example.org")[a link].\n\n- one\n- two\n\n#quote(block: true)[\nquoted\n]\n\nFree them all!',
    );
  });

  it('turns the essay into its headings, paragraphs and three notes', () => {
    const source = typstSource(ESSAY);
    expect(source.match(/#footnote\[/g)).toHaveLength(3);
    expect(source).toMatch(/^= Unifying the Struggle/m);
    expect(source).toMatch(/^== Definitions$/m);
    expect(source).not.toContain('[^');
    expect(source).toContain('Chrystul Kizer \\#00675639');
  });

  it('makes sixty notes of the essay repeated twenty times', () => {
    expect(typstSource(essayRepeated(ESSAY, 20)).match(/#footnote\[/g)).toHaveLength(60);
  });
});

describe('essayRepeated', () => {
  it('is the document the long-document tests lay out', () => {
    expect(essayRepeated(ESSAY, 20)).toBe(testsEssayRepeated(20));
    expect(essayRepeated(ESSAY, 5)).toBe(testsEssayRepeated(5));
  });

  it('leaves the essay as it is for one copy', () => {
    expect(essayRepeated(ESSAY, 1)).toBe(ESSAY);
  });
});

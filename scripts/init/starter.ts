/**
 * The text of a new source: every front matter key with a comment saying what
 * it does, then a short essay about making a zine that uses one footnote, a
 * `:::slogans` block and a tear-off card with an address, so that it builds as
 * it is and shows each piece of the syntax once.
 */

export interface StarterOptions {
  /** The zine's title; default "My zine". */
  title?: string;
  /** The date written in the front matter, YYYY-MM-DD; default today (UTC). */
  date?: string;
}

/** "winter-reading-group" → "Winter reading group". */
export function titleFromName(name: string): string {
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words === '' ? 'My zine' : words.charAt(0).toUpperCase() + words.slice(1);
}

/** The stylesheet `zine init` writes beside the source, and the source names. */
export const STARTER_STYLE_NAME = 'style.css';

/** Its text: what it is for, and one rule to change. */
export const STARTER_STYLE = `/* Your own styles, applied after Zinepress's in every format: the reading
   edition, the booklet, the mini zine, the slips, large print and the web
   edition. The classes you can rely on are listed in Zinepress's README,
   under "Change the look". An image named with url() must be in this folder. */

/* An example: the essay's headings in small capitals. Change it or delete it. */
.essay h2 {
  font-variant: small-caps;
  letter-spacing: 0.04em;
}
`;

/** YAML double-quoted string. */
const quote = (text: string) => JSON.stringify(text);

export function starterSource(options: StarterOptions = {}): string {
  const title = options.title ?? 'My zine';
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  return `---
# The title, on the cover, the running heads and the PDF's metadata. Required.
title: ${quote(title)}
# A line under the title on the cover. Optional.
subtitle: "A few pages to fold, staple and hand out"
# Who wrote it: on the cover and in the PDF's metadata. Optional.
author: "Your name"
# The day it is dated, written YYYY-MM-DD. Optional.
date: ${date}
# The language of the text, as a tag like en, pt-BR or ar: hyphenation, quotes,
# fonts and the direction of the lines follow it. Default: en.
lang: en
# Which way the lines run, ltr or rtl. Default: what lang implies (rtl for
# Arabic, Hebrew, Persian, Urdu, …); right-to-left zines are bound on the right.
# dir: ltr
# Lines for the colophon (inside back cover): image credits, licence, printer.
credits:
  - "Written and laid out with Zinepress."
  - "Copy it, print it, pass it on."
# The sheet you print on, letter or a4: letter makes half-letter pages, a4 makes
# A5 pages. Default: letter; \`zine build --paper\` overrides it.
paper: letter
# How the notes are marked: stars (*, **, ***, then 4, 5, …) or numbers. Default: stars.
footnotes: stars
# Where the web edition will be published: the back cover and the card's back
# then carry a QR code of it, with the address printed under it. Optional.
# url: https://example.org/zines/my-zine
# The front cover's design: poster (the title large at the foot, the slogans
# in a black band), frame (a double frame, the title centred) or banner (the
# title white on a black block). Default: poster.
cover-style: poster
# An image for the front cover, a file beside this one. Optional.
# cover: cover.jpg
# With cover: full (over the whole page) or framed (above the title). Default: full.
# cover-image: full
# The cover image's credit, printed first in the colophon. Optional.
# cover-credit: "Cover: photo by …"
# The booklet's signatures: it is folded in runs of this many sheets, each
# folded and stapled or sewn on its own, then gathered in order (a bar on each
# spine shows the order). Default: 4 for a booklet of more than 8 sheets.
# signature: 4
# How far the pages of each signature's innermost sheet move toward the spine,
# so that the fore-edge lines up once folded: a length like 0.5mm. Default:
# 0.1 mm a sheet of the signature (office paper) for a booklet of more than 4 sheets.
# creep: 0.4mm
# For a print shop: the reading edition's pages are made larger by this much on
# every side (a cover image runs into it), with a TrimBox at the page size, for
# the shop to cut off. \`zine build --bleed\` overrides it. Optional.
# bleed: 3mm
# A flip-book (tête-bêche): this text read from the front cover and another
# source, beside this one, from the back cover (upside down when both read in
# one direction), in one booklet: flip-book.pdf. \`zine build a.md b.md
# --flip-book\` does the same. Optional.
# flip-with: other-language.md
# Which formats to make, of reading, booklet, mini, slips, web and large-print.
# Default: every format that fits but large-print, which is made only when named;
# a format named here must be made or the build fails.
# formats: [reading, booklet, mini, slips, web]
# A stylesheet of your own beside this file, applied after Zinepress's in every
# format. Optional.
style: ${STARTER_STYLE_NAME}
---

A zine is a small thing made by hand and given away. It needs no publisher, no
permission and no budget beyond paper, toner and a stapler. Write what you need
to say here, in plain paragraphs; a blank line starts a new one.

Keep it short. A sheet of paper folded twice holds eight small pages, and a
booklet of two or three sheets holds a whole argument. Every page you add is
paper someone has to carry, so say the thing once and well.

Notes go at the foot of the page that calls them.[^fold] Put the mark where the
note belongs and write the note itself anywhere below, after its label.

## Print one, then many

Print a single copy first, fold it and read it through as your reader will.
Fix what reads wrong, then print the rest.

:::slogans
Write it down!

Fold it up!

Pass it on!
:::

[^fold]: **Fold**: the crease that turns a printed sheet into pages. Crease it with a thumbnail or the back of a spoon.

::::tear-off
## Write to us

Tell us what you made of this zine, or send us one of your own:

:::address
The Zine Table\\
12 Example Street\\
Springfield, ST 00000
:::

Put your own address in the top left corner of the envelope, and a stamp in the top right.
::::
`;
}

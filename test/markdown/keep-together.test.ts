/**
 * A letter and the spacing mark after it that UAX #14 lets a line break
 * before (U+00B4 written as a letter, in Tzeltal) stay on one line: in the
 * HTML, and in the printed reading edition, whose text still reads as written.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownStringToHtml } from '../../scripts/markdown/index.ts';
import { sharedReadings } from '../helpers/shared-builds.ts';

const FIXTURE = join('test', 'fixtures', 'markdown', 'keep-together', 'udhr-tzh.md');

describe('a letter and a mark a line may break before', () => {
  it('are set in one span, the text as written', async () => {
    const { html } = await markdownStringToHtml('---\ntitle: T\nlang: tzh\n---\n\nya jk´anbatika ta muk´ te yu´un, ˈstress and `co´de`.\n');
    expect(html).toContain('ya j<span class="keep-together">k´</span>anbatika ta mu<span class="keep-together">k´</span> te y<span class="keep-together">u´</span>un');
    // Not in code, and not a mark after a space.
    expect(html).toContain('ˈstress and <code>co´de</code>');
  });

  it('are never parted at a line end in print (udhr-tzh broke "jk" / "´anbatika")', async () => {
    const [built] = await sharedReadings({ sources: [FIXTURE] });
    const lines = execFileSync('pdftotext', [built?.pdf ?? '', '-'], { encoding: 'utf8' }).split('\n');
    expect(lines.filter((line) => /^´/u.test(line))).toEqual([]);
    expect(lines.join(' ')).toContain('jk´anbatika');
  }, 120_000);
});

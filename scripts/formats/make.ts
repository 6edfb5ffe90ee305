/**
 * Which formats a document gets, and making each of them. The reading layout
 * is shared by the reading edition and the booklet, so it is laid out once.
 */
import { terminal } from '../cli/terminal.ts';
import type { Wanted } from '../config/document.ts';
import type { Format } from '../config/frontmatter.ts';
import type { Plan } from '../impose/plan.ts';
import { trimSize } from '../paginate/document.ts';
import { makeBooklet } from './booklet.ts';
import { shortPagesNote } from './checks.ts';
import { FormatSkipped, type DocumentContext, type FormatOutput } from './context.ts';
import { makeMini } from './mini.ts';
import { readingSteps, type ReadingSteps } from './reading.ts';
import { sheetEdgeWarnings } from './preflight.ts';
import { printedAlone } from './sheet-edges.ts';
import { makeSlips } from './slips.ts';
import { makeWeb, WEB_DIR } from './web.ts';
import { mark } from '../util/timeline.ts';

export { wantedFormats, type Wanted } from '../config/document.ts';

interface Made {
  file: string;
  bytes: Uint8Array;
  pages: number;
  sheets: number | undefined;
  note?: string;
  /** The booklet's sheets per signature, when it is folded in more than one. */
  signature?: number | undefined;
  /** An imposed format's plan: its sides are the pages it places (the reading edition's, the card's) and its marks. */
  plan?: Plan;
  /** Pictures of the pages laid out for it (lay-out.ts): its own, or with a plan, those the plan places. */
  pictures?: Uint8Array[] | undefined;
  /** Whether the gallery was told of it already, before it was done (see OnMade). Default false. */
  told?: boolean;
}

function makers(context: DocumentContext, onMade: OnMade | undefined): Record<Format, () => Promise<Made>> {
  // The reading edition's steps: the booklet is imposed from its finished PDF while the tab takes the
  // pictures and the PDF is read back, and both formats await the read-back.
  let reading: ReadingSteps | undefined;
  const readingOnce = () => (reading ??= readingSteps(context));
  return {
    async reading() {
      const { pdf, report, pictures, readBack } = await readingOnce().laidOut;
      await readBack;
      const placements = printedAlone(report.pageCount, trimSize('reading', context.document.paper));
      for (const line of sheetEdgeWarnings({ source: context.source, file: 'reading.pdf', placements, insets: report.insets })) context.reporter.warn(line);
      const note = shortPagesNote(report);
      return { file: 'reading.pdf', bytes: pdf, pages: report.pageCount, sheets: undefined, pictures, ...(note === undefined ? {} : { note }) };
    },
    async booklet() {
      const steps = readingOnce();
      const { pdf, report } = await steps.printed;
      // Its sides are drawn from the reading pages' pictures while the reading edition is still read back.
      const tell = async (imposed: { pdf: Uint8Array; plan: Plan }): Promise<boolean> => {
        const { pictures } = await steps.laidOut;
        if (pictures === undefined || onMade === undefined) return false;
        onMade({ format: 'booklet', file: 'booklet.pdf', bytes: imposed.pdf, plan: imposed.plan, pictures });
        return true;
      };
      let telling = Promise.resolve(false);
      const imposed = await makeBooklet(context, pdf, report, { after: steps.readBack, onImposed: (made) => (telling = tell(made).catch(() => false)) });
      const { pdf: bytes, plan, note } = imposed;
      const { pictures } = await steps.laidOut;
      const told = await telling;
      const signature = (plan.sheets.at(-1)?.fold?.signature ?? 0) > 0 ? plan.options.signature : undefined;
      return { file: 'booklet.pdf', bytes, pages: report.pageCount, sheets: Math.ceil(report.pageCount / 4), plan, pictures, signature, told, ...(note === undefined ? {} : { note }) };
    },
    async mini() {
      const { pdf, fontSize, pages, plan, pictures } = await makeMini(context);
      const note = pages === 16 ? `16 pages on both sides, type at ${fontSize} pt` : `type at ${fontSize} pt`;
      return { file: 'mini.pdf', bytes: pdf, pages, sheets: 1, note, plan, pictures };
    },
    async slips() {
      const { pdf, plan, pictures } = await makeSlips(context);
      return { file: 'slips.pdf', bytes: pdf, pages: 2, sheets: 1, plan, pictures };
    },
    async 'large-print'() {
      const steps = readingSteps(context, 'large-print');
      const { pdf, report } = await steps.printed;
      const booklet = await makeBooklet(context, pdf, report, { file: 'large-print-booklet.pdf', after: steps.readBack });
      const { pictures } = await steps.laidOut;
      await context.stage.write('large-print-booklet.pdf', booklet.pdf);
      const sheets = Math.ceil(report.pageCount / 4);
      return { file: 'large-print.pdf', bytes: pdf, pages: report.pageCount, sheets: undefined, pictures, note: `its booklet: large-print-booklet.pdf, ${sheets} sheets${booklet.note === undefined ? '' : `, ${booklet.note}`}` };
    },
    async web() {
      mark('web edition begins');
      return { file: `${WEB_DIR}/index.html`, bytes: new TextEncoder().encode(await makeWeb(context)), pages: 1, sheets: undefined };
    },
  };
}

/**
 * Told of each file as soon as it is in the stage (the gallery starts drawing
 * it then), or for the booklet with pictures of the reading pages, as soon as
 * it is imposed, while the reading edition is still read back (a document
 * that then fails leaves its drawing unused); the booklet and the slips come
 * with their plans, and the files laid out for the gallery with pictures of
 * their pages (see Made).
 */
export type OnMade = (output: { format: Format; file: string; bytes: Uint8Array; plan?: Plan; pictures?: Uint8Array[] }) => void;

/**
 * Makes the wanted formats side by side and writes each into the stage. A
 * format that cannot be made is skipped with a line saying why, unless it was
 * asked for by name: then the build fails with that reason.
 */
export async function makeFormats(context: DocumentContext, wanted: Wanted, progress: boolean, onMade?: OnMade): Promise<FormatOutput[]> {
  const started = performance.now();
  // Resolved once a layout has begun and none is opening its tab (loading its page, Paged.js sent to it).
  let opening = 0;
  let allBegun = (): void => undefined;
  const begun = new Promise<void>((resolve) => (allBegun = resolve));
  const layoutStep = (step: 'opening' | 'begun') => {
    opening += step === 'opening' ? 1 : -1;
    if (opening === 0) allBegun();
  };
  const formatContext: DocumentContext = { ...context, layoutStep };
  const make = makers(formatContext, onMade);
  // Progress shows on a terminal only, one line rewritten; a skipped format is a warning, always said.
  const say = (line: string) => progress && terminal.progress(`${context.name}: ${line}`);
  const makeOne = async (format: Format, how: NonNullable<ReturnType<Wanted['get']>>): Promise<FormatOutput | undefined> => {
    try {
      const output = await make[format]();
      await context.stage.write(output.file, output.bytes);
      const { plan, pictures } = output;
      if (output.told !== true) onMade?.({ format, file: output.file, bytes: output.bytes, ...(plan === undefined ? {} : { plan }), ...(pictures === undefined ? {} : { pictures }) });
      const seconds = (performance.now() - started) / 1000;
      const note = output.note === undefined ? '' : `, ${output.note}`;
      say(`${format} → ${output.file}, ${output.pages} ${output.pages === 1 ? "page" : "pages"}${note} (${seconds.toFixed(1)} s)`);
      const row = { format, file: output.file, pages: output.pages, sheets: output.sheets, seconds, ...(output.signature === undefined ? {} : { signature: output.signature }) };
      return output.note === undefined ? row : { ...row, note: output.note };
    } catch (error) {
      if (!(error instanceof FormatSkipped) || how === 'asked') throw error;
      context.reporter.warn(`${context.name}: ${format} skipped: ${error.message}`);
      return undefined;
    }
  };
  const making = new Map<Format, Promise<FormatOutput | undefined>>();
  for (const [format, how] of wanted) if (format !== 'web') making.set(format, makeOne(format, how));
  // The web edition is node's work alone (its page written, its fonts and images staged): it is made once the
  // layouts under way lay out by themselves in their tabs, or have ended, not while their tabs are being opened.
  const web = wanted.get('web');
  if (web !== undefined) making.set('web', Promise.race([begun, Promise.allSettled(making.values())]).then(() => makeOne('web', web)));
  // Every format runs to its end before a failure is reported, so that nothing
  // still writes into the stage while the caller throws it away.
  const settled = await Promise.allSettled([...wanted.keys()].map((format) => making.get(format)));
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.flatMap((result) => (result.status === 'fulfilled' && result.value !== undefined ? [result.value] : []));
}

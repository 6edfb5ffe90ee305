import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stageAssets } from '../paginate/assets.ts';
import { stageFonts } from '../paginate/fonts.ts';
import { FileError } from '../util/errors.ts';
import { STYLES_DIR } from '../util/project-root.ts';
import { webPage } from '../web/page.ts';
import type { DocumentContext } from './context.ts';
import { checkWebImages } from './read-back.ts';

/** Where the web edition goes inside the document's folder. */
export const WEB_DIR = 'web';

/**
 * The web edition, `<name>/web/index.html`: the document as one responsive
 * page (no Paged.js, no script), with the fonts it uses and its images beside
 * it, so the folder can be published as it is. Returns the page.
 */
export async function makeWeb(context: DocumentContext): Promise<string> {
  const { markdown, stage } = context;
  const { frontMatter } = markdown;
  const dir = join(stage.dir, WEB_DIR);
  // The line-breaking rules print uses, then the page's own.
  const readStyle = (name: string): Promise<string> => {
    const path = join(STYLES_DIR, name);
    return readFile(path, 'utf8').catch((error: unknown) => {
      throw new FileError(path, 'read', error);
    });
  };
  const [fontFaces, ...sheets] = await Promise.all([
    stageFonts({ dir, plan: context.fonts }),
    readStyle('line-breaking.css'),
    readStyle('web.css'),
  ]);
  // The user's own stylesheet last, so that its rules win.
  const css = [...sheets, context.document.style?.css ?? ''].join('\n');
  await stageAssets({ dir, assets: [...markdown.assets, ...(context.document.style?.assets ?? [])], keepMetadata: context.keepMetadata ?? false });
  const html = webPage({
    body: markdown.tree,
    title: frontMatter.title,
    lang: frontMatter.lang,
    labels: context.document.labels,
    dir: context.document.direction,
    fontFaces,
    css,
  });
  checkWebImages(context, html);
  return html;
}

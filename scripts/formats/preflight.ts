import type { LayoutReport } from '../paginate/layout-report.ts';

/**
 * The photocopy preflight's findings as warnings, one line each: at the
 * block's `file:line:col` when the finding is in the text, else at its page.
 * A zine is copied more often than printed, so these never stop the build.
 */
export function preflightWarnings(source: string, report: LayoutReport): string[] {
  return report.preflight.map(({ source: place, page, detail }) =>
    place === undefined ? `${source}: page ${page}: photocopy: ${detail}` : `${source}:${place}: photocopy: ${detail} (page ${page})`,
  );
}

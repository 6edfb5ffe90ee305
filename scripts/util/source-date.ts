/**
 * The date a build writes into its PDFs, so that two builds of the same
 * sources give the same bytes: SOURCE_DATE_EPOCH when set (the reproducible
 * builds convention), else the front matter's `date`, else the Unix epoch.
 */
export function sourceDate(frontMatterDate: string | undefined, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  if (frontMatterDate !== undefined) return new Date(`${frontMatterDate}T00:00:00Z`);
  return new Date(0);
}

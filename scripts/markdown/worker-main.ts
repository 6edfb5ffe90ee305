/**
 * The entry of dist/markdown-worker.cjs, the bundle the markdown stage's
 * workers load (worker.ts; compiled by scripts/setup/compile.mjs): the
 * worker's side of the stage (worker-job.ts) and what it imports, a few MB
 * lighter than the whole command (dist/zine.cjs), so that a worker is ready
 * for its source sooner and spends less of the build's CPU loading code.
 */
import { runIfMarkdownWorker } from './worker-job.ts';

export { beforeFirstAnswer } from './worker-job.ts';

runIfMarkdownWorker();

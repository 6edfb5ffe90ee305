import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * Vitest's global setup, in every project: the folder where the reading
 * editions that several test files lay out or read are built once in a run
 * (shared-builds.ts), named after the run's process so that every project of
 * the run gets the same one; removed once the run is over.
 */
export default function sharedBuilds(project: TestProject): () => void {
  const dir = join(tmpdir(), `zinepress-shared-builds-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  project.provide('sharedBuilds', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}

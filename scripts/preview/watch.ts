/**
 * Watches what a preview is made of: the source, its images and the
 * stylesheets. Editors save in different ways (write in place, or write a new
 * file and rename it over the old), so the folders are watched, not the files,
 * and every event for a followed name counts. Bursts of events make one call.
 */
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { STYLES_DIR } from '../util/project-root.ts';


export interface WatchOptions {
  files: string[];
  onChange: () => void;
  /** Quiet time before a change is reported, in ms. Default: 15. */
  settle?: number;
}

export interface Watcher {
  /** Follows these files from now on (the source's images change with the source). */
  follow(files: readonly string[]): void;
  close(): void;
}

export function watchInputs(options: WatchOptions): Watcher {
  const watchers = new Map<string, FSWatcher>();
  const names = new Map<string, Set<string>>();
  let timer: NodeJS.Timeout | undefined;
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(options.onChange, options.settle ?? 15);
  };
  const watchDir = (dir: string, accept: (name: string) => boolean) => {
    if (watchers.has(dir)) return;
    try {
      watchers.set(dir, watch(dir, (_event, name) => name !== null && accept(String(name)) && changed()));
    } catch {
      // a folder that cannot be watched (gone, no permission): its files are read at the next layout anyway
    }
  };
  const follow = (files: readonly string[]) => {
    for (const file of files.map((path) => resolve(path))) {
      const dir = dirname(file);
      if (!names.has(dir)) names.set(dir, new Set());
      names.get(dir)?.add(basename(file));
      watchDir(dir, (name) => names.get(dir)?.has(name) === true);
    }
  };
  watchDir(STYLES_DIR, (name) => name.endsWith('.css'));
  follow(options.files);
  return {
    follow,
    close() {
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
    },
  };
}

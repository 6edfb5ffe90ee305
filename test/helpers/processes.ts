import { readdirSync, readFileSync } from 'node:fs';

/** One process as /proc shows it (Linux only). */
export interface ProcessInfo {
  pid: number;
  ppid: number;
  pgrp: number;
  command: string;
}

/** Every process running now, read from /proc. */
export function processes(): ProcessInfo[] {
  const found: ProcessInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid pgrp …: comm may hold spaces, so split after its closing parenthesis.
      const close = stat.lastIndexOf(')');
      const [, ppid, pgrp] = stat.slice(close + 2).split(' ');
      const state = stat.slice(close + 2, close + 3);
      if (state === 'Z') continue; // a zombie has ended; only its parent has not collected it
      found.push({ pid: Number(name), ppid: Number(ppid), pgrp: Number(pgrp), command: stat.slice(stat.indexOf('(') + 1, close) });
    } catch {
      // it ended while we looked
    }
  }
  return found;
}

/** The processes started by `pid`, directly. */
export const childrenOf = (pid: number): ProcessInfo[] => processes().filter((p) => p.ppid === pid);

/** The processes still in the process group `pgrp`. */
export const groupOf = (pgrp: number): ProcessInfo[] => processes().filter((p) => p.pgrp === pgrp);

/** Waits until `test` holds, polling every 100 ms; throws after `ms`. */
export async function until<T>(test: () => T | undefined | false, ms: number, what: string): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = test();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Paged.js runs each step of its layout (a page) from a queue that waits for
 * an animation frame first. In a tab nobody looks at, that is time spent
 * waiting for the next frame, and a frame drawn, before every page. Here the
 * queue's next step runs as soon as the last has ended and the browser has
 * had its turn (a task of its own, through a message channel). The layout is
 * the same: the same pages, with the same text on each.
 */
import type { Chunker } from './paged.ts';

interface Queue {
  tick: (run: () => void) => unknown;
}

export function runWithoutFrameWaits(chunker: Chunker & { q?: Queue }): void {
  const queue = chunker.q;
  if (!queue) return;
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  queue.tick = (run) => {
    waiting.push(run);
    channel.port2.postMessage(undefined);
  };
}

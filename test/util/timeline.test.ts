import { afterEach, describe, expect, it, vi } from 'vitest';
import { mark, marked, markedSync } from '../../scripts/util/timeline.ts';

/** What the marks wrote to stderr while `run` ran, with ZINE_TIMES as given. */
async function written(times: string | undefined, run: () => Promise<unknown> | unknown): Promise<string[]> {
  vi.stubEnv('ZINE_TIMES', times);
  const lines: string[] = [];
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return lines;
}

afterEach(() => vi.unstubAllEnvs());

describe('timeline', () => {
  it('writes each mark with the milliseconds since the process started, a step begun and ended with its duration', async () => {
    const lines = await written('1', async () => {
      mark('first');
      await marked('a step', () => new Promise((resolve) => setTimeout(resolve, 30)));
      markedSync('a count', () => 1 + 1);
    });
    expect(lines.map((line) => line.replace(/^\+\d+ ms /, ''))).toEqual(['first\n', 'a step begins\n', expect.stringMatching(/^a step ends \((\d+) ms\)\n$/), expect.stringMatching(/^a count \(\d+ ms\)\n$/)]);
    const [first, , ended] = lines.map((line) => Number(/^\+(\d+) ms/.exec(line)?.[1]));
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(performance.now());
    expect(Number(/\((\d+) ms\)/.exec(lines[2] ?? '')?.[1])).toBeGreaterThanOrEqual(25);
    expect(ended).toBeGreaterThanOrEqual((first ?? 0) + 25);
  });

  it('writes nothing without ZINE_TIMES, and still runs the work and gives its result', async () => {
    let result = 0;
    const lines = await written(undefined, async () => {
      mark('first');
      result = (await marked('a step', () => Promise.resolve(2))) + markedSync('a count', () => 3);
    });
    expect(lines).toEqual([]);
    expect(result).toBe(5);
  });
});

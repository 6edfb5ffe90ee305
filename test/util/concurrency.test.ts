import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../scripts/util/concurrency.ts';

describe('createLimiter', () => {
  it('never runs more tasks at once than its width, and runs them all', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }), fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 20 }), async (width, delays) => {
        const limit = createLimiter(width);
        let running = 0;
        let most = 0;
        const results = await Promise.all(
          delays.map((delay, index) =>
            limit(async () => {
              running += 1;
              most = Math.max(most, running);
              await new Promise((resolve) => setTimeout(resolve, delay));
              running -= 1;
              return index;
            }),
          ),
        );
        expect(results).toEqual(delays.map((_, index) => index));
        expect(most).toBeLessThanOrEqual(width);
      }),
      { numRuns: 40 },
    );
  });

  it('frees its place when a task fails', async () => {
    const limit = createLimiter(1);
    await expect(limit(async () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    await expect(limit(async () => 'next')).resolves.toBe('next');
  });

  it('starts, of the tasks asked for together, those of the highest priority first, whatever the order asked', async () => {
    const limit = createLimiter(2);
    const started: string[] = [];
    const task = (name: string) => async () => {
      started.push(name);
      await new Promise((resolve) => setTimeout(resolve, 5));
    };
    await Promise.all([limit(task('reading')), limit(task('card')), limit(task('mini'), 1)]);
    expect(started).toEqual(['mini', 'reading', 'card']);
  });

  it('gives a freed place to the next step of a chain asked for as its last step ends, before a task waiting longer', async () => {
    const limit = createLimiter(1);
    const started: string[] = [];
    const step = (name: string) => async () => {
      started.push(name);
      await new Promise((resolve) => setTimeout(resolve, 5));
    };
    const chain = limit(step('mini 7.5 pt'), 1).then(() => limit(step('mini 8 pt'), 1));
    const card = limit(step('card'));
    await Promise.all([chain, card]);
    expect(started).toEqual(['mini 7.5 pt', 'mini 8 pt', 'card']);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchdog } from '../../scripts/paginate/watchdog.ts';

afterEach(() => {
  vi.useRealTimers();
});

const never = () => new Promise<never>(() => undefined);

describe('the watchdog of a layout', () => {
  it('lets a layout run past the stall limit as long as pages keep being finished', async () => {
    vi.useFakeTimers();
    const guard = watchdog({ name: 'source/long.md', cap: 600_000, stall: 20_000 });
    let done = false;
    const work = new Promise<string>((resolve) => setTimeout(() => resolve('laid out'), 100_000));
    const result = guard.guard(work).then((value) => ((done = true), value));
    for (let page = 1; page <= 10; page += 1) {
      await vi.advanceTimersByTimeAsync(10_000);
      guard.progress(page);
    }
    expect(done).toBe(true);
    await expect(result).resolves.toBe('laid out');
  });

  it('stops a layout that finishes no page for the stall limit, naming the document and the last page', async () => {
    vi.useFakeTimers();
    const start = Date.now();
    const guard = watchdog({ name: 'source/stuck.md', cap: 600_000, stall: 20_000 });
    const result = guard.guard(never());
    const caught = result.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(5_000);
    guard.progress(1);
    await vi.advanceTimersByTimeAsync(5_000);
    guard.progress(2);
    await vi.advanceTimersByTimeAsync(19_000);
    await vi.advanceTimersByTimeAsync(1_500);
    const error = await caught;
    expect(String(error)).toMatch(/^ZineError: source\/stuck\.md: the layout was stopped: no page was finished in 20 s, after page 2;/);
    // Stopped 20 s after the last page, not at the cap.
    expect(Date.now() - start).toBeLessThan(32_000);
  });

  it('stops a layout at its cap even while pages keep coming', async () => {
    vi.useFakeTimers();
    const guard = watchdog({ name: 'source/endless.md', cap: 60_000, stall: 20_000 });
    const caught = guard.guard(never()).catch((error: unknown) => error);
    for (let page = 1; page <= 70; page += 1) {
      await vi.advanceTimersByTimeAsync(1_000);
      guard.progress(page);
    }
    expect(String(await caught)).toMatch(/source\/endless\.md: the layout took longer than 60 s and was stopped after 5\d pages/);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { measure } from '../../scripts/bench/measure.ts';

const node = (script: string) => ({ command: process.execPath, args: ['-e', script] });

describe('measure', () => {
  it('times a process from start to exit and finds the memory of the processes it starts', async () => {
    // A child that starts a grandchild holding 300 MB, touched so that it is resident, for a second.
    const grandchild = 'const b = Buffer.alloc(300 * 2 ** 20, 1); setTimeout(() => b.length, 1000)';
    const result = await measure(node(`require('child_process').execFileSync(process.execPath, ['-e', ${JSON.stringify(grandchild)}])`));
    expect(result.failure).toBeUndefined();
    expect(result.seconds).toBeGreaterThanOrEqual(1);
    expect(result.peakBytes).toBeGreaterThan(300 * 2 ** 20);
  });

  it('counts the CPU time of every process of the tree, a grandchild that burns a second among them', async () => {
    // It spins until it has used a second of CPU itself, however busy the machine is.
    const burner = 'const cpu = () => { const { user, system } = process.cpuUsage(); return user + system; }; while (cpu() < 1e6);';
    const result = await measure(node(`require('child_process').execFileSync(process.execPath, ['-e', ${JSON.stringify(burner)}])`));
    expect(result.failure).toBeUndefined();
    // The grandchild's second, and two node start-ups; no more than the run's wall time allows on two cores.
    expect(result.cpuSeconds).toBeGreaterThan(1);
    expect(result.cpuSeconds).toBeLessThan(2 * result.seconds);
  });

  it('reports a failed run with its exit status and its last line of error output', async () => {
    const result = await measure(node('console.error("first"); console.error("cannot lay out page 3"); process.exit(4)'));
    expect(result.failure).toBe('exit 4: cannot lay out page 3');
  });

  it('stops a run that outlasts its time, with the processes it started', async () => {
    const marker = `bench-timeout-test-${process.pid}`;
    const sleeper = `setTimeout(() => {}, 60000) // ${marker}`;
    const result = await measure(node(`require('child_process').execFileSync(process.execPath, ['-e', ${JSON.stringify(sleeper)}])`), {
      timeoutSeconds: 2,
    });
    expect(result.failure).toBe('stopped after 2 s');
    expect(result.seconds).toBeLessThan(10);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(commandLines().filter((line) => line.includes(marker))).toEqual([]);
  });
});

/** The command line of every process now. */
function commandLines(): string[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        return [readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ')];
      } catch {
        return [];
      }
    });
}

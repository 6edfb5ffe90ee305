/**
 * What a stop removes on the way out: a folder still being written into (a
 * browser's profile, the moment after the browser was killed) is removed
 * without an error, which would end the process with exit code 1 instead
 * of the signal's.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeFolder } from '../../scripts/util/exit.ts';

describe('removeFolder', () => {
  it('throws nothing while another process still writes into the folder, and removes it once that stops', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zine-exit-'));
    // Fills the folder with files in subfolders, as fast as it can, until it is killed.
    const writer = `const fs = require('fs'); const path = require('path'); for (let i = 0; ; i++) { const d = path.join(${JSON.stringify(dir)}, 'd' + (i % 7)); try { fs.mkdirSync(d, { recursive: true }); fs.writeFileSync(path.join(d, 'f' + i), 'x'); } catch {} }`;
    const child = spawn(process.execPath, ['-e', writer]);
    const ended = new Promise((resolve) => child.on('exit', resolve));
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      // A plain recursive rmSync throws ENOTEMPTY here (seen 20 times in 20).
      expect(() => removeFolder(dir)).not.toThrow();
    } finally {
      child.kill('SIGKILL');
      await ended;
    }
    removeFolder(dir);
    expect(existsSync(dir)).toBe(false);
  });
});

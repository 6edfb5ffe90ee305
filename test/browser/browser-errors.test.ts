/**
 * Puppeteer's failures as the user reads them: each an exit 1 with what
 * happened, never "internal error" with a protocol message.
 */
import { describe, expect, it, vi } from 'vitest';
import { report } from '../../scripts/cli.ts';
import { explainBrowserError } from '../../scripts/browser/browser-errors.ts';

function printed(error: unknown): { code: number; lines: string[] } {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
  try {
    return { code: report(error, false), lines };
  } finally {
    spy.mockRestore();
  }
}

describe('a browser failure, said as what happened', () => {
  it('a protocol timeout: the browser stopped answering', () => {
    const error = new Error("Runtime.evaluate timed out. Increase the 'protocolTimeout' setting in launch/connect calls for a higher timeout if needed.");
    const { code, lines } = printed(error);
    expect(code).toBe(1);
    expect(lines).toEqual(['zine: the browser stopped answering for three minutes and the build was given up: the machine may be short of memory, or the document too large (see "Limits" in the README)']);
  });

  it('a closed target: the browser quit', () => {
    const { code, lines } = printed(new Error('Protocol error (Runtime.evaluate): Target closed'));
    expect(code).toBe(1);
    expect(lines[0]).toMatch(/^zine: the browser quit while it worked/);
  });

  it('a failed print: the temporary folder named', () => {
    const explained = explainBrowserError(new Error('Protocol error (Page.printToPDF): Printing failed'));
    expect(explained?.exitCode).toBe(1);
    expect(explained?.message).toMatch(/^the browser could not print the PDF: it writes it first into the temporary folder \(\S+\)|ulimit -f/);
  });

  it('leaves other errors to be internal ones', () => {
    expect(explainBrowserError(new TypeError('x is undefined'))).toBeUndefined();
    expect(printed(new TypeError('x is undefined')).code).toBe(3);
  });
});

#!/usr/bin/env node
// The `zine` command: runs the compiled bundle dist/zine.js, made from
// scripts/ by `npm install` and `npm run build` (scripts/setup/compile.mjs).
let cli;
try {
  cli = await import('../dist/zine.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('zine.js')) throw error;
  console.error('zine: dist/zine.js is missing: run `npm install` or `npm run build` in the zinepress folder first');
  process.exit(3);
}
process.exitCode = await cli.main(process.argv.slice(2));

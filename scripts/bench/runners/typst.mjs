// Compiles a Typst source to PDF with @myriaddreamin/typst-ts-node-compiler,
// loaded from the folder the bench installed it into; run as its own process
// so that its time and memory are measured like every other contender's.
//   node typst.mjs TOOLS_DIR SOURCE.typ OUT.pdf FONTS_DIR
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const [tools, source, out, fonts] = process.argv.slice(2);
if (fonts === undefined) throw new Error('usage: node typst.mjs TOOLS_DIR SOURCE.typ OUT.pdf FONTS_DIR');
const { NodeCompiler } = createRequire(join(tools, 'package.json'))('@myriaddreamin/typst-ts-node-compiler');
const compiler = NodeCompiler.create({ workspace: dirname(source), fontArgs: [{ fontPaths: [fonts] }] });
writeFileSync(out, compiler.pdf({ mainFilePath: source }));

// `npm run docs`: rewrites the generated blocks of the documents (docs-blocks.ts)
// with what the commands print now, in-process, from the repository.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCS_ROOT, GENERATED_DOCS, printed, renderDocs } from './docs-blocks.js';

for (const doc of GENERATED_DOCS) {
  const file = join(DOCS_ROOT, doc);
  const before = readFileSync(file, 'utf8');
  const after = await renderDocs(before, (args, dir) =>
    printed(args, { ACI_SIM_CACHE: process.env.ACI_SIM_CACHE }, dir),
  );
  if (after !== before) {
    writeFileSync(file, after);
    process.stdout.write(`updated ${doc}\n`);
  }
}

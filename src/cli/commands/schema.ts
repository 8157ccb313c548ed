// `aci-sim schema [--out DIR]`: the JSON Schema of scenario (and model) files,
// generated from the zod schemas, for editors (imported when the command runs).
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { writeGroupAtomic } from '../../io/atomic.js';
import { fileDiag } from '../../io/diagnostics.js';
import { displayPath } from '../../io/files.js';
import { fsDiag } from '../../io/fs-errors.js';
import { EXIT_OK, EXIT_USAGE, reportDiagnostics } from '../exit.js';
import type { CommandContext } from '../io.js';

/** Writes scenario.schema.json and model.schema.json into `dir`, both or neither (src/io/atomic.ts). */
export async function writeSchemas(dir: string): Promise<string[]> {
  const { schemaFiles } = await import('../../io/json-schema.js');
  const files = Object.entries(schemaFiles()).map(([name, content]) => ({ name, content }));
  writeGroupAtomic(dir, files);
  return files.map((f) => join(dir, f.name));
}

export function register(program: Command, { io, action }: CommandContext): void {
  program
    .command('schema')
    .description('Print the JSON Schema of scenario files, or write scenario and model schemas with --out')
    .option('--out <dir>', 'write scenario.schema.json and model.schema.json into this folder')
    .option('--kind <kind>', 'what to print without --out: scenario or model', 'scenario')
    .addHelpText(
      'after',
      '\nExamples:\n  aci-sim schema > scenario.schema.json\n  aci-sim schema --kind model\n  aci-sim schema --out schemas',
    )
    .action(
      action(async (opts: { out?: string; kind: string }) => {
        if (opts.out !== undefined) {
          const dir = resolve(io.cwd, opts.out);
          if (existsSync(dir) && !statSync(dir).isDirectory())
            return reportDiagnostics(io, [
              fileDiag(opts.out, 'schema/out-not-dir', 'exists and is not a folder; nothing was written'),
            ]);
          let written: string[];
          try {
            written = await writeSchemas(dir);
          } catch (e) {
            return reportDiagnostics(io, [
              fsDiag(e, opts.out, 'cannot write the schemas, nothing was changed'),
            ]);
          }
          for (const f of written) io.stdout.write(`wrote ${displayPath(f, io.cwd)}\n`);
          return EXIT_OK;
        }
        const { schemaFiles } = await import('../../io/json-schema.js');
        const text = schemaFiles()[`${opts.kind}.schema.json`];
        if (text === undefined) {
          io.stderr.write(`schema: --kind must be scenario or model, got "${opts.kind}"\n`);
          return EXIT_USAGE;
        }
        io.stdout.write(text);
        return EXIT_OK;
      }),
    );
}

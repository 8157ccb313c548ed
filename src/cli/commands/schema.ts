// `aci-sim schema [--out DIR]`: the JSON Schema of scenario (and model) files,
// generated from the zod schemas, for editors (imported when the command runs).
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { displayPath } from '../../io/files.js';
import { EXIT_OK, EXIT_USAGE } from '../exit.js';
import type { CommandContext } from '../io.js';

/** Writes scenario.schema.json and model.schema.json into `dir` (each via a temporary file). */
export async function writeSchemas(dir: string): Promise<string[]> {
  const { schemaFiles } = await import('../../io/json-schema.js');
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, text] of Object.entries(schemaFiles())) {
    const target = join(dir, name);
    const tmp = `${target}.${process.pid}.tmp`;
    await writeFile(tmp, text);
    await rename(tmp, target);
    written.push(target);
  }
  return written;
}

export function register(program: Command, { io, action }: CommandContext): void {
  program
    .command('schema')
    .description('Print the JSON Schema of scenario files, or write scenario and model schemas with --out')
    .option('--out <dir>', 'write scenario.schema.json and model.schema.json into this folder')
    .option('--kind <kind>', 'what to print without --out: scenario or model', 'scenario')
    .action(
      action(async (opts: { out?: string; kind: string }) => {
        if (opts.out !== undefined) {
          for (const f of await writeSchemas(resolve(io.cwd, opts.out)))
            io.stdout.write(`wrote ${displayPath(f, io.cwd)}\n`);
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

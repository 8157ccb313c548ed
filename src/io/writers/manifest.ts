// The manifest written beside every batch output (FILE.manifest.json): what
// was run, from which inputs, with which seeds, which part of which plan, and
// how it went. merge reads it to check that shards belong together.
import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { writeFileAtomic } from '../atomic.js';
import { err, ok, type Result } from '../result.js';

const ColumnSchema = z.object({ name: z.string(), type: z.enum(['string', 'int', 'double']) });

/** How the batch was asked for: enough to rebuild its experiment and plan (replay of a row). */
export const InvocationSchema = z.object({
  /** The experiment or scenario file, absolute, or a scenario id. */
  target: z.string(),
  /** The loader options the command line gave (--runs, --seed, --policy by side id). */
  options: z.object({
    runs: z.number().optional(),
    seed: z.number().optional(),
    players: z.record(z.string(), z.string()).optional(),
    /** --points: the points file, absolute. */
    points: z.string().optional(),
  }),
  /** The command line, as the tool understood it. */
  command: z.array(z.string()),
  cwd: z.string(),
  host: z.string(),
  /** `git rev-parse HEAD` of the tool's checkout (with `+dirty` when it has changes), or null. */
  git: z.string().nullable(),
});

export type Invocation = z.infer<typeof InvocationSchema>;

export const ManifestSchema = z.object({
  tool: z.literal('aci-sim'),
  version: z.string(),
  format: z.literal(1),
  kind: z.enum(['batch', 'merge']),
  experiment: z.object({ id: z.string(), file: z.string().nullable(), hash: z.string() }),
  scenario: z.object({
    id: z.string(),
    file: z.string(),
    hash: z.string(),
    packages: z.array(z.object({ name: z.string(), hash: z.string() })),
  }),
  seed: z.number(),
  rng: z.string(),
  plan: z.object({
    hash: z.string(),
    runs: z.number(),
    points: z.number(),
    levers: z.number(),
    replications: z.number(),
    design: z.record(z.string(), z.unknown()),
    parameters: z.array(z.string()),
  }),
  shard: z.object({ index: z.number(), count: z.number() }),
  output: z.object({
    file: z.string(),
    format: z.enum(['csv', 'jsonl', 'parquet']),
    columns: z.array(ColumnSchema),
    series: z.object({ file: z.string(), columns: z.array(ColumnSchema) }).nullable(),
  }),
  counts: z.object({ planned: z.number(), ok: z.number(), failed: z.number() }),
  started: z.string(),
  finished: z.string().nullable(),
  resumed: z.array(z.string()),
  workers: z.number(),
  node: z.string(),
  /** How the batch was first asked for (absent in manifests written before version 0.x of this field). */
  invocation: InvocationSchema.optional(),
  /** Every start of the batch, the first and each --resume, with its own command line and host. */
  sessions: z.array(InvocationSchema.extend({ started: z.string() })).optional(),
  /** The distribution of each uncertain parameter, resolved (defaults filled in), in column order. */
  distributions: z.array(z.object({ path: z.string(), dist: z.record(z.string(), z.unknown()) })).optional(),
});

export type Manifest = z.infer<typeof ManifestSchema>;

/** Writes JSON to `file` through a temporary file and a rename. */
export function writeJsonAtomic(file: string, value: unknown): void {
  writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** Reads a manifest; the error is one sentence. */
export function readManifest(file: string): Result<Manifest, string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return err(`cannot read ${file}`);
  }
  try {
    const r = ManifestSchema.safeParse(JSON.parse(text));
    if (r.success) return ok(r.data);
    const i = r.error.issues[0];
    return err(`${file} is not an aci-sim manifest (${i?.path.join('.') ?? ''}: ${i?.message ?? '?'})`);
  } catch {
    return err(`${file} is not valid JSON`);
  }
}

/** The manifest that belongs to an output file. */
export const manifestPath = (file: string): string => `${file}.manifest.json`;

// Validates one model file on its own (schema and formulas, no cross-file ids).
import { resolve } from 'node:path';
import type * as z from 'zod';
import type { Diagnostic } from './diagnostics.js';
import { displayPath } from './files.js';
import { err, ok, type Result } from './result.js';
import { type ModelFileDef, ModelFileSchema } from './schemas/model.js';
import { readYamlFile, type YamlSource } from './yaml-source.js';
import { issuesToDiagnostics, type Locator, sourceLocator } from './zod-issues.js';

export interface LoadedModelFile {
  readonly src: YamlSource;
  readonly def: ModelFileDef;
}

/** Parses `data` with `schema`; issues become diagnostics placed by `locate`. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  data: unknown,
  locate: Locator,
): Result<z.infer<S>, Diagnostic[]> {
  const r = schema.safeParse(data, { reportInput: true });
  if (r.success) return ok(r.data);
  return err(issuesToDiagnostics(r.error.issues, { schema, data, locate }));
}

/** Validates a parsed model file (optionally with `data` changed by overrides). */
export const validateModel = (
  src: YamlSource,
  data: unknown = src.data,
  locate: Locator = sourceLocator(src),
): Result<ModelFileDef, Diagnostic[]> => parseWith(ModelFileSchema, data, locate);

/** Reads and validates one model file standalone. */
export async function loadModelFile(
  path: string,
  opts: { cwd?: string } = {},
): Promise<Result<LoadedModelFile, Diagnostic[]>> {
  const cwd = opts.cwd ?? process.cwd();
  const abs = resolve(cwd, path);
  const read = await readYamlFile(abs, displayPath(abs, cwd));
  if (!read.ok) return read;
  const v = validateModel(read.value);
  return v.ok ? ok({ src: read.value, def: v.value }) : v;
}

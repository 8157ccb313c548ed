// `aci-sim validate <files…>`: checks model and scenario files (told apart by
// `kind`); a directory stands for every YAML file under it. The loaders (and the
// formula compiler behind them) are imported when the command runs, so that other
// commands start fast.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { type Diagnostic, fileDiag, formatDiagnostics } from '../../io/diagnostics.js';
import { didYouMean } from '../../io/did-you-mean.js';
import { displayPath, listYamlFiles } from '../../io/files.js';
import { EXIT_OK, EXIT_USAGE } from '../exit.js';
import type { CliIo, CommandContext } from '../io.js';
import { modelDirs, withModelsOption } from '../options.js';

const KINDS = [
  'scenario',
  'experiment',
  'calibration',
  'formulas',
  'blocs',
  'behaviour',
  'member_states',
  'dependencies',
  'measures',
  'policies',
];

export interface FileResult {
  readonly file: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly warnings?: readonly Diagnostic[];
}

/** Validates one file: a scenario fully (with its models), a model file on its own. */
export async function validateFile(
  path: string,
  cwd: string,
  modelDirs: readonly string[] = [],
): Promise<FileResult> {
  const abs = resolve(cwd, path);
  const file = displayPath(abs, cwd);
  const { diagAt, readYamlFile } = await import('../../io/yaml-source.js');
  const read = await readYamlFile(abs, file);
  if (!read.ok) return { file, diagnostics: read.error };
  const data = read.value.data as { kind?: unknown } | null;
  if (data && typeof data === 'object' && data.kind === 'scenario') {
    const { loadScenario } = await import('../../io/load-scenario.js');
    const r = await loadScenario(abs, { cwd, modelDirs });
    return { file, diagnostics: r.ok ? [] : r.error, warnings: r.ok ? r.value.warnings : [] };
  }
  if (data && typeof data === 'object' && data.kind === 'experiment') {
    const { loadExperiment } = await import('../../io/load-experiment.js');
    const r = await loadExperiment(abs, { cwd, modelDirs });
    return { file, diagnostics: r.ok ? [] : r.error };
  }
  if (data && typeof data === 'object' && data.kind === 'calibration') {
    const { loadCalibration } = await import('../../io/load-calibration.js');
    const r = await loadCalibration(abs, { cwd });
    return { file, diagnostics: r.ok ? [] : r.error };
  }
  const kind = data && typeof data === 'object' ? data.kind : undefined;
  if (typeof kind === 'string' && !KINDS.includes(kind)) {
    const dym = didYouMean(kind, KINDS);
    const d = diagAt(read.value, ['kind'], 'schema/value', `unknown kind "${kind}"${dym}`);
    return { file, diagnostics: [dym ? d : { ...d, hint: `expected one of: ${KINDS.join(', ')}` }] };
  }
  const { validateModel } = await import('../../io/load-model.js');
  const r = validateModel(read.value);
  return { file, diagnostics: r.ok ? [] : r.error };
}

/** The files named, with directories expanded to the YAML files under them; a folder without any is a problem. */
async function expand(
  paths: readonly string[],
  cwd: string,
): Promise<{ files: string[]; empty: Diagnostic[] }> {
  const files: string[] = [];
  const empty: Diagnostic[] = [];
  for (const p of paths) {
    const isDir = await stat(resolve(cwd, p)).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!isDir) files.push(p);
    else {
      const found = await listYamlFiles(resolve(cwd, p));
      if (found.length === 0)
        empty.push(fileDiag(p, 'file/no-yaml', 'holds no YAML file (.yaml or .yml): nothing to validate'));
      files.push(...found.map((f) => displayPath(f, cwd)));
    }
  }
  return { files, empty };
}

/** Validates every file, printing ✓ or its problems; resolves to the exit code. */
export async function runValidate(
  paths: readonly string[],
  io: CliIo,
  models: readonly string[] = [],
): Promise<number> {
  const { files, empty } = await expand(paths, io.cwd);
  let failed = empty.length > 0;
  if (failed) io.stderr.write(`${formatDiagnostics(empty)}\n`);
  const dirs = modelDirs(io, models);
  // Each scenario scans the same model folders: parse each file once for the whole command.
  if (files.length > 1) (await import('../../io/yaml-source.js')).memoizeYamlParses(true);
  for (const path of files) {
    const r = await validateFile(path, io.cwd, dirs);
    for (const w of r.warnings ?? []) io.stderr.write(`warning: ${formatDiagnostics([w])}\n`);
    if (r.diagnostics.length === 0) io.stdout.write(`✓ ${r.file}\n`);
    else {
      failed = true;
      io.stderr.write(`${formatDiagnostics(r.diagnostics)}\n`);
    }
  }
  return failed ? EXIT_USAGE : EXIT_OK;
}

export function register(program: Command, { io, action }: CommandContext): void {
  const cmd = program
    .command('validate')
    .description('Check scenario and model files; print every problem with file:line:col')
    .argument('<files...>', 'YAML files or folders (a scenario is checked with all its models)');
  withModelsOption(cmd)
    .addHelpText(
      'after',
      '\nExamples:\n  aci-sim validate scenarios/tutorial.yaml\n  aci-sim validate models',
    )
    .action(action((files: string[], opts: { models: string[] }) => runValidate(files, io, opts.models)));
}

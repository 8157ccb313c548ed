// Merges shard outputs into the output one unsharded batch would have
// written: checks through the manifests that the shards come from the same
// plan, then merges their rows by run id and checks that every planned run
// appears exactly once. On any problem the output is not written.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Diagnostic, fileDiag } from '../io/diagnostics.js';
import { err, ok, type Result } from '../io/result.js';
import { type Cell, type Format, formatOf } from '../io/writers/columns.js';
import { type Manifest, manifestPath, readManifest } from '../io/writers/manifest.js';
import { mergeInputs, mergeProblems, SHOW } from './merge-inputs.js';

export { mergeInputs };

import { headerProblem, ownPlanHash, rowProblem, seedOf } from './merge-checks.js';
import {
  appendAll,
  claimOutput,
  finishOutput,
  type OutputFiles,
  openOutput,
  outputFiles,
  prepareOutput,
  seriesPath,
} from './output.js';
import { RowError, readRows } from './read-rows.js';
import { idWidths, runIdAt, splitPosition } from './run-id.js';
import { rowEncoder } from './runner.js';
import { type Summary, SummaryBuilder } from './summary.js';

export interface MergeReport {
  readonly runs: number;
  readonly failed: number;
  readonly inputs: number;
  readonly summary: Summary;
}

interface Input {
  readonly file: string;
  readonly format: Format;
  readonly manifest: Manifest;
}

export async function mergeOutputs(
  files: readonly string[],
  out: { file: string; format: Format },
  opts: { force: boolean },
): Promise<Result<MergeReport, Diagnostic[]>> {
  const inputs: Input[] = [];
  const problems: Diagnostic[] = [];
  const outAbs = resolve(out.file);
  const outFiles = new Set([outAbs, resolve(seriesPath(out.file)), resolve(manifestPath(out.file))]);
  for (const file of files) {
    for (const f of [file, seriesPath(file)])
      if (outFiles.has(resolve(f)))
        return err([
          fileDiag(out.file, 'merge/out-is-input', `is one of the inputs (${f}); choose another --out`),
        ]);
    const m = readManifest(manifestPath(file));
    if (!m.ok) problems.push(fileDiag(file, 'merge/manifest', m.error));
    else if (m.value.plan.hash !== ownPlanHash(m.value))
      problems.push(
        fileDiag(
          file,
          'merge/manifest',
          `its manifest's plan hash does not match the plan it describes: the manifest was edited`,
        ),
      );
    else inputs.push({ file, format: formatOf(file)!, manifest: m.value });
  }
  if (problems.length > 0) return err(problems);
  for (const i of inputs) {
    const header = await headerProblem(i);
    if (header !== null) problems.push(fileDiag(i.file, 'merge/header', header));
  }
  if (problems.length > 0) return err(problems);
  const first = inputs[0]!;
  const plan = first.manifest.plan;
  for (const i of inputs.slice(1)) {
    if (i.manifest.plan.hash !== plan.hash)
      problems.push(
        fileDiag(
          i.file,
          'merge/plan',
          `comes from a different plan than ${first.file} (plan ${i.manifest.plan.hash.slice(0, 12)} vs ${plan.hash.slice(0, 12)}): shards must come from the same experiment, seed and design`,
        ),
      );
    else if (i.manifest.seed !== first.manifest.seed || i.manifest.rng !== first.manifest.rng)
      problems.push(
        fileDiag(
          i.file,
          'merge/seed',
          `has master seed ${i.manifest.seed} (${i.manifest.rng}), ${first.file} has ${first.manifest.seed} (${first.manifest.rng})`,
        ),
      );
    else if (JSON.stringify(i.manifest.output.columns) !== JSON.stringify(first.manifest.output.columns))
      problems.push(fileDiag(i.file, 'merge/columns', `has other columns than ${first.file}`));
  }
  if (problems.length > 0) return err(problems);

  const columns = first.manifest.output.columns;
  const seriesCols = first.manifest.output.series?.columns ?? null;
  const target = outputFiles(out.file, out.format, seriesCols !== null);
  const held = claimOutput(out.file);
  if (!held.ok) return held;
  try {
    return await mergeInto(inputs, target, out, opts, columns, seriesCols);
  } catch (e) {
    // A merge cannot be resumed: a failure (a full disk…) leaves no temporary files.
    for (const f of [target.tmp, target.partial, ...(target.series ? [target.series.tmp] : [])])
      rmSync(f, { force: true });
    throw e;
  } finally {
    held.value.release();
  }
}

async function mergeInto(
  inputs: readonly Input[],
  target: OutputFiles,
  out: { file: string; format: Format },
  opts: { force: boolean },
  columns: Manifest['output']['columns'],
  seriesCols: Manifest['output']['columns'] | null,
): Promise<Result<MergeReport, Diagnostic[]>> {
  const first = inputs[0]!;
  const plan = first.manifest.plan;
  const prepared = prepareOutput(target, {
    resume: false,
    force: opts.force,
    planHash: plan.hash,
    columns,
    seriesColumns: seriesCols,
    expectedId: () => '',
    onRow: () => {},
  });
  if (!prepared.ok) return err(prepared.error);
  const fds = openOutput(target, true, columns, seriesCols);
  const encode = rowEncoder(out.format, columns);
  const summary = new SummaryBuilder(columns);
  const dims = { points: plan.points, levers: plan.levers, replications: plan.replications };
  const widths = idWidths(plan.points, plan.levers, plan.replications);
  const missing: string[] = [];
  const duplicated: string[] = [];
  const unknown: string[] = [];
  const forged: string[] = [];
  const expectSeed = seedOf(first.manifest);
  let unreadable: Diagnostic | null = null;
  let missingCount = 0;
  let dupCount = 0;
  let k = 0;
  let failed = 0;
  const note = (list: string[], id: string) => list.length < SHOW && list.push(id);
  try {
    let last: { id: string; file: string } | null = null;
    for await (const { row, file } of mergeById(
      inputs.map((i) => ({ file: i.file, rows: readRows(i.file, i.format, columns) })),
    )) {
      const id = String(row[0]);
      if (last && id === last.id) {
        dupCount++;
        note(duplicated, `${id} (in ${last.file} and ${file})`);
        continue;
      }
      last = { id, file };
      while (k < plan.runs && runIdAt(dims, k, widths) < id) {
        missingCount++;
        note(missing, runIdAt(dims, k++, widths));
      }
      if (k >= plan.runs || runIdAt(dims, k, widths) !== id) {
        note(unknown, `${id} (in ${file})`);
        continue;
      }
      const wrong = rowProblem(row, splitPosition(dims, k), expectSeed);
      k++;
      if (wrong !== null) {
        note(forged, `${id} in ${file}: ${wrong}`);
        continue;
      }
      appendAll(fds.rows, encode(row));
      summary.add(row);
      if (row[row.length - 1] !== null) failed++;
    }
    while (k < plan.runs) {
      missingCount++;
      note(missing, runIdAt(dims, k++, widths));
    }
    if (missingCount + dupCount + unknown.length === 0 && fds.series && seriesCols) {
      const encodeSeries = rowEncoder(out.format, seriesCols);
      const sources = inputs.map((i) => ({
        file: seriesPath(i.file),
        rows: readRows(seriesPath(i.file), i.format, seriesCols),
      }));
      for await (const { row } of mergeById(sources)) appendAll(fds.series, encodeSeries(row));
    }
  } catch (e) {
    if (!(e instanceof RowError)) throw e;
    const m = /^(.*):(\d+): (.*)$/s.exec(e.message);
    unreadable = m
      ? { ...fileDiag(m[1]!, 'merge/row', `cannot be read: ${m[3]}`), line: Number(m[2]), col: 1 }
      : fileDiag('merge', 'merge/row', e.message);
  } finally {
    const { closeSync } = await import('node:fs');
    closeSync(fds.rows);
    if (fds.series !== null) closeSync(fds.series);
  }
  if (unreadable !== null || forged.length > 0 || missingCount + dupCount + unknown.length > 0) {
    for (const f of [target.tmp, target.partial, ...(target.series ? [target.series.tmp] : [])])
      rmSync(f, { force: true });
    if (unreadable !== null) return err([unreadable]);
    if (forged.length > 0)
      return err([
        fileDiag(
          'merge',
          'merge/forged',
          `rows that do not belong to the plan of their manifest (seed ${first.manifest.seed}): ${forged.join('; ')}`,
          '',
          'each shard must be merged with the manifest its batch wrote',
        ),
      ]);
    return err(mergeProblems(inputs, plan.runs, missingCount, missing, dupCount, duplicated, unknown));
  }
  const manifest: Manifest = {
    ...first.manifest,
    kind: 'merge',
    shard: { index: 1, count: 1 },
    output: {
      ...first.manifest.output,
      file: out.file,
      format: out.format,
      series: seriesCols ? { file: seriesPath(out.file), columns: seriesCols } : null,
    },
    counts: { planned: plan.runs, ok: plan.runs - failed, failed },
    started: inputs.map((i) => i.manifest.started).sort()[0]!,
    finished: inputs
      .map((i) => i.manifest.finished ?? '')
      .sort()
      .at(-1)!,
    resumed: [],
  };
  const m = first.manifest;
  const kv = {
    'aci-sim.version': m.version,
    'aci-sim.experiment': m.experiment.id,
    'aci-sim.scenario_hash': m.scenario.hash,
    'aci-sim.plan_hash': plan.hash,
    'aci-sim.seed': String(m.seed),
  };
  await finishOutput(target, columns, seriesCols, manifest, kv, `aci-sim ${m.version}`);
  return ok({ runs: plan.runs, failed, inputs: inputs.length, summary: summary.result() });
}

/** Rows of several run-id-sorted sources, merged by run id (a run's rows stay together). */
async function* mergeById(
  sources: readonly { file: string; rows: AsyncGenerator<Cell[]> }[],
): AsyncGenerator<{ row: Cell[]; file: string }> {
  const heads = await Promise.all(sources.map(async (s) => (await s.rows.next()).value ?? null));
  for (;;) {
    let best = -1;
    for (let i = 0; i < heads.length; i++) {
      const h = heads[i];
      if (h && (best < 0 || String(h[0]) < String(heads[best]![0]))) best = i;
    }
    if (best < 0) return;
    yield { row: heads[best]!, file: sources[best]!.file };
    heads[best] = (await sources[best]!.rows.next()).value ?? null;
  }
}

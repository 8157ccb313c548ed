// `aci-sim sensitivity --from FILE`: the indices of a batch output already
// written (CSV, JSON Lines or Parquet), read with its manifest, which says the
// design, its N (or r and p) and its groups. Refuses a file that is not the
// whole output of a sobol or morris design.

import { existsSync } from 'node:fs';
import { type Diagnostic, fileDiag } from '../io/diagnostics.js';
import { didYouMean } from '../io/did-you-mean.js';
import type { Lever } from '../io/load-experiment.js';
import type { Column } from '../io/writers/columns.js';
import { manifestPath, readManifest } from '../io/writers/manifest.js';
import { batchOutputFile } from './batch-output-file.js';
import type { CliIo } from './io.js';
import { type Analysis, defaultMetrics, metricColumnsOf } from './sensitivity-report.js';

export type FromFile = Omit<Analysis, 'out' | 'html' | 'quiet'> & { readonly stem: string };

export async function readDesignRows(
  io: CliIo,
  file: string,
  flags: { method?: string; metric?: string },
): Promise<FromFile | Diagnostic[]> {
  const bad = (code: string, message: string, at = file) => [fileDiag(at, code, message)];
  const input = batchOutputFile(io.cwd, file);
  if ('message' in input) return [input];
  const { format, at } = input;
  if (!existsSync(manifestPath(at)))
    return bad(
      'sensitivity/manifest',
      `has no manifest (${file}.manifest.json): --from reads the design from the manifest the batch wrote beside it`,
    );
  const m = readManifest(manifestPath(at));
  if (!m.ok) return bad('sensitivity/manifest', m.error);
  const { designFromManifest } = await import('../batch/sensitivity-design.js');
  const design = designFromManifest(m.value);
  if (typeof design === 'string') return bad('sensitivity/design', design);
  const method = design.saltelli ? 'sobol' : 'morris';
  if (flags.method !== undefined && flags.method !== method)
    return bad(
      'cli/method',
      `${file} holds a ${method} design; leave out --method or give ${method}`,
      '--method',
    );
  const { columnsOf, readRows, RowError } = await import('../batch/read-rows.js');
  const columns = await columnsOf(at, format);
  const params = new Set(m.value.plan.parameters);
  const metricColumns = metricColumnsOf(columns, params);
  const names =
    flags.metric
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean) ?? defaultMetrics(metricColumns);
  const numeric = metricColumns.filter((c) => c.type !== 'string').map((c) => c.name);
  const usable = [...(metricColumns.some((c) => c.name === 'outcome') ? ['landing'] : []), ...numeric];
  const problems = names
    .filter((n) => !usable.includes(n.replace(/^state:/, 'state_')))
    .map((n) =>
      fileDiag(
        '--metric',
        'cli/metric',
        `${file} has no numeric metric "${n}"${didYouMean(n, usable)} (its metrics: ${usable.join(', ')})`,
      ),
    );
  if (problems.length > 0) return problems;
  const { MetricByPoint } = await import('../batch/sensitivity.js');
  const { OutcomeByPoint } = await import('../batch/convergence.js');
  const { parseRunId } = await import('../batch/run-id.js');
  const metrics = names.map((n) => new MetricByPoint(design, columns, n));
  const outcomes = new OutcomeByPoint(design, columns);
  const sideCols = columns.filter((c) => c.name.startsWith('policy_'));
  const sides = sideCols.map((c) => c.name.slice(7).toUpperCase()) as [string, string];
  const col = (name: string) => columns.findIndex((c: Column) => c.name === name);
  const [pkg, t, c] = [col('package'), col(sideCols[0]?.name ?? ''), col(sideCols[1]?.name ?? '')];
  const levers: Lever[] = [];
  try {
    for await (const row of readRows(at, format, columns)) {
      for (const y of metrics) y.add(row);
      outcomes.add(row);
      const id = parseRunId(String(row[0]));
      if (id && id.lever < design.levers && !levers[id.lever])
        levers[id.lever] = {
          package: pkg >= 0 ? String(row[pkg]) : null,
          target: String(row[t] ?? ''),
          coercer: String(row[c] ?? ''),
        };
    }
  } catch (e) {
    if (!(e instanceof RowError)) throw e;
    return bad('sensitivity/row', e.message.replace(/^[^:]*:\d+: /, ''));
  }
  const missing = Array.from({ length: design.levers }, (_, l) => l).filter((l) => !levers[l]);
  if (missing.length > 0)
    return bad('sensitivity/rows', `has no rows of lever setting ${missing.join(', ')} of its plan`);
  return {
    ...{ method, design, metrics, outcomes, levers, sides, seed: m.value.seed },
    title: file,
    stem: file.replace(/\.[^./\\]+$/, ''),
  };
}

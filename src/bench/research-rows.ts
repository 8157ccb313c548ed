// Benchmark rows of the research commands, each measured in a child process
// (the built CLI or a small script): the grouped Sobol' analysis, the
// hindcast of the episode library, and scenario discovery.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** What, value, target, met, and by how much and why when missed. */
export type BenchRow = [string, string, string?, boolean?, { by: string; why: string }?];

const n0 = (x: number) => Math.round(x).toLocaleString('en-US');

/** The default scenario's numbers in groups at a small N, scaled to N = 1,024. */
export function groupedSobolRow(quick: boolean, cacheDir: string): BenchRow {
  const N = quick ? 32 : 128;
  const script = fileURLToPath(new URL('./grouped-sobol.js', import.meta.url));
  const child = spawnSync(process.execPath, [script, String(N), '2', cacheDir], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`sobol child failed: ${child.stderr.trim()}`);
  const g = JSON.parse(child.stdout) as Record<string, number>;
  return [
    `sensitivity, ${g.parameters} numbers in ${g.groups} groups, N = ${N} (${n0(g.runs!)} runs, ${g.metrics} metrics), 2 threads; × ${1024 / N} for N = 1,024`,
    `${g.seconds!.toFixed(1)} s (analysis ${g.analysis!.toFixed(1)} s); N = 1,024: ${g.at1024!.toFixed(0)} s`,
    '< 600 s at N = 1,024',
    g.at1024! < 600,
  ];
}

/** `aci-sim hindcast` over history/, through the built CLI. */
export function hindcastRow(quick: boolean, cacheDir: string): BenchRow {
  const runs = quick ? 20 : 200;
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [fileURLToPath(new URL('../../bin/aci-sim.js', import.meta.url)), 'hindcast', '--runs', String(runs)],
    { encoding: 'utf8', env: { ...process.env, ACI_SIM_CACHE: cacheDir } },
  );
  const secs = (performance.now() - t0) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`hindcast failed: ${r.stderr.trim().split('\n')[0]}`);
  return [
    `aci-sim hindcast, every episode in history/, ${runs} runs each`,
    `${secs.toFixed(1)} s`,
    quick ? '' : '< 120 s',
    quick ? undefined : secs < 120,
    {
      by: `${(secs - 120).toFixed(0)} s`,
      why: 'The episodes run one after another, each on the batch workers; a loaded machine stretches every one.',
    },
  ];
}

/** PRIM over a generated file of n rows × 320 inputs, reading the CSV included. */
export function discoverRow(n: number, cacheDir: string): BenchRow {
  const k = 320;
  const script = fileURLToPath(new URL('./discover-rate.js', import.meta.url));
  const child = spawnSync(process.execPath, [script, cacheDir, String(n), String(k)], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`discover child failed: ${child.stderr.trim()}`);
  const d = JSON.parse(child.stdout) as { wall: number; cpu: number; steps: number };
  return [
    `discover (read CSV + PRIM), ${n0(n)} rows × ${k} inputs`,
    `${d.wall.toFixed(1)} s (${d.cpu.toFixed(1)} s CPU, ${d.steps} steps)`,
    '< 10 s',
    d.wall < 10,
    {
      by: `${(d.wall - 10).toFixed(1)} s`,
      why: 'Reading the 330-column CSV and PRIM (each input sorted once, peeling on sorted index lists) take about a second each of CPU; a loaded machine stretches the wall time.',
    },
  ];
}

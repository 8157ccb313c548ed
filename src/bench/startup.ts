// Start-up time of the built CLI: the median wall time of a few fresh
// processes, each with the formula cache in `cacheDir` (warmed first).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/aci-sim.js', import.meta.url));

/** Seconds of one `aci-sim ARGS` process; throws when it fails. */
function once(args: readonly string[], cacheDir: string): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ACI_SIM_CACHE: cacheDir },
  });
  const s = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`aci-sim ${args.join(' ')} failed: ${r.stderr.trim().split('\n')[0]}`);
  return s;
}

/** Median seconds of `times` runs after one warm-up run (which also fills the formula cache). */
export function startupSeconds(args: readonly string[], cacheDir: string, times: number): number {
  once(args, cacheDir);
  const all = Array.from({ length: times }, () => once(args, cacheDir)).sort((a, b) => a - b);
  return all[Math.floor(all.length / 2)]!;
}

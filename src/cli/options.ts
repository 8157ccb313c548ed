// Options several commands share: the default scenario, seeds, --set, loading,
// the formula cache folder.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { type Diagnostic, fileDiag } from '../io/diagnostics.js';
import type { LoadedScenario } from '../io/load-scenario.js';
import { reportDiagnostics } from './exit.js';
import type { CliIo } from './io.js';

export { DEFAULT_SCENARIO } from '../io/scenario-ref.js';

/** The formula cache folder: $ACI_SIM_CACHE, else $XDG_CACHE_HOME/aci-sim, else ~/.cache/aci-sim. */
export function formulaCacheDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  if (env.ACI_SIM_CACHE) return env.ACI_SIM_CACHE;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'aci-sim');
}

/** A master seed: a whole number (as the batch manifest records it). */
export function parseSeed(text: string, problems: Diagnostic[]): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isSafeInteger(n)) {
    problems.push(fileDiag('--seed', 'cli/seed', `expected a whole number, got "${text}"`));
    return 0;
  }
  return n;
}

const RUN_SEED = /^[0-9a-f]{16}$/i;

/**
 * `run --seed`: a master seed (a whole number), or a run's own seed as a batch
 * row prints it (16 hex digits), used as it is.
 */
export function parseRunSeed(text: string, problems: Diagnostic[]): number | string {
  const t = text.trim();
  if (RUN_SEED.test(t)) return t.toLowerCase();
  const n = Number(t);
  if (t === '' || !Number.isSafeInteger(n)) {
    problems.push(
      fileDiag('--seed', 'cli/seed', `expected a whole number or a run's 16-digit hex seed, got "${text}"`),
    );
    return 0;
  }
  return n;
}

/** `--set PATH=VALUE` flags as a map; numbers stay numbers, formulas stay text. */
export function parseSets(flags: readonly string[], problems: Diagnostic[]): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    if (eq <= 0) {
      problems.push(fileDiag('--set', 'cli/set', `expected PATH=VALUE, got "${flag}"`));
      continue;
    }
    const path = flag.slice(0, eq).trim();
    const raw = flag.slice(eq + 1).trim();
    const n = Number(raw);
    out[path] = raw !== '' && Number.isFinite(n) ? n : raw;
  }
  return out;
}

/** Loads a scenario for a command; prints the diagnostics and returns null (exit code 2) when it cannot. */
export async function loadForCli(
  io: CliIo,
  ref: string,
  set: Record<string, string | number> = {},
): Promise<LoadedScenario | null> {
  const { loadScenario } = await import('../io/load-scenario.js');
  const r = await loadScenario(ref, { cwd: io.cwd, set, cacheDir: formulaCacheDir(io.env) });
  if (r.ok) return r.value;
  reportDiagnostics(io, r.error);
  return null;
}

// Options several commands share: the default scenario, seeds, --set, loading,
// the formula cache folder.
import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { type Diagnostic, fileDiag, formatDiagnostic } from '../io/diagnostics.js';
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

/** `--timer`: a duration as `5m`, `90s`, `1m30s` or a number of seconds; whole seconds, at least 1. */
export function parseDuration(text: string, problems: Diagnostic[]): number | undefined {
  const m = /^(?:(\d+)m)?(?:(\d+)s?)?$/.exec(text.trim());
  const seconds = m && (m[1] || m[2]) ? Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) : 0;
  if (seconds < 1) {
    problems.push(
      fileDiag('--timer', 'cli/timer', `expected a duration such as 5m, 90s or 1m30s, got "${text}"`),
    );
    return undefined;
  }
  return seconds;
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

/** Commander's collector for a repeatable option. */
export const collect = (v: string, acc: string[]): string[] => [...acc, v];

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

/** Adds `--models DIR` (repeatable) to a command that loads scenarios. */
export const withModelsOption = (cmd: Command): Command =>
  cmd.option(
    '--models <dir>',
    "look for model files here after the scenario's own folder, before $ACI_SIM_MODELS and the shipped models (repeatable)",
    (v: string, acc: string[]) => [...acc, v],
    [],
  );

/**
 * Model folders searched after the scenario's own: each `--models DIR`, then
 * $ACI_SIM_MODELS (folders separated like PATH); the shipped models come last.
 */
export function modelDirs(io: Pick<CliIo, 'cwd' | 'env'>, flags: readonly string[] = []): string[] {
  const env = (io.env.ACI_SIM_MODELS ?? '').split(delimiter).filter((d) => d.trim() !== '');
  return [...flags, ...env].map((d) => resolve(io.cwd, d));
}

/** What every scenario load of a command shares: the working directory, formula cache and model folders. */
export const loadSettings = (io: CliIo, models: readonly string[] = []) => ({
  cwd: io.cwd,
  cacheDir: formulaCacheDir(io.env),
  modelDirs: modelDirs(io, models),
});

/** Loads a scenario for a command; prints the diagnostics and returns null (exit code 2) when it cannot. */
export async function loadForCli(
  io: CliIo,
  ref: string,
  set: Record<string, string | number> = {},
  models: readonly string[] = [],
): Promise<LoadedScenario | null> {
  const { loadScenario } = await import('../io/load-scenario.js');
  const r = await loadScenario(ref, { ...loadSettings(io, models), set });
  if (r.ok) {
    for (const w of r.value.warnings) io.stderr.write(`warning: ${formatDiagnostic(w)}\n`);
    return r.value;
  }
  reportDiagnostics(io, r.error);
  return null;
}

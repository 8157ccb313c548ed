import { ROLES, type Role } from '../engine/types.js';
import { deepFreeze } from './build-scenario.js';
import { type Diagnostic, fileDiag } from './diagnostics.js';
import { didYouMean, listSome } from './did-you-mean.js';
import { canonicalJson, sha256 } from './hash.js';
import type { ExperimentPackage, Lever } from './load-experiment.js';
import { type LoadedScenario, type LoadOptions, loadScenario } from './load-scenario.js';
import { err, ok, type Result } from './result.js';
import type { ExperimentDef } from './schemas/experiment.js';
import type { Locator } from './zod-issues.js';

export async function loadPackages(
  def: ExperimentDef,
  scenarioAbs: string,
  cwd: string,
  locate: Locator,
  diags: Diagnostic[],
  cache: PackageOptions,
): Promise<ExperimentPackage[]> {
  const out: ExperimentPackage[] = [];
  for (const [name, p] of Object.entries(def.levers.packages ?? {})) {
    const r = await loadPackage(scenarioAbs, cwd, p.set, cache);
    if (r.ok) {
      out.push({ name, set: p.set, loaded: r.value });
      continue;
    }
    // Problems of a package's `set` come back placed at `--set`: place them in the experiment.
    for (const d of r.error) {
      const key = d.file === '--set' ? Object.keys(p.set).find((k) => d.path.startsWith(k)) : undefined;
      if (key === undefined) diags.push(d);
      else
        diags.push({
          ...d,
          ...locate(['levers', 'packages', name, 'set'], key),
          path: `levers.packages.${name}.set.${d.path}`,
        });
    }
  }
  return out;
}

export function leversOf(
  def: ExperimentDef,
  loaded: LoadedScenario,
  players: Readonly<Record<string, string>>,
  locate: Locator,
  diags: Diagnostic[],
): Lever[] {
  const sc = loaded.scenario;
  const known = Object.keys(sc.policies);
  const unknown = (name: string) =>
    `unknown policy "${name}"${didYouMean(name, known)} (policies: ${known.join(', ')})`;
  const sides = {} as Record<Role, readonly string[]>;
  const ids = ROLES.map((r) => sc.blocs[r].id);
  for (const [side, _] of Object.entries(def.levers.policies ?? {}))
    if (!ids.includes(side))
      diags.push({
        ...locate(['levers', 'policies', side]),
        code: 'experiment/side',
        message: `${side} is not a side of the scenario (its sides: ${ids.join(', ')})`,
      });
  for (const flagSide of Object.keys(players))
    if (!ids.includes(flagSide))
      diags.push(
        fileDiag(
          '--policy',
          'cli/policy',
          `${flagSide} is not a side of the scenario (its sides: ${ids.join(', ')})`,
        ),
      );
  for (const role of ROLES) {
    const side = sc.blocs[role].id;
    const list = def.levers.policies?.[side];
    const flag = players[side];
    if (list) {
      if (flag !== undefined)
        diags.push(
          fileDiag(
            '--policy',
            'cli/policy',
            `the experiment sweeps ${side}'s policies; leave ${side} out of --policy`,
          ),
        );
      for (const [i, name] of list.entries())
        if (!sc.policies[name])
          diags.push({
            ...locate(['levers', 'policies', side, i]),
            code: 'experiment/policy',
            message: unknown(name),
          });
      sides[role] = list;
      continue;
    }
    const name = flag ?? sc.players[role];
    const human = `${side} is played by a human in this scenario; a batch needs a computer player: sweep levers.policies.${side} or add --policy ${side}=graduated`;
    if (name === 'human' || !sc.policies[name])
      diags.push(
        fileDiag(
          flag !== undefined ? '--policy' : (loaded.files[0] ?? 'scenario'),
          'cli/policy',
          name === 'human' ? human : `${unknown(name)} for ${side}`,
        ),
      );
    sides[role] = [name];
  }
  const pkgs = Object.keys(def.levers.packages ?? {});
  const out: Lever[] = [];
  for (const p of pkgs.length > 0 ? pkgs : [null])
    for (const target of sides.target)
      for (const coercer of sides.coercer) out.push({ package: p, target, coercer });
  return out;
}

/** What a package's load shares with the experiment's: the formula cache and extra model folders. */
type PackageOptions = Pick<LoadOptions, 'cacheDir' | 'modelDirs'>;

const START_LEVEL = /^start\.levels\.([^.[\]]+)$/;

/**
 * A package's scenario: its `set` goes through the loader like --set, except start levels, which
 * are set on the engine's scenario (the loader cannot add a measure that `start.levels` does not list).
 */
export async function loadPackage(
  scenarioAbs: string,
  cwd: string,
  set: Readonly<Record<string, string | number>>,
  cache: PackageOptions = {},
): Promise<Result<LoadedScenario, Diagnostic[]>> {
  const rest: Record<string, string | number> = {};
  const levels: Record<string, number> = {};
  const diags: Diagnostic[] = [];
  for (const [key, value] of Object.entries(set)) {
    const id = START_LEVEL.exec(key)?.[1];
    if (id === undefined) rest[key] = value;
    else levels[id] = Number(value);
  }
  const r = await loadScenario(scenarioAbs, { cwd, set: rest, ...cache });
  if (!r.ok || Object.keys(levels).length === 0) return r;
  const sc = r.value.scenario;
  for (const [id, level] of Object.entries(levels)) {
    const m = sc.measures.find((x) => x.id === id);
    const at = (message: string) => fileDiag('--set', 'override/start-level', message, `start.levels.${id}`);
    const ids = sc.measures.map((x) => x.id);
    if (!m) diags.push(at(`unknown measure "${id}"${didYouMean(id, ids)} (measures: ${listSome(ids)})`));
    else if (!Number.isInteger(level) || level < 0 || level >= m.levels.length)
      diags.push(
        at(`expected a level of "${id}" from 0 to ${m.levels.length - 1}, got ${set[`start.levels.${id}`]}`),
      );
  }
  if (diags.length > 0) return err(diags);
  const scenario = deepFreeze({ ...sc, startLevels: { ...sc.startLevels, ...levels } }, new Set([sc.random]));
  // The start levels are set past the loader, so its hash has not seen them.
  const hash = sha256(canonicalJson({ scenario: r.value.hash, startLevels: levels }));
  return ok({ ...r.value, scenario, hash });
}

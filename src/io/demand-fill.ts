// A scenario that names the kind of its demand (`demand: gesture`) gets both
// sides' stakes from it: the kind's share of each side's GDP, written once in
// the behaviour model, instead of a number per side and episode. Runs after
// overrides and --set, which still win; a side's stakes in its blocs file
// give way, since what a dispute is worth belongs to the dispute.
import { behaviourEntries } from './behaviour-fill.js';
import type { Diagnostic } from './diagnostics.js';
import { didYouMean } from './did-you-mean.js';
import { isObj } from './is-obj.js';
import { type Assignment, pathKey } from './overrides.js';
import { kindOf } from './resolve-models.js';
import { blocOf, fillSide, type Origins, scenarioSides } from './side-fill.js';
import type { YamlSource } from './yaml-source.js';
import { type Locator, sourceLocator } from './zod-issues.js';

const ROLE_FIELD = { target: 'target_stakes', coercer: 'coercer_stakes' } as const;
const SCALED = ['min', 'mode', 'max', 'mean', 'sd'] as const;

/** A distribution of a share of GDP (%) as one of EUR bn: every level and spread times k. */
export function scaleDist(dist: Record<string, unknown>, k: number): Record<string, unknown> {
  const out: Record<string, unknown> = { ...dist };
  for (const f of SCALED) if (typeof dist[f] === 'number') out[f] = (dist[f] as number) * k;
  if (dist.type === 'lognormal' && typeof dist.mu === 'number') out.mu = dist.mu + Math.log(k);
  if (dist.type === 'beta') {
    out.min = ((dist.min as number | undefined) ?? 0) * k;
    out.max = ((dist.max as number | undefined) ?? 1) * k;
  }
  if (isObj(dist.truncate)) {
    const t: Record<string, unknown> = { ...dist.truncate };
    for (const f of ['min', 'max']) if (typeof t[f] === 'number') t[f] = (t[f] as number) * k;
    out.truncate = t;
  }
  return out;
}

/** The kind's share of GDP as the side's stakes in EUR bn, with its provenance said in words. */
function scaled(node: unknown, gdp: number, demand: string, side: string): unknown {
  const k = gdp / 100;
  const round = (x: number) => Number(x.toPrecision(6));
  if (typeof node === 'number') return round(node * k);
  if (!isObj(node) || typeof node.value !== 'number') return node;
  const out: Record<string, unknown> = { ...node, value: round(node.value * k) };
  if (isObj(node.dist)) out.dist = scaleDist(node.dist, k);
  const said = `${node.value}% of ${side}'s GDP (EUR ${gdp} bn), the "${demand}" demand's share.`;
  for (const f of ['why', 'source'] as const)
    if (typeof node[f] === 'string') out[f] = `${node[f] as string} Here: ${said}`;
  return out;
}

const gdpOf = (bloc: Record<string, unknown>): number | undefined =>
  typeof bloc.gdp === 'number'
    ? bloc.gdp
    : isObj(bloc.gdp) && typeof bloc.gdp.value === 'number'
      ? bloc.gdp.value
      : undefined;

export interface DemandFilled {
  readonly diagnostics: Diagnostic[];
  /** Per blocs file: file path key → where the filled stakes are written (the demand). */
  readonly origins: Origins;
  /** The scenario with the timing parameters filled, when any was (else undefined). */
  readonly scenario?: Record<string, unknown>;
  /** The scenario's filled paths → where each is written (the behaviour model's `timing:`). */
  readonly scenarioOrigins?: Map<string, Assignment>;
}

/**
 * The behaviour model's `timing:` parameters, fitted with the demands'
 * shares, go with them: a scenario naming a demand gets each it does not
 * write (nor --set).
 */
function fillTiming(
  files: readonly YamlSource[],
  data: Map<YamlSource, unknown>,
  sc: Record<string, unknown>,
): Pick<DemandFilled, 'scenario' | 'scenarioOrigins'> {
  const params = isObj(sc.parameters) ? sc.parameters : {};
  const filled: Record<string, unknown> = {};
  const scenarioOrigins = new Map<string, Assignment>();
  for (const src of files.filter((f) => kindOf(f) === 'behaviour')) {
    const d = data.get(src);
    if (!isObj(d) || !isObj(d.timing)) continue;
    for (const [k, v] of Object.entries(d.timing)) {
      if (k in params) continue;
      filled[k] = v;
      const text = `parameters.${k}`;
      scenarioOrigins.set(pathKey(['parameters', k]), {
        text,
        value: v,
        at: sourceLocator(src)(['timing', k]),
      });
    }
  }
  if (scenarioOrigins.size === 0) return {};
  return { scenario: { ...sc, parameters: { ...params, ...filled } }, scenarioOrigins };
}

export function fillDemand(
  files: readonly YamlSource[],
  data: Map<YamlSource, unknown>,
  scenario: unknown,
  /** Where the scenario's `demand:` is written. */
  locateScenario: Locator,
  /** Whether an override or --set wrote this path of that blocs file (they win). */
  assigned: (src: YamlSource, path: readonly string[]) => boolean,
): DemandFilled {
  const diagnostics: Diagnostic[] = [];
  const origins: Origins = new Map();
  const sc = isObj(scenario) ? scenario : {};
  if (typeof sc.demand !== 'string') return { diagnostics, origins };
  const name = sc.demand;
  const kinds = behaviourEntries(files, data, 'demands');
  const kind = kinds.get(name);
  if (!kind) {
    diagnostics.push({
      ...locateScenario(['demand']),
      code: 'ref/unknown-demand',
      message: `unknown demand "${name}"${didYouMean(name, kinds.keys())}`,
      hint:
        kinds.size === 0
          ? "no listed behaviour model has `demands:`: add one (e.g. `behaviour`) to the scenario's `models:`"
          : `demands of the listed behaviour model: ${[...kinds.keys()].join(', ')}`,
    });
    return { diagnostics, origins };
  }
  for (const { role, side, src } of scenarioSides(files, data, scenario)) {
    const gdp = gdpOf(blocOf(data, src, side));
    if (assigned(src, ['blocs', side, 'stakes']) || gdp === undefined) continue;
    const field = ROLE_FIELD[role];
    const value = scaled(kind.fields[field], gdp, name, side);
    fillSide(data, origins, src, side, 'stakes', value, sourceLocator(kind.src)(['demands', name, field]));
  }
  return { diagnostics, origins, ...fillTiming(files, data, sc) };
}

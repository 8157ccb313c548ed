// What a sensitivity analysis needs to know of a design: its size, its
// Saltelli or Morris layout and the names of the factors it varies (groups or
// single numbers). Built from a plan about to run, or from the manifest of a
// batch already run (`sensitivity --from`): the Saltelli layout follows from
// N and the groups, the Morris trajectories from k, r, p and the master seed,
// all of which the manifest records.
import type { Manifest } from '../io/writers/manifest.js';
import { deriveKey, makeRng } from '../rng/streams.js';
import { type MorrisMeta, morris, type SaltelliMeta, saltelliFactors } from './designs/index.js';
import type { Plan } from './plan.js';

export interface AnalysisDesign {
  readonly points: number;
  readonly levers: number;
  readonly replications: number;
  readonly saltelli: SaltelliMeta | null;
  readonly morris: MorrisMeta | null;
  /** The factors analysed, in index order: group names, else parameter paths. */
  readonly factors: readonly string[];
  /** How many uncertain numbers each factor holds (1 each without groups). */
  readonly members: readonly number[];
  readonly grouped: boolean;
  readonly warnings: readonly string[];
}

interface NamedGroup {
  readonly name: string;
  readonly parameters: readonly string[];
}

const groupsIn = (describe: Readonly<Record<string, unknown>>): NamedGroup[] | null =>
  Array.isArray(describe.groups) ? (describe.groups as NamedGroup[]) : null;

/** The analysis design of a plan (its sobol or morris design). */
export function analysisDesign(plan: Plan): AnalysisDesign {
  const d = plan.design;
  const groups = groupsIn(d.describe);
  const paths = plan.paths.slice(0, d.k);
  return {
    ...{ points: plan.points, levers: plan.levers, replications: plan.replications },
    ...{ saltelli: d.saltelli, morris: d.morris, warnings: d.warnings },
    factors: groups ? groups.map((g) => g.name) : paths,
    members: groups ? groups.map((g) => g.parameters.length) : paths.map(() => 1),
    grouped: groups !== null,
  };
}

/** The analysis design a batch's manifest describes; the error is one sentence. */
export function designFromManifest(m: Manifest): AnalysisDesign | string {
  const d = m.plan.design;
  const type = String(d.type ?? 'mc');
  if (type !== 'sobol' && type !== 'morris')
    return `holds a ${type} design; sensitivity --from needs the output of a sobol or morris design (batch an experiment with design type sobol or morris)`;
  if (m.shard.count !== 1 && m.kind !== 'merge')
    return `is shard ${m.shard.index} of ${m.shard.count}: merge the shards first (aci-sim merge DIR --out FILE)`;
  const params = m.plan.parameters;
  const k = m.distributions?.length ?? params.length;
  const dims = { points: m.plan.points, levers: m.plan.levers, replications: m.plan.replications };
  const warnings = Array.isArray(d.warnings) ? (d.warnings as string[]) : [];
  if (type === 'sobol') {
    const N = Number(d.n);
    const named = groupsIn(d);
    const groups = named?.map((g) => g.parameters.map((p) => params.indexOf(p)));
    const saltelli: SaltelliMeta = {
      ...{ N, k, layout: 'saltelli-2010' as const },
      ...(groups ? { groups } : {}),
      ...(d.base === 'mc' ? { base: 'mc' as const } : {}),
    };
    if (groups?.some((g) => g.includes(-1)) || N * (saltelliFactors(saltelli) + 2) !== dims.points)
      return `has a manifest whose sobol design (n ${String(d.n)}, ${k} parameters${named ? `, ${named.length} groups` : ''}) does not give its ${dims.points} points`;
    return {
      ...dims,
      ...{ saltelli, morris: null, warnings },
      factors: named ? named.map((g) => g.name) : params.slice(0, k),
      members: named ? named.map((g) => g.parameters.length) : params.slice(0, k).map(() => 1),
      grouped: named !== null,
    };
  }
  const r = Number(d.r);
  const p = Number(d.p);
  if (!(r >= 1 && p >= 2) || r * (k + 1) !== dims.points)
    return `has a manifest whose morris design (r ${String(d.r)}, p ${String(d.p)}, ${k} parameters) does not give its ${dims.points} points`;
  // The same stream designPoints draws the trajectories from.
  const meta = morris(k, r, p, makeRng(deriveKey(m.seed, 'design', 'morris'))).meta;
  return {
    ...dims,
    ...{ saltelli: null, morris: meta, warnings },
    factors: params.slice(0, k),
    members: params.slice(0, k).map(() => 1),
    grouped: false,
  };
}

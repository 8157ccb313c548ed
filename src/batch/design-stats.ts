// The statistics of a batch that depend on its design: rows are clustered by
// the future they share (a design point with its replications and lever
// settings; a Saltelli base row or a Morris trajectory with all its points),
// outcome shares are given per lever package (never pooled across packages),
// and each lever setting is compared with the reference setting (the first
// package under the same policies, else the first setting) on the futures
// both ran: paired differences with clustered intervals. Rows must come in
// plan order (point-major), as every output and merge keeps them.
import type { Cell, Column } from '../io/writers/columns.js';
import { Clustered, type Estimate } from './stats/cluster.js';
import type { Proportion } from './stats/wilson.js';

/** What the summary needs to know of the design. */
export interface DesignInfo {
  readonly type: string;
  /** Consecutive design points that share futures (Saltelli k + 2, Morris k + 1, else 1). */
  readonly group: number;
}

/** The design's info from the manifest's (or plan's) description and the number of inputs. */
export function designInfo(describe: Readonly<Record<string, unknown>>, k: number): DesignInfo {
  const type = typeof describe.type === 'string' ? describe.type : 'mc';
  // A grouped Sobol' design has one row per group, not per number.
  const factors = Array.isArray(describe.groups) ? describe.groups.length : k;
  return { type, group: type === 'sobol' ? factors + 2 : type === 'morris' ? k + 1 : 1 };
}

/** Why a design's shares do not estimate the shares under the input distributions, or null. */
export function representationWarning(info: DesignInfo): string | null {
  if (info.type === 'morris')
    return 'a Morris design puts its points on a few grid levels along one-at-a-time trajectories: these shares and quantiles describe those points, not the input distributions (use an mc or lhs design to estimate them)';
  if (info.type === 'grid')
    return 'a grid design weighs every combination of levels equally, whatever the distributions: these shares and quantiles describe the grid, not the input distributions (use an mc or lhs design to estimate them)';
  return null;
}

export interface LeverKey {
  readonly package: string | null;
  readonly target: string | null;
  readonly coercer: string | null;
}

export interface PackageBlock {
  readonly package: string | null;
  readonly runs: number;
  readonly failed: number;
  readonly shares: { outcome: string; n: number; share: Proportion }[];
}

export interface PairedDifference {
  readonly lever: LeverKey;
  readonly reference: LeverKey;
  /** Futures (seed) both settings ran without failing. */
  readonly pairs: number;
  readonly landing: Estimate;
  readonly painTarget: Estimate;
  readonly painCoercer: Estimate;
}

export interface DesignSummary {
  readonly type: string;
  /** Clusters of rows that share futures. */
  readonly clusters: number;
  /** True when no two rows share a future (the intervals are then Wilson's). */
  readonly independent: boolean;
  readonly warning: string | null;
  /** One block per package; a single block (package null) when the batch sweeps none. */
  readonly blocks: PackageBlock[];
  readonly paired: PairedDifference[] | null;
}

/** A difference of shares lies in [−1, 1]. */
const clip = (e: Estimate): Estimate => ({ ...e, lo: Math.max(-1, e.lo), hi: Math.min(1, e.hi) });

function getOr<K, V>(m: Map<K, V>, key: K, make: () => V): V {
  let v = m.get(key);
  if (v === undefined) {
    v = make();
    m.set(key, v);
  }
  return v;
}

const keyOf = (l: LeverKey) => `${l.package}\u0000${l.target}\u0000${l.coercer}`;

interface Block {
  readonly package: string | null;
  runs: number;
  failed: number;
  readonly acc: Clustered;
}

interface Pair {
  readonly lever: LeverKey;
  readonly acc: Clustered;
}

export class DesignStats {
  private readonly col: (name: string) => number;
  private readonly blocks = new Map<string | null, Block>();
  private readonly landing = new Map<string, Clustered>();
  private readonly levers = new Map<string, LeverKey>();
  private readonly pairs = new Map<string, Pair>();
  /** This point's rows by lever setting and replication: landing, pains (null when failed). */
  private readonly here = new Map<string, Map<number, number[] | null>>();
  private point = Number.NaN;
  private cluster = Number.NaN;
  private firstPackage: string | null | undefined;

  constructor(
    columns: readonly Column[],
    private readonly outcomes: readonly string[],
    private readonly sides: readonly [string, string],
    private readonly info: DesignInfo,
  ) {
    const index = new Map(columns.map((c, i) => [c.name, i]));
    this.col = (name) => index.get(name) ?? -1;
  }

  add(row: readonly Cell[]): void {
    const get = (name: string) => {
      const i = this.col(name);
      return i < 0 ? null : row[i];
    };
    const str = (c: Cell | undefined) => (typeof c === 'string' ? c : null);
    const point = typeof get('point') === 'number' ? (get('point') as number) : 0;
    if (point !== this.point) {
      this.flushPoint();
      const cluster = Math.floor(point / this.info.group);
      if (cluster !== this.cluster) this.closeAll();
      this.point = point;
      this.cluster = cluster;
    }
    const [t, c] = this.sides;
    const lever: LeverKey = {
      package: str(get('package')),
      target: str(get(`policy_${t}`)),
      coercer: str(get(`policy_${c}`)),
    };
    const key = keyOf(lever);
    if (!this.levers.has(key)) this.levers.set(key, lever);
    if (this.firstPackage === undefined) this.firstPackage = lever.package;
    let block = this.blocks.get(lever.package);
    if (!block) {
      block = { package: lever.package, runs: 0, failed: 0, acc: new Clustered(this.outcomes.length) };
      this.blocks.set(lever.package, block);
    }
    block.runs++;
    const byRep = getOr(this.here, key, () => new Map<number, number[] | null>());
    const rep = typeof get('replication') === 'number' ? (get('replication') as number) : 0;
    if (str(get('error')) !== null) {
      block.failed++;
      byRep.set(rep, null);
      return;
    }
    const outcome = str(get('outcome'));
    block.acc.add(this.outcomes.map((o) => (o === outcome ? 1 : 0)));
    const landed = outcome === 'landing_zone' ? 1 : 0;
    getOr(this.landing, key, () => new Clustered(1)).add([landed]);
    const num = (x: Cell | undefined) => (typeof x === 'number' ? x : Number.NaN);
    byRep.set(rep, [landed, num(get(`pain_${t}`)), num(get(`pain_${c}`))]);
  }

  /** The clustered landing share of a lever setting. */
  landingOf(l: LeverKey): Proportion | null {
    this.flushPoint();
    this.closeAll();
    return this.landing.get(keyOf(l))?.share(0) ?? null;
  }

  result(): DesignSummary {
    this.flushPoint();
    this.closeAll();
    const any = [...this.blocks.values()][0];
    const hasOutcome = this.col('outcome') >= 0;
    const blocks = [...this.blocks.values()].map((b) => ({
      package: b.package,
      runs: b.runs,
      failed: b.failed,
      shares: hasOutcome
        ? this.outcomes.map((outcome, j) => ({
            outcome,
            n: Math.round(b.acc.total(j)),
            share: b.acc.share(j),
          }))
        : [],
    }));
    const paired = this.pairs.size
      ? [...this.pairs.values()].map((p) => ({
          lever: p.lever,
          reference: this.referenceOf(p.lever)!,
          pairs: p.acc.rows,
          landing: clip(p.acc.mean(0)),
          painTarget: p.acc.mean(1),
          painCoercer: p.acc.mean(2),
        }))
      : null;
    return {
      type: this.info.type,
      clusters: any?.acc.count ?? 0,
      independent: [...this.blocks.values()].every((b) => b.acc.independent),
      warning: representationWarning(this.info),
      blocks,
      paired: hasOutcome ? paired : null,
    };
  }

  /** The setting a lever is compared with: the first package under the same policies, else the first setting. */
  private referenceOf(l: LeverKey): LeverKey | null {
    const ref =
      l.package !== null
        ? this.levers.get(keyOf({ ...l, package: this.firstPackage ?? null }))
        : this.levers.values().next().value;
    return ref && keyOf(ref) !== keyOf(l) ? ref : null;
  }

  private flushPoint(): void {
    for (const [key, byRep] of this.here) {
      const lever = this.levers.get(key)!;
      const ref = this.referenceOf(lever);
      const theirs = ref ? this.here.get(keyOf(ref)) : undefined;
      if (!ref || !theirs) continue;
      const pair = getOr(this.pairs, key, () => ({ lever, acc: new Clustered(3) }));
      for (const [rep, mine] of byRep) {
        const other = theirs.get(rep);
        if (mine && other) pair.acc.add(mine.map((x, j) => x - other[j]!));
      }
    }
    this.here.clear();
  }

  private closeAll(): void {
    for (const b of this.blocks.values()) b.acc.close();
    for (const l of this.landing.values()) l.close();
    for (const p of this.pairs.values()) p.acc.close();
  }
}

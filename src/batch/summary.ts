// The summary of a batch, from its rows (the same code at the end of a batch,
// after a resume and in `aci-sim summarize FILE`): outcome shares with 95%
// Wilson intervals, quantiles of rounds to a deal, deal terms and pain, the
// member states that pay most, and a comparison of lever settings.
import type { Cell, Column } from '../io/writers/columns.js';
import { type DesignInfo, DesignStats, type DesignSummary } from './design-stats.js';
import { QuantileSketch } from './quantile-sketch.js';
import { type Proportion, wilson } from './stats/wilson.js';

export { formatSummary } from './summary-format.js';

export const OUTCOMES = [
  'landing_zone',
  'target_backs_down',
  'coercer_backs_down',
  'spiral',
  'stalemate',
] as const;
export const QUANTILE_PS = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

export interface LeverSummary {
  readonly package: string | null;
  readonly target: string | null;
  readonly coercer: string | null;
  readonly runs: number;
  readonly failed: number;
  readonly landing: Proportion | null;
  readonly medianPainTarget: number;
  readonly medianPainCoercer: number;
  readonly medianRounds: number;
}

export interface Summary {
  /** The two sides as the columns name them (upper case), target first. */
  readonly sides: readonly [string, string];
  readonly runs: number;
  readonly failed: number;
  /**
   * Share of the runs that did not fail (clustered intervals); null when outcomes were not recorded or
   * the batch sweeps packages (see design.blocks: packages are never pooled).
   */
  readonly outcomes: { outcome: string; n: number; share: Proportion }[] | null;
  readonly quantiles: { label: string; n: number; values: number[] }[];
  /** Member states by mean cost (EUR bn), the five highest. */
  readonly states: { id: string; mean: number }[];
  /** One entry per lever setting, when there is more than one. */
  readonly levers: LeverSummary[] | null;
  /** Clusters, one block per package, paired differences, and whether the rows represent the inputs. */
  readonly design: DesignSummary;
}

interface Group {
  package: string | null;
  target: string | null;
  coercer: string | null;
  runs: number;
  failed: number;
  /** Its own sketches; null while it is the only group, whose sketches would equal the totals'. */
  own: { painTarget: QuantileSketch; painCoercer: QuantileSketch; rounds: QuantileSketch } | null;
}

const cellNum = (c: Cell | undefined) => (typeof c === 'number' ? c : Number.NaN);
const cellStr = (c: Cell | undefined) => (typeof c === 'string' ? c : null);

export class SummaryBuilder {
  private readonly at: (name: string) => number;
  private readonly states: { id: string; i: number; sum: number }[];
  private readonly groups = new Map<string, Group>();
  private readonly sketches = {
    rounds: new QuantileSketch(),
    q: new QuantileSketch(),
    painTarget: new QuantileSketch(),
    painCoercer: new QuantileSketch(),
  };
  /** Side keys as the columns write them (policy_eu → eu), target first. */
  private readonly keys: [string, string];
  private runs = 0;
  private failed = 0;
  private readonly design: DesignStats;

  /** `info`: the design (clusters of shared futures); without it each design point is its own cluster. */
  constructor(columns: readonly Column[], info: DesignInfo = { type: 'mc', group: 1 }) {
    const index = new Map(columns.map((c, i) => [c.name, i]));
    this.at = (name) => index.get(name) ?? -1;
    this.states = columns.flatMap((c, i) =>
      c.name.startsWith('state_') ? [{ id: c.name.slice(6), i, sum: 0 }] : [],
    );
    const policy = columns.filter((c) => c.name.startsWith('policy_')).map((c) => c.name.slice(7));
    this.keys = [policy[0] ?? 'target', policy[1] ?? 'coercer'];
    this.design = new DesignStats(columns, OUTCOMES, this.keys, info);
  }

  add(row: readonly Cell[]): void {
    const get = (name: string) => {
      const i = this.at(name);
      return i < 0 ? undefined : row[i];
    };
    const [t, c] = this.keys;
    const g = this.group(cellStr(get('package')), cellStr(get(`policy_${t}`)), cellStr(get(`policy_${c}`)));
    this.design.add(row);
    this.runs++;
    g.runs++;
    if (cellStr(get('error')) !== null) {
      this.failed++;
      g.failed++;
      return;
    }
    const outcome = cellStr(get('outcome'));
    const round = cellNum(get('round'));
    if (outcome === 'landing_zone') {
      g.own?.rounds.add(round);
      this.sketches.rounds.add(round);
      this.sketches.q.add(cellNum(get('q')));
    }
    const pt = cellNum(get(`pain_${t}`));
    const pc = cellNum(get(`pain_${c}`));
    this.sketches.painTarget.add(pt);
    this.sketches.painCoercer.add(pc);
    g.own?.painTarget.add(pt);
    g.own?.painCoercer.add(pc);
    for (const s of this.states) s.sum += cellNum(row[s.i]) || 0;
  }

  private group(pkg: string | null, target: string | null, coercer: string | null): Group {
    const key = `${pkg}\u0000${target}\u0000${coercer}`;
    let g = this.groups.get(key);
    if (!g) {
      // A sketch holds up to a few MB: the only group shares the totals' until a second one comes.
      const first = this.groups.size === 1 ? [...this.groups.values()][0]! : null;
      if (first && !first.own) {
        const { painTarget, painCoercer, rounds } = this.sketches;
        first.own = {
          painTarget: painTarget.clone(),
          painCoercer: painCoercer.clone(),
          rounds: rounds.clone(),
        };
      }
      const own =
        this.groups.size === 0
          ? null
          : {
              painTarget: new QuantileSketch(),
              painCoercer: new QuantileSketch(),
              rounds: new QuantileSketch(),
            };
      g = { package: pkg, target, coercer, runs: 0, failed: 0, own };
      this.groups.set(key, g);
    }
    return g;
  }

  result(): Summary {
    const [t, c] = this.keys;
    const [T, C] = [t.toUpperCase(), c.toUpperCase()];
    const ok = this.runs - this.failed;
    const hasOutcome = this.at('outcome') >= 0;
    const design = this.design.result();
    const one = design.blocks.length === 1 ? design.blocks[0]! : null;
    const outcomes = hasOutcome
      ? one
        ? one.shares
        : design.blocks.length === 0
          ? OUTCOMES.map((outcome) => ({ outcome, n: 0, share: wilson(0, 0) }))
          : null
      : null;
    const q = (label: string, s: QuantileSketch) => ({
      label,
      n: s.count,
      values: QUANTILE_PS.map((p) => s.quantile(p)),
    });
    const quantiles = [
      ...(hasOutcome ? [q('rounds to a deal', this.sketches.rounds)] : []),
      ...(hasOutcome && this.at('q') >= 0 ? [q('deal terms q', this.sketches.q)] : []),
      ...(this.at(`pain_${t}`) >= 0 ? [q(`pain ${T}, EUR bn`, this.sketches.painTarget)] : []),
      ...(this.at(`pain_${c}`) >= 0 ? [q(`pain ${C}, EUR bn`, this.sketches.painCoercer)] : []),
    ];
    const states = this.states
      .map((s) => ({ id: s.id, mean: ok > 0 ? s.sum / ok : Number.NaN }))
      .sort((a, b) => b.mean - a.mean || (a.id < b.id ? -1 : 1))
      .slice(0, 5);
    const levers =
      this.groups.size > 1
        ? [...this.groups.values()].map((g) => ({
            package: g.package,
            target: g.target,
            coercer: g.coercer,
            runs: g.runs,
            failed: g.failed,
            landing: hasOutcome ? this.design.landingOf(g) : null,
            medianPainTarget: (g.own?.painTarget ?? this.sketches.painTarget).quantile(0.5),
            medianPainCoercer: (g.own?.painCoercer ?? this.sketches.painCoercer).quantile(0.5),
            medianRounds: (g.own?.rounds ?? this.sketches.rounds).quantile(0.5),
          }))
        : null;
    return {
      sides: [T, C],
      runs: this.runs,
      failed: this.failed,
      outcomes,
      quantiles,
      states,
      levers,
      design,
    };
  }
}

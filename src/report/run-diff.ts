// Two runs side by side: what differs, the change in each side's pain by
// flow, the change in each member state's support by term of the support
// formula, and — when nothing changed — why an edit reached no decision.
import type { ExplainedRun, Role, Scenario, SupportInputs } from '../engine/index.js';
import { ROLES } from '../engine/index.js';

export interface Side {
  readonly label: string;
  readonly sc: Scenario;
  readonly run: ExplainedRun;
}

export interface FlowChange {
  readonly dependency: string;
  /** 'harm' suffered through the flow, or 'cost' of the side's own measures on it. */
  readonly part: 'harm' | 'cost';
  readonly a: number;
  readonly b: number;
}

export const SUPPORT_TERMS = ['base', 'pain', 'cost', 'pressure', 'solidarity'] as const;
export type SupportTerm = (typeof SUPPORT_TERMS)[number];

export interface SupportChange {
  readonly state: string;
  readonly a: number;
  readonly b: number;
  readonly ballotA: Ballot;
  readonly ballotB: Ballot;
  /** Change in the score from each term alone (the others as in A); `rest`: what no one term explains. */
  readonly terms: Readonly<Record<SupportTerm | 'rest', number>>;
}

type Ballot = 'for' | 'abstain' | 'against';

export interface RunDiff {
  readonly identical: boolean;
  /** Per side, flows whose harm or own cost changed, largest change first. */
  readonly flows: Readonly<Record<Role, readonly FlowChange[]>>;
  /** The round whose support is compared: the first Council vote in either run, else the last round both played. */
  readonly supportRound: number | null;
  readonly supportRoundIsVote: boolean;
  /** States whose score changed, largest change first. */
  readonly support: readonly SupportChange[];
}

const VOTE_CODES = new Set([
  'council/determination-adopted',
  'council/determination-failed',
  'council/determination-rejected',
]);

const firstVote = (r: ExplainedRun): number | null =>
  r.events.find((e) => VOTE_CODES.has(e.code))?.round ?? null;

export function diffRuns(A: Side, B: Side): RunDiff {
  const identical =
    JSON.stringify({ ...A.run, history: [], seed: '' }) ===
    JSON.stringify({ ...B.run, history: [], seed: '' });
  const flows = {
    target: flowChanges(A.run, B.run, 'target'),
    coercer: flowChanges(A.run, B.run, 'coercer'),
  };
  const votes = [firstVote(A.run), firstVote(B.run)].filter((r): r is number => r !== null);
  const common = Math.min(A.run.support.length, B.run.support.length);
  const vote = votes.length > 0 ? Math.min(...votes) : null;
  const round = vote !== null && vote <= common ? vote : common > 0 ? common : null;
  const support =
    round === null
      ? []
      : supportChanges(B.sc, A.run.support[round - 1]!, B.run.support[round - 1]!).filter(
          (s) => Math.abs(s.b - s.a) > 1e-9,
        );
  return {
    identical,
    flows,
    supportRound: round,
    supportRoundIsVote: round !== null && round === vote,
    support,
  };
}

function flowChanges(a: ExplainedRun, b: ExplainedRun, side: Role): FlowChange[] {
  const out: FlowChange[] = [];
  const other = new Map(b.flows.map((f) => [f.dependency, f]));
  const ids = new Set([...a.flows.map((f) => f.dependency), ...b.flows.map((f) => f.dependency)]);
  const fa = new Map(a.flows.map((f) => [f.dependency, f]));
  for (const id of ids) {
    const x = fa.get(id);
    const y = other.get(id);
    for (const part of ['harm', 'cost'] as const) {
      const who = part === 'harm' ? 'harmed' : 'actor';
      const va = x && x[who] === side ? x[part] : 0;
      const vb = y && y[who] === side ? y[part] : 0;
      if (Math.abs(vb - va) >= 0.005) out.push({ dependency: id, part, a: va, b: vb });
    }
  }
  return out.sort((p, q) => Math.abs(q.b - q.a) - Math.abs(p.b - p.a));
}

/** One-at-a-time attribution through B's support formula: each term moved from A's value to B's. */
function supportChanges(
  sc: Scenario,
  a: readonly SupportInputs[],
  b: readonly SupportInputs[],
): SupportChange[] {
  const f = (x: SupportInputs) =>
    sc.formulas.support(x.base, x.painResponse, x.painPct, x.costPct, x.pressure, x.solidarity);
  const ballot = (score: number): Ballot =>
    score >= sc.params.voteFor ? 'for' : score <= sc.params.voteAgainst ? 'against' : 'abstain';
  const byId = new Map(a.map((x) => [x.state, x]));
  const out: SupportChange[] = [];
  for (const y of b) {
    const x = byId.get(y.state);
    if (!x) continue;
    const start = f(x);
    const moved: Record<SupportTerm, SupportInputs> = {
      base: { ...x, base: y.base },
      pain: { ...x, painPct: y.painPct, painResponse: y.painResponse },
      cost: { ...x, costPct: y.costPct },
      pressure: { ...x, pressure: y.pressure },
      solidarity: { ...x, solidarity: y.solidarity },
    };
    const terms = {} as Record<SupportTerm | 'rest', number>;
    let sum = 0;
    for (const t of SUPPORT_TERMS) {
      terms[t] = f(moved[t]) - start;
      sum += terms[t];
    }
    terms.rest = y.score - x.score - sum;
    out.push({
      state: y.state,
      a: x.score,
      b: y.score,
      ballotA: ballot(x.score),
      ballotB: ballot(y.score),
      terms,
    });
  }
  return out.sort((p, q) => Math.abs(q.b - q.a) - Math.abs(p.b - p.a));
}

/** Fields of a member state no formula reads: accepted by --set, they change nothing. */
export const UNREAD_STATE_FIELDS: Readonly<Record<string, string>> = {
  stance: "no formula reads a state's stance (only base_support counts)",
  name: 'a name changes no number',
};

/** Why an edit at `path` left the run unchanged, in one sentence (the run B). */
export function whyUnchanged(path: string, B: Side, A: Side): string {
  const [head, id, ...rest] = path.split('.');
  const diff = diffRuns(A, B);
  if (head === 'measures' && id !== undefined) {
    const peak = Math.max(A.run.peakLevels[id] ?? 0, B.run.peakLevels[id] ?? 0);
    const level = /^levels(?:\[(\d+)\]|$)/.exec(rest.join('.'));
    const k = rest[0] === 'levels' ? Number(rest[1]) : level?.[1] !== undefined ? Number(level[1]) : null;
    if (peak === 0) return `measure ${id} is never raised in this run`;
    // The files' levels[k] is the engine's level k + 1 (level 0 is "off").
    if (k !== null && Number.isInteger(k) && peak < k + 1)
      return `level ${k + 1} of measure ${id} (levels[${k}]) is never reached in this run (highest: ${peak})`;
    return `measure ${id} is used, but the change moves no decision of either side`;
  }
  if (head === 'dependencies' && id !== undefined) {
    const f = [...A.run.flows, ...B.run.flows].filter((x) => x.dependency === id);
    if (f.every((x) => x.peakRestriction === 0 && x.harm === 0 && x.cost === 0))
      return `dependency ${id} is never restricted in this run`;
    return `dependency ${id} is restricted, but the change moves no decision of either side`;
  }
  if ((head === 'states' || head === 'member_states') && id !== undefined) {
    const field = rest[0] ?? '';
    if (UNREAD_STATE_FIELDS[field]) return UNREAD_STATE_FIELDS[field];
    if (diff.supportRound === null) return 'no round was played';
    const s = diff.support.find((x) => x.state === id);
    if (!diff.supportRoundIsVote)
      return `no Council vote is held in this run, so ${id}'s support decides nothing`;
    if (!s) return `${id}'s support at the vote in round ${diff.supportRound} does not change`;
    return `${id}'s support at the vote in round ${diff.supportRound} moves ${s.a.toFixed(2)} → ${s.b.toFixed(2)} but its ballot stays "${s.ballotB}"`;
  }
  return 'the change moves no decision of either side in this run';
}

/** Each side's pain in A and B, EUR bn, for the summary. */
export const painOf = (s: Side): Record<Role, number> =>
  Object.fromEntries(ROLES.map((r) => [r, s.run.pain[r].eurBn])) as Record<Role, number>;

// An experiment's own metrics (io/metric-formula.ts), evaluated on a finished
// run's rounds: each series is one number per round played, in round order.
import { type Role, type RunResult, rungOf, type Scenario, type SimState } from '../engine/index.js';
import type { MetricExpr, OwnMetric } from '../io/metric-formula.js';
import { type Cell, num } from '../io/writers/columns.js';

type Value = number | Float64Array;
type Getter = (st: SimState, round: number) => number;

/** How each series name reads a round's state. */
function getters(sc: Scenario): Map<string, Getter> {
  const g = new Map<string, Getter>();
  const pain = (b: Role) => (st: SimState) => st.pain[b].harm + st.pain[b].cost;
  const last = (b: Role) => (st: SimState) => st.lastPain[b].harm + st.lastPain[b].cost;
  const inForce = (keep: (i: number) => boolean) => (st: SimState) =>
    st.measures.reduce((n, m, i) => n + (m.level > 0 && keep(i) ? 1 : 0), 0);
  g.set('round', (_, round) => round);
  g.set('rung', (st) =>
    rungOf(
      sc,
      st.measures.map((m) => m.level),
    ),
  );
  g.set('peak_rung', (st) => st.peakRung);
  g.set('support', (st) =>
    st.support.length > 0 ? st.support.reduce((a, b) => a + b, 0) / st.support.length : Number.NaN,
  );
  g.set('zone', (st) => (st.zone !== null && st.zone.coercerMin <= st.zone.targetMax ? 1 : 0));
  g.set('deal_q', (st) => st.deal?.q ?? Number.NaN);
  const aci = (i: number) => sc.measures[i]!.bloc === 'target' && sc.measures[i]!.legalBasis === 'aci';
  g.set('aci_measures', inForce(aci));
  for (const b of ['target', 'coercer'] as const) {
    const id = sc.blocs[b].id;
    for (const key of [id, id.toLowerCase(), b]) {
      g.set(`pain.${key}`, pain(b));
      g.set(`round_pain.${key}`, last(b));
      g.set(
        `measures.${key}`,
        inForce((i) => sc.measures[i]!.bloc === b),
      );
    }
  }
  sc.measures.forEach((m, i) => {
    g.set(`level.${m.id}`, (st) => st.measures[i]!.level);
  });
  return g;
}

const lift = (a: Value, b: Value, f: (x: number, y: number) => number): Value => {
  if (typeof a === 'number' && typeof b === 'number') return f(a, b);
  const n = typeof a === 'number' ? (b as Float64Array).length : a.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++)
    out[i] = f(typeof a === 'number' ? a : a[i]!, typeof b === 'number' ? b : b[i]!);
  return out;
};

const truth = (x: number) => (Number.isNaN(x) ? Number.NaN : x !== 0 ? 1 : 0);
const BINARY: Record<string, (x: number, y: number) => number> = {
  '+': (x, y) => x + y,
  '-': (x, y) => x - y,
  '*': (x, y) => x * y,
  '/': (x, y) => x / y,
  '<': (x, y) => (x < y ? 1 : 0),
  '<=': (x, y) => (x <= y ? 1 : 0),
  '>': (x, y) => (x > y ? 1 : 0),
  '>=': (x, y) => (x >= y ? 1 : 0),
  '==': (x, y) => (x === y ? 1 : 0),
  '!=': (x, y) => (x !== y ? 1 : 0),
  and: (x, y) => (truth(x) === 1 && truth(y) === 1 ? 1 : 0),
  or: (x, y) => (truth(x) === 1 || truth(y) === 1 ? 1 : 0),
};

function evaluate(e: MetricExpr, series: (name: string) => Float64Array, rounds: Float64Array): Value {
  const ev = (x: MetricExpr) => evaluate(x, series, rounds);
  switch (e.op) {
    case 'num':
      return e.value;
    case 'series':
      return series(e.name);
    case 'at': {
      const s = ev(e.of) as Float64Array;
      const r = ev(e.round) as number;
      const i = rounds.indexOf(r);
      return i >= 0 ? s[i]! : Number.NaN;
    }
    case 'neg':
      return lift(ev(e.arg), 0, (x) => -x);
    case 'not':
      return lift(ev(e.arg), 0, (x) => (truth(x) === 0 ? 1 : 0));
    case 'call':
      return reduce(e.fn, ev(e.arg) as Float64Array, rounds);
    default:
      return lift(ev(e.left), ev(e.right), BINARY[e.op]!);
  }
}

function reduce(fn: string, s: Float64Array, rounds: Float64Array): number {
  if (fn === 'first') {
    for (let i = 0; i < s.length; i++) if (truth(s[i]!) === 1) return rounds[i]!;
    return Number.NaN;
  }
  if (fn === 'count') return s.reduce((n, x) => n + (truth(x) === 1 ? 1 : 0), 0);
  if (s.length === 0) return Number.NaN;
  if (fn === 'last') return s[s.length - 1]!;
  if (fn === 'max') return s.reduce((a, b) => Math.max(a, b), -Infinity);
  if (fn === 'min') return s.reduce((a, b) => Math.min(a, b), Infinity);
  const sum = s.reduce((a, b) => a + b, 0);
  return fn === 'sum' ? sum : sum / s.length;
}

/** A function from a finished run (with its history) to each own metric's cell. */
export function ownMetricCells(metrics: readonly OwnMetric[], sc: Scenario): (r: RunResult) => Cell[] {
  const get = getters(sc);
  return (r) => {
    const rounds = Float64Array.from(r.history, (h) => h.round);
    const cache = new Map<string, Float64Array>();
    const series = (name: string) => {
      let s = cache.get(name);
      if (!s) {
        const g = get.get(name)!;
        s = Float64Array.from(r.history, (h) => g(h.state, h.round));
        cache.set(name, s);
      }
      return s;
    };
    return metrics.map((m) => num(evaluate(m.expr, series, rounds) as number));
  };
}

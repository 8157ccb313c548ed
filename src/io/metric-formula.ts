// The small language of an experiment's own metrics: a formula over a run's
// per-round series that gives one number per run.
//   series    pain.EU, round_pain.CN, rung, support, level.<measure>, …
//             (a value per round played; see seriesNames)
//   s[r]      the value after round r (1 = the first round; missing if the
//             run ended before r)
//   first(c)  the first round where condition c holds (missing if never)
//   count(c)  how many rounds c holds; last(s), max(s), min(s), sum(s), mean(s)
//   + - * /, comparisons < <= > >= == != (1 or 0), and, or, not, ( )
// A series combined with a number is a series, round by round; the formula
// must give a number, not a series. Parsed and checked when the experiment
// loads; the tree is plain data, evaluated per run by src/batch/own-metrics.ts.
import { didYouMean } from './did-you-mean.js';

export type MetricExpr =
  | { readonly op: 'num'; readonly value: number }
  | { readonly op: 'series'; readonly name: string }
  | { readonly op: 'at'; readonly of: MetricExpr; readonly round: MetricExpr }
  | { readonly op: 'call'; readonly fn: MetricFn; readonly arg: MetricExpr }
  | { readonly op: 'not' | 'neg'; readonly arg: MetricExpr }
  | { readonly op: BinaryOp; readonly left: MetricExpr; readonly right: MetricExpr };

export const FUNCTIONS = ['first', 'count', 'last', 'max', 'min', 'sum', 'mean'] as const;
export type MetricFn = (typeof FUNCTIONS)[number];
export type BinaryOp = '+' | '-' | '*' | '/' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'and' | 'or';

/** A metric the experiment defines: its name (the output column), formula and parsed tree. */
export interface OwnMetric {
  readonly name: string;
  readonly formula: string;
  readonly expr: MetricExpr;
}

/** A problem at a character offset of the formula. */
export interface FormulaError {
  readonly offset: number;
  readonly message: string;
}

/** The series names a scenario's runs have: its two sides by id (and role), its measures. */
export function seriesNames(sides: readonly [string, string], measures: readonly string[]): string[] {
  const side = (s: string) => [s, s.toLowerCase()];
  const keys = [...sides.flatMap(side), 'target', 'coercer'];
  return [
    ...['round', 'rung', 'peak_rung', 'support', 'zone', 'deal_q', 'aci_measures'],
    ...['pain', 'round_pain', 'measures'].flatMap((s) => keys.map((k) => `${s}.${k}`)),
    ...measures.map((m) => `level.${m}`),
  ];
}

interface Token {
  readonly kind: 'num' | 'name' | 'op';
  readonly text: string;
  readonly at: number;
}

const TOKEN =
  /\s*(?:(\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)|([A-Za-z_][\w]*(?:\.[A-Za-z_][\w-]*)?)|(<=|>=|==|!=|[-+*/<>()[\]]))/y;

function tokenize(text: string): Token[] | FormulaError {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) {
      const bad = at + (text.slice(at).length - text.slice(at).trimStart().length);
      return { offset: bad, message: `unexpected "${text[bad]}"` };
    }
    const start = TOKEN.lastIndex - m[0].trimStart().length;
    out.push({ kind: m[1] ? 'num' : m[2] ? 'name' : 'op', text: m[1] ?? m[2] ?? m[3]!, at: start });
    at = TOKEN.lastIndex;
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(
    private readonly t: readonly Token[],
    private readonly end: number,
  ) {}
  private peek = () => this.t[this.i];
  private fail(message: string, tok = this.peek()): never {
    throw { offset: tok?.at ?? this.end, message } satisfies FormulaError;
  }
  private take(text: string): void {
    if (this.peek()?.text !== text) this.fail(`expected "${text}"${this.peek() ? '' : ' at the end'}`);
    this.i++;
  }
  whole(): MetricExpr {
    if (this.t.length === 0) this.fail('the formula is empty');
    const e = this.or();
    if (this.peek()) this.fail(`unexpected "${this.peek()!.text}"`);
    return e;
  }
  private binary(next: () => MetricExpr, ops: readonly string[]): MetricExpr {
    let left = next();
    while (this.peek() && ops.includes(this.peek()!.text)) {
      const op = this.t[this.i++]!.text as BinaryOp;
      left = { op, left, right: next() };
    }
    return left;
  }
  private or = (): MetricExpr => this.binary(this.and, ['or']);
  private and = (): MetricExpr => this.binary(this.not, ['and']);
  private not = (): MetricExpr => {
    if (this.peek()?.text !== 'not') return this.compare();
    this.i++;
    return { op: 'not', arg: this.not() };
  };
  private compare = (): MetricExpr => this.binary(this.sum, ['<', '<=', '>', '>=', '==', '!=']);
  private sum = (): MetricExpr => this.binary(this.product, ['+', '-']);
  private product = (): MetricExpr => this.binary(this.unary, ['*', '/']);
  private unary = (): MetricExpr => {
    if (this.peek()?.text !== '-') return this.postfix();
    this.i++;
    return { op: 'neg', arg: this.unary() };
  };
  private postfix(): MetricExpr {
    let e = this.atom();
    while (this.peek()?.text === '[') {
      this.i++;
      const round = this.or();
      this.take(']');
      e = { op: 'at', of: e, round };
    }
    return e;
  }
  private atom(): MetricExpr {
    const tok = this.peek();
    if (!tok) return this.fail('the formula ends too soon');
    this.i++;
    if (tok.kind === 'num') return { op: 'num', value: Number(tok.text) };
    if (tok.text === '(') {
      const e = this.or();
      this.take(')');
      return e;
    }
    if (tok.kind !== 'name' || ['and', 'or', 'not'].includes(tok.text))
      this.fail(`unexpected "${tok.text}"`, tok);
    if (this.peek()?.text === '(') {
      if (!(FUNCTIONS as readonly string[]).includes(tok.text))
        this.fail(
          `unknown function "${tok.text}"${didYouMean(tok.text, FUNCTIONS)} (functions: ${FUNCTIONS.join(', ')})`,
          tok,
        );
      this.i++;
      const arg = this.or();
      this.take(')');
      return { op: 'call', fn: tok.text as MetricFn, arg };
    }
    return { op: 'series', name: tok.text, at: tok.at } as MetricExpr;
  }
}

type Kind = 'number' | 'series';

/** Parses and checks a formula against the series a run has; the tree, or the first problem. */
export function parseMetric(text: string, series: readonly string[]): MetricExpr | FormulaError {
  const tokens = tokenize(text);
  if (!Array.isArray(tokens)) return tokens;
  let tree: MetricExpr;
  try {
    tree = new Parser(tokens, text.length).whole();
  } catch (e) {
    return e as FormulaError;
  }
  const base = series.map((s) => s.split('.')[0]!);
  const kindOf = (e: MetricExpr): Kind => {
    switch (e.op) {
      case 'num':
        return 'number';
      case 'series': {
        if (series.includes(e.name)) return 'series';
        const at = (e as { at?: number }).at ?? 0;
        const head = e.name.split('.')[0]!;
        const hint = base.includes(head)
          ? ` (${head}.<…>: ${series.filter((s) => s.startsWith(`${head}.`)).join(', ')})`
          : didYouMean(e.name, [...new Set([...series, ...base])]);
        throw { offset: at, message: `unknown series "${e.name}"${hint}` } satisfies FormulaError;
      }
      case 'at':
        if (kindOf(e.of) !== 'series')
          throw { offset: 0, message: '[r] takes the value of a series at round r' };
        if (kindOf(e.round) !== 'number') throw { offset: 0, message: 'a round in [ ] must be a number' };
        return 'number';
      case 'call':
        if (kindOf(e.arg) !== 'series')
          throw { offset: 0, message: `${e.fn}( ) takes a series (a value per round), not a number` };
        return 'number';
      case 'not':
      case 'neg':
        return kindOf(e.arg);
      default:
        return kindOf(e.left) === 'series' || kindOf(e.right) === 'series' ? 'series' : 'number';
    }
  };
  try {
    if (kindOf(tree) === 'series')
      return {
        offset: 0,
        message:
          'gives a series (a value per round), not a number: take one with s[r], first( ), last( ), max( ), …',
      };
  } catch (e) {
    return e as FormulaError;
  }
  return strip(tree);
}

/** The tree without the parser's offsets (what is hashed and sent to workers). */
function strip(e: MetricExpr): MetricExpr {
  switch (e.op) {
    case 'num':
      return e;
    case 'series':
      return { op: 'series', name: e.name };
    case 'at':
      return { op: 'at', of: strip(e.of), round: strip(e.round) };
    case 'call':
      return { op: 'call', fn: e.fn, arg: strip(e.arg) };
    case 'not':
    case 'neg':
      return { op: e.op, arg: strip(e.arg) };
    default:
      return { op: e.op, left: strip(e.left), right: strip(e.right) };
  }
}

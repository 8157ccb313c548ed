import { fc, test } from '@fast-check/vitest';
import { all, create } from 'mathjs';
import { describe, expect, it } from 'vitest';
import {
  ALLOWED_FUNCTIONS,
  type CompiledFormula,
  compileFormula,
  compileFormulaSource,
} from '../../src/model/formula.js';
import { instantiateFormula, sourceOfFormula } from '../../src/model/formula-runtime.js';

// Reference evaluator: a separate mathjs instance with the compiler's config, plus our two helpers
// defined through mathjs's own functions.
const ref = create(all!, { predictable: true });
ref.import({
  clamp: (x: number, lo: number, hi: number) => ref.min(ref.max(x, lo), hi),
  logistic: (x: number) => ref.divide(1, ref.add(1, ref.exp(ref.unaryMinus(x) as number))),
});
const mathjs = (src: string, scope: Record<string, number>): number => {
  const v: unknown = ref.evaluate(src, { ...scope });
  if (typeof v !== 'number' && typeof v !== 'boolean') throw new Error(`mathjs gave ${String(v)} for ${src}`);
  return Number(v);
};

// Exact agreement; NaN matches NaN, and 0 matches -0 (=== semantics).
const same = (a: number, b: number): boolean => (Number.isNaN(a) ? Number.isNaN(b) : a === b);
const show = (x: number) => (Object.is(x, -0) ? '-0' : String(x));

/**
 * The compiled function, checked on every call against the cached path: the generated source
 * after a trip through JSON (as the cache file and the batch workers receive it), instantiated
 * without the compiler, must give the same result.
 */
function compile(src: string, vars: readonly string[]): CompiledFormula {
  const res = compileFormula(src, vars);
  if (!res.ok) throw new Error(`${src}: ${res.errors.map((e) => e.message).join('; ')}`);
  const generated = compileFormulaSource(src, vars);
  if (!generated.ok) throw new Error(`${src}: source and function disagree on validity`);
  const shipped = instantiateFormula(JSON.parse(JSON.stringify(generated.source)) as string);
  if (sourceOfFormula(res.fn) !== generated.source) throw new Error(`${src}: function has another source`);
  return (...args: number[]) => {
    const a = res.fn(...args);
    const b = shipped(...args);
    if (!same(a, b) || Object.is(a, -0) !== Object.is(b, -0))
      throw new Error(`${src}: cached source gives ${show(b)}, compiled ${show(a)}`);
    return a;
  };
}

const run = (src: string, scope: Record<string, number> = {}): number =>
  compile(src, Object.keys(scope))(...Object.values(scope));

const MODEL = { r: 2, phi: 0.1, alt: 0.5, g7: 0.3 };

describe('compileFormula: valid formulas', () => {
  const cases: [string, Record<string, number>, number][] = [
    ['r * (1 - phi) * (1 - alt * (1 - g7))', MODEL, 2 * 0.9 * (1 - 0.5 * 0.7)],
    ['-2^2', {}, -4],
    ['2^-1', {}, 0.5],
    ['2^3^2', {}, 512],
    ['(-8)^(1/3)', {}, -2],
    ['x^(4/3)', { x: -8 }, 15.999999999999998],
    ['(-2)^0.5', {}, NaN],
    ['sqrt(-1)', {}, NaN],
    ['log(-1)', {}, NaN],
    ['log(0)', {}, -Infinity],
    ['log(8, 2)', {}, 3],
    ['exp(0) + abs(-3) + sign(-2)', {}, 3],
    ['pow(2, 10)', {}, 1024],
    ['round(2.5) + round(-2.5)', {}, 0],
    ['round(-2.5)', {}, -3],
    ['round(2.4999999999999996)', {}, 3], // mathjs pre-rounds to 12 decimals
    ['floor(0.1 * 3 * 10)', {}, 3],
    ['ceil(0.1 * 3 * 10)', {}, 3], // 3.0000000000000004 is "nearly" 3
    ['1 / 0', {}, Infinity],
    ['0 / 0', {}, NaN],
    ['2 > 1', {}, 1],
    ['(2 > 1) + 1', {}, 2],
    ['0.1 + 0.2 == 0.3', {}, 1], // comparisons use relTol 1e-12
    ['0.1 + 0.2 != 0.3', {}, 0],
    ['1 < 1 + 1e-13', {}, 0],
    ['1 <= 1 - 1e-13', {}, 1],
    ['x > 0 ? x : -x', { x: -3 }, 3],
    ['x ? 1 : 2', { x: Number.NaN }, 2],
    ['not 0', {}, 1],
    ['1 and 0', {}, 0],
    ['0 or 2', {}, 1],
    ['min(3, 1, 2) + max(3, 1, 2)', {}, 4],
    ['min(3, x, 1)', { x: Number.NaN }, NaN],
    ['min(5)', {}, 5],
    ['clamp(x, 0, 1)', { x: 1.7 }, 1],
    ['clamp(x, 0, 1)', { x: -0.2 }, 0],
    ['logistic(0)', {}, 0.5],
    ['tanh(0)', {}, 0],
    ['50%', {}, 0.5],
    ['2x + 1', { x: 3 }, 7],
    ['pi', {}, Math.PI],
    ['e', {}, Math.E],
    ['e + 1', { e: 3 }, 4], // a declared variable shadows the constant, as in mathjs
    ['new * class + this', { new: 2, class: 3, this: 1 }, 7],
    ['NaN', {}, NaN],
    ['Infinity - 1', {}, Infinity],
    ['0x10 + 1e3 + .5', {}, 1016.5],
  ];
  it.each(cases)('%s', (src, scope, expected) => {
    const got = run(src, scope);
    expect(same(got, expected), `got ${show(got)}`).toBe(true);
    expect(same(got, mathjs(src, scope)), 'agrees with mathjs').toBe(true);
  });

  it('takes variables positionally in declaration order and lists the ones used', () => {
    const res = compileFormula('g7 * 10 + r + r', ['r', 'phi', 'alt', 'g7']);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.symbols).toEqual(['g7', 'r']);
    expect(res.fn.length).toBe(4);
    expect(res.fn(1, 0, 0, 2)).toBe(22);
  });

  it('builds a plain JS function over renamed parameters, returning numbers', () => {
    const fn = compile('class > 0 and not (e < 1)', ['class']);
    const res = compileFormula('class > 0 and not (e < 1)', ['class']);
    expect(res.ok && res.fn.toString()).toBe(
      'function formula(v0) { return (gt(v0, (0)) && (lt((2.718281828459045), (1)) ? 0 : 1) ? 1 : 0); }',
    );
    expect(typeof fn(2)).toBe('number');
    expect(fn(2)).toBe(1);
  });

  it('exports the function allowlist', () => {
    expect(ALLOWED_FUNCTIONS).toEqual([
      'min',
      'max',
      'abs',
      'exp',
      'log',
      'sqrt',
      'pow',
      'floor',
      'ceil',
      'round',
      'sign',
      'clamp',
      'tanh',
      'logistic',
    ]);
  });
});

describe('compileFormula: rejected formulas', () => {
  const VARS = ['r', 'phi', 'alt', 'g7'];
  const FNS = 'min, max, abs, exp, log, sqrt, pow, floor, ceil, round, sign, clamp, tanh, logistic';
  const OPS = '+ - * / ^ < <= > >= == != and or not';
  const nest = (n: number) => `${'('.repeat(n)}r${')'.repeat(n)}`;
  const cases: [string, string[]][] = [
    ['x = 5', ['forbidden-node: assignment is not allowed in a formula']],
    ['f(x) = x^2', ['forbidden-node: function definitions are not allowed']],
    [
      'import({}, {})',
      [
        `unknown-function: function "import" is not allowed (allowed: ${FNS})`,
        'forbidden-node: objects are not allowed',
      ],
    ],
    [
      'evaluate("1+1")',
      [
        `unknown-function: function "evaluate" is not allowed (allowed: ${FNS})`,
        'forbidden-node: strings are not allowed',
      ],
    ],
    [
      'createUnit("foo")',
      [
        `unknown-function: function "createUnit" is not allowed (allowed: ${FNS})`,
        'forbidden-node: strings are not allowed',
      ],
    ],
    ['r.b', ['forbidden-node: property access is not allowed']],
    ['r["b"]', ['forbidden-node: property access is not allowed']],
    [
      'r.b(1)',
      [
        'forbidden-node: only named functions can be called',
        'forbidden-node: property access is not allowed',
      ],
    ],
    ['[1,2]', ['forbidden-node: arrays and matrices are not allowed']],
    [
      'matrix([1,2])',
      [
        `unknown-function: function "matrix" is not allowed (allowed: ${FNS})`,
        'forbidden-node: arrays and matrices are not allowed',
      ],
    ],
    ['"str"', ['forbidden-node: strings are not allowed']],
    ['true + 1', ['forbidden-node: booleans are not allowed (use 1 or 0)']],
    ['foo(1)', [`unknown-function: function "foo" is not allowed (allowed: ${FNS})`]],
    ['mx(r, 1)', ['unknown-function: function "mx" is not allowed — did you mean "max"?']],
    ['round(r, 2)', ['unknown-function: function "round" takes 1 argument, got 2']],
    ['clamp(r, 0)', ['unknown-function: function "clamp" takes 3 arguments, got 2']],
    ['min()', ['unknown-function: function "min" takes at least 1 argument, got 0']],
    ['r(2)', ['unknown-function: "r" is a variable, not a function']],
    ['max + 1', ['unknown-symbol: "max" is a function, not a variable; call it like max(…)']],
    ['unknownVar + 1', ['unknown-symbol: unknown symbol "unknownVar" (allowed: r, phi, alt, g7)']],
    ['rr * 2', ['unknown-symbol: unknown symbol "rr" (allowed: r, phi, alt, g7)']],
    ['ph * 2', ['unknown-symbol: unknown symbol "ph" — did you mean "phi"?']],
    [
      'r * (1 - pih) * (1 - atl * g8)',
      [
        'unknown-symbol: unknown symbol "pih" — did you mean "phi"?',
        'unknown-symbol: unknown symbol "atl" — did you mean "alt"?',
        'unknown-symbol: unknown symbol "g8" — did you mean "g7"?',
      ],
    ],
    ['5 cm', ['unknown-symbol: unknown symbol "cm" (allowed: r, phi, alt, g7)']],
    ['1:3', ['forbidden-node: ranges (a:b) are not allowed']],
    ['r; phi', ['forbidden-node: multiple statements are not allowed (found ";" or a line break)']],
    ['r < phi < alt', ['forbidden-node: chained comparisons are not allowed (write (a < b) and (b < c))']],
    ['r % 2', [`forbidden-node: operator "%" is not allowed (allowed: ${OPS})`]],
    ['r!', [`forbidden-node: operator "!" is not allowed (allowed: ${OPS})`]],
    [
      'r to cm',
      [
        `forbidden-node: operator "to" is not allowed (allowed: ${OPS})`,
        'unknown-symbol: unknown symbol "cm" (allowed: r, phi, alt, g7)',
      ],
    ],
    [nest(64), ['too-deep: formula nests deeper than 64 levels']],
    [nest(200), ['too-deep: formula nests deeper than 64 levels']],
    [nest(990), ['too-deep: formula nests deeper than 64 levels']], // mathjs's parser overflows the stack
    ['r + '.repeat(501), ['too-long: formula is 2004 characters long (max 2000)']],
    ['1+', ['syntax: syntax error: unexpected end of expression (char 3)']],
    ['r +* 2', ['syntax: syntax error: value expected (char 4)']],
    ['  ', ['syntax: formula is empty']],
  ];
  const named = cases.map(([src, expected]) => {
    const name = src.length > 40 ? `${src.slice(0, 20)}… (${src.length} chars)` : src;
    return [name, src, expected] as const;
  });
  it.each(named)('%s', (_name, src, expected) => {
    const res = compileFormula(src, VARS);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.errors.map((e) => `${e.code.replace('formula/', '')}: ${e.message}`)).toEqual(expected);
  });

  it('accepts exactly 63 nested parentheses (64 levels with the symbol) and 2000 characters', () => {
    expect(compileFormula(nest(63), VARS).ok).toBe(true);
    const long = `${'r - '.repeat(499)}r   `;
    expect(long.length).toBe(2000);
    expect(run(long, { r: 1 })).toBe(-498); // a flat chain is one level, however long
    expect(compileFormula(`${'r^'.repeat(64)}r`, VARS).ok).toBe(false); // ^ nests to the right
  });
});

// Random expression trees, emitted with and without optional parentheses so precedence is exercised.
// Comparisons are always parenthesised: a < b < c would be a (rejected) chained comparison.
const VARS = ['a', 'b', 'c'] as const;
const paren = (s: string, wrap: boolean) => (wrap ? `(${s})` : s);
const leaf = fc.oneof(
  fc.constantFrom(...VARS),
  fc.integer({ min: 0, max: 10 }).map(String),
  fc.double({ min: 0, max: 1e3, noNaN: true }).map(String),
  fc.constantFrom('0.5', '0.1', '1e-3', '2.5', '1e300', 'pi', 'e'),
);
const { expr } = fc.letrec<{ expr: string }>((tie) => {
  const e = tie('expr');
  const call = (names: string[], n: number) =>
    fc
      .tuple(fc.constantFrom(...names), fc.array(e, { minLength: n, maxLength: n }))
      .map(([f, args]) => `${f}(${args.join(', ')})`);
  return {
    expr: fc.oneof(
      { maxDepth: 5, depthIdentifier: 'expr' },
      leaf,
      fc.tuple(fc.constantFrom('-', '+', 'not '), e, fc.boolean()).map(([op, x, w]) => `${op}${paren(x, w)}`),
      fc
        .tuple(e, fc.constantFrom('+', '-', '*', '/', '^', 'and', 'or'), e, fc.boolean())
        .map(([x, op, y, w]) => paren(`${x} ${op} ${y}`, w)),
      fc
        .tuple(e, fc.constantFrom('<', '<=', '>', '>=', '==', '!='), e)
        .map(([x, op, y]) => `(${x} ${op} ${y})`),
      // mathjs cannot parse an unparenthesised conditional as the true branch: a ? b ? c : d : e.
      fc.tuple(e, e, e, fc.boolean()).map(([c, x, y, w]) => paren(`${c} ? (${x}) : ${y}`, w)),
      call(['abs', 'exp', 'log', 'sqrt', 'floor', 'ceil', 'round', 'sign', 'tanh', 'logistic'], 1),
      call(['pow', 'log', 'min', 'max'], 2),
      call(['min', 'max', 'clamp'], 3),
      call(['min', 'max'], 1),
    ),
  };
});
const value = fc.oneof(
  fc.double(), // includes NaN, ±Infinity, -0 and extremes
  fc.integer({ min: -10, max: 10 }),
  fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: 1, max: 12 })).map(([n, d]) => n / d),
  fc.constantFrom(0, -0, 0.5, -0.5, 2.5, -2.5, -8, 1e-300, 0.1 + 0.2),
);

describe('compileFormula: agrees with mathjs evaluate', () => {
  // No tolerance is needed: the runtime helpers port mathjs's number code, so results are bit-identical
  // (0 vs -0 is accepted, as the brief allows).
  test.prop([expr, value, value, value], { numRuns: 3000 })('random formulas', (src, a, b, c) => {
    const scope = { a, b, c };
    const got = compile(src, VARS)(a, b, c);
    const want = mathjs(src, scope);
    expect(
      same(got, want),
      `${src} @ a=${show(a)} b=${show(b)} c=${show(c)}: ${show(got)} vs ${show(want)}`,
    ).toBe(true);
  });

  // Negative base, fractional exponent: mathjs finds a real root via fraction.js's Farey approximation.
  // mathjs's own walk takes up to 1e7 steps for tiny exponents, so those are limited to a few constants.
  const exponent = fc.oneof(
    fc.tuple(fc.double({ min: 1e-3, max: 10, noNaN: true }), fc.boolean()).map(([y, neg]) => (neg ? -y : y)),
    fc.tuple(fc.integer({ min: -30, max: 30 }), fc.integer({ min: 1, max: 30 })).map(([n, d]) => n / d),
    fc.constantFrom(
      1e-8,
      -1e-8,
      0.5000000001,
      1 / 3 + 1e-15,
      2.0000001,
      1e-300,
      4503599627370495.5,
      99.99999999999999,
    ),
  );
  test.prop([fc.double({ min: -1e3, max: -1e-3, noNaN: true }), exponent], { numRuns: 500 })(
    'x ^ y for negative x',
    (x, y) => {
      const got = compile('x ^ y', ['x', 'y'])(x, y);
      const want = mathjs('x ^ y', { x, y });
      expect(same(got, want), `${show(x)} ^ ${show(y)}: ${show(got)} vs ${show(want)}`).toBe(true);
    },
  );

  // Values within a few 1e-13 of integers and half-integers, where mathjs's epsilon handling kicks in.
  const nearHalf = fc
    .tuple(fc.integer({ min: -1000, max: 1000 }), fc.constantFrom(0, 0.5), fc.integer({ min: -40, max: 40 }))
    .map(([k, h, j]) => k + h + j * 1e-13);
  test.prop([nearHalf], { numRuns: 2000 })('round, floor and ceil near (half-)integers', (x) => {
    for (const f of ['round', 'floor', 'ceil']) {
      const got = compile(`${f}(x)`, ['x'])(x);
      const want = mathjs(`${f}(x)`, { x });
      expect(same(got, want), `${f}(${x}): ${show(got)} vs ${show(want)}`).toBe(true);
    }
  });
});

describe('compileFormula: regressions found by the property', () => {
  // fast-check seed 2109731106: floor of a tiny negative number is +0 in mathjs, so a / floor(c) is +Infinity.
  it('floor(-5e-324) is +0 as in mathjs', () => {
    expect(Object.is(compile('floor(c)', ['c'])(-5e-324), 0)).toBe(true);
    expect(compile('min(0, a / floor(c))', ['a', 'c'])(1, -5e-324)).toBe(0);
  });
});

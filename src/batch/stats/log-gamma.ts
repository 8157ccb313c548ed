// ln Γ(x) for x > 0: Lanczos approximation (g = 7, 9 terms), relative error
// about 1e-15 for x ≥ 0.5; below that via ln Γ(x) = ln Γ(x+1) − ln x.
// Cannot: x ≤ 0 (returns NaN); loses digits of ln Γ(a+b) − ln Γ(a) − ln Γ(b)
// when a and b are both huge.

const G = 7;
const C = [
  0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LN_2PI = 0.9189385332046728;

export function logGamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x < 0.5) return logGamma(x + 1) - Math.log(x);
  const z = x - 1;
  let sum = C[0]!;
  for (let i = 1; i < C.length; i++) sum += C[i]! / (z + i);
  const t = z + G + 0.5;
  return HALF_LN_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

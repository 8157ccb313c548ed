// The standard normal CDF through the complementary error function, by the
// Chebyshev fit of Numerical Recipes (erfcc, §6.2): fractional error below
// 1.2e-7 everywhere, tails included, which is what truncating a normal
// needs (the bounds' probabilities, not the values, carry the error).
// Cannot: more than 7 significant digits.

/** erfc(x) with relative error < 1.2e-7. */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** P(Z ≤ x) for a standard normal Z. */
export const normalCdf = (x: number): number => 0.5 * erfc(-x / Math.SQRT2);

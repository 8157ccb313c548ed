// Upper bounds on every number that sizes a loop or an allocation, so that a
// typo (`--rounds 1e9`, `horizon: 1e9`) is a clear message, not minutes of
// work and gigabytes of memory. Each is far above any sensible value.

/** Rounds of a game: 1,000 monthly rounds are 83 years. */
export const MAX_ROUNDS = 1000;
/** Rounds a side projects ahead (two arrays of 2·horizon per projection). */
export const MAX_HORIZON = 240;
/** Months per round. */
export const MAX_ROUND_MONTHS = 120;
/** Rounds of one stage of the Anti-Coercion Instrument's procedure. */
export const MAX_STAGE_ROUNDS = 1000;
/** Runs of a batch (--runs, a design's n, replications). */
export const MAX_RUNS = 100_000_000;
/** Levels per factor of a grid or Morris design. */
export const MAX_LEVELS = 1000;
/** Values a design that is built in memory (lhs, grid, sobol, morris) may hold: rows × parameters. */
export const MAX_DESIGN_VALUES = 20_000_000;
/** Worker threads of a batch (each holds a copy of the compiled scenario). */
export const MAX_WORKERS = 1024;

// The metric names of experiment files, without the schema (the CLI's help
// text needs them without loading zod).

/** Scalar metrics a run can record, besides those of a side and `state:<code>` (and `state:*`). */
export const METRICS = [
  'outcome',
  'round',
  'q',
  'peak_rung',
  'min_qm_margin',
  'deals_broken',
  'rounds_played',
] as const;

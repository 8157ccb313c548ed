// The metric names of experiment files, without the schema (the CLI's help
// text needs them without loading zod).

/** Scalar metrics a run can record, besides `state:<code>` (and `state:*`). */
export const METRICS = [
  'outcome',
  'round',
  'q',
  'pain_eu',
  'pain_cn',
  'pain_eu_pct',
  'pain_cn_pct',
  'peak_rung',
  'min_qm_margin',
  'substitution_eu',
  'substitution_cn',
  'deals_broken',
  'rounds_played',
] as const;

// Run ids: `p<point>-l<lever>-r<replication>`, zero-padded to the plan's
// widths so that sorting the ids as text sorts them in plan order.

export interface IdWidths {
  readonly points: number;
  readonly levers: number;
  readonly replications: number;
}

const digits = (count: number) => String(Math.max(0, count - 1)).length;

export const idWidths = (points: number, levers: number, replications: number): IdWidths => ({
  points: digits(points),
  levers: digits(levers),
  replications: digits(replications),
});

export const formatRunId = (w: IdWidths, point: number, lever: number, rep: number): string =>
  `p${String(point).padStart(w.points, '0')}-l${String(lever).padStart(w.levers, '0')}-r${String(rep).padStart(w.replications, '0')}`;

const RUN_ID = /^p(\d+)-l(\d+)-r(\d+)$/;

/** Point, lever and replication of a run id; null when it is not one. */
export function parseRunId(id: string): { point: number; lever: number; replication: number } | null {
  const m = RUN_ID.exec(id);
  return m ? { point: Number(m[1]), lever: Number(m[2]), replication: Number(m[3]) } : null;
}

/** Plan dimensions: design points × lever settings × replications, in that nesting. */
export interface PlanDims {
  readonly points: number;
  readonly levers: number;
  readonly replications: number;
}

/** Point, lever and replication of plan position k (replication varies fastest). */
export function splitPosition(d: PlanDims, k: number): { point: number; lever: number; replication: number } {
  const replication = k % d.replications;
  const rest = (k - replication) / d.replications;
  const lever = rest % d.levers;
  return { point: (rest - lever) / d.levers, lever, replication };
}

/** The run id at plan position k. */
export function runIdAt(
  d: PlanDims,
  k: number,
  w: IdWidths = idWidths(d.points, d.levers, d.replications),
): string {
  const s = splitPosition(d, k);
  return formatRunId(w, s.point, s.lever, s.replication);
}

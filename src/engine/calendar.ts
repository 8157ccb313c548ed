// Rounds as calendar months.
import type { Scenario } from './types.js';

/** 'YYYY-MM' of a round, counting from the scenario's start month. */
export function monthOf(sc: Pick<Scenario, 'startDate' | 'roundMonths'>, round: number): string {
  const [y, m] = sc.startDate.split('-').map(Number) as [number, number];
  const idx = y * 12 + (m - 1) + (round - 1) * sc.roundMonths;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
}

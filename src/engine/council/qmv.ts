// Qualified majority voting in the Council and in comitology committees.
//
// The rules (Art. 16(4) TEU, Art. 238(3) TFEU; Council factsheet of 29 Sep 2014;
// Reg. 182/2011 Art. 5(1) for the examination procedure; ACI Art. 18):
// - a qualified majority FOR needs at least 55% of the member states
//   (15 of 27; in general ceil(0.55 · n)) representing at least 65% of the
//   EU population;
// - abstaining and absent states are simply "not for";
// - a blocking minority needs at least 4 states representing more than 35% of
//   the population; when fewer than 4 states are not for, the qualified
//   majority is deemed reached even below 65% of the population (it still
//   needs 55% of the states);
// - a qualified majority AGAINST is the same test applied to the states voting
//   against (deemed reached when fewer than 4 states do not vote against).
//
// Arithmetic is done on integers so that thresholds are exact: a share of
// 18.49% is held as 184_900 units of 0.0001 percentage points. The Council's
// table has two decimals, so this is exact; finer shares are rounded to four.
//
// The Council's shares are rounded to 0.01% and need not add up to 100 (the
// 2025 table sums to 100.01). The thresholds are therefore taken of the total
// of the table, i.e. a group passes when share / total ≥ 0.65 — not when its
// share ≥ 65.00. With a table summing to exactly 100.00, a group holding 65.00
// passes; with the 2025 table, a group needs 65.01 (65.00 / 100.01 < 0.65).

export type Vote = 'for' | 'against' | 'abstain' | 'absent';

export const VOTES: readonly Vote[] = ['for', 'against', 'abstain', 'absent'];

export interface VoteTally {
  states: number;
  /** % of EU population: the sum of the Council's shares of the states in the group. */
  population: number;
}

export interface QmvMargin {
  /** States in the group minus the states needed (ceil(0.55 · n)). */
  states: number;
  /**
   * Population share of the group minus 65% of the table's total, in
   * percentage points (for the 2025 table: population − 65.0065). Its sign
   * agrees with the population test: ≥ 0 exactly when that test is met.
   */
  population: number;
}

export interface QmvResult {
  for: VoteTally;
  against: VoteTally;
  abstain: VoteTally;
  absent: VoteTally;
  qualifiedMajorityFor: boolean;
  qualifiedMajorityAgainst: boolean;
  /** The states NOT voting for form a blocking minority: ≥ 4 states and > 35% of the population. */
  blockingMinority: boolean;
  /** A qualified majority for was reached only because fewer than 4 states are not for. */
  deemedFor: boolean;
  /** A qualified majority against was reached only because fewer than 4 states do not vote against. */
  deemedAgainst: boolean;
  /** How far above (+) or below (−) each threshold the "for" group is. */
  marginFor: QmvMargin;
  /** How far above (+) or below (−) each threshold the "against" group is. */
  marginAgainst: QmvMargin;
}

/** Units of a percentage point used for exact arithmetic: 1% = 10 000 units. */
const UNITS_PER_POINT = 10_000;
/** A blocking minority needs at least this many states. */
const MIN_BLOCKING_STATES = 4;

/** States needed for a qualified majority: ceil(55% of n), computed in integers (0.55 · 20 is 11.000000000000002 in floating point). */
export function statesNeeded(memberStates: number): number {
  return Math.floor((55 * memberStates + 99) / 100);
}

function toUnits(share: number, code: string): number {
  if (!Number.isFinite(share) || share < 0) {
    throw new RangeError(`population share of ${code} must be a finite number ≥ 0, got ${share}`);
  }
  return Math.round(share * UNITS_PER_POINT);
}

function checkVote(population: Readonly<Record<string, number>>, code: string, vote: Vote): void {
  if (!Object.hasOwn(population, code)) throw new RangeError(`unknown member state "${code}"`);
  if (!VOTES.includes(vote)) throw new RangeError(`invalid vote "${String(vote)}" for ${code}`);
}

interface Group {
  states: number;
  units: number;
}

/** Does `group` pass the population test: units / total ≥ 0.65, in integers. */
function meetsPopulation(units: number, totalUnits: number): boolean {
  return 100 * units >= 65 * totalUnits;
}

/** Do the `others` (the states outside a group) form a blocking minority: ≥ 4 states and > 35% of the total. */
function blocks(others: Group, totalUnits: number): boolean {
  return others.states >= MIN_BLOCKING_STATES && 100 * others.units > 35 * totalUnits;
}

function margin(group: Group, needed: number, totalUnits: number): QmvMargin {
  // (units − 0.65 · total) in points; the numerator is an exact integer.
  return {
    states: group.states - needed,
    population: (100 * group.units - 65 * totalUnits) / (100 * UNITS_PER_POINT),
  };
}

/**
 * Tallies a vote and applies the qualified-majority rules.
 *
 * `population` maps every member state's code to its share of the EU
 * population in % (the Council's table); its size is the number of member
 * states n. A state missing from `votes` is counted as absent. A code in
 * `votes` that is not in `population`, or a vote that is not one of the four
 * values, is a programming error and throws a RangeError (front ends check
 * user input first and report it properly).
 */
export function qualifiedMajority(
  votes: ReadonlyMap<string, Vote> | Readonly<Record<string, Vote>>,
  population: Readonly<Record<string, number>>,
): QmvResult {
  const codes = Object.keys(population);
  if (codes.length === 0) throw new RangeError('the population table is empty');

  // Checked first, without building a map: the engine tallies a vote every round.
  const isMap = votes instanceof Map;
  const table = votes as Readonly<Record<string, Vote>>;
  if (isMap) for (const [code, vote] of votes as ReadonlyMap<string, Vote>) checkVote(population, code, vote);
  else for (const code of Object.keys(table)) checkVote(population, code, table[code]!);

  const groups: Record<Vote, Group> = {
    for: { states: 0, units: 0 },
    against: { states: 0, units: 0 },
    abstain: { states: 0, units: 0 },
    absent: { states: 0, units: 0 },
  };
  let totalUnits = 0;
  for (const code of codes) {
    const units = toUnits(population[code] as number, code);
    totalUnits += units;
    const vote: Vote | undefined = isMap
      ? (votes as ReadonlyMap<string, Vote>).get(code)
      : Object.hasOwn(table, code)
        ? table[code]
        : undefined;
    const group = groups[vote ?? 'absent'];
    group.states += 1;
    group.units += units;
  }
  if (totalUnits === 0) throw new RangeError('the population shares sum to zero');

  const n = codes.length;
  const needed = statesNeeded(n);
  const complement = (g: Group): Group => ({ states: n - g.states, units: totalUnits - g.units });

  const forGroup = groups.for;
  const notFor = complement(forGroup);
  const forStatesOk = forGroup.states >= needed;
  const forPopulationOk = meetsPopulation(forGroup.units, totalUnits);
  // Fewer than 4 states not for cannot block: the majority is deemed reached.
  const forCannotBeBlocked = notFor.states < MIN_BLOCKING_STATES;
  const qualifiedMajorityFor = forStatesOk && (forPopulationOk || forCannotBeBlocked);

  const againstGroup = groups.against;
  const notAgainst = complement(againstGroup);
  const againstStatesOk = againstGroup.states >= needed;
  const againstPopulationOk = meetsPopulation(againstGroup.units, totalUnits);
  const againstCannotBeBlocked = notAgainst.states < MIN_BLOCKING_STATES;
  const qualifiedMajorityAgainst = againstStatesOk && (againstPopulationOk || againstCannotBeBlocked);

  const tally = (g: Group): VoteTally => ({ states: g.states, population: g.units / UNITS_PER_POINT });
  return {
    for: tally(forGroup),
    against: tally(againstGroup),
    abstain: tally(groups.abstain),
    absent: tally(groups.absent),
    qualifiedMajorityFor,
    qualifiedMajorityAgainst,
    blockingMinority: blocks(notFor, totalUnits),
    deemedFor: qualifiedMajorityFor && !forPopulationOk,
    deemedAgainst: qualifiedMajorityAgainst && !againstPopulationOk,
    marginFor: margin(forGroup, needed, totalUnits),
    marginAgainst: margin(againstGroup, needed, totalUnits),
  };
}

/** The population threshold of a table in percentage points: 65% of its total (65.0065 for the 2025 table). */
export function populationThreshold(population: Readonly<Record<string, number>>): number {
  let total = 0;
  for (const [code, share] of Object.entries(population)) total += toUnits(share, code);
  return (65 * total) / (100 * UNITS_PER_POINT);
}

/** The total of a table's shares in percentage points (100.01 for the 2025 table), summed exactly. */
export function populationTotal(population: Readonly<Record<string, number>>): number {
  let total = 0;
  for (const [code, share] of Object.entries(population)) total += toUnits(share, code);
  return total / UNITS_PER_POINT;
}

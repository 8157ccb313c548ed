// Words for the screen: measures, levels, pending steps, legal bases, the ACI, outcomes.
import type { Measure, Scenario, SimState } from '../engine/index.js';

type Pending = NonNullable<SimState['measures'][number]['pending']>;

export const levelName = (m: Measure, level: number): string => m.levels[level]?.name ?? `level ${level}`;

const rounds = (n: number) => `${n} round${n === 1 ? '' : 's'}`;

/** "committee vote in 1 round" and the like. */
export function pendingText(p: Pending, aciStage: SimState['aci']['stage'], m: Measure): string {
  const aci = m.legalBasis === 'aci' || m.legalBasis === 'wider';
  if (aci && aciStage !== 'authorised') return `waits for the ACI procedure (now: ${aciStage})`;
  switch (p.stage) {
    case 'lead':
      return `in force in ${rounds(p.roundsLeft)}`;
    case 'committee':
      return `committee vote in ${rounds(p.roundsLeft)}`;
    case 'appeal':
      return `appeal committee in ${rounds(p.roundsLeft)}`;
    case 'application':
      return `applies in ${rounds(p.roundsLeft)}`;
  }
}

export function basisText(m: Measure): string {
  switch (m.legalBasis) {
    case 'aci':
      return 'ACI: Council determination, then committee vote';
    case 'trade_defence':
      return 'trade defence: committee vote, blocked only by a qualified majority against';
    case 'national':
      return `national: ${m.holder ?? 'the holder'} decides alone`;
    case 'government':
      return 'the government decides alone';
    case 'wider':
      return 'wider rung: only after a breached deal';
  }
}

/** The ACI procedure's stage in words. */
export function aciText(st: SimState): string {
  const { stage, roundsLeft } = st.aci;
  switch (stage) {
    case 'none':
      return 'ACI not started';
    case 'examination':
      return `ACI: Commission examination, ${rounds(roundsLeft)} left`;
    case 'determination':
      return `ACI: Council determination vote in ${rounds(roundsLeft)}`;
    case 'engagement':
      return `ACI: engagement with the other side, ${rounds(roundsLeft)} left`;
    case 'authorised':
      return 'ACI: response measures authorised';
    case 'rejected':
      return roundsLeft > 0
        ? `ACI: determination rejected; may reopen in ${rounds(roundsLeft)}`
        : 'ACI: determination rejected';
  }
}

const OUTCOME: Record<string, string> = {
  landing_zone: 'landing zone — a negotiated deal',
  spiral: 'spiral — both sides past their tolerance at the top of the ladder',
  stalemate: 'stalemate — no deal before the last round',
};

/** The outcome of a finished game in a sentence. */
export function outcomeText(sc: Scenario, outcome: string, round: number, q: number | null): string {
  const backs =
    outcome === 'target_backs_down' || outcome === 'coercer_backs_down'
      ? `${sc.blocs[outcome === 'target_backs_down' ? 'target' : 'coercer'].short} backs down`
      : null;
  return `${backs ?? OUTCOME[outcome] ?? outcome}, round ${round}${q === null ? '' : `, terms q = ${q.toFixed(2)}`}`;
}

/** A side's orders in a line: level changes, an offer, an answer, backing down. */
export function ordersText(
  measures: readonly Measure[],
  o:
    | {
        set?: Record<string, number>;
        propose?: { q: number; keep?: string[] };
        respond?: string;
        backDown?: boolean;
      }
    | undefined,
): string {
  const parts: string[] = [];
  for (const [id, level] of Object.entries(o?.set ?? {})) {
    const m = measures.find((x) => x.id === id);
    parts.push(`${m?.name ?? id} → ${level}${m ? ` ${levelName(m, level)}` : ''}`);
  }
  if (o?.propose)
    parts.push(
      `offers q = ${o.propose.q.toFixed(2)}${o.propose.keep?.length ? ` keeping ${o.propose.keep.join(', ')}` : ''}`,
    );
  if (o?.respond) parts.push(o.respond === 'accept' ? 'accepts the offer' : 'refuses the offer');
  if (o?.backDown) parts.push('BACKS DOWN');
  return parts.length > 0 ? parts.join(' · ') : 'no change';
}

/** Shown where the Council panel and board would be, between two governments. */
export const NO_COUNCIL = 'No Council: both sides are governments, each deciding alone.';

// Discussion prompts for the debrief: specific questions drawn from what
// happened in this game (6–8 of them, the most telling first).
import { perceivedZone, RUNG_NAMES, rungOf, type SimState } from '../engine/index.js';
import { type Distribution, median } from './compare.js';
import type { Game } from './load-game.js';
import type { GameSeries } from './series.js';
import { dateOf } from './timeline.js';
import { BlocName, blocName, blocShort, inSentence, list, money, pct, share, thousands } from './words.js';

type Prompt = string | null;

const T = (g: Game) => blocName(g.sc, 'target');
const C = (g: Game) => blocName(g.sc, 'coercer');
const Tt = (g: Game) => blocShort(g.sc, 'target');
const Ct = (g: Game) => blocShort(g.sc, 'coercer');
const when = (g: Game, round: number) => `round ${round} (${dateOf(g.sc, round)})`;
const q2 = (q: number) => q.toFixed(2);
const stateName = (g: Game, id: string) => g.sc.states.find((s) => s.id === id)?.name ?? id;
const stateAt = (g: Game, round: number): SimState => (round === 0 ? g.start : g.rounds[round - 1]!.state);

/** The tightest Council vote that reached a qualified majority, and who did not vote for. */
function councilMargin(g: Game): Prompt {
  if (g.sc.council === null) return null;
  const m = g.final.minQmMargin;
  if (m === null)
    return 'The Council never reached a qualified majority for countermeasures in this game. Was that a choice, a failure to build support, or a matter of time — and what would an earlier vote have changed?';
  const r = g.rounds.find((x) => x.state.minQmMargin === m)!;
  const notFor = g.sc.states.filter((_, i) => r.state.votes[i] !== 'for');
  const names = notFor.map((s) => (notFor.length <= 3 ? s.name : s.id));
  const who = notFor.length ? ` ${list(names)} did not vote for.` : '';
  return `The Council's narrowest qualified majority came in ${when(g, r.round)}: ${m.toFixed(1)} points of population above the 65% threshold.${who} Which states were closest to switching, and what could ${C(g)} have offered them?`;
}

const RANK = { for: 2, abstain: 1, against: 0 } as const;

/** The first member state whose vote moved away from the countermeasures, and what pressed on it. */
function stateMoved(g: Game, s: GameSeries): Prompt {
  for (let k = 1; k < s.council.length; k++) {
    const before = s.council[k - 1]?.ballots ?? [];
    const moved = (s.council[k]?.ballots ?? []).filter((b, i) => RANK[b.vote] < RANK[before[i]!.vote]);
    if (moved.length === 0) continue;
    const b = moved.sort((x, y) => y.population - x.population)[0]!;
    const from = before.find((x) => x.id === b.id)!.vote;
    const name = stateName(g, b.id);
    return `${name} moved from ${from} to ${b.vote} in ${when(g, k)}${causeFor(g, b.id, k)}. Did the ${Tt(g)} team see it coming, and what could it have offered ${name} to keep it on board?`;
  }
  return null;
}

/** What pressed on a member state by round k: the other side's targeted measures or an inject. */
function causeFor(g: Game, id: string, k: number): string {
  const st = stateAt(g, k);
  const pressing = g.sc.measures.filter((m, i) => (m.pressure[id] ?? 0) > 0 && st.measures[i]!.level > 0);
  if (pressing.length) return `, with ${C(g)}'s ${list(pressing.map((m) => inSentence(m.name)))} in force`;
  const inject = g.rounds[k - 1]?.orders.inject?.find((i) => (i.support?.[id] ?? 0) < 0);
  if (inject) return `, after the inject “${inject.text}”`;
  return ' as its own costs rose';
}

const hasZone = (st: SimState) => st.zone !== null && st.zone.coercerMin <= st.zone.targetMax;

/** Whether a zone existed before the deal, was missed, or never opened. */
function zoneBeforeDeal(g: Game): Prompt {
  const deal = g.rounds.find((r) => r.events.some((e) => e.code === 'deal/struck'));
  const zoneRounds = g.rounds.filter(
    (r) => hasZone(r.state) && !(r.state.deal && r.state.deal.round < r.round),
  );
  const first = zoneRounds[0];
  if (deal) {
    const z = deal.state.zone!;
    const q = deal.state.deal?.q ?? Number.NaN;
    if (q > z.targetMax + 1e-9)
      return `The deal of ${when(g, deal.round)} at q = ${q2(q)} went beyond what ${T(g)}'s own projected costs justified (its maximum was ${q2(z.targetMax)}). Why did ${T(g)} accept more than it needed to — domestic pressure, or a misreading of its own costs?`;
    if (q < z.coercerMin - 1e-9)
      return `The deal of ${when(g, deal.round)} at q = ${q2(q)} was below what ${C(g)}'s own projected costs justified (its minimum was ${q2(z.coercerMin)}). Why did ${C(g)} settle for less?`;
    if (first && first.round < deal.round)
      return `A landing zone existed from ${when(g, first.round)} (q from ${q2(first.state.zone!.coercerMin)} to ${q2(first.state.zone!.targetMax)}; ${seen(g, first.state)}), but the deal came only in round ${deal.round}. What kept the sides from closing earlier?`;
    return `The deal came in the first round a landing zone existed (${when(g, deal.round)}). Who saw it first, and how did they know the other side would accept?`;
  }
  if (first)
    return `A landing zone existed in ${zoneRounds.length === 1 ? when(g, first.round) : `${zoneRounds.length} rounds, first in ${when(g, first.round)}`} (q from ${q2(first.state.zone!.coercerMin)} to ${q2(first.state.zone!.targetMax)}; ${seen(g, first.state)}), yet no deal was struck. Who should have proposed, and on what terms?`;
  const closest = g.rounds
    .filter((r) => r.state.zone)
    .sort(
      (a, b) =>
        a.state.zone!.coercerMin -
        a.state.zone!.targetMax -
        (b.state.zone!.coercerMin - b.state.zone!.targetMax),
    )[0];
  const gap = closest
    ? ` (closest in ${when(g, closest.round)}: ${C(g)} wanted at least ${q2(closest.state.zone!.coercerMin)}, ${T(g)} would give at most ${q2(closest.state.zone!.targetMax)})`
    : '';
  return `No landing zone ever opened${gap}. Which measure could have raised the other side's costs enough to open one — and at what cost to your own side?`;
}

/** The terms both expected of the contest fought out, against the deal's (only below optimism 1). */
function expectedTerms(g: Game): Prompt {
  const deal = g.rounds.find((r) => r.events.some((e) => e.code === 'deal/struck'));
  const p = deal?.state.expected;
  if (!deal?.state.deal || p == null) return null;
  const q = deal.state.deal.q;
  const side = q > p ? `more than that to ${C(g)}` : q < p ? `less than that to ${C(g)}` : 'just that';
  return `When the deal was struck in ${when(g, deal.round)}, the model's expectation of the dispute fought out with every measure on both sides was that ${C(g)} would get ${q2(p)} of what was at stake; the deal, at q = ${q2(q)}, gave ${side}. Did your teams weigh the contest that way, or did each expect to win?`;
}

/** Whether each side perceived the zone through its noisy view of the other's costs. */
function seen(g: Game, st: SimState): string {
  const eu = perceivedZone(st.zone!, 'target') !== null;
  const cn = perceivedZone(st.zone!, 'coercer') !== null;
  if (eu && cn) return 'both sides saw it';
  if (!eu && !cn) return 'neither side saw it';
  return eu ? `${T(g)} saw it, ${C(g)} did not` : `${C(g)} saw it, ${T(g)} did not`;
}

function substitution(g: Game): Prompt {
  const s = g.metrics.substitution;
  return `By the end ${T(g)} had replaced ${pct(s.target * 100, 1)} and ${C(g)} ${pct(s.coercer * 100, 1)} of the flows at stake (mean over its dependencies). Whose leverage eroded faster, and how should that change the value of waiting?`;
}

function refusedOrBreached(g: Game): Prompt {
  for (const r of g.rounds) {
    const breach = r.events.find((e) => e.code === 'deal/breached');
    if (breach)
      return `In ${when(g, r.round)} ${breach.text}. What would have made the deal self-enforcing, or the snapback more credible?`;
    for (const e of r.events) {
      if (e.code !== 'deal/refused') continue;
      const { proposer: b, q } = e.data;
      const z = r.state.zone;
      const bound = !z
        ? ''
        : b === 'target'
          ? ` (${C(g)}'s minimum was ${q2(z.coercerMin)})`
          : ` (${T(g)}'s maximum was ${q2(z.targetMax)})`;
      return `${BlocName(g.sc, b)}'s offer of q = ${q2(q)} in ${when(g, r.round)} was refused${bound}. What did the offer signal, and was it worth making?`;
    }
  }
  return null;
}

function comparison(g: Game, d: Distribution): Prompt {
  const shareOf = share(d.outcomes.landing_zone, d.runs);
  const at = d.dealRounds.length ? `, at a median of round ${median(d.dealRounds)}` : '';
  return `Computer players (${Tt(g)} ${d.policies.target}, ${Ct(g)} ${d.policies.coercer}) reached a deal in ${shareOf} of ${thousands(d.runs)} games${at}. What did your teams do differently, and did it pay?`;
}

function firstNote(g: Game): Prompt {
  for (const r of g.rounds)
    for (const n of r.notes)
      if (n.bloc)
        return `In ${when(g, r.round)} the ${blocShort(g.sc, n.bloc)} team noted: “${n.text}” Looking back, did that reasoning hold?`;
  return null;
}

function peak(g: Game): Prompt {
  const levelsAt = (st: SimState) => st.measures.map((m) => m.level);
  const top = g.metrics.peakRung;
  const r = g.rounds.find((x) => rungOf(g.sc, levelsAt(x.state)) >= top);
  if (!r || top === 0)
    return 'Neither side ever put a measure in force. What held the teams back — and would the other side have read that as restraint or as weakness?';
  const prev = levelsAt(stateAt(g, r.round - 1));
  const raised = g.sc.measures.filter(
    (m, i) => r.state.measures[i]!.level > prev[i]! && m.levels[r.state.measures[i]!.level]!.rung >= top,
  );
  const by = raised.length
    ? `, when ${blocName(g.sc, raised[0]!.bloc)} raised ${inSentence(raised[0]!.name)}`
    : '';
  return `Escalation peaked at rung ${top} (${RUNG_NAMES[top]}) in ${when(g, r.round)}${by}. Was that step needed to bring the other side to the table?`;
}

function injectPrompt(g: Game): Prompt {
  const r = g.rounds.find((x) => x.orders.inject?.length);
  if (!r) return null;
  return `The inject in ${when(g, r.round)} (“${r.orders.inject![0]!.text}”): how did it change the teams' plans, and how would a real government have reacted?`;
}

function painPrompt(g: Game): Prompt {
  const p = g.final.pain;
  return `${BlocName(g.sc, 'target')} bore ${money(p.target.harm + p.target.cost)} (${money(p.target.cost)} of it from its own measures) and ${C(g)} ${money(p.coercer.harm + p.coercer.cost)} (${money(p.coercer.cost)} its own). Were the measures aimed where they hurt the other side most for what they cost at home?`;
}

/** 6–8 prompts, the most specific first. */
export function discussionPrompts(g: Game, s: GameSeries, d: Distribution): string[] {
  const candidates: Prompt[] = [
    councilMargin(g),
    stateMoved(g, s),
    zoneBeforeDeal(g),
    expectedTerms(g),
    substitution(g),
    refusedOrBreached(g),
    comparison(g, d),
    firstNote(g),
    peak(g),
    injectPrompt(g),
    painPrompt(g),
  ];
  return candidates.filter((p): p is string => p !== null).slice(0, 8);
}

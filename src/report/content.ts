// What the debrief says, as data: both the HTML and the Markdown render it.
import { ROLES, type Role, RUNG_NAMES, rungOf } from '../engine/index.js';
import { type Chart, comparisonCharts, gameCharts } from './charts.js';
import type { Distribution } from './compare.js';
import {
  type CompareRow,
  compareRows,
  comparisonSentences,
  type GameFacts,
  gameFacts,
} from './comparison.js';
import { type CouncilTally, councilTally } from './council-tally.js';
import type { Game } from './load-game.js';
import { discussionPrompts } from './prompts.js';
import { gameSeries } from './series.js';
import { dateOf, type TimelineRow, timeline } from './timeline.js';
import { BlocName, blocName, blocShort, money, pct, rounds, thousands } from './words.js';

export interface Item {
  label: string;
  value: string;
}

export interface ReportContent {
  title: string;
  meta: Item[];
  warnings: string[];
  outcome: string;
  keyFigures: Item[];
  charts: Chart[];
  /** Each member state's ballots over the game's Council and committee votes. */
  council: CouncilTally;
  players: Record<Role, string>;
  timeline: TimelineRow[];
  comparison: { intro: string; sentences: string[]; rows: CompareRow[]; tableNote: string; charts: Chart[] };
  prompts: string[];
}

const playerLabel = (p: string) => (p === 'human' ? 'human team' : `computer, ${p}`);

function playedOn(created: string, updated: string): string {
  const a = created.slice(0, 10);
  const b = updated.slice(0, 10);
  return a === b || !b ? a : `${a} to ${b}`;
}

/** The outcome in one sentence. */
export function outcomeSentence(g: Game, f: GameFacts): string {
  const r = g.metrics.round;
  const at = `round ${r} (${dateOf(g.sc, r)})`;
  const ended = g.rounds.flatMap((x) => x.events).find((e) => e.code.startsWith('outcome/'));
  const [T, C] = [blocName(g.sc, 'target'), blocName(g.sc, 'coercer')];
  const broken =
    g.final.dealsBroken > 0
      ? ` ${BlocName(g.sc, 'coercer')} had broken ${g.final.dealsBroken === 1 ? 'an earlier deal' : `${g.final.dealsBroken} earlier deals`}.`
      : '';
  switch (f.outcome) {
    case 'landing_zone': {
      const d = g.final.deal!;
      const by =
        d.proposer === 'target' ? `${T}'s offer, accepted by ${C}` : `${C}'s offer, accepted by ${T}`;
      return `In ${at} the two sides struck a deal at q = ${d.q.toFixed(2)} (${by}): ${C} lifts its measures and ${T} its own, with a snapback if ${C} breaks the deal.${broken}`;
    }
    case null: {
      const rung = rungOf(
        g.sc,
        g.final.measures.map((x) => x.level),
      );
      return `The game was stopped after ${rounds(f.roundsPlayed)} of ${f.totalRounds}, before any outcome, at escalation rung ${rung} (${RUNG_NAMES[rung]}).${broken}`;
    }
    case 'stalemate':
      return `No deal after all ${f.totalRounds} rounds: the game ended in stalemate, having peaked at rung ${f.peakRung} (${RUNG_NAMES[f.peakRung]}).${broken}`;
    case 'spiral':
      return `In ${at} escalation spiralled: both sides were over their pain tolerance at the top of the ladder.${broken}`;
    default: {
      const reason = ended?.text.split(': ').slice(1).join(': ');
      const who = f.outcome === 'target_backs_down' ? T : C;
      return `In ${at} ${who} backed down${reason ? `: ${reason}` : ' by its own choice'}.${broken}`;
    }
  }
}

function keyFigures(g: Game): Item[] {
  const m = g.metrics;
  const items: Item[] = ROLES.map((b) => ({
    label: `Pain to ${blocName(g.sc, b)}`,
    value: `${money(m.pain[b].eurBn)} (${m.pain[b].pctGdp.toFixed(3)}% of GDP a year): harm ${money(g.final.pain[b].harm)}, own measures ${money(g.final.pain[b].cost)}`,
  }));
  const council: Item[] =
    g.sc.council === null
      ? []
      : [
          {
            label: 'Council',
            value:
              m.minQmMargin === null
                ? 'no vote reached a qualified majority'
                : `smallest margin of a qualified majority: ${m.minQmMargin.toFixed(1)} points of population above 65%`,
          },
        ];
  items.push(
    { label: 'Peak escalation', value: `rung ${m.peakRung} of 6 (${RUNG_NAMES[m.peakRung]})` },
    ...council,
    {
      label: 'Substitution gained',
      value: `${blocShort(g.sc, 'target')} ${pct(m.substitution.target * 100, 1)}, ${blocShort(g.sc, 'coercer')} ${pct(m.substitution.coercer * 100, 1)} of the flows at stake (mean)`,
    },
  );
  if (m.dealsBroken > 0) items.push({ label: 'Deals broken', value: String(m.dealsBroken) });
  const hardest = Object.entries(m.statePain)
    .filter(([, p]) => p.eurBn > 0)
    .sort((a, b) => b[1].eurBn - a[1].eurBn)
    .slice(0, 3)
    .map(([id, p]) => `${g.sc.states.find((s) => s.id === id)?.name ?? id} ${money(p.eurBn)}`);
  if (hardest.length) items.push({ label: 'Member states hit hardest', value: hardest.join(', ') });
  return items;
}

export function reportContent(g: Game, d: Distribution): ReportContent {
  const j = g.journal;
  const s = gameSeries(g);
  const f = gameFacts(g);
  const sets = Object.entries(j.set).map(([k, v]) => `${k}=${v}`);
  const standIn = d.standIns.length
    ? ` (${d.standIns.map((b) => blocName(g.sc, b)).join(' and ')} stood in for by ${d.standIns.map((b) => d.policies[b]).join(' and ')}, as the scenario names a human player)`
    : '';
  return {
    title: `Debrief: ${g.sc.title}`,
    meta: [
      { label: 'Scenario', value: `${g.sc.id} (${j.scenario.ref}), hash ${g.loaded.hash.slice(0, 12)}` },
      ...(sets.length ? [{ label: 'Overrides', value: sets.map((x) => `--set ${x}`).join(' ') }] : []),
      {
        label: 'Seed',
        value: j.masterSeed === undefined ? j.seed : `${j.masterSeed} (engine seed ${j.seed})`,
      },
      {
        label: 'Players',
        value: `${blocShort(g.sc, 'target')}: ${playerLabel(j.players.target)}; ${blocShort(g.sc, 'coercer')}: ${playerLabel(j.players.coercer)}`,
      },
      {
        label: 'Played',
        value: `${playedOn(j.created, j.updated)}, ${rounds(g.final.round)} of ${g.sc.rounds} (${dateOf(g.sc, 1)} to ${dateOf(g.sc, Math.max(1, g.final.round))})`,
      },
    ],
    warnings: g.warnings.map((w) => w.message),
    outcome: outcomeSentence(g, f),
    keyFigures: keyFigures(g),
    // Between two governments there is no Council: no cohesion chart.
    charts: gameCharts(g, s).filter((c) => c.file !== 'cohesion.svg' || g.sc.council !== null),
    council: councilTally(g),
    players: {
      target: `${blocShort(g.sc, 'target')} (${playerLabel(j.players.target)})`,
      coercer: `${blocShort(g.sc, 'coercer')} (${playerLabel(j.players.coercer)})`,
    },
    timeline: timeline(g),
    comparison: {
      intro: `The same scenario${sets.length ? ' with the same overrides' : ''}, played ${thousands(d.runs)} times by computer players — ${blocShort(g.sc, 'target')} ${d.policies.target}, ${blocShort(g.sc, 'coercer')} ${d.policies.coercer}${standIn} — each with its own seed derived from this game's.`,
      sentences: comparisonSentences(f, d),
      rows: compareRows(f, d),
      tableNote:
        'Percentile: the share of computer-played games with a lower value than yours (ties count half). Middle 80%: from the 10th to the 90th percentile. The round of the deal counts only the games that reached one.',
      charts: comparisonCharts(g.sc, f, d),
    },
    prompts: discussionPrompts(g, s, d),
  };
}

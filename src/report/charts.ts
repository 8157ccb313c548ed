// The report's charts, built from the game's series and the computer-played
// distribution. Each is a standalone SVG (the Markdown links the files; the
// HTML inlines them).
import { ROLES, type Role, RUNG_NAMES, type Scenario } from '../engine/index.js';
import type { Distribution } from './compare.js';
import type { GameFacts } from './comparison.js';
import type { Game } from './load-game.js';
import type { GameSeries } from './series.js';
import { bandChart } from './svg/band-chart.js';
import { barChart, histogram } from './svg/histogram.js';
import { type LineSeries, lineChart } from './svg/line-chart.js';
import { COLORS } from './svg/marks.js';
import { dateOf } from './timeline.js';
import { blocName, blocShort, OUTCOMES, outcomeLabel, thousands } from './words.js';

export interface Chart {
  /** File name next to report.md, and the SVG's id prefix. */
  file: string;
  title: string;
  /** One sentence under the chart: what it shows and how to read it. */
  caption: string;
  svg: string;
}

const roundAxis = (g: Game) =>
  `round (round 1 = ${dateOf(g.sc, 1)}; ${g.sc.roundMonths} month${g.sc.roundMonths === 1 ? '' : 's'} each)`;

function painSeries(
  sc: Scenario,
  harm: Record<Role, readonly (number | null)[]>,
  cost: typeof harm,
): LineSeries[] {
  return ROLES.flatMap((b) => [
    {
      name: `harm to ${blocName(sc, b)}`,
      values: harm[b],
      color: COLORS[b],
      marker: 'circle',
      ...(b === 'coercer' ? { dash: '7 4' } : {}),
    },
    {
      name: `cost of ${blocName(sc, b)}'s own measures`,
      values: cost[b],
      color: COLORS[b],
      marker: 'square',
      dash: b === 'target' ? '3 3' : '10 3 2 3',
    },
  ]) as LineSeries[];
}

export function gameCharts(g: Game, s: GameSeries): Chart[] {
  const xLabel = roundAxis(g);
  const mk = (file: string, title: string, caption: string, svg: (id: string) => string): Chart => ({
    file,
    title,
    caption,
    svg: svg(file.replace(/\.svg$/, '')),
  });
  return [
    mk(
      'pain-per-round.svg',
      'Harm and cost per round',
      'EUR bn each round: harm is what the other side’s measures did; cost is what a side’s own measures cost it.',
      (id) =>
        lineChart({
          id,
          title: 'Harm and cost per round (EUR bn)',
          desc: 'Per round, EUR bn, for each bloc: harm suffered and cost of its own measures.',
          x: s.x,
          xLabel,
          yLabel: 'EUR bn per round',
          series: painSeries(g.sc, s.harm, s.cost),
        }),
    ),
    mk(
      'pain-cumulative.svg',
      'Harm and cost, cumulative',
      'EUR bn summed from the start of the game.',
      (id) =>
        lineChart({
          id,
          title: 'Harm and cost, cumulative (EUR bn)',
          desc: 'Cumulative EUR bn for each bloc: harm suffered and cost of its own measures.',
          x: s.x,
          xLabel,
          yLabel: 'EUR bn since the start',
          series: painSeries(g.sc, s.cumHarm, s.cumCost),
        }),
    ),
    mk(
      'cohesion.svg',
      'EU cohesion',
      `Share of EU population whose government would vote for (or against) the countermeasures at the end of each round; a qualified majority needs 65% of the population and ${Math.ceil(0.55 * g.sc.states.length)} of ${g.sc.states.length} states.`,
      (id) =>
        lineChart({
          id,
          title: 'EU cohesion: population share for and against countermeasures',
          desc: 'Percent of EU population whose government would vote for or against, per round, with the 65% qualified-majority line.',
          x: s.x,
          xLabel,
          yLabel: '% of EU population',
          yMin: 0,
          yMax: 100,
          series: [
            { name: 'would vote for', values: s.cohesionFor, color: COLORS.for, marker: 'circle' },
            {
              name: 'would vote against',
              values: s.cohesionAgainst,
              color: COLORS.against,
              marker: 'triangle',
              dash: '6 4',
            },
          ],
          refLines: [{ y: 65, label: '65%: qualified majority' }],
        }),
    ),
    mk(
      'rung.svg',
      'Escalation rung',
      'The highest rung of each side’s measures in force (0 status quo … 6 economic war).',
      (id) =>
        lineChart({
          id,
          title: 'Escalation rung of the measures in force',
          desc: 'Step chart of the escalation rung of each side’s measures in force, per round.',
          x: s.x,
          xLabel,
          yLabel: 'rung',
          yTicks: RUNG_NAMES.map((n, i) => ({ value: i, label: `${i} ${n}` })),
          step: true,
          series: [
            {
              name: `${blocShort(g.sc, 'target')} measures`,
              values: s.rung.target,
              color: COLORS.target,
              marker: 'circle',
            },
            {
              name: `${blocShort(g.sc, 'coercer')} measures`,
              values: s.rung.coercer,
              color: COLORS.coercer,
              marker: 'square',
              dash: '7 4',
            },
          ],
        }),
    ),
    mk(
      'landing-zone.svg',
      'The landing zone',
      `Deal terms q run from 0 (${blocName(g.sc, 'coercer')} lifts its measures and gets nothing) to 1 (${blocName(g.sc, 'target')} concedes all). Each round ${blocName(g.sc, 'target')} accepts q up to its maximum and ${blocName(g.sc, 'coercer')} from its minimum; where the ranges overlap, both prefer a deal to going on.`,
      (id) =>
        bandChart({
          id,
          title: 'The landing zone, round by round',
          desc: `For each round: the range of deal terms ${blocName(g.sc, 'target')} accepts, the range ${blocName(g.sc, 'coercer')} accepts, their overlap, and the terms of any deal.`,
          columns: s.zone,
          names: { target: blocShort(g.sc, 'target'), coercer: blocShort(g.sc, 'coercer') },
          xLabel,
        }),
    ),
  ];
}

export function comparisonCharts(sc: Scenario, f: GameFacts, d: Distribution): Chart[] {
  const n = thousands(d.runs);
  const you = f.outcome === null ? 'your game (unfinished)' : 'your game';
  const out: Chart[] = [
    {
      file: 'outcomes.svg',
      title: 'Outcomes of computer-played games',
      caption: `How ${n} games of the same scenario, played by computer on both sides, ended.`,
      svg: barChart({
        id: 'outcomes',
        title: `Outcomes of ${n} computer-played games`,
        desc: 'Share of computer-played games ending in each outcome; this game’s outcome is outlined.',
        bars: OUTCOMES.map((o) => ({
          label: outcomeLabel(sc, o),
          count: d.outcomes[o],
          highlight: o === f.outcome,
        })),
        total: d.runs,
        highlightLabel: you,
      }),
    },
    {
      file: 'deal-round.svg',
      title: 'Round of the deal',
      caption:
        'In which round computer-played games reached a deal (shares of all games); the line marks your deal.',
      svg: histogram({
        id: 'deal-round',
        title: 'Round of the deal in computer-played games',
        desc: 'Histogram of the deal round over computer-played games that reached a deal, with this game’s deal round marked.',
        values: d.dealRounds,
        total: d.runs,
        discrete: true,
        xLabel: 'round of the deal',
        mark: {
          value: f.dealRound,
          label: f.dealRound === null ? 'your game: no deal' : `your deal: round ${f.dealRound}`,
        },
        emptyNote: 'no computer-played game reached a deal',
      }),
    },
  ];
  for (const b of ROLES) {
    const who = blocName(sc, b);
    const key = sc.blocs[b].id.toLowerCase();
    out.push({
      file: `pain-${key}.svg`,
      title: `Pain to ${who}`,
      caption: `Total pain to ${who} (harm plus own cost, EUR bn) in computer-played games; the line marks your game.`,
      svg: histogram({
        id: `pain-${key}`,
        title: `Pain to ${who} in computer-played games (EUR bn)`,
        desc: `Histogram of the total pain to ${who} over computer-played games, with this game’s value marked.`,
        values: d.pain[b],
        xLabel: 'EUR bn over the game',
        mark: { value: f.pain[b], label: `your game: ${f.pain[b].toFixed(2)}` },
        emptyNote: 'no computer-played games',
      }),
    });
  }
  return out;
}

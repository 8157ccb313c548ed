// Assembles explain's text: the measure card or the dependency card, with
// parameters, formulas and the engine-computed charts.
import type { Role, Scenario } from '../../engine/index.js';
import type { LoadedScenario } from '../../io/load-scenario.js';
import { colourName, curveChart, plotPoints, roundsChart } from './charts.js';
import { type Axis, axisOf, runAtLevels, spaced, sweep } from './curves.js';
import { actingMeasures, dependencySummary, parameterLines } from './dependency.js';
import type { Line } from './doc.js';
import { formulaLines } from './formulas.js';
import { ladderLines, measureHead, pressureLines } from './measure.js';
import { heading, num, table, wrap } from './text.js';

export interface Look {
  width: number;
  colors: boolean;
  rounds: number;
}

const xText = (axis: Axis) => (x: number) => (axis === 'tariff' ? `${num(x * 100)}%` : num(x));

/** Harm and cost of one round against intensity (or tariff) on the flows `on`. */
function sweepCharts(
  sc: Scenario,
  on: number[],
  sides: { actor: Role; target: Role },
  ax: { axis: Axis; max: number },
  marks: { x: number; label: string }[],
  look: Look,
): Line[] {
  const xs = spaced(ax.max, plotPoints(look.width));
  const s = sweep(sc, on, ax.axis, xs);
  const xLabel = ax.axis === 'tariff' ? 'tariff rate' : 'intensity (share of the flow stopped)';
  const chart = (title: string, values: number[]) => ({
    title,
    xLabel,
    yLabel: 'EUR bn a round',
    x: xs,
    series: [{ name: title, values }],
  });
  const harmTitle = `harm to ${sc.blocs[sides.target].short}`;
  const costTitle = `cost to ${sc.blocs[sides.actor].short}`;
  const atMarks = sweep(
    sc,
    on,
    ax.axis,
    marks.map((m) => m.x),
  );
  const what = ax.axis === 'tariff' ? 'the tariff rate' : 'intensity (the share of the flow stopped)';
  const kinds = new Set(on.map((d) => sc.dependencies[d]!.mechanism));
  const state = [
    kinds.has('supply') ? 'stocks empty' : '',
    kinds.has('service') ? 'the serviced fleet already run down to what the restriction leaves' : '',
    'nothing substituted yet',
  ].filter(Boolean);
  const o = { width: look.width, height: 7, colors: look.colors };
  const out: Line[] = [
    ...heading(`Harm and cost of one round against ${ax.axis}`, look.width),
    ...wrap(
      `EUR bn a round against ${what}, computed with the scenario's compiled formulas for one round with ${state.join(', ')}: the full bite of a measure held long enough.${marks.length > 0 ? " Numbers under the axis mark the ladder's levels." : ''}`,
      look.width,
    ),
    '',
    `  ${harmTitle}`,
    { chart: chart(harmTitle, s.harm), text: curveChart(s.harm, ax.max, xText(ax.axis), marks, o) },
    '',
    `  ${costTitle} (its own lost sales or consumers' burden)`,
    { chart: chart(costTitle, s.cost), text: curveChart(s.cost, ax.max, xText(ax.axis), marks, o) },
  ];
  if (marks.length > 0)
    out.push(
      '',
      ...table([
        ['level', ax.axis, 'harm', 'cost'],
        ...marks.map((m, i) => [m.label, xText(ax.axis)(m.x), num(atMarks.harm[i]!), num(atMarks.cost[i]!)]),
      ]),
    );
  return out;
}

/** Harm and cost over the rounds at each level that stops something. */
function roundCharts(sc: Scenario, m: number, sides: { actor: Role; target: Role }, look: Look): Line[] {
  const runs = runAtLevels(sc, m, look.rounds);
  if (runs.length === 0) return [];
  // Lines are named at their right end too, so the chart reads without colour.
  const names = runs.length > 1 ? runs.map((r) => `L${r.level}`) : undefined;
  const o = { width: look.width - 6, height: 8, colors: look.colors, ...(names ? { names } : {}) };
  const legend = runs.map(
    (r, i) =>
      `  ${runs.length > 1 ? `L${r.level}` : `level ${r.level}`}: ${r.name}${look.colors && runs.length > 1 ? ` (${colourName(i)})` : ''}`,
  );
  const pick = [1, 3, 6, look.rounds].filter((r, i, a) => r <= look.rounds && a.indexOf(r) === i);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const rows = [
    ['level', ...pick.map((r) => `r${r}`), 'total', 'cost', 'substituted'],
    ...runs.map((r) => [
      String(r.level),
      ...pick.map((p) => num(r.harm[p - 1]!)),
      num(sum(r.harm)),
      num(sum(r.cost)),
      `${num(r.substituted[r.substituted.length - 1]! * 100)}%`,
    ]),
  ];
  const x = Array.from({ length: look.rounds }, (_, r) => r + 1);
  const chart = (title: string, pick: (r: (typeof runs)[number]) => number[]) => ({
    title,
    xLabel: 'round',
    yLabel: 'EUR bn a round',
    x,
    series: runs.map((r) => ({ name: `level ${r.level}: ${r.name}`, values: pick(r) })),
  });
  const harmTitle = `harm to ${sc.blocs[sides.target].short}`;
  const costTitle = `cost to ${sc.blocs[sides.actor].short}`;
  return [
    ...heading(`Over ${look.rounds} rounds at each level`, look.width),
    ...wrap(
      `The measure held at one level from round 1 with stocks full and every other measure off (the engine's step, no orders, no events). ${erosion(sc, m, sides)}`,
      look.width,
    ),
    '',
    `  ${harmTitle}, EUR bn a round`,
    {
      chart: chart(harmTitle, (r) => r.harm),
      text: roundsChart(
        runs.map((r) => r.harm),
        o,
      ),
    },
    '  round',
    '',
    `  ${costTitle}, EUR bn a round`,
    {
      chart: chart(costTitle, (r) => r.cost),
      text: roundsChart(
        runs.map((r) => r.cost),
        o,
      ),
    },
    '  round',
    ...legend,
    '',
    ...table(rows),
    ...wrap(
      `r1…: harm in that round; total and cost: sums over ${look.rounds} rounds, EUR bn; substituted: share of the flow replaced after the last round.`,
      look.width,
      '  ',
    ),
  ];
}

/** How substitution changes the picture over time, by who learns. */
function erosion(sc: Scenario, m: number, sides: { actor: Role; target: Role }): string {
  const kinds = new Set(sc.measures[m]!.actsOn.map((d) => sc.dependencies[d]!.mechanism));
  if (kinds.size === 1 && kinds.has('service'))
    return `Harm builds up as the unserviced fleet runs down, month by month, and is held back as ${sc.blocs[sides.target].short} substitutes: its effort rises with the pain it feels, and every share it replaces is leverage lost for good.`;
  return kinds.size === 1 && kinds.has('market')
    ? `On a market the importer learns: as ${sc.blocs[sides.actor].short} replaces the goods, its own cost falls and ${sc.blocs[sides.target].short} loses those sales for good, so the harm grows slowly.`
    : `Harm falls as ${sc.blocs[sides.target].short} substitutes: its effort rises with the pain it feels, and every share it replaces is leverage lost for good.`;
}

export function explainMeasure(l: LoadedScenario, id: string, look: Look): Line[] {
  const sc = l.scenario;
  const m = sc.measures.findIndex((x) => x.id === id);
  const def = sc.measures[m]!;
  const sides = {
    actor: def.bloc,
    target: def.bloc === 'target' ? ('coercer' as const) : ('target' as const),
  };
  const out: Line[] = [
    ...wrap(`Scenario ${l.def.id}: ${l.def.title}`, look.width, '', '  '),
    '',
    ...measureHead(l, id, look.width),
    ...heading('Ladder', look.width),
    ...ladderLines(l, id, look.width),
  ];
  const pressure = pressureLines(l, id, look.width);
  if (pressure.length > 0) out.push(...heading('Pressure on member states', look.width), ...pressure);
  for (const dep of l.def.measures[id]!.acts_on) {
    const d = l.def.dependencies[dep]!;
    out.push(
      ...heading(`Acts on ${dependencySummary(l, dep)}`, look.width),
      ...parameterLines(l, dep, look.width),
    );
    out.push('', '  Formulas', ...formulaLines(l, dep, d.mechanism, look.width));
  }
  if (def.actsOn.length === 0) {
    out.push(
      '',
      ...wrap('It acts on no flow: its effect is political, through the pressure above.', look.width),
    );
    return out;
  }
  const ax = axisOf(sc, m);
  const marks = def.levels.flatMap((lv, i) => {
    const x = ax.axis === 'tariff' ? lv.tariff : lv.intensity;
    return i > 0 && x > 0 ? [{ x, label: String(i) }] : [];
  });
  out.push(...sweepCharts(sc, [...def.actsOn], sides, ax, marks, look));
  out.push(...roundCharts(sc, m, sides, look));
  return out;
}

export function explainDependency(l: LoadedScenario, id: string, look: Look): Line[] {
  const sc = l.scenario;
  const d = sc.dependencies.findIndex((x) => x.id === id);
  const def = sc.dependencies[d]!;
  const actor = def.mechanism === 'market' ? def.dependent : def.supplier;
  const target = actor === 'target' ? 'coercer' : 'target';
  const ax =
    def.mechanism === 'market' ? { axis: 'tariff' as const, max: 1 } : { axis: 'intensity' as const, max: 1 };
  return [
    ...wrap(`Scenario ${l.def.id}: ${l.def.title}`, look.width, '', '  '),
    '',
    ...wrap(dependencySummary(l, id), look.width, '', '  '),
    ...heading('Parameters', look.width),
    ...parameterLines(l, id, look.width),
    ...heading('Measures acting on it', look.width),
    ...actingMeasures(l, id, look.width),
    ...heading('Formulas', look.width),
    ...formulaLines(l, id, def.mechanism, look.width),
    ...sweepCharts(sc, [d], { actor, target }, ax, [], look),
  ];
}

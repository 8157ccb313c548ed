// What every mark and abbreviation on the game screen means: the legend
// overlay (key l) draws this list, and docs/GLOSSARY.md explains each entry
// at length (a test keeps the two and the screen in step). {T} and {C} stand
// for the two sides' team names.

export type LegendEntry = readonly [mark: string, meaning: string];

export const LEGEND: readonly (readonly [title: string, entries: readonly LegendEntry[]])[] = [
  [
    'Marks',
    [
      ['▸', 'the selected row'],
      ['▶', 'the rung in force now'],
      ['◀EU ◀CN', "each side's own rung"],
      ['^', 'highest rung reached so far'],
      ['0→2 *', 'level now→chosen; * unsent'],
      ['⧗2', 'level 2 on its way'],
      ['✓ ○ ✗ –', 'for, abstain, against, absent'],
      ['█ ▒ ░', 'Council: for, abstain, against'],
      ['┃65%', 'QM line: 65% pop., 55% states'],
      ['═ ─', '{T} / {C} would accept q'],
      ['█ ·', 'zone: both accept · neither'],
      ['▁▂▃…█', 'pain per round (to scale)'],
      ['Σ', 'total so far'],
      ['(±0)', 'change vs keeping the levels'],
      ['q', 'deal terms 0…1: share to {C}'],
      ['⏎ ⌫ ✎', 'Enter · Backspace · free text'],
    ],
  ],
  [
    'Words and events',
    [
      ['cut', 'share of the flow cut off'],
      ['mo', 'months of stock left'],
      ['av', 'serviced capacity working'],
      ['tar', 'tariff on the flow'],
      ['sub', 'share substituted'],
      ['pop', 'share of EU population'],
      ['QM', 'qualified majority'],
      ['⇄', 'pivotal: its switch decides QM'],
      ['pts', 'percentage points'],
      ['EUR bn', 'billions of euros'],
      ['ACI', 'Anti-Coercion Instrument'],
      ['r3', 'round 3 (event feed)'],
      ['§ ✓ ✗', 'Council step, adopted, failed'],
      ['★ !', 'deal struck · inject, breach'],
      ['▲ ▼', 'measure up · down; ▲ offer q'],
      ['◆ ■ •', 'scripted · outcome · other'],
    ],
  ],
];

/** The legend with the scenario's team names in place of {T} and {C}. */
export function legendFor(team: { target: string; coercer: string }): [string, LegendEntry[]][] {
  return LEGEND.map(([title, entries]) => [
    title,
    entries.map(
      ([mark, meaning]): LegendEntry => [
        mark,
        meaning.replaceAll('{T}', team.target).replaceAll('{C}', team.coercer),
      ],
    ),
  ]);
}

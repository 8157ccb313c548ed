// EU cohesion: how the Council would vote now, by population and by states,
// with the 65% and 55% lines, and whether a qualified majority holds.
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { CouncilView, SimState } from '../../engine/index.js';
import { PIVOTAL } from '../board.js';
import { runs, stackBar } from '../draw.js';
import { type Hue, SYMBOL, useColor } from '../theme.js';
import { aciText } from '../words.js';
import { Title } from './Title.js';

const CELL_ROLE: Record<string, Hue> = { '█': 'for', '▒': 'abstain', '░': 'against', '┃': 'accent' };

function Bar({ text }: { text: string }) {
  const color = useColor();
  return (
    <>
      {runs(text).map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: runs have no identity but their place
        <Text key={i} color={color(CELL_ROLE[r[0]!] ?? 'muted')}>
          {r}
        </Text>
      ))}
    </>
  );
}

const signed = (x: number, digits = 1) => `${x >= 0 ? '+' : ''}${x.toFixed(digits)}`;

export const CouncilPanel = memo(function CouncilPanel({
  view,
  st,
  width,
  rows = 4,
}: {
  view: CouncilView;
  st: SimState;
  width: number;
  /** Lines it may use: with 5 or more the pivotal states get a line of their own. */
  rows?: number;
}) {
  const color = useColor();
  const r = view.result;
  const n = view.ballots.length;
  const total = r.for.population + r.against.population + r.abstain.population + r.absent.population || 100;
  const w = Math.max(10, width - 29);
  const pop = stackBar(
    w,
    [
      [r.for.population / total, '█'],
      [r.abstain.population / total, '▒'],
      [r.against.population / total, '░'],
    ],
    [0.65],
  );
  const states = stackBar(
    w,
    [
      [r.for.states / n, '█'],
      [r.abstain.states / n, '▒'],
      [r.against.states / n, '░'],
    ],
    [0.55],
  );
  const tail = r.qualifiedMajorityAgainst
    ? ' · QM AGAINST'
    : r.blockingMinority
      ? ' · blocking minority'
      : '';
  const verdict = `QM for ${r.qualifiedMajorityFor ? '✓ reached' : '✗ not reached'}: ${signed(r.marginFor.states, 0)} states, ${signed(r.marginFor.population)} pts pop${tail}`;
  const pivotal = pivotalLine(view);
  const ownLine = rows >= 5;
  return (
    <Box flexDirection="column" width={width}>
      <Title text={`Council now · ${aciText(st)}`} width={width} />
      <Text wrap="truncate-end">
        {'pop    '}
        <Bar text={pop} />
        {` ${SYMBOL.for}${r.for.population.toFixed(0)} ${SYMBOL.abstain}${r.abstain.population.toFixed(0)} ${SYMBOL.against}${r.against.population.toFixed(0)} %  ┃65%`}
      </Text>
      <Text wrap="truncate-end">
        {'states '}
        <Bar text={states} />
        {` ${SYMBOL.for}${r.for.states} ${SYMBOL.abstain}${r.abstain.states} ${SYMBOL.against}${r.against.states} /${n} ┃55%`}
      </Text>
      <Text wrap="truncate-end" color={r.qualifiedMajorityFor ? color('good') : color('bad')}>
        {ownLine
          ? verdict
          : verdictWithPivotal(
              r,
              tail,
              verdict,
              pivotalBallots(view).map((b) => b.id),
              width,
            )}
      </Text>
      {ownLine ? <Text wrap="truncate-end">{pivotal}</Text> : null}
    </Box>
  );
});

/** The pivotal states with their population: "⇄ pivotal: DE 18.5%, FR 15.2% · c board". */
function pivotalLine(view: CouncilView): string {
  const named = pivotalBallots(view).map((b) => `${b.id} ${b.population.toFixed(1)}%`);
  return `${PIVOTAL} pivotal: ${named.length ? named.join(', ') : 'none'} · c board`;
}

const pivotalBallots = (view: CouncilView) =>
  view.ballots.filter((b) => view.pivotal.includes(b.id)).sort((a, b) => b.population - a.population);

/** The verdict and the pivotal states on one line: the longest form that fits. */
function verdictWithPivotal(
  r: CouncilView['result'],
  tail: string,
  verdict: string,
  pivotal: readonly string[],
  width: number,
): string {
  const ids = pivotal.length ? pivotal.join(' ') : 'none';
  const short = `QM for ${r.qualifiedMajorityFor ? '✓' : '✗'} ${signed(r.marginFor.states, 0)} states ${signed(r.marginFor.population)} pts${tail}`;
  const forms = [
    `${verdict} · ${PIVOTAL} pivotal ${ids}`,
    `${short} · ${PIVOTAL} pivotal ${ids}`,
    `${short} · ${PIVOTAL} ${ids}`,
  ];
  return forms.find((f) => f.length <= width) ?? forms[forms.length - 1]!;
}

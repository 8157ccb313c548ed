// The escalation ladder: rungs 6…0, each side's rung marked, the highest in force ▶.
import { Box, Text } from 'ink';
import { memo } from 'react';
import { RUNG_NAMES, rungOf, type Scenario, type SimState } from '../../engine/index.js';
import { padTo } from '../draw.js';
import { SYMBOL, useColor } from '../theme.js';
import { Title } from './Title.js';

/** The rung of one side's levels in force (the engine's rungOf on that side's measures only). */
export function sideRung(sc: Scenario, st: SimState, bloc: 'target' | 'coercer'): number {
  const levels = st.measures.map((m, i) => (sc.measures[i]!.bloc === bloc ? m.level : 0));
  return rungOf(sc, levels);
}

export const Ladder = memo(function Ladder({ sc, st, width }: { sc: Scenario; st: SimState; width: number }) {
  const color = useColor();
  const eu = sideRung(sc, st, 'target');
  const cn = sideRung(sc, st, 'coercer');
  const now = Math.max(eu, cn);
  const rungs = RUNG_NAMES.map((name, r) => ({ name, r })).reverse();
  return (
    <Box flexDirection="column" width={width}>
      <Title text={`Escalation · rung ${now} of 6`} width={width} />
      {rungs.map(({ name, r }) => (
        <Text key={r} wrap="truncate-end">
          <Text bold={r === now} color={r === now ? color(now >= 5 ? 'bad' : 'warn') : undefined}>
            {r === now ? SYMBOL.here : ' '}
            {padTo(`${r} ${name}`, width - 11)}
          </Text>
          <Text color={color('target')}>{r === eu ? ' ◀EU' : '    '}</Text>
          <Text color={color('coercer')}>{r === cn ? ' ◀CN' : '    '}</Text>
          <Text color={color('muted')}>{r === st.peakRung && r > now ? ' ^' : ''}</Text>
        </Text>
      ))}
    </Box>
  );
});

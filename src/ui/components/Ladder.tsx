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
  const target = sideRung(sc, st, 'target');
  const coercer = sideRung(sc, st, 'coercer');
  const now = Math.max(target, coercer);
  // Each side's marker carries its id (◀EU ◀CN, ◀JP ◀CN, ◀CN ◀US …).
  const mark = (id: string, on: boolean) => (on ? ` ◀${id}` : ' '.repeat(id.length + 2));
  const T = sc.blocs.target.id;
  const C = sc.blocs.coercer.id;
  const rungs = RUNG_NAMES.map((name, r) => ({ name, r })).reverse();
  return (
    <Box flexDirection="column" width={width}>
      <Title text={`Escalation · rung ${now} of 6`} width={width} />
      {rungs.map(({ name, r }) => (
        <Text key={r} wrap="truncate-end">
          <Text bold={r === now} color={r === now ? color(now >= 5 ? 'bad' : 'warn') : undefined}>
            {r === now ? SYMBOL.here : ' '}
            {padTo(`${r} ${name}`, width - 7 - T.length - C.length)}
          </Text>
          <Text color={color('target')}>{mark(T, r === target)}</Text>
          <Text color={color('coercer')}>{mark(C, r === coercer)}</Text>
          <Text color={color('muted')}>{r === st.peakRung && r > now ? ' ^' : ''}</Text>
        </Text>
      ))}
    </Box>
  );
});

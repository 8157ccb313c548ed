// The main dependencies: how much is cut, stocks or serviced capacity left, and substitution.
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { Scenario, SimState } from '../../engine/index.js';
import { distinctNames, fmtPct } from '../draw.js';
import { useColor } from '../theme.js';
import { Title } from './Title.js';

/** Dependencies under restriction first, then by value. */
export function mainDependencies(sc: Scenario, st: SimState, n: number): number[] {
  return sc.dependencies
    .map((d, i) => ({ i, cut: st.deps[i]!.restriction > 0 || st.deps[i]!.tariff > 0, value: d.value }))
    .sort((a, b) => Number(b.cut) - Number(a.cut) || b.value - a.value)
    .slice(0, n)
    .map((x) => x.i);
}

export const StocksPanel = memo(function StocksPanel({
  sc,
  st,
  width,
  rows,
}: {
  sc: Scenario;
  st: SimState;
  width: number;
  rows: number;
}) {
  const color = useColor();
  const shown = mainDependencies(sc, st, rows);
  const names = distinctNames(
    shown.map((i) => sc.dependencies[i]!.name),
    width - 23,
  );
  return (
    <Box flexDirection="column" width={width}>
      <Title text="Flows · cut · stock or service · substituted" width={width} />
      {shown.map((i, k) => {
        const d = sc.dependencies[i]!;
        const s = st.deps[i]!;
        const low = d.mechanism === 'supply' ? s.buffer < 1 && s.restriction > 0 : s.availability < 0.9;
        const left =
          d.mechanism === 'supply'
            ? `${s.buffer.toFixed(1)}mo`
            : d.mechanism === 'service'
              ? `av${fmtPct(s.availability)}`
              : `tar${fmtPct(s.tariff)}`;
        return (
          <Text key={d.id} wrap="truncate-end">
            {names[k]!.padEnd(width - 23)}
            <Text color={s.restriction > 0 ? color('harm') : undefined}>
              {' '}
              cut{fmtPct(s.restriction).padStart(4)}
            </Text>
            <Text color={low ? color('bad') : undefined}> {left.padStart(6)}</Text>
            <Text color={color('good')}> sub{fmtPct(s.substituted).padStart(4)}</Text>
          </Text>
        );
      })}
    </Box>
  );
});

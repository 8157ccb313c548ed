// One line: a side's measures in force (level > 0) or on their way.
import { Text } from 'ink';
import type { Role, Scenario, SimState } from '../../engine/index.js';
import { useColor, useSides } from '../theme.js';

export function inForceText(sc: Scenario, st: SimState, bloc: Role): string {
  const parts = sc.measures
    .map((m, i) => ({ m, ms: st.measures[i]! }))
    .filter(({ m, ms }) => m.bloc === bloc && (ms.level > 0 || ms.pending))
    .map(({ m, ms }) => `${m.name} ${ms.level}${ms.pending ? `⧗${ms.pending.level}` : ''}`);
  return parts.length > 0 ? parts.join(' · ') : 'nothing';
}

export function InForce({ sc, st, bloc, width }: { sc: Scenario; st: SimState; bloc: Role; width: number }) {
  const { team } = useSides();
  const color = useColor();
  return (
    <Text wrap="truncate-end">
      <Text color={color(bloc)} bold>
        {team[bloc]} in force:{' '}
      </Text>
      <Text>{inForceText(sc, st, bloc).slice(0, width * 2)}</Text>
    </Text>
  );
}

// The landing zone on [0,1]: where the target accepts (q ≤ targetMax), where the coercer
// accepts (q ≥ coercerMin), and their overlap — as a team sees it, or the truth.
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { Deal, Role, ZoneView } from '../../engine/index.js';
import { fmtBn, runs, zoneBar } from '../draw.js';
import { type Hue, useColor, useSides } from '../theme.js';
import { Title } from './Title.js';

/** Whose estimate is drawn: the truth, a team's, or none (hot-seat between turns). */
export type ZoneLens = 'truth' | Role | 'hidden';

const CELL_ROLE: Record<string, Hue> = { '═': 'target', '─': 'coercer', '█': 'zone', '·': 'muted' };

export const boundsOf = (z: ZoneView, lens: 'truth' | Role) =>
  lens === 'truth'
    ? { coercerMin: z.coercerMin, targetMax: z.targetMax }
    : lens === 'target'
      ? z.targetSees
      : z.coercerSees;

export function ZoneBarLine({ z, lens, width }: { z: ZoneView; lens: 'truth' | Role; width: number }) {
  const color = useColor();
  const b = boundsOf(z, lens);
  return (
    <Text wrap="truncate-end">
      <Text>0 </Text>
      {runs(zoneBar(width, b.targetMax, b.coercerMin)).map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: runs have no identity but their place
        <Text key={i} color={color(CELL_ROLE[r[0]!] ?? 'muted')}>
          {r}
        </Text>
      ))}
      <Text> 1</Text>
    </Text>
  );
}

/** One line saying what q and the zone are: the longest wording that fits the width. */
export function qLine(team: { target: string; coercer: string }, width: number): string {
  const { target: t, coercer: c } = team;
  const forms = [
    `q = deal terms, 0: ${c} gets nothing, 1: ${t} yields all · █ zone: both accept`,
    `q 0: ${c} gets nothing, 1: ${t} yields all · █ both accept`,
    `q 0: ${c} gets nothing, 1: ${t} yields all · █ deal`,
    `q 0: ${c} gets none, 1: ${t} all · █ both accept`,
    `q 0: ${c} gets none, 1: ${t} all · █ deal`,
  ];
  return forms.find((f) => f.length <= width) ?? forms[forms.length - 1]!;
}

export const ZonePanel = memo(function ZonePanel(props: {
  zone: ZoneView | null;
  lens: ZoneLens;
  deal: Deal | null;
  width: number;
  barWidth: number;
  facilitator: boolean;
}) {
  const { team } = useSides();
  const { zone, lens, deal, width, barWidth } = props;
  const color = useColor();
  const whose = lens === 'truth' ? 'true bounds' : lens === 'hidden' ? 'hidden' : `as ${team[lens]} sees it`;
  const dealLine = deal ? `deal in force: q = ${deal.q.toFixed(2)} since round ${deal.round}` : null;
  if (!zone || lens === 'hidden')
    return (
      <Box flexDirection="column" width={width}>
        <Title text={`Landing zone · ${whose}`} width={width} />
        <Text color={color('muted')} wrap="truncate-end">
          {zone
            ? 'each team sees its own estimate on its turn (f: facilitator view)'
            : 'no estimate before the first round'}
        </Text>
        <Text wrap="truncate-end" color={dealLine ? color('good') : color('muted')}>
          {dealLine ?? qLine(team, width)}
        </Text>
        <Text> </Text>
      </Box>
    );
  const b = boundsOf(zone, lens);
  const verdict =
    b.coercerMin <= b.targetMax
      ? `█ zone ${b.coercerMin.toFixed(2)}–${b.targetMax.toFixed(2)}`
      : `no zone: gap ${(b.coercerMin - b.targetMax).toFixed(2)}`;
  return (
    <Box flexDirection="column" width={width}>
      <Title text={`Landing zone · ${whose}`} width={width} />
      <ZoneBarLine z={zone} lens={lens} width={barWidth} />
      <Text wrap="truncate-end">
        <Text color={color('target')}>
          ═ {team.target} ≤{b.targetMax.toFixed(2)}
        </Text>
        <Text> </Text>
        <Text color={color('coercer')}>
          ─ {team.coercer} ≥{b.coercerMin.toFixed(2)}
        </Text>
        <Text> </Text>
        <Text color={b.coercerMin <= b.targetMax ? color('zone') : color('bad')}>{verdict}</Text>
      </Text>
      <Text wrap="truncate-end" color={dealLine ? color('good') : color('muted')}>
        {dealLine ??
          (props.facilitator
            ? `${team.target} sees ${team.coercer} ≥ ${zone.targetSees.coercerMin.toFixed(2)} · ${team.coercer} sees ${team.target} ≤ ${zone.coercerSees.targetMax.toFixed(2)} · going on costs ${team.target} ${fmtBn(zone.costTarget)}, ${team.coercer} ${fmtBn(zone.costCoercer)} bn`
            : qLine(team, width))}
      </Text>
    </Box>
  );
});

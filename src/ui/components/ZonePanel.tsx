// The landing zone on [0,1]: where the EU accepts (q ≤ euMax), where China
// accepts (q ≥ cnMin), and their overlap — as a team sees it, or the truth.
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { BlocId, Deal, ZoneView } from '../../engine/index.js';
import { fmtBn, runs, zoneBar } from '../draw.js';
import { type Role, TEAM_NAME, useColor } from '../theme.js';
import { Title } from './Title.js';

/** Whose estimate is drawn: the truth, a team's, or none (hot-seat between turns). */
export type ZoneLens = 'truth' | BlocId | 'hidden';

const CELL_ROLE: Record<string, Role> = { '═': 'EU', '─': 'CN', '█': 'zone', '·': 'muted' };

export const boundsOf = (z: ZoneView, lens: 'truth' | BlocId) =>
  lens === 'truth' ? { cnMin: z.cnMin, euMax: z.euMax } : lens === 'EU' ? z.euSees : z.cnSees;

export function ZoneBarLine({ z, lens, width }: { z: ZoneView; lens: 'truth' | BlocId; width: number }) {
  const color = useColor();
  const b = boundsOf(z, lens);
  return (
    <Text wrap="truncate-end">
      <Text>0 </Text>
      {runs(zoneBar(width, b.euMax, b.cnMin)).map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: runs have no identity but their place
        <Text key={i} color={color(CELL_ROLE[r[0]!] ?? 'muted')}>
          {r}
        </Text>
      ))}
      <Text> 1</Text>
    </Text>
  );
}

export const ZonePanel = memo(function ZonePanel(props: {
  zone: ZoneView | null;
  lens: ZoneLens;
  deal: Deal | null;
  width: number;
  barWidth: number;
  facilitator: boolean;
}) {
  const { zone, lens, deal, width, barWidth } = props;
  const color = useColor();
  const whose =
    lens === 'truth' ? 'true bounds' : lens === 'hidden' ? 'hidden' : `as ${TEAM_NAME[lens]} sees it`;
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
        <Text wrap="truncate-end" color={color('good')}>
          {dealLine ?? ' '}
        </Text>
        <Text> </Text>
      </Box>
    );
  const b = boundsOf(zone, lens);
  const verdict =
    b.cnMin <= b.euMax
      ? `█ zone ${b.cnMin.toFixed(2)}–${b.euMax.toFixed(2)}`
      : `no zone: gap ${(b.cnMin - b.euMax).toFixed(2)}`;
  return (
    <Box flexDirection="column" width={width}>
      <Title text={`Landing zone · ${whose}`} width={width} />
      <ZoneBarLine z={zone} lens={lens} width={barWidth} />
      <Text wrap="truncate-end">
        <Text color={color('EU')}>═ EU ≤{b.euMax.toFixed(2)}</Text>
        <Text> </Text>
        <Text color={color('CN')}>─ China ≥{b.cnMin.toFixed(2)}</Text>
        <Text> </Text>
        <Text color={b.cnMin <= b.euMax ? color('zone') : color('bad')}>{verdict}</Text>
      </Text>
      <Text wrap="truncate-end" color={dealLine ? color('good') : color('muted')}>
        {dealLine ??
          (props.facilitator
            ? `EU sees China ≥ ${zone.euSees.cnMin.toFixed(2)} · China sees EU ≤ ${zone.cnSees.euMax.toFixed(2)} · going on costs EU ${fmtBn(zone.costEU)}, China ${fmtBn(zone.costCN)} bn`
            : ' ')}
      </Text>
    </Box>
  );
});

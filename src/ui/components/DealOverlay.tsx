// The deal form: terms q in steps of 0.05 against the zone as the team
// sees it, and which measures stay in force (everything else is lifted).
import { Box, Text } from 'ink';
import type { Scenario, SimState } from '../../engine/index.js';
import { outsideZone } from '../deal-terms.js';
import { markerAt } from '../draw.js';
import type { DealForm } from '../overlay.js';
import { dealRows } from '../state/form-keys.js';
import { SYMBOL, useColor, useSides } from '../theme.js';
import { levelName } from '../words.js';
import { Card } from './Card.js';
import { ZoneBarLine } from './ZonePanel.js';

export function DealOverlay({
  form,
  sc,
  st,
  facilitator,
  width,
  height,
  barWidth,
}: {
  form: DealForm;
  sc: Scenario;
  st: SimState;
  facilitator: boolean;
  width: number;
  height: number;
  barWidth: number;
}) {
  const { team, short } = useSides();
  const color = useColor();
  const rows = dealRows(sc, st);
  const lens = facilitator ? 'truth' : form.bloc;
  const room = Math.max(1, height - 8);
  const warning = outsideZone(st.zone, form.bloc, form.q, short);
  const first = Math.max(0, Math.min(form.row - 1 - Math.floor(room / 2), rows.length - room));
  return (
    <Card
      title={`${team[form.bloc]}'s offer · ↑↓ row · ←→ change · space keep · Enter offer · ⌫ withdraw · Esc`}
      width={width}
      height={height}
    >
      <Text bold={form.row === 0}>
        {form.row === 0 ? SYMBOL.cursor : ' '} Terms q = {form.q.toFixed(2)}
        <Text color={color('muted')}>
          {' '}
          (0: {short.coercer} lifts its measures, gets nothing · 1: {short.target} concedes all)
        </Text>
      </Text>
      {st.zone ? (
        <>
          <Box>
            <Text>{'  '}</Text>
            <ZoneBarLine z={st.zone} lens={lens} width={barWidth} />
            <Text color={color('muted')}>
              {' '}
              {lens === 'truth' ? 'true bounds' : `as ${team[lens]} sees it`}
            </Text>
          </Box>
          <Text color={color('accent')}>
            {'    '}
            {markerAt(barWidth, form.q)} q
          </Text>
        </>
      ) : (
        <Text color={color('muted')}> no estimate of the zone before the first round</Text>
      )}
      <Text wrap="truncate-end" color={warning ? color('warn') : color('muted')} bold={form.warned === true}>
        {warning
          ? `${form.warned ? '! Enter again sends it: ' : ''}${warning}`
          : st.zone
            ? `inside the zone ${team[form.bloc]} sees`
            : ' '}
      </Text>
      <Text>Keep in force (everything else is lifted):</Text>
      {rows.length === 0 ? <Text color={color('muted')}> no measures in force</Text> : null}
      {rows.slice(first, first + room).map((id, k) => {
        const i = sc.measures.findIndex((m) => m.id === id);
        const m = sc.measures[i]!;
        const row = first + k + 1;
        const kept = form.keep.includes(id);
        return (
          <Text key={id} wrap="truncate-end" bold={form.row === row}>
            {form.row === row ? SYMBOL.cursor : ' '} {kept ? '[x] keep ' : '[ ] lift '}
            <Text color={color(m.bloc)}>{team[m.bloc]}</Text> {m.name} · level {st.measures[i]!.level}{' '}
            {levelName(m, st.measures[i]!.level)}
          </Text>
        );
      })}
    </Card>
  );
}

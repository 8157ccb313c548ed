// The inject form: a scripted event of the scenario, or a free-text shock
// with support shifts per member state and forced measure levels.
import { Text } from 'ink';
import type { Scenario } from '../../engine/index.js';
import type { InjectForm } from '../overlay.js';
import { effectRows } from '../state/form-keys.js';
import { SYMBOL, useColor, useSides } from '../theme.js';
import { levelName } from '../words.js';
import { Card } from './Card.js';

const window = (row: number, n: number, room: number) =>
  Math.max(0, Math.min(row - Math.floor(room / 2), n - room));

export function InjectOverlay({
  form,
  sc,
  width,
  height,
}: {
  form: InjectForm;
  sc: Scenario;
  width: number;
  height: number;
}) {
  const { team } = useSides();
  const color = useColor();
  const room = Math.max(1, height - 3);
  if (form.step === 'text')
    return (
      <Card title="Inject a shock · type its text · Enter next · Esc back" width={width} height={height}>
        <Text color={color('muted')}>What happens? (it opens the round, before the orders)</Text>
        <Text wrap="wrap">
          {'> '}
          {form.text}
          <Text inverse> </Text>
        </Text>
      </Card>
    );
  if (form.step === 'pick') {
    const items = [
      ...sc.events.map((e) => `scripted for round ${e.round}: ${e.text}`),
      '✎ a free-text shock…',
    ];
    const first = window(form.row, items.length, room);
    return (
      <Card
        title="Inject an event this round · ↑↓ choose · Enter take · Esc cancel"
        width={width}
        height={height}
      >
        {items.slice(first, first + room).map((t, k) => (
          <Text key={t} wrap="truncate-end" bold={first + k === form.row}>
            {first + k === form.row ? SYMBOL.cursor : ' '} {t}
          </Text>
        ))}
      </Card>
    );
  }
  const rows = effectRows(sc);
  const first = window(form.row, rows.length, room - 1);
  return (
    <Card title="Effects · ↑↓ choose · ←→ change · Enter inject · Esc back" width={width} height={height}>
      <Text wrap="truncate-end" color={color('accent')}>
        “{form.text}”
      </Text>
      {rows.slice(first, first + room - 1).map((r, k) => {
        const sel = first + k === form.row;
        const mark = sel ? SYMBOL.cursor : ' ';
        if ('state' in r) {
          const s = sc.states.find((x) => x.id === r.state)!;
          const v = form.support[r.state] ?? 0;
          return (
            <Text key={r.state} bold={sel} wrap="truncate-end">
              {mark} support of {s.id} {s.name}:{' '}
              <Text color={v > 0 ? color('for') : v < 0 ? color('against') : undefined}>
                {v === 0 ? 'unchanged' : `${v > 0 ? '+' : ''}${v.toFixed(2)} (log-odds for countermeasures)`}
              </Text>
            </Text>
          );
        }
        const m = sc.measures.find((x) => x.id === r.measure)!;
        const lv = form.levels[r.measure];
        return (
          <Text key={r.measure} bold={sel} wrap="truncate-end">
            {mark} {team[m.bloc]} {m.name}:{' '}
            <Text color={lv === undefined ? undefined : color('warn')}>
              {lv === undefined ? 'unchanged' : `forced to ${lv} ${levelName(m, lv)}`}
            </Text>
          </Text>
        );
      })}
    </Card>
  );
}

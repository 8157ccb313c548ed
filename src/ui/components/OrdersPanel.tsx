// A team's turn: its measures with the level in force, the level chosen and
// any pending step; the selected measure's details; the preview of next
// round; the other side's measures in force.
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import {
  type Inject,
  levelsAfter,
  type Measure,
  measureCost,
  other,
  type Proposal,
  type Role,
  type Scenario,
  type SimState,
} from '../../engine/index.js';
import { costLine } from '../cost-line.js';
import { targetLevel } from '../draft.js';
import { distinctNames, fmtBn, fmtDelta, truncate } from '../draw.js';
import { SYMBOL, useColor, useSides } from '../theme.js';
import { basisText, levelName, pendingText } from '../words.js';
import { InForce } from './InForce.js';
import { Title } from './Title.js';

export interface Preview {
  harm: number;
  cost: number;
  dHarm: number;
  dCost: number;
}

export interface OrdersPanelProps {
  sc: Scenario;
  st: SimState;
  bloc: Role;
  levels: Record<string, number>;
  cursor: number;
  preview: Preview;
  proposal: Proposal | undefined;
  backDown: boolean;
  injects: readonly Inject[];
  width: number;
  rows: number;
}

export function OrdersPanel(p: OrdersPanelProps) {
  const { team, ids } = useSides();
  const { sc, st, bloc, width } = p;
  const color = useColor();
  const mine = sc.measures.map((m, index) => ({ m, index })).filter(({ m }) => m.bloc === bloc);
  const extras = extrasText(p);
  const otherRows = 1;
  // Narrow panels give the preview two lines.
  const twoLines = width < 60;
  const listRows = Math.max(1, p.rows - 4 - otherRows - (extras ? 1 : 0) - (twoLines ? 1 : 0));
  const cursor = Math.min(p.cursor, Math.max(0, mine.length - 1));
  const start = Math.max(0, Math.min(cursor - Math.floor(listRows / 2), mine.length - listRows));
  const shown = mine.slice(start, start + listRows);
  const longest = Math.max(16, ...mine.map(({ m }) => m.name.length));
  const nameWidth = Math.min(longest, Math.floor((width - 4) * (width < 60 ? 0.5 : 0.6)));
  const names = distinctNames(
    mine.map(({ m }) => m.name),
    nameWidth,
  );
  const sel = mine[cursor];
  const selLevel = sel ? (p.levels[sel.m.id] ?? st.measures[sel.index]!.level) : 0;
  const levelsKey = JSON.stringify(p.levels);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the levels are read through their key
  const cost = useMemo(
    () =>
      sel
        ? measureCost(sc, st, levelsAfter(sc, st, { set: JSON.parse(levelsKey) }), sel.index, selLevel)
        : null,
    [sc, st, sel?.index, selLevel, levelsKey],
  );
  const range = mine.length > listRows ? ` (${start + 1}–${start + shown.length} of ${mine.length})` : '';
  return (
    <Box flexDirection="column" width={width} height={p.rows}>
      <Title text={`${team[bloc]} orders${range} · ↑↓ measure · ←→ level`} width={width} />
      {shown.map(({ m, index }, k) => {
        const ms = st.measures[index]!;
        const chosen = p.levels[m.id] ?? ms.level;
        const changed = chosen !== targetLevel(st, index);
        const isSel = start + k === cursor;
        const text = !changed
          ? `${ms.level} ${levelName(m, ms.level)}${ms.pending ? ` ${SYMBOL.pending}${ms.pending.level} ${levelName(m, ms.pending.level)}` : ''}`
          : chosen === ms.level
            ? `${ms.level} ${levelName(m, ms.level)} * cancels ${SYMBOL.pending}${ms.pending?.level ?? ''}`
            : `${ms.level}→${chosen} ${levelName(m, chosen)} *`;
        return (
          <Text key={m.id} wrap="truncate-end" bold={isSel} inverse={isSel && color('accent') !== undefined}>
            {isSel ? SYMBOL.cursor : ' '} {names[start + k]!.padEnd(nameWidth)}{' '}
            <Text color={changed ? color('accent') : undefined}>{truncate(text, width - nameWidth - 4)}</Text>
          </Text>
        );
      })}
      {Array.from({ length: listRows - shown.length }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: blank filler lines have no identity
        <Text key={i}> </Text>
      ))}
      <Text wrap="truncate-end" color={color('muted')}>
        {sel ? `  ${detailText(sel.m, st.measures[sel.index]!, st)}` : '  no measures for this side'}
      </Text>
      <Text wrap="truncate-end">
        {cost ? `  ${costLine(cost, selLevel, ids[other(bloc)], ids[bloc], width - 2)}` : ' '}
      </Text>
      <Text wrap="truncate-end">
        <Text>{twoLines ? 'next round: ' : 'preview, next round: '}</Text>
        <Text color={color('harm')}>
          {p.sc.blocs[other(bloc)].id} harm {fmtBn(p.preview.harm)} ({fmtDelta(p.preview.dHarm)})
        </Text>
        {twoLines ? null : <Text> · </Text>}
        {twoLines ? null : <CostText bloc={bloc} preview={p.preview} />}
      </Text>
      {twoLines ? (
        <Text wrap="truncate-end">
          {'            '}
          <CostText bloc={bloc} preview={p.preview} />
        </Text>
      ) : null}
      {extras ? (
        <Text wrap="truncate-end" color={color('warn')}>
          {extras}
        </Text>
      ) : null}
      <InForce sc={sc} st={st} bloc={other(bloc)} width={width} />
    </Box>
  );
}

function extrasText(p: OrdersPanelProps): string {
  const parts: string[] = [];
  if (p.proposal)
    parts.push(
      `your offer: q = ${p.proposal.q.toFixed(2)}${p.proposal.keep?.length ? ` keeping ${p.proposal.keep.length}` : ''}`,
    );
  if (p.backDown) parts.push('BACKING DOWN this round');
  // The scenario's own events of the round about to be played, before the orders are set.
  for (const e of p.sc.events) if (e.round === p.st.round + 1) parts.push(`◆ this round: ${e.text}`);
  for (const i of p.injects) parts.push(`inject: ${i.text}`);
  return parts.join(' · ');
}

function detailText(m: Measure, ms: SimState['measures'][number], st: SimState): string {
  const pending = ms.pending
    ? `${SYMBOL.pending} level ${ms.pending.level}: ${pendingText(ms.pending, st.aci.stage, m)} · `
    : '';
  return `${pending}${basisText(m)}${m.reversible ? '' : ' · irreversible'}`;
}

function CostText({ bloc, preview }: { bloc: Role; preview: Preview }) {
  const color = useColor();
  const { ids } = useSides();
  return (
    <Text color={color('cost')}>
      {ids[bloc]} cost {fmtBn(preview.cost)} ({fmtDelta(preview.dCost)}) EUR bn
    </Text>
  );
}

// Builds game journals for the report tests by playing a scenario: computer
// players choose the orders a side does not script, as a game would record them.
import { writeFile } from 'node:fs/promises';
import {
  computerOrders,
  initialState,
  isOver,
  type Orders,
  type SimState,
  step,
} from '../../src/engine/index.js';
import type { Journal } from '../../src/io/journal.js';
import { loadScenario } from '../../src/io/load-scenario.js';

export const ROOT = new URL('../../', import.meta.url).pathname;

export interface Scripted {
  orders?: Orders;
  notes?: { bloc: 'target' | 'coercer' | null; text: string }[];
}

export interface PlaySpec {
  ref: string;
  set?: Record<string, number | string>;
  seed: string;
  players: { target: string; coercer: string };
  /** Stop after this many rounds (default: until the game is over). */
  rounds?: number;
  /** Orders and notes for a round; sides without scripted orders are played by their policy. */
  script?: (round: number, st: SimState, computer: Orders) => Scripted;
  created?: string;
}

export async function playJournal(spec: PlaySpec): Promise<Journal> {
  const loaded = await loadScenario(spec.ref, { cwd: ROOT, set: spec.set ?? {} });
  if (!loaded.ok) throw new Error(loaded.error.map((d) => d.message).join('\n'));
  const sc = loaded.value.scenario;
  const policyOf = (id: string) => sc.policies[id] ?? sc.policies.graduated!;
  const policies = { target: policyOf(spec.players.target), coercer: policyOf(spec.players.coercer) };
  let st = initialState(sc, spec.seed);
  const rounds: Journal['rounds'] = [];
  while (!isOver(sc, st) && rounds.length < (spec.rounds ?? Number.POSITIVE_INFINITY)) {
    const computer = computerOrders(sc, st, policies);
    const s = spec.script?.(st.round + 1, st, computer) ?? {};
    const orders: Orders = { ...computer, ...s.orders };
    for (const k of Object.keys(orders) as (keyof Orders)[]) if (orders[k] === undefined) delete orders[k];
    st = step(sc, st, orders).state;
    rounds.push({ orders: orders as Journal['rounds'][number]['orders'], notes: s.notes ?? [] });
  }
  const created = spec.created ?? '2026-03-12T09:30:00.000Z';
  return {
    format: 'aci-sim-journal',
    version: 2,
    sides: { target: sc.blocs.target.id, coercer: sc.blocs.coercer.id },
    scenario: { id: sc.id, ref: spec.ref, hash: loaded.value.hash },
    seed: spec.seed,
    players: spec.players,
    set: spec.set ?? {},
    created,
    updated: created.replace('09:30', '11:05'),
    rounds,
  };
}

export async function saveJournal(path: string, j: Journal): Promise<void> {
  await writeFile(path, `${JSON.stringify(j, null, 2)}\n`);
}

// Who plays each side of a game: the --eu/--cn/--player flags checked
// against the scenario, and a side no team can move handed to the computer
// (or the game refused, naming the command to use instead).
import {
  other,
  playableSides,
  ROLES,
  type Role,
  type Scenario,
  type Unplayable,
  unplayable,
} from '../engine/index.js';
import { type Diagnostic, fileDiag } from '../io/diagnostics.js';
import { choosePolicies, roleOfKey } from './commands/run.js';

const WHY: Record<Unplayable, string> = {
  'no-measures': 'has no measures in this scenario',
  scripted: "follows the record: the scenario's events set its measures every round",
};

/**
 * A team plays only a side it can move (engine/playable.ts). The default human side that cannot is
 * handed to the computer and the team plays the other side; a side named human that cannot, or a
 * scenario with no side to play, is refused with the command that runs it instead. Returns a line
 * for the status bar when the sides were swapped.
 */
export function fitPlayers(
  sc: Scenario,
  players: Record<Role, string>,
  flags: Partial<Record<Role, string>>,
  ref: string,
  seed: number,
  problems: Diagnostic[],
): string | null {
  const run = `aci-sim run ${ref} --seed ${seed}`;
  const can = playableSides(sc);
  let note: string | null = null;
  for (const b of ROLES) {
    const why = unplayable(sc, b);
    if (players[b] !== 'human' || why === null) continue;
    const o = other(b);
    const name = sc.blocs[b].short;
    if (can.length === 0) {
      problems.push(
        fileDiag(
          flags[b] ?? ref,
          'cli/not-playable',
          `scenario "${sc.id}" is a replay, not a game: ${ROLES.map((r) => `${sc.blocs[r].short} ${WHY[unplayable(sc, r)!]}`).join('; ')}. Watch it with: ${run}`,
        ),
      );
      return null;
    }
    if (flags[b] !== undefined || flags[o] !== undefined) {
      problems.push(
        fileDiag(
          flags[b] ?? flags[o]!,
          'cli/not-playable',
          `${name} ${WHY[why]}: a team cannot play it. Play ${sc.blocs[o].short}: aci-sim play ${ref} --player ${sc.blocs[o].id}=human --player ${sc.blocs[b].id}=computer, or watch it with: ${run}`,
        ),
      );
      return null;
    }
    players[b] = computerOf(sc, b);
    players[o] = 'human';
    note = `${name} ${WHY[why]}: you play ${sc.blocs[o].short} (${name}: ${players[b]})`;
  }
  return note;
}

/** The scenario's own computer player for a side ('computer' on the command line). */
function computerOf(sc: Scenario, b: Role): string {
  const p = sc.players[b];
  return p && p !== 'human' ? p : (Object.keys(sc.policies)[0] ?? 'hold');
}

/** Policy names are checked as `run --policy` checks them; 'human' is a team at the keyboard. */
export function checkPlayers(
  sc: Scenario,
  players: Record<Role, string>,
  flags: Partial<Record<Role, string>>,
  problems: Diagnostic[],
): void {
  const computer = ROLES.filter((b) => players[b] !== 'human');
  if (computer.length === 0) return;
  const any = Object.keys(sc.policies)[0] ?? 'hold';
  const found: Diagnostic[] = [];
  choosePolicies(
    sc,
    { target: any, coercer: any },
    computer.map((b) => `${sc.blocs[b].id}=${players[b]}`).join(','),
    found,
  );
  for (const d of found)
    problems.push({
      ...d,
      file: flags[ROLES.find((r) => d.message.includes(` for ${sc.blocs[r].id}`)) ?? 'target'] ?? '--player',
      message: d.message.replace(/\)$/, '; or human for a team at the keyboard)'),
    });
}

/** Who plays each side: the journal's or the defaults, changed by --player SIDE=… (and --eu, --cn). */
export function chosenPlayers(
  sc: Scenario,
  base: Readonly<Record<Role, string>>,
  opts: { readonly player: readonly string[]; readonly eu?: string; readonly cn?: string },
  flags: Partial<Record<Role, string>>,
  problems: Diagnostic[],
): Record<Role, string> {
  const out = { ...base };
  const given: [string, string][] = [
    ...opts.player.map((p): [string, string] => [p, '--player']),
    ...(opts.eu === undefined ? [] : [[`EU=${opts.eu}`, '--eu'] as [string, string]]),
    ...(opts.cn === undefined ? [] : [[`CN=${opts.cn}`, '--cn'] as [string, string]]),
  ];
  const ids = ROLES.map((r) => sc.blocs[r].id);
  for (const [g, flag] of given) {
    const [key = '', player = ''] = g.split('=').map((x) => x.trim());
    const role = roleOfKey(sc, key);
    if (!role || player === '')
      problems.push(
        fileDiag(flag, 'cli/player', `expected SIDE=player with SIDE ${ids.join(' or ')}, got "${g}"`),
      );
    else {
      out[role] = player === 'computer' ? computerOf(sc, role) : player;
      flags[role] = flag;
    }
  }
  return out;
}

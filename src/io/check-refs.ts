// Cross-file checks on the resolved scenario: every id that names something
// elsewhere must exist (with did-you-mean), and levels must be on the ladder.
import type { FormulaRole } from '../engine/formula-roles.js';
import type { Diagnostic } from './diagnostics.js';
import { didYouMean, listSome } from './did-you-mean.js';
import type { Loc } from './overrides.js';
import type { PathSeg } from './paths.js';
import type { ResolvedDef } from './resolve-def.js';

export interface RefContext {
  readonly def: ResolvedDef;
  readonly locate: (defPath: readonly PathSeg[], key?: string) => Loc;
  /** Every measure id defined anywhere under model_dir → the file's model id (read only when needed). */
  readonly measuresAnywhere: () => ReadonlyMap<string, string>;
}

export function checkRefs(ctx: RefContext): Diagnostic[] {
  const { def, locate } = ctx;
  const out: Diagnostic[] = [];
  const states = Object.keys(def.member_states);
  const deps = Object.keys(def.dependencies);
  const measures = Object.keys(def.measures);
  const push = (at: Loc, code: string, message: string, hint?: string) =>
    out.push({ ...at, code, message, ...(hint === undefined ? {} : { hint }) });
  const unknown = (what: string, id: string, known: readonly string[]) => {
    const dym = didYouMean(id, known);
    return {
      message: `unknown ${what} "${id}"${dym}`,
      hint: dym ? undefined : `known: ${listSome(known, 12)}`,
    };
  };
  const stateKeys = (path: PathSeg[], rec: Readonly<Record<string, unknown>> | undefined) => {
    for (const code of Object.keys(rec ?? {}))
      if (!states.includes(code)) {
        const u = unknown('member state', code, states);
        push(locate(path, code), 'ref/unknown-state', u.message, u.hint);
      }
  };
  const measureLevel = (path: PathSeg[], levels: Readonly<Record<string, number>>) => {
    for (const [id, level] of Object.entries(levels)) {
      const m = def.measures[id];
      if (!m) {
        const elsewhere = ctx.measuresAnywhere().get(id);
        const u = unknown('measure', id, measures);
        push(
          locate(path, id),
          'ref/unknown-measure',
          elsewhere ? `measure "${id}" is not in this scenario's models` : u.message,
          elsewhere ? `it is defined in model "${elsewhere}": add that id to models:` : u.hint,
        );
      } else if (level > m.levels.length)
        push(
          locate([...path, id]),
          'ref/level',
          `level ${level} is beyond the ladder of "${id}" (levels 0 to ${m.levels.length})`,
        );
    }
  };

  for (const [id, m] of Object.entries(def.measures)) {
    m.acts_on.forEach((dep, i) => {
      const d = def.dependencies[dep];
      const at = locate(['measures', id, 'acts_on', i]);
      if (!d) {
        const u = unknown('dependency', dep, deps);
        push(at, 'ref/unknown-dependency', u.message, u.hint);
        return;
      }
      const cutter = d.mechanism === 'market' ? d.dependent : d.supplier;
      if (m.bloc !== cutter)
        push(
          at,
          'ref/wrong-bloc',
          d.mechanism === 'market'
            ? `"${dep}" is a market for exports into ${d.dependent}; only ${d.dependent} can restrict it, not ${m.bloc}`
            : `"${dep}" is supplied by ${d.supplier}; only ${d.supplier} can cut it, not ${m.bloc}`,
        );
    });
    if (m.holder !== undefined && !states.includes(m.holder)) {
      const u = unknown('member state', m.holder, states);
      push(locate(['measures', id, 'holder']), 'ref/unknown-state', u.message, u.hint);
    }
    stateKeys(['measures', id, 'pressure'], m.pressure);
  }
  for (const [id, d] of Object.entries(def.dependencies))
    stateKeys(['dependencies', id, 'exposure'], d.exposure);
  // A lever names a measure of any model file; those listed are known without reading the others.
  for (const [code, s] of Object.entries(def.member_states))
    for (const id of Object.keys(s.levers))
      if (!def.measures[id] && !ctx.measuresAnywhere().has(id)) {
        const u = unknown('measure', id, [...ctx.measuresAnywhere().keys()]);
        push(locate(['member_states', code, 'levers'], id), 'ref/unknown-measure', u.message, u.hint);
      }

  measureLevel(['start', 'levels'], def.start.levels);
  // rounds < 1 only when a bad `rounds` was set aside (lenient-parse.ts): that is its own problem.
  const lastRound = def.rounds >= 1 ? def.rounds : Infinity;
  def.events.forEach((e, i) => {
    measureLevel(['events', i, 'levels'], e.levels);
    stateKeys(['events', i, 'support'], e.support);
    if (e.round > lastRound)
      push(
        locate(['events', i, 'round']),
        'ref/round',
        `round ${e.round} is after the last round (${def.rounds})`,
      );
  });
  out.push(...sideRefs(ctx, unknown));
  const ex = def.expect;
  if (ex?.ballots) {
    if (!def.measures[ex.ballots.measure]) {
      const u = unknown('measure', ex.ballots.measure, measures);
      push(locate(['expect', 'ballots', 'measure']), 'ref/unknown-measure', u.message, u.hint);
    }
    stateKeys(['expect', 'ballots', 'votes'], ex.ballots.votes);
    const missing = states.filter((s) => !(s in ex.ballots!.votes));
    if (states.length > 0 && missing.length > 0)
      push(
        locate(['expect', 'ballots', 'votes']),
        'ref/ballots',
        `no recorded ballot for ${missing.join(', ')}`,
      );
    if (ex.ballots.round > lastRound)
      push(
        locate(['expect', 'ballots', 'round']),
        'ref/round',
        `round ${ex.ballots.round} is after the last round (${def.rounds})`,
      );
  }
  if (ex?.series && !def.dependencies[ex.series.dependency]) {
    const u = unknown('dependency', ex.series.dependency, deps);
    push(locate(['expect', 'series', 'dependency']), 'ref/unknown-dependency', u.message, u.hint);
  }
  if (ex && ex.rounds[1] > def.rounds)
    push(locate(['expect', 'rounds']), 'ref/round', `the band ends after the last round (${def.rounds})`);
  for (const [side, p] of Object.entries(def.players)) {
    if (p !== 'human' && !def.policies[p]) {
      const u = unknown('policy', p, ['human', ...Object.keys(def.policies)]);
      push(locate(['players', side]), 'ref/unknown-policy', u.message, u.hint);
    }
  }
  out.push(...formulaConflicts(ctx));
  return out;
}

type Unknown = (
  what: string,
  id: string,
  known: readonly string[],
) => { message: string; hint: string | undefined };

/**
 * The two sides: both defined, players named for exactly them, every flow
 * and measure on one of them, and each legal basis open to its side.
 */
function sideRefs({ def, locate }: RefContext, unknown: Unknown): Diagnostic[] {
  const out: Diagnostic[] = [];
  const push = (at: Loc, code: string, message: string, hint?: string) =>
    out.push({ ...at, code, message, ...(hint === undefined ? {} : { hint }) });
  const defined = Object.keys(def.blocs);
  const two = [def.sides.target, def.sides.coercer];
  for (const role of ['target', 'coercer'] as const) {
    const id = def.sides[role];
    if (!def.blocs[id]) {
      const u = unknown('side', id, defined);
      push(
        locate(['sides', role]),
        'ref/unknown-side',
        u.message,
        u.hint ?? 'list the model that defines it under models:',
      );
    }
  }
  for (const id of two)
    if (def.players[id] === undefined)
      push(
        locate(['players']),
        'ref/players',
        `no player for side ${id}: give players.${id} (human or a policy id)`,
      );
  for (const id of Object.keys(def.players))
    if (!two.includes(id))
      push(
        locate(['players', id]),
        'ref/players',
        `${id} is not a side of this scenario (its sides: ${two.join(', ')})`,
      );
  const onSide = (path: PathSeg[], id: string, what: string) => {
    if (!two.includes(id))
      push(
        locate(path),
        'ref/wrong-side',
        `${what} ${id}, which is not a side of this scenario (its sides: ${two.join(', ')})`,
      );
  };
  for (const [id, d] of Object.entries(def.dependencies)) {
    onSide(['dependencies', id, 'supplier'], d.supplier, 'supplied by');
    onSide(['dependencies', id, 'dependent'], d.dependent, 'needed by');
  }
  const council = two.filter((id) => def.blocs[id]?.decides === 'eu_council');
  if (council.length > 1)
    push(
      locate(['sides']),
      'ref/two-councils',
      'only one side may decide as eu_council (the member states are its)',
    );
  if (council.length === 1 && Object.keys(def.member_states).length === 0)
    push(
      locate(['models']),
      'ref/no-states',
      `${council[0]} decides as eu_council, so the scenario needs its member states: list a member_states model under models:`,
    );
  if (council.length === 0 && Object.keys(def.member_states).length > 0)
    push(
      locate(['models']),
      'ref/no-council',
      'member states are listed, but neither side decides as eu_council: remove the member-states model, or give a side decides: eu_council',
    );
  for (const [id, m] of Object.entries(def.measures)) {
    onSide(['measures', id, 'bloc'], m.bloc, 'taken by');
    const decides = def.blocs[m.bloc]?.decides;
    if (!decides) continue;
    const basis = m.legal_basis;
    if ((basis === 'aci' || basis === 'trade_defence' || basis === 'national') && decides !== 'eu_council')
      push(
        locate(['measures', id, 'legal_basis']),
        'ref/legal-basis',
        `legal basis ${basis} needs a side that decides as eu_council; ${m.bloc} decides as a government (use government)`,
      );
    if (basis === 'government' && decides !== 'government')
      push(
        locate(['measures', id, 'legal_basis']),
        'ref/legal-basis',
        `legal basis government is for a side that decides as a government; ${m.bloc} decides as eu_council (use aci, trade_defence or national)`,
      );
  }
  return out;
}

/** Two measures acting on one dependency may not both replace the same formula. */
function formulaConflicts({ def, locate }: RefContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, string>();
  for (const [id, m] of Object.entries(def.measures))
    for (const role of Object.keys(m.formulas ?? {}) as FormulaRole[])
      for (const dep of m.acts_on) {
        const key = `${dep}\u0000${role}`;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, id);
        else
          out.push({
            ...locate(['measures', id, 'formulas', role]),
            code: 'ref/formula-conflict',
            message: `measures "${first}" and "${id}" both replace formula "${role}" of dependency "${dep}"`,
          });
      }
  return out;
}

// `aci-sim vote --scenario S --measure M [--level L] [--round R] [--json]`:
// the ballots the model predicts for a proposal in the scenario's state at
// round R (computer players play the rounds before it; a human side holds).
import { type Diagnostic, fileDiag } from '../../io/diagnostics.js';
import { didYouMean } from '../../io/did-you-mean.js';
import { EXIT_OK, EXIT_USAGE, reportDiagnostics } from '../exit.js';
import type { CliIo } from '../io.js';
import { loadForCli, parseSeed } from '../options.js';

export interface PredictOptions {
  scenario: string;
  measure?: string;
  level?: string;
  round: string;
  seed: string;
  json?: boolean;
}

const SYMBOL = { for: '✓', abstain: '○', against: '✗' } as const;

export async function predictVote(io: CliIo, opts: PredictOptions): Promise<number> {
  const problems: Diagnostic[] = [];
  const seed = parseSeed(opts.seed, problems);
  const round = Number(opts.round);
  if (!Number.isInteger(round) || round < 0)
    problems.push(fileDiag('--round', 'cli/round', `expected a round number ≥ 0, got "${opts.round}"`));
  if (opts.measure === undefined)
    problems.push(
      fileDiag('--measure', 'cli/measure', 'name the proposal: --measure <id> (with --scenario)'),
    );
  if (problems.length > 0) return reportDiagnostics(io, problems);
  const loaded = await loadForCli(io, opts.scenario);
  if (!loaded) return EXIT_USAGE;
  const sc = loaded.scenario;
  const engine = await import('../../engine/index.js');
  const { runSeed } = await import('../../rng/streams.js');
  const m = sc.measures.find((x) => x.id === opts.measure);
  if (!m) {
    const ids = sc.measures.filter((x) => x.bloc === sc.council).map((x) => x.id);
    problems.push(
      fileDiag(
        '--measure',
        'cli/measure',
        `unknown measure "${opts.measure}"${didYouMean(opts.measure!, ids)}`,
      ),
    );
  } else if (sc.council === null || m.bloc !== sc.council)
    problems.push(
      fileDiag(
        '--measure',
        'cli/measure',
        `"${m.id}" is a measure of ${sc.blocs[m.bloc].short}, which has no Council to vote on it`,
      ),
    );
  const top = m ? m.levels.length - 1 : 0;
  const level = opts.level === undefined ? Math.min(1, top) : Number(opts.level);
  if (m && (!Number.isInteger(level) || level < 1 || level > top))
    problems.push(fileDiag('--level', 'cli/level', `"${m.id}" has levels 1 to ${top}; got "${opts.level}"`));
  if (round > sc.rounds)
    problems.push(fileDiag('--round', 'cli/round', `the scenario has ${sc.rounds} rounds; got ${round}`));
  if (problems.length > 0 || !m) return reportDiagnostics(io, problems);

  // The rounds before the vote, played by the scenario's computer players (a human side holds).
  const players = {
    target: sc.players.target === 'human' ? 'hold' : sc.players.target,
    coercer: sc.players.coercer === 'human' ? 'hold' : sc.players.coercer,
  };
  let s = engine.newSession({ sc, seed: runSeed(seed, 0, 0), players });
  while (s.log.length < round && !engine.isOver(sc, engine.stateOf(s)))
    s = engine.playRound(s, engine.computerTurn(s));
  const st = engine.stateOf(s);
  // Not null: the checks above refused a scenario whose measure has no Council.
  const view = engine.councilView(sc, st)!;
  const result = view.result;
  const ballots = view.ballots.map((b) => ({
    state: b.id,
    name: b.name,
    population: b.population,
    score: Number(b.support.toFixed(4)),
    vote: b.vote,
  }));
  if (opts.json) {
    io.stdout.write(
      `${JSON.stringify(
        {
          scenario: sc.id,
          measure: m.id,
          level,
          round: st.round,
          seed,
          ballots,
          legalBasis: m.legalBasis,
          adopted: engine.passesVote(m.legalBasis, result),
          result: {
            for: result.for,
            against: result.against,
            qualifiedMajorityFor: result.qualifiedMajorityFor,
            qualifiedMajorityAgainst: result.qualifiedMajorityAgainst,
            marginForPopulation: result.marginFor.population,
          },
        },
        null,
        2,
      )}\n`,
    );
    return EXIT_OK;
  }
  const lines = [
    `${sc.title}: the Council on ${m.name} at level ${level} (${m.levels[level]!.name}), after round ${st.round} (seed ${seed})`,
    `Predicted from each state's support score (for at ≥ ${sc.params.voteFor}, against at ≤ ${sc.params.voteAgainst}):`,
    '',
  ];
  for (const vote of ['for', 'abstain', 'against'] as const) {
    const group = ballots.filter((b) => b.vote === vote).sort((a, b) => b.population - a.population);
    lines.push(
      `${SYMBOL[vote]} ${vote} (${group.length}): ${group.map((b) => `${b.state} ${b.score >= 0 ? '+' : ''}${b.score.toFixed(2)}`).join(', ') || '—'}`,
    );
  }
  lines.push(
    '',
    `For: ${result.for.states} states, ${result.for.population.toFixed(1)}% of population — ${result.qualifiedMajorityFor ? 'a qualified majority' : 'no qualified majority'}${result.qualifiedMajorityAgainst ? '; a qualified majority against' : ''}.`,
    ruleLine(m.legalBasis, m.holder, engine.passesVote(m.legalBasis, result)),
  );
  io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT_OK;
}

/** What the count means under the measure's legal basis (the rule itself is the engine's passesVote). */
function ruleLine(basis: string, holder: string | null, ok: boolean | null): string {
  if (basis === 'national')
    return `National: ${holder ?? 'the holder'} decides alone; the Council does not vote on it (the ballots show the states' support).`;
  if (basis === 'trade_defence')
    return `Trade defence: only a qualified majority against blocks it — ${ok ? 'the Commission adopts it' : 'blocked'}.`;
  return `ACI: the Council's determination and the committee's adoption need a qualified majority for — ${ok ? 'reached' : 'not reached (in committee, no opinion goes to the appeal committee, where only a majority against blocks)'}.`;
}

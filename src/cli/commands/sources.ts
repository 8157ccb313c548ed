// `aci-sim sources [--json] [--screening FILE] [--trajectories N] [--top N]`:
// how many of the numbers the engine reads (models/ and scenarios/) are
// sourced and how many assumed, by file and by kind, and the assumed numbers
// of a scenario (the default one unless --scenario) that matter most, by a Morris screening that the
// command runs (or reads from FILE, or runs and saves there).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { fileDiag } from '../../io/diagnostics.js';
import { EXIT_OK, reportDiagnostics } from '../exit.js';
import type { CliIo, CommandContext } from '../io.js';
import { DEFAULT_SCENARIO, formulaCacheDir } from '../options.js';

interface SourcesOptions {
  json?: boolean;
  screening?: string;
  trajectories: string;
  top: string;
  seed: string;
  scenario: string;
}

export function register(program: Command, { io, action }: CommandContext): void {
  program
    .command('sources')
    .description(
      'How many numbers the formulas read are sourced or assumed, and which assumed ones matter most',
    )
    .option('--json', 'print {"sourced","assumed","byKind",…} as JSON')
    .option(
      '--screening <file>',
      'read the Morris screening from FILE; if it does not exist, run it and save it there',
    )
    .option('--trajectories <n>', 'Morris trajectories of the screening', '4')
    .option('--top <n>', 'assumed numbers to list', '15')
    .option('--seed <n>', 'seed of the screening', '1')
    .option('--scenario <id>', 'the scenario whose assumed numbers are screened', DEFAULT_SCENARIO)
    .addHelpText(
      'after',
      '\nThe screening varies every assumed number of the scenario over ±50% of its value and ranks\nthem by μ* of the EU’s pain (EUR bn) at the end of a run.\n\nExamples:\n  aci-sim sources --scenario tutorial --trajectories 2 --screening screening.json\n  aci-sim sources --scenario tutorial --json --screening screening.json',
    )
    .action(action((opts: SourcesOptions) => sources(io, opts)));
}

const share = (s: number, a: number) => (s + a > 0 ? s / (s + a) : 0);

async function sources(io: CliIo, opts: SourcesOptions): Promise<number> {
  const r = Number(opts.trajectories);
  const top = Number(opts.top);
  const seed = Number(opts.seed);
  const problems = [];
  if (!(Number.isInteger(r) && r >= 2 && r <= 1000))
    problems.push(
      fileDiag('--trajectories', 'cli/trajectories', `expected 2 to 1000, got "${opts.trajectories}"`),
    );
  if (!(Number.isInteger(top) && top >= 0))
    problems.push(fileDiag('--top', 'cli/top', `expected a whole number ≥ 0, got "${opts.top}"`));
  if (!Number.isInteger(seed))
    problems.push(fileDiag('--seed', 'cli/seed', `expected an integer, got "${opts.seed}"`));
  if (problems.length > 0) return reportDiagnostics(io, problems);
  const { byFile, countProvenance, tally } = await import('../../io/provenance-count.js');
  const root = existsSync(resolve(io.cwd, 'models'))
    ? io.cwd
    : new URL('../../../', import.meta.url).pathname;
  const rows = await countProvenance(root);
  const read = rows.filter((x) => x.read);
  const { byKind, total } = tally(read);
  const files = byFile(rows);
  const screening = await screeningOf(io, opts, r, seed);
  if (typeof screening === 'string')
    return reportDiagnostics(io, [fileDiag(opts.screening ?? '--screening', 'sources/screening', screening)]);
  const mattering = screening.numbers.slice(0, top).map((n) => ({ ...n, ...screening.where.get(n.path) }));
  if (opts.json) {
    const json = {
      sourced: total.sourced,
      assumed: total.assumed,
      share: share(total.sourced, total.assumed),
      byKind: Object.fromEntries(byKind.map((t) => [t.kind, { sourced: t.sourced, assumed: t.assumed }])),
      byFile: Object.fromEntries(files.map((t) => [t.kind, { sourced: t.sourced, assumed: t.assumed }])),
      screening: {
        scenario: screening.scenario,
        output: screening.output,
        trajectories: screening.trajectories,
        seed: screening.seed,
      },
      assumedThatMatter: mattering,
    };
    io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return EXIT_OK;
  }
  const { textTable } = await import('../../batch/text-table.js');
  const pct = (s: number, a: number) => `${Math.round(100 * share(s, a))}%`;
  const table = (head: string, ts: { kind: string; sourced: number; assumed: number }[]) =>
    textTable(
      [
        [head, 'sourced', 'assumed', 'share'],
        ...ts.map((t) => [t.kind, String(t.sourced), String(t.assumed), pct(t.sourced, t.assumed)]),
      ],
      ['l', 'r', 'r', 'r'],
    );
  io.stdout.write(
    [
      `Numbers a formula or the engine reads: ${total.sourced} sourced, ${total.assumed} assumed (${pct(total.sourced, total.assumed)} sourced).`,
      '',
      table('kind', byKind),
      '',
      table('file', files),
      '',
      `Assumed numbers of ${screening.scenario} that matter most (Morris μ* of the EU's pain, EUR bn; ${screening.trajectories} trajectories, seed ${screening.seed}):`,
      textTable(
        [
          ['number', 'value', 'μ*', 'σ', 'where'],
          ...mattering.map((n) => [
            n.path,
            String(n.value),
            n.muStar.toFixed(3),
            n.sigma.toFixed(3),
            n.file ? `${n.file}:${n.line}` : '',
          ]),
        ],
        ['l', 'r', 'r', 'r', 'l'],
      ),
      '',
    ].join('\n'),
  );
  return EXIT_OK;
}

type Screened = import('../../batch/screening.js').Screening & {
  where: Map<string, { file: string; line: number }>;
};

/** The screening from --screening FILE, or run (and saved to FILE when given and absent); a string says what is wrong. */
async function screeningOf(
  io: CliIo,
  opts: SourcesOptions,
  r: number,
  seed: number,
): Promise<Screened | string> {
  const { loadScenario } = await import('../../io/load-scenario.js');
  const loaded = await loadScenario(opts.scenario, { cwd: io.cwd, cacheDir: formulaCacheDir(io.env) });
  if (!loaded.ok) return loaded.error.map((d) => d.message).join('; ');
  const l = loaded.value;
  const where = new Map<string, { file: string; line: number }>();
  const numbers: { path: string; value: number }[] = [];
  const { screenable, morrisScreening } = await import('../../batch/screening.js');
  const { targetOf } = await import('../../io/path-vocabulary.js');
  for (const [path, p] of l.provenance) {
    if (!p.assumed || !l.scenario.targets.has(path)) continue;
    let v: unknown = l.scenario;
    for (const seg of targetOf(l.scenario, path)) v = (v as Record<string | number, unknown>)[seg];
    if (typeof v !== 'number' || !screenable(path, v)) continue;
    numbers.push({ path, value: v });
    where.set(path, { file: p.file, line: p.line });
  }
  const file = opts.screening === undefined ? undefined : resolve(io.cwd, opts.screening);
  if (file && existsSync(file)) {
    try {
      const s = JSON.parse(readFileSync(file, 'utf8'));
      if (s.hash !== l.scenario.hash)
        return `made for another version of ${l.scenario.id}: delete it to screen again`;
      return { ...s, where };
    } catch {
      return 'not a screening file (invalid JSON)';
    }
  }
  io.stderr.write(
    `sources: screening ${numbers.length} assumed numbers of ${l.scenario.id}, ${r * (numbers.length + 1)} runs…\n`,
  );
  const s = morrisScreening(l.scenario, numbers, r, seed);
  if (file) {
    const { writeJsonAtomic } = await import('../../io/writers/manifest.js');
    writeJsonAtomic(file, s);
  }
  return { ...s, where };
}

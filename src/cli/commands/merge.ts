// `aci-sim merge DIR|FILES --out FILE`: combines shard outputs into the file
// one unsharded batch would have written; every planned run must appear once.
import type { Command } from 'commander';
import { fileDiag } from '../../io/diagnostics.js';
import { formatOf } from '../../io/writers/columns.js';
import { EXIT_OK, reportDiagnostics } from '../exit.js';
import type { CommandContext } from '../io.js';

export function register(program: Command, { io, action }: CommandContext): void {
  program
    .command('merge')
    .description('Merge the shard outputs of a batch; fails if a planned run is missing or duplicated')
    .argument('<inputs...>', 'shard output files, or directories holding them (with their manifests)')
    .requiredOption('--out <file>', 'merged output: .csv, .jsonl or .parquet')
    .option('--force', 'overwrite an existing output')
    .option('--quiet', 'print no summary')
    .addHelpText(
      'after',
      '\nExamples:\n  aci-sim batch tutorial --runs 40 --shard 1/2 --out results/sweep/part-1.csv --quiet\n  aci-sim batch tutorial --runs 40 --shard 2/2 --out results/sweep/part-2.csv --quiet\n  aci-sim merge results/sweep --out results/sweep.parquet',
    )
    .action(
      action(async (inputs: string[], opts: { out: string; force?: boolean; quiet?: boolean }) => {
        const format = formatOf(opts.out);
        if (format === null)
          return reportDiagnostics(io, [
            fileDiag(
              '--out',
              'cli/out',
              `expected a file ending in .csv, .jsonl or .parquet, got "${opts.out}"`,
            ),
          ]);
        const { mergeInputs, mergeOutputs } = await import('../../batch/merge.js');
        const files = mergeInputs(inputs);
        if (!files.ok) return reportDiagnostics(io, files.error);
        const r = await mergeOutputs(files.value, { file: opts.out, format }, { force: opts.force ?? false });
        if (!r.ok) return reportDiagnostics(io, r.error);
        if (!opts.quiet) {
          const { formatSummary } = await import('../../batch/summary.js');
          io.stdout.write(formatSummary(r.value.summary));
        }
        io.stderr.write(`merged ${r.value.inputs} outputs, ${r.value.runs} runs → ${opts.out}\n`);
        return EXIT_OK;
      }),
    );
}

// `aci-sim discover FILE --where COND`: scenario discovery with PRIM
// (src/batch/prim.ts) or CART (src/batch/cart.ts) over a batch output's
// uncertain inputs.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { CartLeaf, CartNode, CartResult } from '../../batch/cart.js';
import { type Diagnostic, fileDiag } from '../../io/diagnostics.js';
import { didYouMean } from '../../io/did-you-mean.js';
import { formatOf } from '../../io/writers/columns.js';
import { batchOutputFile } from '../batch-output-file.js';
import { EXIT_OK, reportDiagnostics } from '../exit.js';
import type { CliIo, CommandContext } from '../io.js';

interface DiscoverFlags {
  where: string;
  inputs?: string;
  method: string;
  peelAlpha?: string;
  pasteAlpha?: string;
  massMin?: string;
  threshold: string;
  step?: string;
  maxDepth?: string;
  minLeaf?: string;
  json?: boolean;
}

export function register(program: Command, { io, action }: CommandContext): void {
  program
    .command('discover')
    .description('Scenario discovery: a PRIM or CART box over the uncertain inputs where a condition holds')
    .argument('<file>', 'a .csv, .jsonl or .parquet file written by aci-sim batch or merge')
    .requiredOption('--where <condition>', `the runs of interest, e.g. "outcome == 'landing_zone'"`)
    .option('--inputs <a,b,…>', "columns to search over (default: the batch's uncertain parameters)")
    .option('--method <m>', 'prim (peeling a box) or cart (a classification tree)', 'prim')
    .option('--peel-alpha <a>', 'prim: share of the box peeled per step (default 0.05)')
    .option('--paste-alpha <a>', 'prim: share of the box pasted per step (default 0.05)')
    .option('--mass-min <m>', 'prim: smallest share of the rows a box may hold (default 0.05)')
    .option(
      '--step <n>',
      'prim: paste this step of the peeling trajectory instead of the one --threshold picks',
    )
    .option('--max-depth <d>', 'cart: splits on a path from the root, at most (default 4)')
    .option(
      '--min-leaf <m>',
      'cart: fewest rows a split leaves on each side, a share of the rows below 1 or a count (default 0.05)',
    )
    .option(
      '--threshold <d>',
      "density the chosen box should reach: prim's box with the largest coverage × density among those that do; cart's leaf with the largest coverage among those that do (else the densest leaf)",
      '0.8',
    )
    .option('--json', 'print the trajectory (prim) or the tree and leaves (cart), and the box, as JSON')
    .addHelpText(
      'after',
      `\nExamples:\n  aci-sim batch tutorial --runs 100 --out results/runs.parquet --quiet\n  aci-sim discover results/runs.parquet --where "outcome == 'landing_zone'"\n  aci-sim discover results/runs.parquet --where "round >= 6 and q < 0.6" --threshold 0.5\n  aci-sim discover results/runs.parquet --where "outcome == 'landing_zone'" --method cart --max-depth 3`,
    )
    .action(action((file: string, flags: DiscoverFlags) => discover(io, file, flags)));
}

async function discover(io: CliIo, file: string, flags: DiscoverFlags): Promise<number> {
  const problems: Diagnostic[] = [];
  const share = (flag: string, text: string, lo: number, hi: number) => {
    const v = Number(text);
    if (!(v > lo && v <= hi))
      problems.push(
        fileDiag(flag, 'cli/discover', `expected a number above ${lo} and at most ${hi}, got "${text}"`),
      );
    return v;
  };
  const method = flags.method;
  if (method !== 'prim' && method !== 'cart')
    problems.push(
      fileDiag(
        '--method',
        'cli/method',
        `expected prim or cart, got "${method}"${didYouMean(method, ['prim', 'cart'])}`,
      ),
    );
  const only = (flag: string, given: unknown, other: string) => {
    if (given !== undefined && method === other)
      problems.push(
        fileDiag(flag, 'cli/discover', `only for --method ${other === 'prim' ? 'cart' : 'prim'}`),
      );
  };
  only('--peel-alpha', flags.peelAlpha, 'cart');
  only('--paste-alpha', flags.pasteAlpha, 'cart');
  only('--mass-min', flags.massMin, 'cart');
  only('--step', flags.step, 'cart');
  only('--max-depth', flags.maxDepth, 'prim');
  only('--min-leaf', flags.minLeaf, 'prim');
  const o = {
    peelAlpha: share('--peel-alpha', flags.peelAlpha ?? '0.05', 0, 0.5),
    pasteAlpha: share('--paste-alpha', flags.pasteAlpha ?? '0.05', 0, 0.5),
    massMin: share('--mass-min', flags.massMin ?? '0.05', 0, 1),
    threshold: share('--threshold', flags.threshold, 0, 1),
    ...(flags.step === undefined ? {} : { step: Number(flags.step) }),
  };
  if (flags.step !== undefined && !(Number.isSafeInteger(Number(flags.step)) && Number(flags.step) >= 0))
    problems.push(fileDiag('--step', 'cli/discover', `expected a step number ≥ 0, got "${flags.step}"`));
  const c = {
    maxDepth: Number(flags.maxDepth ?? 4),
    minLeaf: Number(flags.minLeaf ?? 0.05),
    threshold: o.threshold,
  };
  if (!(Number.isSafeInteger(c.maxDepth) && c.maxDepth >= 1))
    problems.push(
      fileDiag('--max-depth', 'cli/discover', `expected a whole number ≥ 1, got "${flags.maxDepth}"`),
    );
  if (!(c.minLeaf > 0 && (c.minLeaf < 1 || Number.isSafeInteger(c.minLeaf))))
    problems.push(
      fileDiag(
        '--min-leaf',
        'cli/discover',
        `expected a share of the rows above 0 and below 1, or a whole number of rows ≥ 1, got "${flags.minLeaf}"`,
      ),
    );
  if (formatOf(file) === null)
    problems.push(fileDiag(file, 'cli/format', 'expected a .csv, .jsonl or .parquet file'));
  if (problems.length > 0) return reportDiagnostics(io, problems);
  const input = batchOutputFile(io.cwd, file);
  if ('message' in input) return reportDiagnostics(io, [input]);
  const { format, at } = input;
  const { columnsOf, readRows } = await import('../../batch/read-rows.js');
  const { DiscoverData, formatCart, formatDiscovery, parseWhere } = await import('../../batch/discover.js');
  const { manifestPath, readManifest } = await import('../../io/writers/manifest.js');
  const columns = await columnsOf(at, format!);
  const where = parseWhere(flags.where, columns);
  if (typeof where === 'string') return reportDiagnostics(io, [fileDiag('--where', 'cli/where', where)]);
  const m = existsSync(manifestPath(at)) ? readManifest(manifestPath(at)) : null;
  const inputs =
    flags.inputs
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean) ?? (m?.ok ? m.value.plan.parameters : []);
  const missing = inputs.filter((p) => !columns.some((c) => c.name === p));
  if (inputs.length === 0 || missing.length > 0)
    return reportDiagnostics(io, [
      fileDiag(
        inputs.length === 0 ? file : '--inputs',
        'cli/inputs',
        inputs.length === 0
          ? 'no inputs to search over: the file has no manifest naming its uncertain parameters; name columns with --inputs'
          : `no column ${missing.map((p) => `"${p}"`).join(', ')} in ${file}`,
      ),
    ]);
  const data = new DiscoverData(columns, inputs, where);
  for await (const row of readRows(at, format!, columns)) data.add(row);
  let r: ReturnType<typeof data.run> | ReturnType<typeof data.runCart>;
  try {
    r = method === 'cart' ? data.runCart(c) : data.run(o);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return reportDiagnostics(io, [
      fileDiag('--where', 'cli/where', `${e.message} (no row of ${file} meets "${flags.where}")`),
    ]);
  }
  const named = (b: readonly (readonly [number, number])[]) =>
    Object.fromEntries(b.map((x, j) => [inputs[j]!, x]));
  if ('leaves' in r) {
    io.stdout.write(
      flags.json
        ? `${JSON.stringify(cartJson(r, inputs, named, { where: flags.where, rows: data.rows, skipped: data.skipped }), null, 2)}\n`
        : formatCart(r, inputs, flags.where, data.rows, c),
    );
  } else if (flags.json) {
    const json = {
      where: flags.where,
      rows: data.rows,
      skipped: data.skipped,
      chosen: r.chosen,
      trajectory: r.trajectory.map((s) => ({ ...s, box: named(s.box) })),
      box: { ...r.box, box: named(r.box.box) },
      ranges: named(r.ranges),
    };
    io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else io.stdout.write(formatDiscovery(r, inputs, flags.where, data.rows));
  if (data.skipped > 0) io.stderr.write(`${data.skipped} rows left out (failed, or an input missing)\n`);
  return EXIT_OK;
}

type Named = (b: readonly (readonly [number, number])[]) => Record<string, readonly [number, number]>;

/** `--method cart --json`: the tree (inputs by name), the leaves as boxes, and the chosen one. */
function cartJson(r: CartResult, inputs: readonly string[], named: Named, head: Record<string, unknown>) {
  const node = (n: CartNode): unknown => {
    const base = { rows: n.rows, coverage: n.coverage, density: n.density };
    return n.split && n.left && n.right
      ? {
          ...base,
          split: { input: inputs[n.split.input], threshold: n.split.threshold },
          left: node(n.left),
          right: node(n.right),
        }
      : { ...base, leaf: n.leaf };
  };
  const leaf = (l: CartLeaf) => ({
    box: named(l.box),
    rows: l.rows,
    coverage: l.coverage,
    density: l.density,
  });
  return {
    method: 'cart',
    ...head,
    tree: node(r.tree),
    leaves: r.leaves.map(leaf),
    chosen: { leaf: r.chosen, ...leaf(r.leaves[r.chosen]!), mass: r.leaves[r.chosen]!.mass },
    ranges: named(r.ranges),
  };
}

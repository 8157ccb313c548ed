// Child process of the benchmark: scenario discovery as `aci-sim discover`
// does it (read a CSV output, PRIM over its inputs), on a synthetic file of
// ROWS × K uniform inputs with a two-input box of interest, in a fresh
// process; prints JSON: seconds wall and CPU.
// Usage: node dist/bench/discover-rate.js <folder> <rows> <k>
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiscoverData, parseWhere } from '../batch/discover.js';
import { columnsOf, readRows } from '../batch/read-rows.js';

const [dir = '.', rowsText = '10000', kText = '320'] = process.argv.slice(2);
const [n, k] = [Number(rowsText), Number(kText)];
let s = 12345;
const next = () => {
  s = (s * 1103515245 + 12345) % 2147483648;
  return s / 2147483648;
};
const names = Array.from({ length: k }, (_, j) => `parameters.p${j}`);
const lines = [['run_id', 'point', 'replication', 'seed', ...names, 'outcome', 'error'].join(',')];
for (let i = 0; i < n; i++) {
  const x = Array.from({ length: k }, next);
  const inBox = x[0]! > 0.3 && x[0]! < 0.8 && x[k - 1]! > 0.4;
  const y = next() < (inBox ? 0.9 : 0.1);
  lines.push([`p${i}-l0-r0`, i, 0, '0', ...x, y ? 'landing_zone' : 'spiral', ''].join(','));
}
const file = join(dir, 'discover.csv');
writeFileSync(file, `${lines.join('\n')}\n`);

const t0 = performance.now();
const c0 = process.cpuUsage();
const columns = await columnsOf(file, 'csv');
const where = parseWhere("outcome == 'landing_zone'", columns);
if (typeof where === 'string') throw new Error(where);
const data = new DiscoverData(columns, names, where);
for await (const row of readRows(file, 'csv', columns)) data.add(row);
const r = data.run({});
const c = process.cpuUsage(c0);
const wall = (performance.now() - t0) / 1000;
process.stdout.write(
  `${JSON.stringify({ wall, cpu: (c.user + c.system) / 1e6, steps: r.trajectory.length, rows: data.rows })}\n`,
);

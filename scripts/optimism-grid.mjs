// Regenerates the optimism grid in docs/CALIBRATION.md (the block between the
// optimism-grid markers): the hindcast library played at each value of
// `parameters.optimism` from 0 to 1, the value chosen (the middle of those
// that pass the most of the episodes it is chosen on, those marked in sample),
// the leave-one-out score of that choice, and the out-of-sample episodes'
// result at it (they take no part in the choice).
// tests/docs/optimism-grid.test.ts checks the block against the scorecard
// and the shipped default; it does not rerun the grid (11 hindcasts).
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const doc = `${root}docs/CALIBRATION.md`;
const ARGS = ['hindcast', '--runs', '100', '--seed', '1'];
const GRID = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
/** The shipped default (src/io/schemas/scenario.ts), read from the build. */
const { OPTIMISM_DEFAULT: SHIPPED } = await import(`${root}dist/io/schemas/scenario.js`);
const begin = `<!-- optimism-grid: aci-sim ${ARGS.join(' ')} --set parameters.optimism=X, X = ${GRID.join(', ')} -->`;
const end = '<!-- /optimism-grid -->';

const rows = GRID.map((x) => {
  const out = execFileSync(
    process.execPath,
    [`${root}bin/aci-sim.js`, ...ARGS, '--json', '--set', `parameters.optimism=${x}`],
    { cwd: root, encoding: 'utf8' },
  );
  const card = JSON.parse(out);
  return { x, pass: new Map(card.episodes.map((e) => [e.id, e.pass])), card };
});
const ids = [...rows[0].pass.keys()];
const inSample = new Set(rows[0].card.episodes.filter((e) => e.inSample).map((e) => e.id));
const fitted = ids.filter((id) => inSample.has(id));
const held = ids.filter((id) => !inSample.has(id));

/**
 * The middle of the grid values that pass the most of `episodes` (the lower
 * one of an even set); the shipped default if it is among them (since the
 * demands of December 2026 the grid is flat, and a tie does not move it).
 */
function choose(episodes) {
  const score = rows.map((r) => episodes.filter((id) => r.pass.get(id)).length);
  const best = Math.max(...score);
  const top = rows.filter((_, i) => score[i] === best);
  const kept = top.find((r) => r.x === SHIPPED);
  return { row: kept ?? top[Math.floor((top.length - 1) / 2)], best, top: top.map((r) => r.x) };
}

const chosen = choose(fitted);
const loo = fitted.map((id) => {
  const c = choose(fitted.filter((e) => e !== id));
  return { id, x: c.row.x, pass: c.row.pass.get(id) };
});

const w = Math.max(...ids.map((id) => id.length));
const lines = [];
lines.push(`${'episode'.padEnd(w)}  ${GRID.map((x) => x.toFixed(1).padStart(5)).join('')}   left out: chosen  passes`);
for (const id of ids) {
  const l = loo.find((r) => r.id === id);
  const cells = rows.map((r) => (r.pass.get(id) ? 'pass' : '·').padStart(5)).join('');
  const left = l ? `${l.x.toFixed(1).padStart(16)}  ${l.pass ? 'yes' : 'no'}` : `${'(out of sample)'.padStart(16)}  ${chosen.row.pass.get(id) ? 'yes' : 'no'}`;
  lines.push(`${id.padEnd(w)}  ${cells}   ${left}`);
}
lines.push(`${'passed'.padEnd(w)}  ${rows.map((r) => String(ids.filter((id) => r.pass.get(id)).length).padStart(5)).join('')}`);
lines.push('');
lines.push(
  `best: optimism = ${chosen.row.x} (${chosen.row.x === SHIPPED && chosen.top.length > 1 ? 'the shipped default, one' : 'the middle'} of ${chosen.top.join(', ')}, which pass ${chosen.best} of the ${fitted.length} episodes it is chosen on, those in sample); a value chosen here is in sample for every episode it is chosen on`,
);
lines.push(
  `leave one out: ${loo.filter((l) => l.pass).length} of ${fitted.length} episodes pass at the value chosen without them`,
);
lines.push(
  `out of sample (not used to choose): ${held.filter((id) => chosen.row.pass.get(id)).length} of ${held.length} pass at ${chosen.row.x}`,
);

const text = readFileSync(doc, 'utf8');
const sc = /<!-- scorecard: [^\n]*-->\n([\s\S]*?)<!-- \/scorecard -->/.exec(text);
if (!sc) throw new Error(`${doc}: no scorecard block (run npm run scorecard first)`);
const sha = createHash('sha256').update(sc[1]).digest('hex').slice(0, 16);

const i = text.indexOf(begin);
const j = text.indexOf(end);
if (i < 0 || j < i) throw new Error(`${doc}: no ${begin} … ${end} block`);
writeFileSync(
  doc,
  `${text.slice(0, i + begin.length)}\n\`\`\`text\n${lines.join('\n')}\n\`\`\`\n<!-- scorecard ${sha} -->\n${text.slice(j)}`,
);
console.log(`updated the optimism grid in ${doc}`);

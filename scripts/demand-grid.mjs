// Fits the six stakes of models/behaviour.yaml `demands:` (the target's and
// the coercer's share of GDP for a gesture, a policy and an alignment) with
// its `timing:` (the half-life of the sides' optimism, months) and
// regenerates the demand-grid block of docs/CALIBRATION.md: a coordinate
// search over a grid, from the shipped values, the half-life first,
// minimising the joint Brier score (class × round band) of `hindcast --runs
// 40 --seed 1` over the episodes marked in sample (the out-of-sample ones
// take no part), each candidate played on a copy of history/ and models/
// with only the seven numbers (and the shares' spread, a third to three
// times) changed. The objective and the half-life's grid were declared
// before the search was first run (docs/CALIBRATION.md, "Timing: declared
// before the search"). It does not edit models/behaviour.yaml: copy the
// result there by hand; tests/docs/demand-grid.test.ts fails while they differ.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const doc = `${root}docs/CALIBRATION.md`;
const GRID = [0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const GRID_H = [0, 1, 2, 3, 6, 12, 24, 48];
const KINDS = ['gesture', 'policy', 'alignment'];
const ROLES = ['target', 'coercer'];
const ARGS = ['hindcast', '--runs', '40', '--seed', '1', '--json'];
const begin = `<!-- demand-grid: node scripts/demand-grid.mjs (aci-sim ${ARGS.join(' ')}, the in-sample episodes) -->`;
const end = '<!-- /demand-grid -->';

const work = mkdtempSync(join(tmpdir(), 'demand-grid-'));
cpSync(`${root}models`, `${work}/models`, { recursive: true });
cpSync(`${root}history`, `${work}/history`, { recursive: true });
const episodes = readdirSync(`${work}/history`).filter((f) => f.endsWith('.yaml'));
const inSample = episodes.filter((f) => /^\s*in_sample:\s*true\b/m.test(readFileSync(`${work}/history/${f}`, 'utf8')));
const held = episodes.filter((f) => !inSample.includes(f));
const behaviour = readFileSync(`${root}models/behaviour.yaml`, 'utf8');

const fmt = (x) => String(Number(x.toPrecision(6)));
const HALF_LIFE = /(\n  optimism_half_life: \{ value: )([^,]+)(,)/;
const SHARE = (k, r) =>
  new RegExp(
    `(\\n  ${k}:\\n(?:    .*\\n)*?    ${r}_stakes: \\{ value: )([^,]+)(, [^\\n]*?dist: \\{ type: uniform, min: )[^,]+(, max: )[^ ]+( \\} \\})`,
  );
/** The shipped values: kind → role → % of GDP, and `h`, the half-life. */
function shipped() {
  const h = HALF_LIFE.exec(behaviour);
  if (!h) throw new Error('models/behaviour.yaml: no timing.optimism_half_life of the expected form');
  const v = { h: Number(h[2]) };
  for (const k of KINDS) {
    v[k] = {};
    for (const r of ROLES) {
      const m = SHARE(k, r).exec(behaviour);
      if (!m) throw new Error(`models/behaviour.yaml: no demands.${k}.${r}_stakes of the expected form`);
      v[k][r] = Number(m[2]);
    }
  }
  return v;
}

/** behaviour.yaml with the six shares set to `v` (kind → role → % of GDP) and the half-life to `v.h`. */
function withShares(v) {
  let text = behaviour.replace(HALF_LIFE, `$1${fmt(v.h)}$3`);
  for (const k of KINDS)
    for (const r of ROLES) {
      const x = v[k][r];
      text = text.replace(SHARE(k, r), `$1${fmt(x)}$3${fmt(x / 3)}$4${fmt(x * 3)}$5`);
    }
  return text;
}

function score(v, files) {
  writeFileSync(`${work}/models/behaviour.yaml`, withShares(v));
  const out = execFileSync(process.execPath, [`${root}bin/aci-sim.js`, ...ARGS, ...files.map((f) => `${work}/history/${f}`)], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  return JSON.parse(out);
}

const objective = (out) => out.brier.joint.inSample;
const v = shipped();
let best = objective(score(v, inSample));
const path = [`start: the shipped values (half-life ${v.h} months), joint Brier ${best.toFixed(3)}`];
for (let sweep = 1; sweep <= 8; sweep++) {
  let moved = false;
  for (const x of GRID_H) {
    const kept = v.h;
    if (x === kept) continue;
    v.h = x;
    const b = objective(score(v, inSample));
    if (b < best - 1e-3) {
      best = b;
      moved = true;
    } else v.h = kept;
  }
  path.push(`sweep ${sweep}: half-life ${v.h} months (joint Brier ${best.toFixed(3)})`);
  for (const r of ROLES)
    for (const k of KINDS) {
      for (const x of GRID) {
        const kept = v[k][r];
        if (x === kept) continue;
        v[k][r] = x;
        const b = objective(score(v, inSample));
        // Better by more than a thousandth, or the value held stays (ties and noise).
        if (b < best - 1e-3) {
          best = b;
          moved = true;
        } else v[k][r] = kept;
      }
      path.push(`sweep ${sweep}: ${r} ${k} ${v[k][r]} (joint Brier ${best.toFixed(3)})`);
    }
  if (!moved) break;
}
const fit = score(v, inSample);
// The held-out episodes are scored beside the fitted ones, whose records give the base rates.
const all = held.length ? score(v, [...inSample, ...held]) : null;
rmSync(work, { recursive: true, force: true });

const lines = [...path, ''];
lines.push('kind        target  coercer   (% of GDP; spread a third to three times)');
for (const k of KINDS) lines.push(`${k.padEnd(10)}  ${fmt(v[k].target).padStart(6)}  ${fmt(v[k].coercer).padStart(7)}`);
lines.push(`half-life of optimism: ${fmt(v.h)} months`);
lines.push('');
lines.push(
  `in sample (${inSample.length}, the fit): ${fit.passed} of ${fit.of} pass; class right ${fit.classRight.model.right} of ${fit.of} (a deal every time: ${fit.classRight.baseline.right}); Brier ${fit.brier.all.model.toFixed(3)} (base rates ${fit.brier.all.baseRates.toFixed(3)}); joint Brier ${fit.brier.joint.inSample.toFixed(3)}`,
);
if (all) {
  const passed = all.episodes.filter((e) => !e.inSample && e.pass).length;
  const cr = all.classRight;
  lines.push(
    `out of sample (${held.length}, not used): ${passed} of ${held.length} pass; class right ${cr.model.outOfSample.right} of ${held.length} (a deal every time: ${cr.baseline.outOfSample.right}); Brier ${all.brier.outOfSample.model.toFixed(3)} (base rates ${all.brier.outOfSample.baseRates.toFixed(3)}); joint Brier ${all.brier.joint.outOfSample.toFixed(3)}`,
  );
} else lines.push('out of sample: none');

const text = readFileSync(doc, 'utf8');
const i = text.indexOf(begin);
const j = text.indexOf(end);
if (i < 0 || j < i) throw new Error(`${doc}: no ${begin} … ${end} block`);
writeFileSync(doc, `${text.slice(0, i + begin.length)}\n\`\`\`text\n${lines.join('\n')}\n\`\`\`\n${text.slice(j)}`);
console.log(lines.join('\n'));

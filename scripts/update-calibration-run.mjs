// Regenerates the calibration run in docs/CALIBRATION.md (the block between
// the calibration-run markers) from `aci-sim calibrate … --cross-validate`,
// holding out the episodes marked out of sample (`in_sample: false`): they
// were written to test the shipped model, so no fit may read them.
// The run takes minutes, so tests/docs/calibration-run.test.ts does not
// repeat it: it checks the two fingerprints written under the block, the
// calibration's inputs (episodes, priors, settings, seed) and the scorecard
// above it (which its own test keeps current with the engine).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const doc = `${root}docs/CALIBRATION.md`;
const FILE = 'experiments/calibration.yaml';
const held = readdirSync(`${root}history`)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => readFileSync(`${root}history/${f}`, 'utf8'))
  .filter((t) => /^\s*in_sample:\s*false\s*$/m.test(t))
  .map((t) => /^id:\s*(\S+)/m.exec(t)[1])
  .sort();
const HOLD = held.flatMap((id) => ['--holdout', id]);
const begin = `<!-- calibration-run: aci-sim calibrate ${[FILE, '--cross-validate', ...HOLD].join(' ')} -->`;
const end = '<!-- /calibration-run -->';
const dir = mkdtempSync(join(tmpdir(), 'aci-calibration-run-'));
const t0 = Date.now();
const stdout = execFileSync(
  process.execPath,
  [`${root}bin/aci-sim.js`, 'calibrate', FILE, '--cross-validate', ...HOLD, '--out', join(dir, 'fit.csv')],
  { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
);
const seconds = (Date.now() - t0) / 1000;
const manifest = JSON.parse(readFileSync(join(dir, 'fit.csv.manifest.json'), 'utf8'));
// The fit's own pass shares come from calibrate.runs runs per episode; the
// posterior replayed with as many runs as the scorecard above is the firmer figure.
const REPLAY = ['hindcast', '--runs', '100', '--seed', '1', '--posterior'];
const replay = execFileSync(process.execPath, [`${root}bin/aci-sim.js`, ...REPLAY, join(dir, 'fit.csv')], {
  cwd: root,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'ignore'],
});
rmSync(dir, { recursive: true, force: true });
const fit = join(dir, 'fit.csv');
const total = replay
  .split('\n')
  .filter((l) => l.startsWith('Passed ') || l.startsWith('Not the shipped model'))
  .map((l) => l.replace(fit, 'FIT'))
  .join('\n');
const replayed = `\nThe posterior replayed (aci-sim ${REPLAY.join(' ')} FIT):\n${total}\n`;
const shown = stdout.replace(/^Wrote .*\n/m, '') + replayed;
const text = readFileSync(doc, 'utf8');
const sc = /<!-- scorecard: [^\n]*-->\n([\s\S]*?)<!-- \/scorecard -->/.exec(text);
if (!sc) throw new Error(`${doc}: no scorecard block`);
const sha = (s) => createHash('sha256').update(s).digest('hex').slice(0, 16);
const i = text.indexOf('<!-- calibration-run: ');
const j = text.indexOf(end);
if (i < 0 || j < i) throw new Error(`${doc}: no ${begin} … ${end} block`);
const prints = `<!-- inputs ${manifest.calibration.hash.slice(0, 16)} scorecard ${sha(sc[1])} -->\n`;
writeFileSync(doc, `${text.slice(0, i)}${begin}\n\`\`\`text\n${shown}\`\`\`\n${prints}${text.slice(j)}`);
console.log(`updated the calibration run in ${doc} (${seconds.toFixed(0)} s)`);

// Regenerates the hindcast scorecard at the top of docs/CALIBRATION.md (the
// block between the scorecard markers) from `aci-sim hindcast`; a test
// (tests/docs/scorecard.test.ts) fails when the file and the command differ.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const doc = `${root}docs/CALIBRATION.md`;
const ARGS = ['hindcast', '--runs', '100', '--seed', '1'];
const begin = `<!-- scorecard: aci-sim ${ARGS.join(' ')} -->`;
const end = '<!-- /scorecard -->';
const out = execFileSync(process.execPath, [`${root}bin/aci-sim.js`, ...ARGS], { cwd: root, encoding: 'utf8' });
const text = readFileSync(doc, 'utf8');
const i = text.indexOf(begin);
const j = text.indexOf(end);
if (i < 0 || j < i) throw new Error(`${doc}: no ${begin} … ${end} block`);
writeFileSync(doc, `${text.slice(0, i + begin.length)}\n\`\`\`text\n${out}\`\`\`\n${text.slice(j)}`);
console.log(`updated the scorecard in ${doc}`);

// Seven mistakes in one scenario are all reported by one `validate`: the
// checks go on past a field that does not parse, a misspelt model id, and an
// override that names nothing.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers/cli.js';

let dir = '';
afterAll(() => rm(dir, { recursive: true, force: true }));

it('reports every problem of a file in one pass', async () => {
  dir = await mkdtemp(join(tmpdir(), 'aci-sim-seven-'));
  const edits: [string, string][] = [
    ['  - tutorial-eu-measures', '  - tutorial-eu-measure'],
    ['  CN: best_response', '  CN: best_respons'],
    ['    tutorial_magnet_licensing: 2', '    tutorial_magnet_licensing: 2\n    magnets_x: 1'],
    ['  g7_alignment: { value: 0.3,', '  g7_alignment: { value: 1.3,'],
    ['  dependencies.tutorial_magnets.buffer_months:', '  dependencies.tutorial_magnet.buffer_months:'],
    ['round_months: 1 ', 'round_month: 1 '],
    ['  blocs.CN.stakes: { value: 12,', '  blocs.CN.stake: { value: 12,'],
  ];
  let text = await readFile(join(ROOT, 'scenarios/tutorial.yaml'), 'utf8');
  for (const [from, to] of edits) {
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  await writeFile(join(dir, 'seven.yaml'), text);
  const r = await cli(['validate', 'seven.yaml'], { cwd: dir });
  expect(r.code).toBe(2);
  const lines = r.stderr.split('\n').filter((l) => /^seven\.yaml:/.test(l));
  expect(lines.map((l) => l.replace(/^seven\.yaml:\d+:\d+: /, ''))).toEqual([
    'models[7]: unknown model id "tutorial-eu-measure" — did you mean "tutorial-eu-measures"?',
    'start.levels.magnets_x: unknown measure "magnets_x"',
    'round_month: unknown field "round_month" — did you mean "round_months"?',
    'players.CN: unknown policy "best_respons" — did you mean "best_response"?',
    'parameters.g7_alignment.value: expected a number from 0 to 1, got 1.3',
    'overrides.dependencies.tutorial_magnet.buffer_months: unknown dependency "tutorial_magnet" — did you mean "tutorial_magnets"?',
    'overrides.blocs.CN.stake: unknown field "stake" in blocs.CN — did you mean "stakes"?',
  ]);
});

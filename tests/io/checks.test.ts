// Checks at load: the Council's population adds up to 100%, GDPs are
// positive, a bare number is a formula, `#` is refused, and a symbolic link
// that leads back into the models folder is reported instead of followed.
import { cpSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/io/diagnostics.js';
import { loadScenario } from '../../src/io/load-scenario.js';

const ROOT = new URL('../../', import.meta.url).pathname;

async function problems(set: Record<string, string | number>, ref = 'tutorial') {
  const r = await loadScenario(ref, { cwd: ROOT, set });
  return r.ok ? '' : formatDiagnostics(r.error);
}

describe('checks at load', () => {
  it('population shares must add up to 100% ± 0.1', async () => {
    expect(await problems({ 'member_states.DE.population': 90 })).toMatch(
      /^models\/member-states\.yaml:\d+:\d+: states: the population shares add up to 171\.\d+%; the Council counts 100% \(± 0\.1\)$/,
    );
  });

  it('a member state’s GDP must be above 0', async () => {
    expect(await problems({ 'states.DE.gdp': 0 })).toBe('--set: states.DE.gdp: expected a number > 0, got 0');
  });

  it('takes a bare number as a formula, and refuses a comment', async () => {
    expect(await problems({ 'formulas.cut': 0 })).toBe('');
    expect(await problems({ 'formulas.cut': '0.5 # half' })).toBe(
      '--set: formulas.cut: a formula has no comments: remove the "#" and what follows it',
    );
  });

  it('a trade-defence duty needs a side that decides as eu_council', async () => {
    expect(await problems({ 'measures.tutorial_magnet_licensing.legal_basis': 'trade_defence' })).toBe(
      '--set: measures.tutorial_magnet_licensing.legal_basis: legal basis trade_defence needs a side that decides as eu_council; CN decides as a government (use government)',
    );
  });

  it('reports a link that loops back instead of following it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aci-loop-'));
    cpSync(join(ROOT, 'models'), join(dir, 'models'), { recursive: true });
    cpSync(join(ROOT, 'scenarios', 'tutorial.yaml'), join(dir, 'scenarios', 'tutorial.yaml'));
    symlinkSync('..', join(dir, 'models', 'loop'));
    writeFileSync(join(dir, 'scenarios', 'note.txt'), 'not yaml');
    const out = await problems({}, join(dir, 'scenarios', 'tutorial.yaml'));
    expect(out).toBe(
      `${join(dir, 'models', 'loop')}: this link leads back to ${dir}, a folder it is already in; it is not followed (remove the link)`,
    );
  });
});

// docs/CALIBRATION.md's demand grid names the six stakes the search chose;
// models/behaviour.yaml must ship those six, each with the spread the search
// played (a third to three times). The grid itself is not rerun here
// (node scripts/demand-grid.mjs, about a hundred hindcasts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/cli.js';

const doc = readFileSync(join(ROOT, 'docs/CALIBRATION.md'), 'utf8');
const block =
  /<!-- demand-grid: [^\n]*-->\n```text\n([\s\S]*?)```\n<!-- \/demand-grid -->/.exec(doc)?.[1] ?? '';
const behaviour = parse(readFileSync(join(ROOT, 'models/behaviour.yaml'), 'utf8')) as {
  demands: Record<
    string,
    Record<string, { value: number; dist: { type: string; min: number; max: number } }>
  >;
  timing: { optimism_half_life: { value: number } };
};
const shipped = behaviour.demands;

describe('the demand grid and the shipped stakes', () => {
  it('the block has a row per kind', () => {
    expect(block).toMatch(/^gesture\s/m);
  });
  it.each(['gesture', 'policy', 'alignment'])(
    '%s: the shares the search chose, with their spread',
    (kind) => {
      const row = new RegExp(`^${kind}\\s+(\\S+)\\s+(\\S+)$`, 'm').exec(block);
      expect(row).not.toBeNull();
      const [target, coercer] = [Number(row![1]), Number(row![2])];
      for (const [role, x] of [
        ['target_stakes', target],
        ['coercer_stakes', coercer],
      ] as const) {
        const n = shipped[kind]![role]!;
        expect(n.value).toBe(x);
        expect(n.dist.type).toBe('uniform');
        expect(n.dist.min / (x / 3)).toBeCloseTo(1, 5);
        expect(n.dist.max / (x * 3)).toBeCloseTo(1, 5);
      }
    },
  );
  it('ships the half-life of optimism the search chose with the shares', () => {
    const line = /^half-life of optimism: (\S+) months$/m.exec(block);
    expect(line).not.toBeNull();
    expect(behaviour.timing.optimism_half_life.value).toBe(Number(line![1]));
  });
  it('scores the fit on the episodes in sample and names how many were held out', () => {
    const files = readdirSync(join(ROOT, 'history')).filter((f) => f.endsWith('.yaml'));
    const held = files.filter(
      (f) => !/^\s*in_sample:\s*true\b/m.test(readFileSync(join(ROOT, 'history', f), 'utf8')),
    ).length;
    expect(block).toMatch(new RegExp(`^in sample \\(${files.length - held}, the fit\\): `, 'm'));
    expect(block).toMatch(new RegExp(`^out of sample \\(${held}, not used\\): \\d+ of ${held} pass; `, 'm'));
  });
});

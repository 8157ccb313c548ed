// The JSON Schema that editors use accepts every shipped file, and rejects a typo.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const yamlFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(dir, f))
    .sort();
const load = (f: string) => JSON.parse(readFileSync(f, 'utf8'));
const ajv = new Ajv({ strict: false, allErrors: true });
const scenario = ajv.compile(load('schemas/scenario.schema.json'));
const model = ajv.compile(load('schemas/model.schema.json'));

describe('committed JSON Schema', () => {
  it.each(yamlFiles('scenarios'))('accepts %s', (f) => {
    expect(scenario(parse(readFileSync(f, 'utf8'))), JSON.stringify(scenario.errors)).toBe(true);
  });
  it.each(yamlFiles('models'))('accepts %s', (f) => {
    expect(model(parse(readFileSync(f, 'utf8'))), JSON.stringify(model.errors)).toBe(true);
  });
  it('rejects an unknown field', () => {
    const doc = parse(readFileSync('scenarios/tutorial.yaml', 'utf8'));
    expect(scenario({ ...doc, round: 3 })).toBe(false);
  });
});

// Every shipped scenario and model file validates; the committed JSON Schemas
// are what `aci-sim schema --out schemas` generates.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/io/diagnostics.js';
import { listYamlFiles } from '../../src/io/files.js';
import { schemaFiles } from '../../src/io/json-schema.js';
import { loadModelFile } from '../../src/io/load-model.js';
import { loadScenario } from '../../src/io/load-scenario.js';
import { ROOT } from './project.js';

// Drafts (`*.draft.yaml`) are notes for later and are not loaded.
const shipped = async (dir: string) =>
  (await listYamlFiles(join(ROOT, dir))).filter((f) => !f.endsWith('.draft.yaml'));

describe('shipped files', async () => {
  for (const file of await shipped('models'))
    it(`model ${file.slice(ROOT.length)}`, async () => {
      const r = await loadModelFile(file, { cwd: ROOT });
      expect(r.ok ? '' : formatDiagnostics(r.error)).toBe('');
    });
  for (const file of await shipped('scenarios'))
    it(`scenario ${file.slice(ROOT.length)}`, async () => {
      const r = await loadScenario(file, { cwd: ROOT });
      expect(r.ok ? '' : formatDiagnostics(r.error)).toBe('');
    });
});

describe('committed JSON Schemas', () => {
  for (const [name, text] of Object.entries(schemaFiles()))
    it(`schemas/${name} is up to date (run: npm run schema)`, async () => {
      expect(await readFile(join(ROOT, 'schemas', name), 'utf8')).toBe(text);
    });
});

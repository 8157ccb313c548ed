// A scan for a scenario's model ids parses the files it lists and reads
// only the kind and id of the others, until something looks into them.
import { describe, expect, it } from 'vitest';
import { scanModels } from '../../src/io/resolve-models.js';
import { yamlHeader } from '../../src/io/yaml-source.js';
import { ROOT } from '../helpers/cli.js';

describe('reading model files lazily', () => {
  it('reads a plain header, and nothing else', () => {
    expect(yamlHeader('# c\nkind: blocs   # sides\nid: "blocs-2025"\nblocs: {}\n')).toEqual({
      kind: 'blocs',
      id: 'blocs-2025',
    });
    // Indented or flow-style keys are not the file's own: the file is parsed instead.
    expect(yamlHeader('x:\n  kind: blocs\n  id: a\n')).toBeNull();
    expect(yamlHeader('{ kind: blocs, id: a }\n')).toBeNull();
  });

  it('parses the wanted files at once and the others when first looked into', async () => {
    const index = await scanModels(`${ROOT}models`, ROOT, ['blocs-2025']);
    const wanted = index.byId.get('blocs-2025')![0]!;
    const other = index.byId.get('blocs-japan-2010')![0]!;
    expect(wanted.header).toBeUndefined();
    expect(other.header).toEqual({ kind: 'blocs', id: 'blocs-japan-2010' });
    // Looking into it parses it: the same data a full read gives.
    expect((other.data as { blocs: Record<string, unknown> }).blocs).toHaveProperty('JP');
    expect(other.doc.get('id')).toBe('blocs-japan-2010');
  });
});

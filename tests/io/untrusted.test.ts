// Untrusted text never reaches the terminal raw: control characters in any
// YAML or journal text are refused at load with file:line:col, and so are
// keys that would reach the prototype; the messages themselves are clean.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/io/diagnostics.js';
import { readJournal } from '../../src/io/journal.js';
import { parseYaml } from '../../src/io/yaml-source.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them
const RAW = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

describe('text from files', () => {
  test.prop([fc.string({ unit: 'binary', maxLength: 40 })], { numRuns: 400 })(
    'any Unicode title: refused with a clean message, or loaded without control characters',
    (s) => {
      const r = parseYaml(
        `kind: scenario\ntitle: ${JSON.stringify(s)}\nlist: [${JSON.stringify(s)}]\n`,
        'f.yaml',
      );
      if (r.ok) {
        const d = r.value.data as { title: string; list: string[] };
        expect(d.title).not.toMatch(RAW);
        expect(d.list[0]).not.toMatch(RAW);
      } else expect(formatDiagnostics(r.error)).not.toMatch(RAW);
    },
  );

  it('names the place and the character', () => {
    const r = parseYaml(
      'kind: scenario\ntitle: "T\\e]0;PWNED\\a\\e[2J"\nevents:\n  - text: "ok\\x07"\n',
      's.yaml',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(formatDiagnostics(r.error)).toBe(
      [
        's.yaml:2:8: title: text holds a control character (U+001B ESC) at position 2, which a terminal would act on; remove it',
        's.yaml:4:11: events[0].text: text holds a control character (U+0007 BEL) at position 3, which a terminal would act on; remove it',
      ].join('\n'),
    );
  });

  it('keeps tabs and newlines', () => {
    const r = parseYaml('title: "a\\tb\\nc"\n', 'ok.yaml');
    expect(r.ok && (r.value.data as { title: string }).title).toBe('a\tb\nc');
  });
});

describe('prototype keys', () => {
  for (const key of ['__proto__', 'constructor', 'prototype'])
    for (const [where, yaml] of [
      ['top level', `${key}: {rounds: 6}\n`],
      ['nested', `start:\n  levels:\n    ${key}: 1\n`],
      ['in a list', `events:\n  - ${key}: x\n`],
    ] as const)
      it(`refuses ${key} (${where})`, () => {
        const r = parseYaml(`kind: scenario\n${yaml}`, 'p.yaml');
        expect(r.ok).toBe(false);
        if (!r.ok)
          expect(r.error.map((d) => d.message)).toEqual([
            `"${key}" may not be used as a key (it would reach JavaScript's object prototype)`,
          ]);
      });

  it('in a journal, with its path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aci-journal-'));
    const file = join(dir, 'j.json');
    writeFileSync(
      file,
      '{"format":"aci-sim-journal","version":1,"rounds":[{"orders":{"inject":[{"text":"x","set":{"__proto__":{"a":1}}}]}}]}',
    );
    const r = readJournal(file);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(formatDiagnostics(r.error)).toBe(
        `${file}: rounds.0.orders.inject.0.set: "__proto__" may not be used as a key (it would reach JavaScript's object prototype)`,
      );
  });

  it('nests no deeper than 64 levels', () => {
    const r = parseYaml(`a: ${'['.repeat(70)}${']'.repeat(70)}\n`, 'deep.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]!.message).toBe('mappings and lists nest deeper than 64 levels');
  });
});

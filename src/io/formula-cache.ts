// The formula cache on disk: one JSON file per compiler version in a folder
// the user may delete (the CLI picks it: $ACI_SIM_CACHE, else
// $XDG_CACHE_HOME/aci-sim or ~/.cache/aci-sim). It maps a hash of formula
// text and variables to the generated JavaScript source (or the compiler's
// errors). A missing, corrupt or unwritable cache is ignored: formulas are
// then compiled again. Written through a temporary file and a rename, so a
// reader never sees half a file; concurrent writers lose entries, never data.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FormulaError, SourceResult } from '../model/formula.js';
import { FORMULA_COMPILER_VERSION } from '../model/formula-runtime.js';
import { writeFileAtomic } from './atomic.js';
import { rememberSources, takeFreshSources } from './formula-check.js';

/** Entries kept in the file; the oldest go first. */
const MAX_ENTRIES = 2000;

const FILE = `formulas-v${FORMULA_COMPILER_VERSION}.json`;

/** What generated source looks like: one function returning one expression (guards against damage). */
const SOURCE = /^function formula\((?:v\d+(?:, v\d+)*)?\) \{ return [^;{}`'"\\]*; \}$/;

const opened = new Set<string>();

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function entryOf(v: unknown): SourceResult | null {
  if (!isObj(v)) return null;
  if (v.ok === true) {
    const { source, symbols } = v;
    if (typeof source !== 'string' || !SOURCE.test(source)) return null;
    if (!Array.isArray(symbols) || !symbols.every((s) => typeof s === 'string')) return null;
    return { ok: true, source, symbols };
  }
  if (v.ok === false && Array.isArray(v.errors)) {
    const errors = v.errors.filter(
      (e): e is FormulaError =>
        isObj(e) &&
        typeof e.code === 'string' &&
        e.code.startsWith('formula/') &&
        typeof e.message === 'string',
    );
    return errors.length > 0 && errors.length === v.errors.length
      ? { ok: false, errors: errors.map((e) => ({ code: e.code, message: e.message })) }
      : null;
  }
  return null;
}

async function readEntries(dir: string): Promise<Map<string, SourceResult>> {
  const out = new Map<string, SourceResult>();
  try {
    const data: unknown = JSON.parse(await readFile(join(dir, FILE), 'utf8'));
    if (!isObj(data) || data.compiler !== FORMULA_COMPILER_VERSION || !isObj(data.entries)) return out;
    for (const [key, v] of Object.entries(data.entries)) {
      const e = /^[0-9a-f]{64}$/.test(key) ? entryOf(v) : null;
      if (e) out.set(key, e);
    }
  } catch {
    // missing or unreadable: start empty
  }
  return out;
}

/** Makes the formulas cached in `dir` known to this process (reads the file once per process). */
export async function openFormulaCache(dir: string): Promise<void> {
  if (opened.has(dir)) return;
  opened.add(dir);
  rememberSources(await readEntries(dir));
}

/** Adds the formulas compiled since the last save to the file in `dir`; never fails. */
export async function saveFormulaCache(dir: string): Promise<void> {
  const fresh = takeFreshSources();
  if (fresh.length === 0) return;
  // Entries another process wrote since this one opened the file are kept too.
  const entries = await readEntries(dir);
  for (const [key, r] of fresh) {
    entries.delete(key);
    entries.set(key, r);
  }
  const kept = [...entries].slice(-MAX_ENTRIES);
  const text = `${JSON.stringify({ compiler: FORMULA_COMPILER_VERSION, entries: Object.fromEntries(kept) })}\n`;
  try {
    await mkdir(dir, { recursive: true });
    writeFileAtomic(join(dir, FILE), text);
  } catch {
    // A cache that cannot be written only costs a recompile next time.
  }
}

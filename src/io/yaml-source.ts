// Reads a YAML file and keeps its document so that any data path can be
// mapped back to line:col. Duplicate keys are errors (uniqueKeys).
import { readFile, stat } from 'node:fs/promises';
import { type Document, isMap, isNode, isPair, isScalar, LineCounter, type Node, parseDocument } from 'yaml';
import { checkDocument } from './check-document.js';
import { type Diagnostic, fileDiag } from './diagnostics.js';
import { formatPath, type PathSeg } from './paths.js';
import { err, ok, type Result } from './result.js';
import { MAX_FILE_BYTES } from './untrusted.js';

export interface YamlSource {
  /** The file as the user named it. */
  readonly file: string;
  readonly abs: string;
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** The plain data (`doc.toJS()`). */
  readonly data: unknown;
  /** Kind and id read off the file's lines, for a file not yet parsed (lazyYamlSource). */
  readonly header?: { readonly kind: string; readonly id: string };
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
};

/** Reads and parses a file; a missing or unreadable file is a diagnostic. */
export async function readYamlFile(abs: string, file: string): Promise<Result<YamlSource, Diagnostic[]>> {
  const text = await readYamlText(abs, file);
  return text.ok ? parseYaml(text.value, file, abs) : text;
}

/** A file's text, refused when too large; a missing or unreadable file is a diagnostic. */
export async function readYamlText(abs: string, file: string): Promise<Result<string, Diagnostic[]>> {
  let text: string;
  try {
    const size = (await stat(abs)).size;
    if (size > MAX_FILE_BYTES)
      return err([
        fileDiag(
          file,
          'file/too-large',
          `the file is ${size} bytes; files over ${MAX_FILE_BYTES} bytes are refused`,
        ),
      ]);
    text = await readFile(abs, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    const reason = REASONS[code] ?? (e instanceof Error ? e.message : String(e));
    return err([fileDiag(file, 'file/unreadable', `cannot read file (${reason})`)]);
  }
  return ok(text);
}

/** A file's top-level `kind:` and `id:` read off its lines, or null when they are not plainly written. */
export function yamlHeader(text: string): { kind: string; id: string } | null {
  const kind = /^kind:[ \t]*["']?([A-Za-z_]+)["']?[ \t]*(?:#.*)?$/m.exec(text)?.[1];
  const id = /^id:[ \t]*["']?([A-Za-z][A-Za-z0-9_-]*)["']?[ \t]*(?:#.*)?$/m.exec(text)?.[1];
  return kind && id ? { kind, id } : null;
}

/**
 * A file whose kind and id are known from its header, parsed only when its
 * document or data is first looked into (a scan reads every model file to
 * find ids; a scenario uses a few). Should it not parse then, it shows only
 * its header, and whatever validates it reports what is missing.
 */
export function lazyYamlSource(
  text: string,
  file: string,
  abs: string,
  header: { kind: string; id: string },
): YamlSource {
  let done: YamlSource | undefined;
  const load = (): YamlSource => {
    if (done) return done;
    const r = parseYaml(text, file, abs);
    done = r.ok
      ? r.value
      : (parseYaml(`kind: ${header.kind}\nid: ${header.id}\n`, file, abs) as { value: YamlSource }).value;
    return done;
  };
  return {
    file,
    abs,
    header,
    get doc() {
      return load().doc;
    },
    get lineCounter() {
      return load().lineCounter;
    },
    get data() {
      return load().data;
    },
  };
}

/** Parsed documents by text, when memoizeYamlParses is on; null when off. */
let parsed: Map<string, { doc: Document.Parsed; lineCounter: LineCounter; data: unknown }> | null = null;

/**
 * For whatever loads many scenarios in one process (the tests; hindcast,
 * calibrate and validate of several files), each parsing the same model
 * files again: keep every document parsed without problems, by its text,
 * and hand out a copy of its data. Off for a single load.
 */
export function memoizeYamlParses(on: boolean): void {
  parsed = on ? (parsed ?? new Map()) : null;
}

export function parseYaml(text: string, file: string, abs = file): Result<YamlSource, Diagnostic[]> {
  const hit = parsed?.get(text);
  if (hit)
    return ok({ file, abs, doc: hit.doc, lineCounter: hit.lineCounter, data: structuredClone(hit.data) });
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  const errors = doc.errors.map((e): Diagnostic => {
    const pos = lineCounter.linePos(e.pos[0]);
    return {
      file,
      line: pos.line,
      col: pos.col,
      path: '',
      code: 'yaml/syntax',
      message: yamlMessage(e, text),
    };
  });
  if (errors.length > 0) return err(errors);
  const unsafe = checkDocument(doc, file, (o) => lineCounter.linePos(o));
  if (unsafe.length > 0) return err(unsafe);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return err([{ file, line: 1, col: 1, path: '', code: 'yaml/syntax', message: lowerFirst(message) }]);
  }
  parsed?.set(text, { doc, lineCounter, data: structuredClone(data) });
  return ok({ file, abs, doc, lineCounter, data });
}

function yamlMessage(e: { code: string; message: string; pos: [number, number] }, text: string): string {
  if (e.code === 'DUPLICATE_KEY') {
    const key = /^("[^"]*"|'[^']*'|[^:,}\n]+)/.exec(text.slice(e.pos[0]))?.[1]?.trim() ?? '?';
    return `duplicate key "${key.replace(/^["']|["']$/g, '')}" (each key may appear only once in a mapping)`;
  }
  const first = e.message.split(/ at line \d+, column \d+/)[0] ?? e.message;
  return `YAML syntax error: ${lowerFirst(first.trim())}`;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export interface Position {
  readonly line: number;
  readonly col: number;
}

/** Position of the node at `path`, or of its nearest existing parent. */
export function positionOf(src: YamlSource, path: readonly PathSeg[]): Position {
  for (let n = path.length; n >= 0; n--) {
    const node = src.doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return pos(src, node.range[0]);
  }
  return { line: 1, col: 1 };
}

/** Position of the key `key` of the mapping at `path` (for unknown fields). */
export function keyPositionOf(src: YamlSource, path: readonly PathSeg[], key: string): Position {
  const map = path.length === 0 ? src.doc.contents : src.doc.getIn(path, true);
  if (isMap(map)) {
    const pair = map.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
    const k = pair?.key as Node | undefined;
    if (k?.range) return pos(src, k.range[0]);
  }
  return positionOf(src, path);
}

/** Whether the document has a node at `path`. */
export const hasPath = (src: YamlSource, path: readonly PathSeg[]): boolean =>
  path.length === 0 || src.doc.hasIn(path);

const pos = (src: YamlSource, offset: number): Position => {
  const p = src.lineCounter.linePos(offset);
  return { line: p.line, col: p.col };
};

/** A diagnostic at the node of `path` in `src`. */
export function diagAt(
  src: YamlSource,
  path: readonly PathSeg[],
  code: string,
  message: string,
  hint?: string,
  shownPath: string = formatPath(path),
): Diagnostic {
  const { line, col } = positionOf(src, path);
  return {
    file: src.file,
    line,
    col,
    path: shownPath,
    code,
    message,
    ...(hint === undefined ? {} : { hint }),
  };
}

/**
 * How far into the file a character offset of the scalar at `path` lies from the scalar's start:
 * the offset itself for a plain scalar, one more for a quoted one (escapes aside); 0 for a block
 * scalar or anything else, which then points at the scalar's start.
 */
export function scalarShift(src: YamlSource, path: readonly PathSeg[], offset: number): number {
  const node = src.doc.getIn(path, true);
  if (!isScalar(node)) return 0;
  if (node.type === 'PLAIN') return offset;
  return node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? offset + 1 : 0;
}

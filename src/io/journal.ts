// The game journal: everything needed to rebuild a game by replay, and the
// round in progress (what each team has committed, notes, injects). Written
// ahead of every screen change to a temporary file in the same folder,
// flushed to disk and renamed over the old one, so a crash leaves either the
// previous journal or the new one, never half of one.
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as z from 'zod';
import type { Orders } from '../engine/index.js';
import { writeFileAtomic } from './atomic.js';
import { type Diagnostic, fileDiag } from './diagnostics.js';
import { err, ok, type Result } from './result.js';
import { plainDataProblems } from './untrusted.js';

const LevelsSchema = z.record(z.string(), z.number().int().min(0));
const InjectSchema = z.strictObject({
  text: z.string().min(1),
  levels: LevelsSchema.default({}),
  support: z.record(z.string(), z.number()).default({}),
  set: z.record(z.string(), z.number()).default({}),
});
const BlocOrdersSchema = z.strictObject({
  set: LevelsSchema.optional(),
  propose: z.strictObject({ q: z.number().min(0).max(1), keep: z.array(z.string()).optional() }).optional(),
  respond: z.enum(['accept', 'reject']).optional(),
  backDown: z.boolean().optional(),
});
/** A round's orders, by role (version 2; version 1 keyed them EU and CN). */
export const OrdersSchema = z.strictObject({
  target: BlocOrdersSchema.optional(),
  coercer: BlocOrdersSchema.optional(),
  inject: z.array(InjectSchema).optional(),
});
const NoteSchema = z.strictObject({
  bloc: z.enum(['target', 'coercer']).nullable(),
  text: z.string(),
});
const ByRole = z.strictObject({ target: z.string(), coercer: z.string() });
const RoleSchema = z.enum(['target', 'coercer']);
const AnswerSchema = z.enum(['accept', 'reject']);

/** The round being played: what is decided so far, so a resumed game returns to the same screen. */
const PendingSchema = z.strictObject({
  /** The orders of each side that has committed (levels changed, offer, back-down). */
  committed: z.strictObject({ target: BlocOrdersSchema.optional(), coercer: BlocOrdersSchema.optional() }),
  /** Answers given to the other side's offer (in hot-seat, before a side's own orders). */
  respond: z.strictObject({ target: AnswerSchema.optional(), coercer: AnswerSchema.optional() }),
  inject: z.array(InjectSchema),
  notes: z.array(NoteSchema),
  /** Hot-seat: the team the keyboard was handed to. */
  shownTo: RoleSchema.nullable(),
  /** Hot-seat: both sealed offers were shown to the room. */
  revealed: z.boolean().optional(),
});

/**
 * A facilitator's action, or the round timer running out: what, in which round
 * (the one in progress), who (`facilitator`: confirmed with F in hot-seat; `team`:
 * the keyboard of a game with one team or none; `timer`) and when.
 */
const FacilitatorEntrySchema = z.strictObject({
  action: z.enum(['view', 'team-view', 'undo', 'redo', 'inject', 'end', 'pause', 'resume', 'timeout']),
  round: z.number().int().min(1),
  by: z.enum(['facilitator', 'team', 'timer']),
  at: z.string(),
  /** The inject's text; the side whose time ran out. */
  detail: z.string().optional(),
});

export const JournalSchema = z.strictObject({
  format: z.literal('aci-sim-journal'),
  version: z.literal(2),
  /** The scenario's ids of the two sides, by role (for people reading the file). */
  sides: ByRole,
  scenario: z.strictObject({ id: z.string(), ref: z.string(), hash: z.string() }),
  /** The engine's seed: `replay(scenario, seed, journalLog(j))` rebuilds the game. */
  seed: z.string(),
  /** The `--seed N` the engine seed was derived from (runSeed(N, 0, 0)), when there was one. */
  masterSeed: z.number().int().optional(),
  /** 'human' or a policy id, by role. */
  players: ByRole,
  /** `--set PATH=VALUE` overrides the game was started with. */
  set: z.record(z.string(), z.union([z.number(), z.string()])).default({}),
  created: z.string(),
  updated: z.string(),
  rounds: z.array(
    z.strictObject({
      orders: OrdersSchema,
      notes: z.array(NoteSchema).default([]),
    }),
  ),
  /** The round in progress, when one was begun. */
  pending: PendingSchema.optional(),
  /** Rounds taken back with undo, the latest last: redo plays them again (a new round played drops them). */
  undone: z
    .array(z.strictObject({ orders: OrdersSchema, notes: z.array(NoteSchema).default([]) }))
    .optional(),
  /** Set when the game is over: by the facilitator (`e`, a deal in force) or by the game itself. */
  ended: z.strictObject({ round: z.number().int().min(0), by: z.enum(['facilitator', 'game']) }).optional(),
  /** Every facilitator action and timer expiry, in order. */
  facilitator: z.array(FacilitatorEntrySchema).optional(),
  /** `--timer`: seconds a team has for its turn. */
  timer: z.number().int().min(1).optional(),
  /** Present while a program plays the game; left behind when it did not exit cleanly. */
  open: z.strictObject({ since: z.string() }).optional(),
});

export type Journal = z.infer<typeof JournalSchema>;
export type JournalRound = Journal['rounds'][number];
export type PendingRound = z.infer<typeof PendingSchema>;
export type FacilitatorEntry = z.infer<typeof FacilitatorEntrySchema>;
export type FacilitatorAction = FacilitatorEntry['action'];

/** The orders of every round, in order, for `replay`. */
export const journalLog = (j: Journal): Orders[] => j.rounds.map((r) => r.orders);

/** Replaces the journal atomically: temp file in the same folder, flushed, renamed; no temp file left on failure. */
export function writeJournal(path: string, journal: Journal): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  writeFileAtomic(path, `${JSON.stringify(journal, null, 2)}\n`);
  syncFolder(dir);
}

/** Flushes the folder's entry for the renamed file (best effort). */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // e.g. EISDIR/EPERM on some platforms: the file itself is already flushed
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function readJournal(path: string): Result<Journal, Diagnostic[]> {
  const d = (message: string, p = ''): Diagnostic => fileDiag(path, 'journal/invalid', message, p);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return err([
      d(code === 'ENOENT' ? 'no such journal file' : `cannot read the journal (${code ?? 'error'})`),
    ]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return err([d('not a journal: the file is not valid JSON (corrupt or truncated?)')]);
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== 'aci-sim-journal')
    return err([d('not an aci-sim journal (no "format": "aci-sim-journal")')]);
  const unsafe = plainDataProblems(raw);
  if (unsafe.length > 0) return err(unsafe.map(([path, message]) => d(message, path)));
  const parsed = JournalSchema.safeParse(upgrade(raw));
  if (!parsed.success)
    return err(parsed.error.issues.map((i) => d(`${i.message}`, i.path.map(String).join('.'))));
  return ok(parsed.data);
}

const ROLE_OF_V1: Record<string, string> = { EU: 'target', CN: 'coercer' };

/**
 * A version-1 journal (an EU–China game, orders and players keyed EU and CN)
 * as version 2: the EU was the target and China the coercer.
 */
function upgrade(raw: unknown): unknown {
  const j = raw as Record<string, unknown>;
  if (j.version !== 1) return raw;
  const rekey = (v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).map(([k, x]) => [ROLE_OF_V1[k] ?? k, x]))
      : v;
  const rounds = Array.isArray(j.rounds)
    ? j.rounds.map((r: Record<string, unknown>) => ({
        ...r,
        orders: rekey(r.orders),
        notes: Array.isArray(r.notes)
          ? r.notes.map((n: Record<string, unknown>) => ({
              ...n,
              bloc: ROLE_OF_V1[String(n.bloc)] ?? n.bloc,
            }))
          : r.notes,
      }))
    : j.rounds;
  return { ...j, version: 2, sides: { target: 'EU', coercer: 'CN' }, players: rekey(j.players), rounds };
}

// Sides that name a behaviour profile (`behaviour: eu`) get the profile's
// pain tolerance, misperception and discount where they write none, so that
// one assumption is written once however many episodes share it. The
// profile's monthly discount is compounded over the scenario's round. Runs
// after overrides and --set: a field they write is the side's own, and
// `--set blocs.JP.behaviour=china` names another profile.
import type { Diagnostic } from './diagnostics.js';
import { didYouMean } from './did-you-mean.js';
import { isObj } from './is-obj.js';
import type { Assignment } from './overrides.js';
import { pathKey } from './overrides.js';
import { kindOf } from './resolve-models.js';
import { BlocSchema } from './schemas/blocs.js';
import type { YamlSource } from './yaml-source.js';
import { type Locator, sourceLocator } from './zod-issues.js';

/** A side's field and the profile field that supplies it. */
export const BEHAVIOUR_FIELDS = [
  ['pain_tolerance', 'pain_tolerance'],
  ['misperception', 'misperception'],
  ['discount', 'monthly_discount'],
] as const;

export interface Filled {
  readonly diagnostics: Diagnostic[];
  /** Per blocs file: file path key → where the filled number is written (the profile). */
  readonly origins: Map<YamlSource, Map<string, Assignment>>;
}

/** The monthly discount over a round of `months`; a distribution cannot be compounded. */
function compound(node: unknown, months: number): unknown {
  if (months === 1) return node;
  if (typeof node === 'number') return node ** months;
  if (!isObj(node) || typeof node.value !== 'number') return node;
  const out: Record<string, unknown> = { ...node, value: node.value ** months };
  if (typeof node.why === 'string')
    out.why = `${node.why} Per round: the monthly ${node.value} over ${months} months.`;
  return out;
}

/** The entries of one section (`profiles`, `demands`, `roles`) of the listed behaviour models, by id. */
export function behaviourEntries(
  files: readonly YamlSource[],
  data: Map<YamlSource, unknown>,
  section: 'profiles' | 'demands' | 'roles',
): Map<string, { src: YamlSource; fields: Record<string, unknown> }> {
  const out = new Map<string, { src: YamlSource; fields: Record<string, unknown> }>();
  for (const src of files.filter((f) => kindOf(f) === 'behaviour')) {
    const d = data.get(src);
    const es = isObj(d) && isObj(d[section]) ? d[section] : {};
    for (const [id, e] of Object.entries(es)) if (isObj(e)) out.set(id, { src, fields: e });
  }
  return out;
}

export function fillBehaviour(
  files: readonly YamlSource[],
  data: Map<YamlSource, unknown>,
  roundMonths: number,
  /** Where a path of a blocs file is written (an override's own place when it wrote it). */
  locateIn: (src: YamlSource) => Locator = sourceLocator,
): Filled {
  const diagnostics: Diagnostic[] = [];
  const origins: Filled['origins'] = new Map();
  const profiles = behaviourEntries(files, data, 'profiles');
  for (const src of files.filter((f) => kindOf(f) === 'blocs')) {
    const d = data.get(src);
    const blocs = isObj(d) && isObj(d.blocs) ? d.blocs : {};
    let copy: Record<string, Record<string, unknown>> | undefined;
    for (const [side, bloc] of Object.entries(blocs)) {
      if (!isObj(bloc) || typeof bloc.behaviour !== 'string') continue;
      const name = bloc.behaviour;
      const profile = profiles.get(name);
      if (!profile) {
        diagnostics.push({
          ...locateIn(src)(['blocs', side, 'behaviour']),
          code: 'ref/unknown-behaviour',
          message: `unknown behaviour profile "${name}"${didYouMean(name, profiles.keys())}`,
          hint:
            profiles.size === 0
              ? "no `behaviour` model is listed: add one (e.g. `behaviour`) to the scenario's `models:`"
              : `profiles of the listed behaviour models: ${[...profiles.keys()].join(', ')}`,
        });
        continue;
      }
      for (const [field, from] of BEHAVIOUR_FIELDS) {
        if (bloc[field] !== undefined || profile.fields[from] === undefined) continue;
        const node = profile.fields[from];
        if (from === 'monthly_discount' && roundMonths !== 1 && isObj(node) && node.dist !== undefined) {
          diagnostics.push({
            ...sourceLocator(profile.src)(['profiles', name, from, 'dist']),
            code: 'schema/behaviour-dist',
            message: `a monthly discount with \`dist:\` cannot be compounded over ${roundMonths}-month rounds; write \`discount:\` on side ${side} instead`,
          });
          continue;
        }
        copy ??= structuredClone(blocs) as Record<string, Record<string, unknown>>;
        const value = from === 'monthly_discount' ? compound(node, roundMonths) : node;
        copy[side]![field] = value;
        const filePath = ['blocs', side, field];
        const at = sourceLocator(profile.src)(['profiles', name, from]);
        const byPath = origins.get(src) ?? new Map<string, Assignment>();
        byPath.set(pathKey(filePath), { text: `blocs.${side}.${field}`, value, at });
        origins.set(src, byPath);
      }
    }
    if (copy) data.set(src, { ...(d as Record<string, unknown>), blocs: mapValues(copy, inSchemaOrder) });
  }
  return { diagnostics, origins };
}

const ORDER = Object.keys(BlocSchema.shape);

/** The side's fields in the schema's order, as if it had written the filled ones (hashes and draws follow it). */
const inSchemaOrder = (bloc: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(bloc).sort(
      ([a], [b]) => (ORDER.indexOf(a) + 1 || ORDER.length + 1) - (ORDER.indexOf(b) + 1 || ORDER.length + 1),
    ),
  );

const mapValues = <T>(o: Record<string, T>, f: (v: T) => T): Record<string, T> =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));

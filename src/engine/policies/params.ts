// The computer players' named parameters: default, range and provenance, per
// kind. io fills the defaults into every policy (so `--set` and `uncertain:`
// reach them as policies.<id>.params.<name>) and checks the ranges; the
// engine reads them from the policy, falling back to the same defaults.
import type { PolicyKind } from '../types.js';

export interface PolicyParam {
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** What it does and where the default comes from. */
  readonly about: string;
}

export const POLICY_PARAMS: { readonly [K in PolicyKind]: Readonly<Record<string, PolicyParam>> } = {
  hold: {},
  tit_for_tat: {},
  graduated: {
    step: { default: 1, min: 1, max: 6, about: 'Rungs climbed a round (assumed: one step at a time).' },
  },
  appeaser: {
    concession: {
      default: 0.2,
      min: 0,
      max: 5,
      about: 'Share of its pain tolerance above which it lifts its measures (assumed).',
    },
  },
  best_response: {
    temperature_min: {
      default: 0.02,
      min: 0,
      max: 10,
      about: 'Lowest soft-max temperature, × its stakes (assumed).',
    },
    temperature_max: {
      default: 0.2,
      min: 0,
      max: 10,
      about: 'Highest soft-max temperature, × its stakes (assumed).',
    },
    candidates: { default: 12, min: 1, max: 100, about: 'Raises and cuts scored a round (assumed).' },
    lean: {
      default: 0.3,
      min: 0,
      max: 1,
      about:
        'How far toward its own end of the perceived zone it offers terms: 0 the midpoint, 1 its own bound (assumed: a modest first offer).',
    },
  },
};

/** A policy's parameter, or its kind's default. */
export const policyParam = (
  kind: PolicyKind,
  params: Readonly<Record<string, number>>,
  name: string,
): number => params[name] ?? POLICY_PARAMS[kind][name]?.default ?? Number.NaN;

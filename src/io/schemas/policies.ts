import * as z from 'zod';
import { POLICY_PARAMS } from '../../engine/policies/params.js';
import { id, modelId, text } from './common.js';
import { num, numValue } from './num.js';

export const PolicySchema = z
  .strictObject({
    kind: z
      .enum(['hold', 'tit_for_tat', 'graduated', 'appeaser', 'best_response'])
      .describe('Which built-in strategy this parameterises.'),
    description: text('What the computer player does.'),
    params: z
      .record(id('parameter'), num())
      .default({})
      .describe(
        'Strategy parameters by name; absent ones take their defaults (docs/MODEL.md, computer players).',
      ),
  })
  .superRefine((p, ctx) => {
    const known = POLICY_PARAMS[p.kind];
    for (const [name, n] of Object.entries(p.params)) {
      const spec = known[name];
      const v = numValue(n);
      if (spec && !(v >= spec.min && v <= spec.max))
        ctx.addIssue({
          code: 'custom',
          path: ['params', name],
          message: `${name} must be in [${spec.min}, ${spec.max}], got ${v}`,
        });
    }
  })
  .describe('A computer player.');

export const PoliciesFileSchema = z
  .strictObject({
    kind: z.literal('policies'),
    id: modelId,
    policies: z
      .record(id('policy'), PolicySchema)
      .describe('Policies by id; scenarios name them under `players:`.'),
  })
  .describe('Computer players.');

export type PolicyDef = z.infer<typeof PolicySchema>;
export type PoliciesFileDef = z.infer<typeof PoliciesFileSchema>;

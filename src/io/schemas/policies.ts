import * as z from 'zod';
import { id, modelId, text } from './common.js';
import { num } from './num.js';

export const PolicySchema = z
  .strictObject({
    kind: z
      .enum(['hold', 'tit_for_tat', 'graduated', 'appeaser', 'best_response'])
      .describe('Which built-in strategy this parameterises.'),
    description: text('What the computer player does.'),
    params: z.record(id('parameter'), num()).default({}).describe('Strategy parameters by name.'),
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

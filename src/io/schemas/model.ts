// Every model file, told apart by `kind`.
import * as z from 'zod';
import { BehaviourFileSchema } from './behaviour.js';
import { BlocsFileSchema } from './blocs.js';
import { DependenciesFileSchema } from './dependencies.js';
import { FormulasFileSchema } from './formulas.js';
import { MeasuresFileSchema } from './measures.js';
import { MemberStatesFileSchema } from './member-states.js';
import { PoliciesFileSchema } from './policies.js';

export const ModelFileSchema = z
  .discriminatedUnion('kind', [
    FormulasFileSchema,
    BlocsFileSchema,
    BehaviourFileSchema,
    MemberStatesFileSchema,
    DependenciesFileSchema,
    MeasuresFileSchema,
    PoliciesFileSchema,
  ])
  .describe(
    'An aci-sim model file: formulas, blocs, behaviour, member_states, dependencies, measures or policies.',
  );

export type ModelFileDef = z.infer<typeof ModelFileSchema>;
export type ModelKind = ModelFileDef['kind'];
export const MODEL_KINDS: readonly ModelKind[] = [
  'formulas',
  'blocs',
  'behaviour',
  'member_states',
  'dependencies',
  'measures',
  'policies',
];

import * as z from 'zod';
import { id, modelId, StateCode, text } from './common.js';
import { num } from './num.js';
import { plain } from './range.js';

export const MemberStateSchema = z
  .strictObject({
    name: text('Display name.'),
    population: num({ min: 0, max: 100 }).describe(
      'Share of the EU population, %, as the Council counts it.',
    ),
    gdp: num({ min: 0 }).describe('GDP, EUR bn.'),
    stance: z.enum(['hawkish', 'cautious', 'ambivalent', 'engaging']).describe('Attitude to China.'),
    base_support: num().describe('Log-odds of support for countermeasures before pain, cost and pressure.'),
    pain_response: num({ min: -1, max: 1 }).describe(
      '+1: its own pain makes it rally; -1: pain makes it want the supply back.',
    ),
    exposure: z
      .record(z.string().min(1), num({ min: 0 }))
      .default({})
      .describe("Sector → weight: how much of a sector's EU-side pain lands on this state."),
    levers: z
      .record(id('measure'), num({ min: 0 }))
      .default({})
      .describe("Measure id → weight: how much of an EU measure's cost lands on this state."),
    note: z.string().optional().describe('Free text.'),
  })
  .describe('One member state of the Council.');

export const MemberStatesFileSchema = z
  .strictObject({
    kind: z.literal('member_states'),
    id: modelId,
    year: plain({ int: true, gt: 0 }).describe('Year the Council figures apply to.'),
    states: z
      .record(StateCode, MemberStateSchema)
      .describe('Member states by code (AT, BE, … EL for Greece).'),
  })
  .describe('The Council: population weights, stances, exposure and lever holdings.');

export type MemberStateDef = z.infer<typeof MemberStateSchema>;
export type MemberStatesFileDef = z.infer<typeof MemberStatesFileSchema>;

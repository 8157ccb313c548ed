import * as z from 'zod';
import { id, modelId, StateCode, text } from './common.js';
import { num, numValue } from './num.js';

/** Rounding in published population shares; more than this off 100% is an error. */
const POPULATION_SLACK = 0.1;

import { plain } from './range.js';

export const MemberStateSchema = z
  .strictObject({
    name: text('Display name.'),
    population: num({ min: 0, max: 100 }).describe(
      'Share of the EU population, %, as the Council counts it.',
    ),
    gdp: num({ gt: 0 }).describe('GDP, EUR bn (above 0: pain is a share of it).'),
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
      .superRefine((states, ctx) => {
        const entries = Object.values(states);
        if (entries.length === 0) return;
        const sum = entries.reduce((a, s) => a + numValue(s.population), 0);
        if (Math.abs(sum - 100) > POPULATION_SLACK)
          ctx.addIssue({
            code: 'custom',
            message: `the population shares add up to ${Number(sum.toFixed(3))}%; the Council counts 100% (± ${POPULATION_SLACK})`,
          });
      })
      .describe('Member states by code (AT, BE, … EL for Greece); their population shares add up to 100%.'),
  })
  .describe('The Council: population weights, stances, exposure and lever holdings.');

export type MemberStateDef = z.infer<typeof MemberStateSchema>;
export type MemberStatesFileDef = z.infer<typeof MemberStatesFileSchema>;

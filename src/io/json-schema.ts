// JSON Schema (draft-07, the input shape) for editors: yaml-language-server
// reads it through the `# yaml-language-server: $schema=…` line of each file.
import * as z from 'zod';
import { CalibrationSchema } from './schemas/calibration.js';
import { ModelFileSchema } from './schemas/model.js';
import { REQUIRED_SCENARIO_FIELDS, ScenarioSchema } from './schemas/scenario.js';

const toJson = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { target: 'draft-07', io: 'input' }) as Record<string, unknown>;

export function scenarioJsonSchema(): Record<string, unknown> {
  const s = toJson(ScenarioSchema);
  // Required unless the scenario extends another (checked by the loader after merging).
  return {
    ...s,
    title: 'aci-sim scenario',
    if: { not: { required: ['extends'] } },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, not a promise.
    then: { required: [...REQUIRED_SCENARIO_FIELDS] },
  };
}

export const modelJsonSchema = (): Record<string, unknown> => ({
  ...toJson(ModelFileSchema),
  title: 'aci-sim model file',
});

/** The files `aci-sim schema --out DIR` writes, name → text. */
export const schemaFiles = (): Record<string, string> => ({
  'scenario.schema.json': `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`,
  'model.schema.json': `${JSON.stringify(modelJsonSchema(), null, 2)}\n`,
  'calibration.schema.json': `${JSON.stringify({ ...toJson(CalibrationSchema), title: 'aci-sim calibration file' }, null, 2)}\n`,
});

// Small shared pieces: ids, codes, text fields.
import * as z from 'zod';

const ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** An id: letters, digits, `_` and `-`, starting with a letter (no dots: ids appear in dotted paths). */
export const id = (what: string) =>
  z.string().regex(ID, {
    error: (iss) =>
      `invalid ${what} id ${JSON.stringify(iss.input)}: use letters, digits, _ and -, starting with a letter`,
  });

/** A member state's code as the Council writes it (EL for Greece). */
export const StateCode = z
  .string()
  .regex(/^[A-Z]{2}$/, {
    error: (iss) => `invalid member-state code ${JSON.stringify(iss.input)}: two capital letters, e.g. DE`,
  })
  .describe('Member-state code, e.g. DE, FR, EL.');

/** A side's id as scenarios name it: 2–6 capital letters or digits, starting with a letter (EU, CN, JP). */
export const SideId = z
  .string()
  .regex(/^[A-Z][A-Z0-9]{1,5}$/, {
    error: (iss) =>
      `invalid side id ${JSON.stringify(iss.input)}: 2 to 6 capital letters or digits, starting with a letter, e.g. EU, CN, JP`,
  })
  .describe('A side, e.g. EU, CN, JP, US.');

/** Non-empty text. */
export const text = (about: string) => z.string().min(1, { error: 'must not be empty' }).describe(about);

/** Every model file starts with these. */
export const modelId = id('model').describe('The id scenarios use to list this file under `models:`.');

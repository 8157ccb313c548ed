// The journal's schema and the engine's order types are one definition:
// what the schema accepts is exactly what the engine takes.
import { describe, expectTypeOf, it } from 'vitest';
import type * as z from 'zod';
import type { Inject, Note, Orders } from '../../src/engine/index.js';
import type { JournalSchema, OrdersSchema } from '../../src/io/journal.js';

describe('journal types', () => {
  it('orders parsed from a journal are the engine’s Orders', () => {
    expectTypeOf<z.output<typeof OrdersSchema>>().toEqualTypeOf<Orders>();
  });
  it('injects and notes too', () => {
    type J = z.output<typeof JournalSchema>;
    expectTypeOf<NonNullable<J['rounds'][number]['orders']['inject']>[number]>().toEqualTypeOf<Inject>();
    expectTypeOf<J['rounds'][number]['notes'][number]>().toEqualTypeOf<Note>();
  });
});

/** A plain mapping as YAML gives one: an object, not null, not a list. */
export const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The renumbering tests' one tool: every number of a constant replaced by one the game never uses
 * (101, 102, … from one counter per test file), so a sentence that still shows a small number retyped it.
 */
const next = { n: 101 };

/** The next unused number (101 and up). */
export const nextNumber = (): number => next.n++;

/** Every number in `value` replaced by the next unused one, keeping its sign (a deep copy). */
export function renumber<T>(value: T): T {
  if (typeof value === 'number') return ((value < 0 ? -1 : 1) * nextNumber()) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => renumber(v)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renumber(v)])) as T;
  return value;
}

/**
 * The move catalogue's "needs" and "does" sentences are written from the rules' constants: with every
 * number of MOVE_NUMBERS, BALANCE and the track ranges replaced by one the game never uses (100 and up),
 * no sentence may still show a small number, in digits or in words. A number retyped into a sentence
 * (say "+2 deterrence" while the rule adds 3) fails here.
 */
import { describe, expect, it, vi } from 'vitest';

/** Every number in `value` replaced by the next of 101, 102, …, keeping its sign (a deep copy). */
function renumber<T>(value: T, next: { n: number }): T {
  if (typeof value === 'number') return ((value < 0 ? -1 : 1) * next.n++) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => renumber(v, next)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renumber(v, next)])) as T;
  return value;
}
const next = { n: 101 };

vi.mock('../../src/content/move-numbers', async (original) => {
  const real = (await original()) as typeof import('../../src/content/move-numbers');
  return { MOVE_NUMBERS: renumber(real.MOVE_NUMBERS, next) };
});
vi.mock('../../src/content/balance', async (original) => {
  const real = (await original()) as typeof import('../../src/content/balance');
  return { BALANCE: renumber(real.BALANCE, next) };
});
vi.mock('../../src/content/ids', async (original) => {
  const real = (await original()) as typeof import('../../src/content/ids');
  return { ...real, TRACKS: renumber(real.TRACKS, next) };
});

const { MOVE_CATALOGUE } = await import('../../src/content/moves');

/** Numbers in words that would state a rule ("two at most", "the second Lambaste"); "one"/"once" also read as articles. */
const NUMBER_WORDS = /\b(two|three|four|five|six|seven|eight|nine|ten|second|third|fourth|fifth|twice)\b/i;

const sentences = Object.entries(MOVE_CATALOGUE).flatMap(([move, m]) => [
  [`${move}.needs`, m.needs] as const,
  [`${move}.does`, m.does] as const,
]);

describe('move catalogue sentences come from the constants', () => {
  it.each(sentences)('%s states no retyped number', (_where, text) => {
    const small = [...text.matchAll(/\d+/g)].map((m) => Number(m[0])).filter((n) => n < 101);
    expect(small, `“${text}” shows numbers not taken from the constants`).toEqual([]);
    expect(text, `“${text}” states a number in words`).not.toMatch(NUMBER_WORDS);
  });

  it('the renumbered constants reach the sentences (so the check above can fail)', () => {
    expect(MOVE_CATALOGUE.exercise.does).toMatch(
      /^\+\d{3} deterrence until the next summit, \+\d{3} pip, tension \+\d{3}$/,
    );
    expect(MOVE_CATALOGUE.sendMaterialAid.needs).toMatch(/^\d{3} markers at most$/);
  });
});

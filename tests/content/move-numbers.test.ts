/**
 * The move catalogue's "needs" and "does" sentences are written from the rules' constants: with every
 * number of MOVE_NUMBERS, BALANCE and the track ranges replaced by one the game never uses (100 and up),
 * no sentence may still show a small number, in digits or in words. A number retyped into a sentence
 * (say "+2 deterrence" while the rule adds 3) fails here.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/content/move-numbers', async (original) => {
  const { renumber } = await import('../helpers/renumber');
  const real = (await original()) as typeof import('../../src/content/move-numbers');
  return { MOVE_NUMBERS: renumber(real.MOVE_NUMBERS) };
});
vi.mock('../../src/content/balance', async (original) => {
  const { renumber } = await import('../helpers/renumber');
  const real = (await original()) as typeof import('../../src/content/balance');
  return { BALANCE: renumber(real.BALANCE) };
});
vi.mock('../../src/content/ids', async (original) => {
  const { renumber } = await import('../helpers/renumber');
  const real = (await original()) as typeof import('../../src/content/ids');
  return { ...real, TRACKS: renumber(real.TRACKS) };
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

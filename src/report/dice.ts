/**
 * The dice a saved game was played with: one alea stream seeded with the save's seed, as
 * boardgame.io's random plugin and src/sim/dice.ts `createDice` make it (tests check they agree), so
 * the browser can replay and report a game without the sim.
 */
import seedrandom from 'seedrandom';
import type { Dice } from '../rules/dice';

export function saveDice(seed: string): Dice {
  const prng = seedrandom.alea(seed);
  return { number: () => prng() };
}

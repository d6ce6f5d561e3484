/**
 * Seeded random streams for headless play. The game's own stream reproduces boardgame.io's random
 * plugin exactly (an alea stream seeded with the game seed, continued across setup and every move),
 * so a game played here and the same actions replayed through boardgame.io roll the same dice.
 * Bots and tools get separate streams derived from the game seed and their role (GAME.md §9).
 */
import seedrandom from 'seedrandom';

export type AleaState = seedrandom.State.Alea;

/** The dice the rules consume: the same calls as boardgame.io's `random` plugin. */
export interface Dice {
  /** A float in [0, 1): boardgame.io's `random.Number()`. */
  number(): number;
  /** A d6 face 1–6: boardgame.io's `random.D6()` (`Math.floor(r * 6) + 1`). */
  d6(): number;
}

/** A stream whose position can be saved and restored (to undo the draws of a refused action). */
export interface DiceStream extends Dice {
  state(): AleaState;
  restore(state: AleaState): void;
}

/** An alea stream seeded with `seed` (or resumed from `state`). */
export function createDice(seed: string, state?: AleaState): DiceStream {
  let prng = seedrandom.alea(seed, { state: state ?? true });
  return {
    number: () => prng(),
    d6: () => Math.floor(prng() * 6) + 1,
    state: () => prng.state(),
    restore: (saved) => {
      prng = seedrandom.alea('', { state: saved });
    },
  };
}

/** The seed of a bot's or tool's own stream: derived from the game seed and its role, never the dice. */
export function deriveSeed(gameSeed: string, role: string): string {
  if (role.length === 0) throw new Error('deriveSeed: role must be a non-empty string');
  return `${gameSeed}/${role}`;
}

/**
 * The per-game seeds of a sweep: `lab-1#0`, `lab-1#1`, … Prefix-stable (the first k seeds of a
 * 10,000-game sweep are the seeds of a k-game sweep), so rules variants compare pair by pair.
 */
export function seedList(labSeed: string, n: number): string[] {
  if (!Number.isInteger(n) || n < 0) throw new Error(`seedList: n must be a non-negative integer, got ${n}`);
  return Array.from({ length: n }, (_, i) => `${labSeed}#${i}`);
}

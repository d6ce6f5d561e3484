/**
 * The one home of seeded chance (seedrandom's alea, nothing else): the game's dice as headless play
 * rolls them, and every stream derived from a seed for bots and tools, each under its own name.
 * The rules never import this module (docs/ARCHITECTURE.md): inside a move they roll boardgame.io's
 * `ctx.random`, whose plugin is this same alea stream seeded with the game seed, so a game played
 * headless and the same actions replayed through boardgame.io roll the same dice (tests/random).
 */
import seedrandom from 'seedrandom';
import type { Seat } from '../content/ids';
import type { Dice } from '../rules';

export type { Dice };
export type AleaState = seedrandom.State.Alea;

/** A random stream: floats in [0, 1). */
export type Stream = () => number;

/** The game's dice, whose position can be saved and restored (to undo the draws of a refused action). */
export interface DiceStream extends Dice {
  state(): AleaState;
  restore(state: AleaState): void;
}

/** The game's dice: an alea stream seeded with the game seed (or resumed from `state`), as boardgame.io's. */
export function createDice(seed: string, state?: AleaState): DiceStream {
  let prng = seedrandom.alea(seed, { state: state ?? true });
  return {
    number: () => prng(),
    state: () => prng.state(),
    restore: (saved) => {
      prng = seedrandom.alea('', { state: saved });
    },
  };
}

/** One stream from a seed string (a derived seed below, or one handed to a worker). */
export function streamFrom(seed: string): Stream {
  return seedrandom.alea(seed);
}

/** The seed of a derived stream: the parent seed and the stream's role, `parent/role[/more]`. */
export function deriveSeed(parent: string, ...role: string[]): string {
  if (role.length === 0 || role.some((r) => r.length === 0))
    throw new Error('deriveSeed: the role must be one or more non-empty strings');
  return [parent, ...role].join('/');
}

/**
 * Every named stream of the project and how its seed derives from its parent. A new use of chance gets a
 * name here, so no two uses share a stream by accident and none draws from the game's dice.
 */
export const SEEDS = {
  /** A seat bot's stream for a whole headless game (sim, engine replay, report fixtures). */
  bot: (gameSeed: string, seat: Seat) => deriveSeed(gameSeed, `bot:${seat}`),
  /** A bot's decision in a local browser game: fresh per action, so a resumed game decides the same. */
  localDecision: (gameSeed: string, seat: Seat, actionIndex: number) => deriveSeed(gameSeed, seat, String(actionIndex)),
  /** The after-action report's advice on action `index`. */
  advice: (gameSeed: string, index: number) => deriveSeed(gameSeed, `report:${index}`),
  /** The default lab seed of a branch sweep from `turn` of a saved game. */
  branch: (gameSeed: string, turn: number) => deriveSeed(gameSeed, `branch:t${turn}`),
  /**
   * An online bot seat's decision: the server's secret (so players cannot foresee it), the match, the
   * seat and the state it answers.
   */
  onlineDecision: (secret: string, matchID: string, playerID: string, stateID: number) =>
    deriveSeed(secret, matchID, playerID, String(stateID)),
} as const;

/** A seat bot's stream for a whole game (SEEDS.bot). */
export function botStream(gameSeed: string, seat: Seat): Stream {
  return streamFrom(SEEDS.bot(gameSeed, seat));
}

/** A seed drawn from a stream (four draws), e.g. one decision's seed handed to a worker thread. */
export function drawSeed(rng: Stream): string {
  return Array.from({ length: 4 }, () => Math.floor(rng() * 2 ** 32).toString(36)).join('.');
}

/**
 * The per-game seeds of a sweep: `lab-1#0`, `lab-1#1`, … Prefix-stable (the first k seeds of a
 * 10,000-game sweep are the seeds of a k-game sweep), so rules variants compare pair by pair.
 */
export function seedList(labSeed: string, n: number): string[] {
  if (!Number.isInteger(n) || n < 0) throw new Error(`seedList: n must be a non-negative integer, got ${n}`);
  return Array.from({ length: n }, (_, i) => `${labSeed}#${i}`);
}

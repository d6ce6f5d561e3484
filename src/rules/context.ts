/** What a rule needs while it resolves: the state, who acts, the dice, and a journal of what changed. */
import type { Seat } from '../content/ids';
import type { Dice } from './dice';
import type { GameState, WarCause } from './state';

export interface Resolution {
  G: GameState;
  /** The seat whose action this is; null for injects and upkeep. */
  seat: Seat | null;
  dice: Dice;
  /** Plain-words notes of every change, joined into the log line. */
  notes: string[];
  /** Raw d6 faces rolled. */
  rolls: number[];
  /** What is acting when no seat is (an inject, an upkeep table…): a war it starts records this cause. */
  cause: WarCause | null;
  /** The seat whose move drew the inject now resolving (a FONOP incident), charged with any war it starts. */
  instigator: Seat | null;
}

export function resolution(G: GameState, seat: Seat | null, dice: Dice): Resolution {
  return { G, seat, dice: withForcedRolls(G, dice), notes: [], rolls: [], cause: null, instigator: null };
}

/** Rolls the White Cell has fixed come first, without drawing from the dice, so replays stay exact. */
function withForcedRolls(G: GameState, dice: Dice): Dice {
  return {
    number: () => {
      const face = G.white?.forcedRolls.shift();
      // (face − ½)/6 is the number boardgame.io's d6 formula maps back to `face`.
      return face === undefined ? dice.number() : (face - 0.5) / 6;
    },
  };
}

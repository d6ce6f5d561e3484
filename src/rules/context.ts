/** What a rule needs while it resolves: the state, who acts, the dice, and a journal of what changed. */
import type { Seat } from '../content/ids';
import type { Dice } from './dice';
import type { GameState } from './state';

export interface Resolution {
  G: GameState;
  /** The seat whose action this is; null for injects and upkeep. */
  seat: Seat | null;
  dice: Dice;
  /** Plain-words notes of every change, joined into the log line. */
  notes: string[];
  /** Raw d6 faces rolled. */
  rolls: number[];
}

export function resolution(G: GameState, seat: Seat | null, dice: Dice): Resolution {
  return { G, seat, dice, notes: [], rolls: [] };
}

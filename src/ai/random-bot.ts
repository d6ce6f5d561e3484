/** The baseline bot: a uniformly random legal move, drawn from the bot's own seeded stream. */
import type { Seat } from '../content/ids';
import { legalMoves, type Action, type GameState } from '../rules';

export interface RandomDecision {
  action: Action;
  why: string;
}

/** Picks one of `legalMoves(view, seat)` with `rng`; throws if the seat has no legal move (a rules bug). */
export function randomBot(view: GameState, seat: Seat, rng: () => number): RandomDecision {
  const legal = legalMoves(view, seat);
  if (legal.length === 0) throw new Error(`random bot: ${seat} has no legal move on turn ${view.turn}`);
  const index = Math.floor(rng() * legal.length);
  const action = legal[index] as Action;
  return { action, why: `random: move ${index + 1} of ${legal.length} legal` };
}

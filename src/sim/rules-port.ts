/** The pure rules as headless play uses them: one seam, so the harness is testable on any rule set. */
import type { Seat, Variant } from '../content/ids';
import type { Dice, Action, GameState, HandicapInput } from '../rules';

export interface SetupInput {
  scenario: string;
  variant: Variant;
  whiteCell?: boolean;
  handicap?: HandicapInput;
}

export interface RulesPort {
  setup(input: SetupInput, dice: Dice): GameState;
  actingSeat(G: GameState): Seat | null;
  legalMoves(G: GameState, seat: Seat): Action[];
  /** Applies a legal action in place (logging `why`); false (and no change) if it is illegal. */
  applyAction(G: GameState, seat: Seat, action: Action, dice: Dice, why?: string): boolean;
  /** What `seat` may see (the bots' only input). */
  view(G: GameState, seat: Seat): GameState;
}

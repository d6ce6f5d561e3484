/** Every move's rule, by name. */
import type { MoveName } from '../../content/ids';
import { armsMoves } from './arms';
import { chinaMoves } from './china';
import { deterrenceMoves } from './deterrence';
import { diplomacyMoves } from './diplomacy';
import { argumentMoves, flowMoves } from './flow-moves';
import { navalMoves } from './naval';
import type { MoveRule } from './rule';

export const RULES: Record<MoveName, MoveRule> = {
  ...deterrenceMoves,
  ...navalMoves,
  ...armsMoves,
  ...diplomacyMoves,
  ...chinaMoves,
  ...flowMoves,
  ...argumentMoves,
};

/** Moves whose details stay hidden from the other seats (logged for the mover and the White Cell only). */
export const HIDDEN_MOVES: ReadonlySet<MoveName> = new Set(['sendMaterialAid']);

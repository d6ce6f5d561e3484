/**
 * The saved game as the report reads it: the `eat-save/1` shape of src/sim/save-file.ts (which parses
 * and checks files; report/ may not import sim), with the White Cell's actions as seat `white`.
 */
import type { BySeat, MoveName, Role, Seat, Variant, WhiteMoveName } from '../content/ids';

export interface SavedAction {
  /** boardgame.io playerID that sent the move. */
  player: string;
  /** The seat the move was made for, or `white` for a White Cell power. */
  seat: Role;
  move: MoveName | WhiteMoveName;
  args: unknown[];
  /** A bot's one-line reason. */
  why?: string | undefined;
}

export interface SavedGame {
  format: 'eat-save/1';
  scenario: string;
  variant: Variant;
  seed: string;
  whiteCell?: boolean | undefined;
  handicap?: Partial<BySeat<{ ap: number; roll: number }>> | undefined;
  /** Who played each seat when a bot did, e.g. `{ china: 'scripted:3' }`; absent seats were people. */
  bots?: Partial<Record<Seat, string>> | undefined;
  actions: SavedAction[];
  finalHash?: string | undefined;
}

/** The shape of one move's rule: the legal argument lists (its predicates) and the change it makes. */
import type { Effect } from '../../content/effects';
import type { Seat } from '../../content/ids';
import type { Resolution } from '../context';
import type { GameState } from '../state';

export interface MoveRule {
  /**
   * Every legal argument list for `seat` now (the move's predicates live here). The engine accepts
   * an action only if its arguments equal one of these, so strangers' input never reaches `play`.
   */
  options(G: GameState, seat: Seat): unknown[][];
  /** The change; returns the effects that cancel one point of a Western gain, opening a Lambaste window. */
  play(r: Resolution, seat: Seat, args: unknown[]): Effect[] | void;
  /**
   * For moves with free-form arguments (a matrix argument's text): parse them, or null if illegal.
   * Such moves list no options, so they are not in `legalMoves`; the interface offers a form.
   */
  parse?: (G: GameState, seat: Seat, args: unknown[]) => unknown[] | null;
  /** What follows China's reaction to this move (a summit: whether Japan and South Korea attend). */
  after?: (G: GameState) => Effect[];
  /** A Lambaste on this move is free (does not count toward the per-turn penalty). */
  freeLambaste?: (G: GameState, args: unknown[]) => boolean;
}

/** Per-turn flags live under `t:` and are cleared at the start of each turn. */
export const turnFlag = (name: string) => `t:${name}`;
/** Set while China's last quarantine of Taiwan held (a blockade in force); a defied one clears it. */
export const QUARANTINE_HELD = 'quarantine-held';
/** This turn's nonproliferation conference has met (an export before it takes the army's own guns). */
export const CONFERENCE_MET = turnFlag('nonproliferation');
export const isUsed = (G: GameState, key: string) => G.used[key] === true;
export const use = (G: GameState, key: string) => {
  G.used[key] = true;
};
/** Clear a game-long flag `use` set (a held quarantine, once defied). */
export const release = (G: GameState, key: string) => {
  delete G.used[key];
};
/** No arguments: legal once, or not at all. */
export const noArgs = (legal: boolean): unknown[][] => (legal ? [[]] : []);

/** Test helpers for the bots: a game state at a chosen moment, and the view a seat's player gets. */
import type { Seat, Variant } from '../../src/content/ids';
import { scenarioById } from '../../src/content/scenario';
import { setupState, playerOf, playerView, type GameState } from '../../src/rules';
import { streamFrom, createDice } from '../../src/random';

/** A fresh game, then made `seat`'s action with `ap` points and nothing pending. */
export function stateFor(
  seat: Seat,
  ap: number,
  scenario = 'baseline-2023',
  variant: Variant = 4,
  seed = 'ai-test',
): GameState {
  const s = scenarioById(scenario);
  if (!s) throw new Error(`no scenario ${scenario}`);
  const G = setupState(s, { variant }, createDice(seed));
  G.pending = null;
  G.active = seat;
  G.ap[seat] = ap;
  G.passed[seat] = false;
  return G;
}

export function viewOf(G: GameState, seat: Seat): GameState {
  return playerView(G, playerOf(G, seat));
}

export const rngOf = (seed: string) => streamFrom(seed);

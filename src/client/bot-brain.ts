/**
 * The bot the Web Worker runs. The scripted AI (src/ai, issue 3) plugs in here: replace `standIn` with
 * its `chooseAction(view, seat, level, rngSeed) → { action, why }`. Until then a stand-in plays the
 * first legal non-pass move chosen by a hash of the seed (deterministic, never Math.random).
 */
import type { MoveName, Seat } from '../content/ids';
import { MOVE_CATALOGUE } from '../content/moves';
import { legalMoves } from '../rules/legal-moves';
import type { Action, GameState } from '../rules/state';

export interface BotChoice {
  action: Action;
  why: string;
}
export type ChooseAction = (view: GameState, seat: Seat, level: number, rngSeed: string) => BotChoice;

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const standIn: ChooseAction = (view, seat, _level, rngSeed) => {
  const legal = legalMoves(view, seat);
  if (!legal.length) throw new Error(`bot: no legal move for ${seat}`);
  const useful = legal.filter((a) => a.move !== 'pass');
  const pool = useful.length ? useful : legal;
  const action = pool[hash(rngSeed) % pool.length]!;
  return { action, why: `stand-in bot: ${MOVE_CATALOGUE[action.move as MoveName].name}` };
};

export const chooseAction: ChooseAction = standIn;

/**
 * The bot the Web Worker runs: the scripted AI (src/ai) at the seat's difficulty, or its Expert search.
 * Each decision gets its own seeded stream (game seed / seat / action number), so a game replays exactly.
 */
import { chooseAction as decide } from '../ai';
import { streamFrom } from '../random';
import type { BotSpec } from '../content/bot-spec';
import type { Seat } from '../content/ids';
import type { Action, GameState } from '../rules';

export interface BotChoice {
  action: Action;
  why: string;
}
export type ChooseAction = (view: GameState, seat: Seat, bot: BotSpec, rngSeed: string) => BotChoice;

export const chooseAction: ChooseAction = (view, seat, bot, rngSeed) => {
  const d = decide(view, seat, bot, streamFrom(rngSeed));
  return { action: d.action, why: d.why };
};

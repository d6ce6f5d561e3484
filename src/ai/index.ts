/**
 * The AI's public face. `chooseAction(view, seat, level, rng)` decides one action for `seat` from
 * what that seat may see (pass `playerView(G, playerID)`), using only `rng` — the bot's own stream,
 * `botStream(gameSeed, seat)` from src/random — and returns it with a one-line why. It only ever picks from
 * `legalMoves(view, seat)`.
 */
import type { Seat } from '../content/ids';
import { legalMoves } from '../rules/legal-moves';
import type { GameState } from '../rules/state';
import { blunderRate, type BotLevel } from './difficulty';
import { expertDecision, type ExpertOptions } from './expert';
import type { Decision } from './flowchart';
import { randomBot } from './random-bot';
import { scriptedDecision } from './scripted';

export type { BotLevel, Handicap } from './difficulty';
export { BOT_LEVELS, DIFFICULTY, handicapFor, hasBonus, isBotLevel } from './difficulty';
export {
  determinize,
  expertDecision,
  startExpertSearch,
  EXPERT_DEFAULTS,
  type ExpertOptions,
  type ExpertSearch,
} from './expert';
export type { Decision } from './flowchart';
export { randomBot } from './random-bot';
export { scriptedDecision, scriptedTrace } from './scripted';

/**
 * Decide `seat`'s next action. Levels 1–2 sometimes pick a random legal move instead of the flowchart
 * (40% and 20%); 'expert' searches (`expert` options set its budget); 'random' is the baseline.
 */
export function chooseAction(
  view: GameState,
  seat: Seat,
  level: BotLevel,
  rng: () => number,
  expert?: ExpertOptions,
): Decision {
  if (level === 'random') return randomBot(view, seat, rng);
  if (level === 'expert') return expertDecision(view, seat, rng, expert);
  const blunder = blunderRate(level);
  if (blunder > 0 && rng() < blunder) {
    const legal = legalMoves(view, seat);
    if (legal.length === 0) throw new Error(`bot: ${seat} has no legal move on turn ${view.turn}`);
    const action = legal[Math.floor(rng() * legal.length)]!;
    return { action, why: `Level ${level}: an impulsive ${action.move}` };
  }
  return scriptedDecision(view, seat, rng);
}

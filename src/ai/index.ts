/**
 * The AI's public face. `chooseAction(view, seat, level, rng)` decides one action for `seat` from
 * what that seat may see (pass `playerView(G, playerID)`), using only `rng` — the bot's own stream,
 * `botStream(gameSeed, seat)` from src/random — and returns it with a one-line why. It only ever picks from
 * `legalMoves(view, seat)`.
 */
import type { Seat } from '../content/ids';
import { legalMoves, type GameState } from '../rules';
import type { BotSpec } from '../content/bot-spec';
import { blunderRate } from './difficulty';
import { expertDecision, type ExpertOptions } from './expert';
import type { Decision } from './flowchart';
import { probeDecision } from './probe';
import { randomBot } from './random-bot';
import { scriptedDecision } from './scripted';

export type { Handicap } from './difficulty';
export { DIFFICULTY, handicapFor, hasBonus } from './difficulty';
export {
  determinize,
  expertDecision,
  startExpertSearch,
  expertBudget,
  type ExpertOptions,
  type ExpertSearch,
} from './expert';
export type { Decision } from './flowchart';
export { randomBot } from './random-bot';
export { probeDecision } from './probe';
export { scriptedDecision, scriptedTrace } from './scripted';

/**
 * Decide `seat`'s next action. A bot's level sets its share of random moves (level 1 50%, level 2
 * 30%); otherwise `scripted` follows the flowchart and `expert` searches (`expert` options set its
 * budget); `random` is the baseline.
 */
export function chooseAction(
  view: GameState,
  seat: Seat,
  bot: BotSpec,
  rng: () => number,
  expert?: ExpertOptions,
): Decision {
  if (bot.kind === 'random') return randomBot(view, seat, rng);
  if (bot.kind === 'probe') return probeDecision(view, seat, bot.policy, rng);
  const blunder = blunderRate(bot);
  if (blunder > 0 && rng() < blunder) {
    const legal = legalMoves(view, seat);
    if (legal.length === 0) throw new Error(`bot: ${seat} has no legal move on turn ${view.turn}`);
    const action = legal[Math.floor(rng() * legal.length)]!;
    return { action, why: `Level ${bot.level}: an impulsive ${action.move}` };
  }
  if (bot.kind === 'expert') return expertDecision(view, seat, rng, expert);
  return scriptedDecision(view, seat, rng);
}

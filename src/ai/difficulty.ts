/**
 * Difficulty 1–6: cumulative bonuses (docs/DESIGN.md §9). Level 3 is the canonical flowchart with no bonus
 * (the level balance is measured at); lower levels blunder and roll worse; higher ones gain action
 * points, better rolls and a head start on the score. `handicapFor` feeds SetupData.handicap.
 */
import type { BotLevel, BotSpec } from '../content/bot-spec';
import type { Handicap } from '../rules';

export type { Handicap };

/** Per level: the setup bonus and the share of decisions made at random instead of by the flowchart. */
export const DIFFICULTY: Record<BotLevel, Handicap & { blunder: number }> = {
  1: { ap: 0, roll: -1, margin: 0, blunder: 0.5 },
  2: { ap: 0, roll: 0, margin: 0, blunder: 0.3 },
  3: { ap: 0, roll: 0, margin: 0, blunder: 0 },
  // Measured under v1 (docs/BALANCE.md, History): action points and rolls alone did not make level 4 beat level 3 —
  // the flowcharts turn spare points into tension the tie-break punishes — so each step up also starts
  // one point further ahead on the score.
  4: { ap: 1, roll: 0, margin: 1, blunder: 0 },
  5: { ap: 1, roll: 2, margin: 2, blunder: 0 },
  6: { ap: 2, roll: 2, margin: 3, blunder: 0 },
};

/** The setup bonus a bot brings: its level's, whether it follows the flowchart or searches (random: none). */
export function handicapFor(spec: BotSpec): Handicap {
  if (spec.kind === 'random') return { ap: 0, roll: 0, margin: 0 };
  const row = DIFFICULTY[spec.level];
  if (!row) throw new Error(`handicapFor: unknown bot level ${String(spec.level)}`);
  return { ap: row.ap, roll: row.roll, margin: row.margin };
}

/** Whether a level's setup bonus changes anything (no entry is recorded for one that doesn't). */
export const hasBonus = (h: Handicap): boolean => h.ap !== 0 || h.roll !== 0 || h.margin !== 0;

/** The share of decisions made at random instead of by the bot's own reasoning: its level's. */
export function blunderRate(spec: BotSpec): number {
  return spec.kind === 'random' ? 1 : DIFFICULTY[spec.level].blunder;
}

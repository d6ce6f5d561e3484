/**
 * Difficulty 1–6: cumulative bonuses (GAME.md §9). Level 3 is the canonical flowchart with no bonus
 * (the level balance is measured at); lower levels blunder and roll worse; higher ones gain action
 * points, better rolls and a head start on the score. `handicapFor` feeds SetupData.handicap.
 */
import type { Handicap } from '../rules/state';

export type BotLevel = 1 | 2 | 3 | 4 | 5 | 6 | 'expert' | 'random';
export const BOT_LEVELS: readonly BotLevel[] = [1, 2, 3, 4, 5, 6, 'expert', 'random'];

export type { Handicap };

/** Per level: the setup bonus and the share of decisions made at random instead of by the flowchart. */
export const DIFFICULTY: Record<1 | 2 | 3 | 4 | 5 | 6, Handicap & { blunder: number }> = {
  1: { ap: 0, roll: -1, margin: 0, blunder: 0.5 },
  2: { ap: 0, roll: 0, margin: 0, blunder: 0.3 },
  3: { ap: 0, roll: 0, margin: 0, blunder: 0 },
  // Measured (docs/BALANCE.md §4): action points and rolls alone did not make level 4 beat level 3 —
  // the flowcharts turn spare points into tension the tie-break punishes — so each step up also starts
  // one point further ahead on the score.
  4: { ap: 1, roll: 0, margin: 1, blunder: 0 },
  5: { ap: 1, roll: 2, margin: 2, blunder: 0 },
  6: { ap: 2, roll: 2, margin: 3, blunder: 0 },
};

/** The expert searches at level 3's footing (its edge is the search, not a bonus). */
const EXPERT_FOOTING = 3;

export function isBotLevel(x: unknown): x is BotLevel {
  return (BOT_LEVELS as readonly unknown[]).includes(x);
}

/** The setup bonus a bot level brings (random: none). */
export function handicapFor(level: BotLevel): Handicap {
  if (level === 'random') return { ap: 0, roll: 0, margin: 0 };
  const row = DIFFICULTY[level === 'expert' ? EXPERT_FOOTING : level];
  if (!row) throw new Error(`handicapFor: unknown bot level ${String(level)}`);
  return { ap: row.ap, roll: row.roll, margin: row.margin };
}

/** Whether a level's setup bonus changes anything (no entry is recorded for one that doesn't). */
export const hasBonus = (h: Handicap): boolean => h.ap !== 0 || h.roll !== 0 || h.margin !== 0;

export function blunderRate(level: BotLevel): number {
  return level === 'random' ? 1 : level === 'expert' ? 0 : DIFFICULTY[level].blunder;
}

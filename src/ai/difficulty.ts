/**
 * Difficulty 1–6: cumulative bonuses (GAME.md §9). Level 3 is the canonical flowchart with no bonus
 * (the level balance is measured at); lower levels blunder and roll worse, higher ones roll better
 * and gain action points. `handicapFor` feeds SetupData.handicap.
 */
export type BotLevel = 1 | 2 | 3 | 4 | 5 | 6 | 'expert' | 'random';
export const BOT_LEVELS: readonly BotLevel[] = [1, 2, 3, 4, 5, 6, 'expert', 'random'];

export interface Handicap {
  /** Extra action points per action round. */
  ap: number;
  /** Added to the seat's own rolls. */
  roll: number;
}

/** Per level: the setup bonus and the share of decisions made at random instead of by the flowchart. */
export const DIFFICULTY: Record<1 | 2 | 3 | 4 | 5 | 6, Handicap & { blunder: number }> = {
  1: { ap: 0, roll: -1, blunder: 0.4 },
  2: { ap: 0, roll: 0, blunder: 0.2 },
  3: { ap: 0, roll: 0, blunder: 0 },
  // Measured: a roll bonus of 1 alone barely shows (level 4 at roll +1 beat level 3 in 50.7% of games),
  // so each step above 3 adds an action point or two pips of rolls.
  4: { ap: 1, roll: 0, blunder: 0 },
  5: { ap: 1, roll: 2, blunder: 0 },
  6: { ap: 2, roll: 2, blunder: 0 },
};

/** The expert searches at level 3's footing (its edge is the search, not a bonus). */
const EXPERT_FOOTING = 3;

export function isBotLevel(x: unknown): x is BotLevel {
  return (BOT_LEVELS as readonly unknown[]).includes(x);
}

/** The setup bonus a bot level brings (random: none). */
export function handicapFor(level: BotLevel): Handicap {
  if (level === 'random') return { ap: 0, roll: 0 };
  const row = DIFFICULTY[level === 'expert' ? EXPERT_FOOTING : level];
  if (!row) throw new Error(`handicapFor: unknown bot level ${String(level)}`);
  return { ap: row.ap, roll: row.roll };
}

export function blunderRate(level: BotLevel): number {
  return level === 'random' ? 1 : level === 'expert' ? 0 : DIFFICULTY[level].blunder;
}

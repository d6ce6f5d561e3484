/** What one headless game leaves behind for the sweep's statistics (small, structured-clone safe). */
import type { BySeat, MoveName, Seat, Track, Variant } from '../content/ids';

export type Ending = 'war' | 'sudden-death' | 'final-summit';

export interface GameRecord {
  seed: string;
  scenario: string;
  variant: Variant;
  winner: Seat | null;
  ending: Ending;
  /** Seat that pushed tension to 10 (war endings). */
  culprit: Seat | null;
  margins: BySeat<number>;
  /** The turn the game ended on. */
  turns: number;
  /** Number of recorded actions (moves, reactions, choices, passes). */
  actions: number;
  /** Action points spent per move, over the whole game. */
  apByMove: Partial<Record<MoveName, number>>;
  /** Track values at the start of each turn (index 0 = turn 1), then the final values. */
  tracks: Record<Track, number>[];
  finalHash: string;
}

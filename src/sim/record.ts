/** What one headless game leaves behind for the sweep's statistics (small, structured-clone safe). */
import type { BySeat, MoveName, Seat, Track, Variant } from '../content/ids';
import type { Ending, WarCause } from '../rules';
import type { EndState } from './measures';

export interface GameRecord {
  seed: string;
  scenario: string;
  variant: Variant;
  winner: Seat | null;
  ending: Ending;
  /** Seat charged with the war (war endings). */
  culprit: Seat | null;
  /** What pushed tension to 10; null when there was no war. */
  cause: WarCause | null;
  margins: BySeat<number>;
  /** The turn the game ended on. */
  turns: number;
  /** Number of recorded actions (moves, reactions, choices, passes). */
  actions: number;
  /** Action points spent per move, over the whole game. */
  apByMove: Partial<Record<MoveName, number>>;
  /** The same, seat by seat. */
  apBySeat: BySeat<Partial<Record<MoveName, number>>>;
  /** Tension each seat's moves added over the game. */
  tensionAdded: BySeat<number>;
  /** Tension each seat's moves added in each turn (index 0 = turn 1). */
  tensionByTurn: BySeat<number>[];
  /** Times each scenario special rule in force, and each v2 mechanism, fired (measures.ts firedSpecials). */
  fired: Record<string, number>;
  endState: EndState;
  /** Track values at the start of each turn (index 0 = turn 1), then the final values. */
  tracks: Record<Track, number>[];
  finalHash: string;
}

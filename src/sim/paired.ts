/**
 * Paired-seed comparisons (bench/paired.ts, docs/BALANCE.md): the same seeds played twice, one seat's
 * bot changed and every other seat the same, compared seed by seed. A seat's result is a win first,
 * then its margin; being charged with the war is worse than any margin.
 */
import type { Seat } from '../content/ids';
import type { GameRecord } from './record';
import { Z95 } from './stats';

/** Before this turn a win counts as a rush (issue 11: no seat's Expert wins half its games before turn 5). */
export const EARLY_WIN_BEFORE_TURN = 5;

/** Did `seat` win (in the 2-seat game a Western seat wins with the West, recorded as 'nato')? */
export const isWin = (r: GameRecord, seat: Seat): boolean =>
  r.variant === 2 ? (seat === 'china' ? r.winner === 'china' : r.winner === 'nato') : r.winner === seat;

/** One game's result for `seat`, comparable across the two games of a pair. */
export function seatResult(r: GameRecord, seat: Seat): number {
  return (isWin(r, seat) ? 100 : r.culprit === seat ? -100 : 0) + r.margins[seat];
}

export interface PairedShare {
  pairs: number;
  better: number;
  worse: number;
  ties: number;
  /** Share of pairs `a` did better in, ties counting half. */
  share: number;
  /** 95% interval of `share` (normal approximation on the per-pair scores 1, ½, 0). */
  ci95: [number, number];
}

/** How often `seat` did better in `a` than in `b`, seed by seed (the arrays are in the same seed order). */
export function pairedShare(a: readonly GameRecord[], b: readonly GameRecord[], seat: Seat): PairedShare {
  if (a.length !== b.length) throw new Error(`pairedShare: ${a.length} games against ${b.length}`);
  let better = 0;
  let worse = 0;
  a.forEach((ra, i) => {
    const rb = b[i]!;
    if (ra.seed !== rb.seed) throw new Error(`pairedShare: game ${i} is seed "${ra.seed}" against "${rb.seed}"`);
    const [x, y] = [seatResult(ra, seat), seatResult(rb, seat)];
    if (x > y) better += 1;
    else if (x < y) worse += 1;
  });
  const n = a.length;
  const ties = n - better - worse;
  const share = n ? (better + ties / 2) / n : 0;
  // Variance of scores in {1, ½, 0} around their mean.
  const variance = n ? (better * (1 - share) ** 2 + ties * (0.5 - share) ** 2 + worse * share ** 2) / n : 0;
  const half = n ? Z95 * Math.sqrt(variance / n) : 1;
  return { pairs: n, better, worse, ties, share, ci95: [Math.max(0, share - half), Math.min(1, share + half)] };
}

export interface SeatWins {
  games: number;
  wins: number;
  /** Wins before EARLY_WIN_BEFORE_TURN, and their share of the wins. */
  earlyWins: number;
  earlyShare: number;
}

/** How often `seat` won its games, and how many of those wins came early (a sudden-death rush). */
export function seatWins(records: readonly GameRecord[], seat: Seat): SeatWins {
  const won = records.filter((r) => isWin(r, seat));
  const early = won.filter((r) => r.turns < EARLY_WIN_BEFORE_TURN).length;
  return { games: records.length, wins: won.length, earlyWins: early, earlyShare: won.length ? early / won.length : 0 };
}

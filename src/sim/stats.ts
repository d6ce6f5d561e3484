/** Sweep statistics: Wilson intervals and the summary of many games (aggregated in seed order). */
import { SEATS, TRACK_IDS, type MoveName, type Seat, type Track, type Variant } from '../content/ids';
import type { Ending, GameRecord } from './record';

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

/** Wilson score interval for `k` successes in `n` trials; [0, 1] when n = 0. */
export function wilson(k: number, n: number, z = Z95): [number, number] {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || n < 0 || k > n) {
    throw new Error(`wilson: need integers 0 <= k <= n, got k=${k} n=${n}`);
  }
  if (n === 0) return [0, 1];
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, center - half), Math.min(1, center + half)];
}

/** Seats that can win in a variant: in the 2-seat variant 'nato' stands for the whole West. */
export function scoringSeats(variant: Variant): Seat[] {
  return variant === 2 ? ['china', 'nato'] : [...SEATS];
}

export interface SeatStats {
  wins: number;
  winRate: number;
  ci95: [number, number];
  meanMargin: number;
}

export interface SweepSummary {
  games: number;
  scenario: string;
  variant: Variant;
  seed: string;
  bots: Record<Seat, string>;
  seats: Record<string, SeatStats>;
  /** Games with no winner. */
  draws: number;
  warRate: number;
  warCi95: [number, number];
  endings: Record<Ending, number>;
  meanTurns: number;
  meanActions: number;
  /** Share of all action points spent on each move (moves never used are omitted). */
  moveShare: Partial<Record<MoveName, number>>;
  apTotal: number;
  /** Mean value of each track at the start of each turn, over the games that reached that turn. */
  tracksByTurn: Record<Track, number[]>;
}

export interface SummaryHeader {
  scenario: string;
  variant: Variant;
  seed: string;
  bots: Record<Seat, string>;
}

/** Aggregates records in the order given (callers pass seed order, so sums are bit-identical). */
export function summarize(header: SummaryHeader, records: readonly GameRecord[]): SweepSummary {
  const n = records.length;
  const seats: Record<string, SeatStats> = {};
  for (const seat of scoringSeats(header.variant)) {
    const wins = records.filter((r) => r.winner === seat).length;
    const marginSum = records.reduce((s, r) => s + r.margins[seat], 0);
    seats[seat] = { wins, winRate: n ? wins / n : 0, ci95: wilson(wins, n), meanMargin: n ? marginSum / n : 0 };
  }
  const endings: Record<Ending, number> = { war: 0, 'sudden-death': 0, 'final-summit': 0 };
  for (const r of records) endings[r.ending] += 1;

  const apByMove = new Map<MoveName, number>();
  for (const r of records) {
    for (const [move, ap] of Object.entries(r.apByMove) as [MoveName, number][]) {
      apByMove.set(move, (apByMove.get(move) ?? 0) + ap);
    }
  }
  let apTotal = 0;
  for (const ap of apByMove.values()) apTotal += ap;
  const moveShare: Partial<Record<MoveName, number>> = {};
  for (const [move, ap] of [...apByMove.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    moveShare[move] = apTotal ? ap / apTotal : 0;
  }

  return {
    games: n,
    scenario: header.scenario,
    variant: header.variant,
    seed: header.seed,
    bots: header.bots,
    seats,
    draws: records.filter((r) => r.winner === null).length,
    warRate: n ? endings.war / n : 0,
    warCi95: wilson(endings.war, n),
    endings,
    meanTurns: n ? records.reduce((s, r) => s + r.turns, 0) / n : 0,
    meanActions: n ? records.reduce((s, r) => s + r.actions, 0) / n : 0,
    moveShare,
    apTotal,
    tracksByTurn: meanTracks(records),
  };
}

/** Per-track mean at the start of each turn (the trailing final snapshot is excluded). */
function meanTracks(records: readonly GameRecord[]): Record<Track, number[]> {
  const out = {} as Record<Track, number[]>;
  const maxTurns = records.reduce((m, r) => Math.max(m, r.tracks.length - 1), 0);
  for (const track of TRACK_IDS) {
    const means: number[] = [];
    for (let t = 0; t < maxTurns; t++) {
      let sum = 0;
      let count = 0;
      for (const r of records) {
        const snap = r.tracks[t];
        if (t < r.tracks.length - 1 && snap) {
          sum += snap[track];
          count += 1;
        }
      }
      means.push(count ? sum / count : NaN);
    }
    out[track] = means;
  }
  return out;
}

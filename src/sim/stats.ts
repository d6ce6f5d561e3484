/** Sweep statistics: Wilson intervals and the summary of many games (aggregated in seed order). */
import {
  PORTS,
  SEATS,
  THEATERS,
  TRACK_IDS,
  TRACKS,
  type MoveName,
  type Port,
  type Seat,
  type Theater,
  type Track,
  type Variant,
} from '../content/ids';
import { KNOWN_SPECIALS } from '../content/specials';
import { OWN_ACTION_CAUSES, signature, UKRAINE_BANDS, type Holder, type UkraineBand } from './measures';
import type { Ending } from '../rules';
import type { GameRecord } from './record';

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
  /** Share of each seat's own action points spent on each move (largest first). */
  moveShareBySeat: Record<Seat, Partial<Record<MoveName, number>>>;
  tension: Record<Seat, TensionStats>;
  wars: WarStats;
  /** Each special rule in force (over its games) and each v2 mechanism (over all): games it fired in, and how often. */
  fired: Record<string, FiredStats>;
  endStates: EndStateStats;
}

export interface TensionStats {
  /** Mean tension the seat's moves added per game. */
  meanPerGame: number;
  /** Share of games in which the seat added any. */
  gamesAdding: number;
  /** Mean added in each turn, over the games that reached that turn. */
  byTurn: number[];
}

export interface WarStats {
  count: number;
  /** Wars with a seat charged with them. */
  withCulprit: number;
  /** Wars a seat's own action pushed over (measures.ts OWN_ACTION_CAUSES). */
  ownAction: number;
  byCulprit: Partial<Record<Seat | 'none', number>>;
  /** How the wars came (record.cause), most frequent first. */
  byCause: Record<string, number>;
}

export interface FiredStats {
  /** Games in which it fired at least once. */
  games: number;
  share: number;
  ci95: [number, number];
  meanPerGame: number;
}

/** Distribution of end states: shares of games, and the most frequent whole signatures. */
export interface EndStateStats {
  theaters: Record<Theater, Record<Holder, number>>;
  ports: Record<Port, Record<Holder, number>>;
  ukraine: Record<UkraineBand, number>;
  taiwanCrisis: TrackEnd;
  dprkThreat: TrackEnd;
  /** The most frequent signatures (measures.ts signature), up to TOP_SIGNATURES. */
  top: { signature: string; share: number }[];
  /** How many different signatures occurred. */
  distinct: number;
}

export interface TrackEnd {
  mean: number;
  /** Share of games ending at each value, index = value. */
  shares: number[];
}

export const TOP_SIGNATURES = 5;
const TRACKS_MAX = { taiwanCrisis: TRACKS.taiwanCrisis[1], dprkThreat: TRACKS.dprkThreat[1] };

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
    moveShareBySeat: moveSharesBySeat(records),
    tension: tensionStats(records),
    wars: warStats(records),
    fired: firedStats(records),
    endStates: endStateStats(records),
  };
}

/** Shares of a total, largest first (ties by name), for a stable table. */
function shares<K extends string>(amounts: Map<K, number>): Partial<Record<K, number>> {
  let total = 0;
  for (const v of amounts.values()) total += v;
  const out: Partial<Record<K, number>> = {};
  for (const [k, v] of [...amounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])))
    out[k] = total ? v / total : 0;
  return out;
}

function moveSharesBySeat(records: readonly GameRecord[]): Record<Seat, Partial<Record<MoveName, number>>> {
  const out = {} as Record<Seat, Partial<Record<MoveName, number>>>;
  for (const seat of SEATS) {
    const ap = new Map<MoveName, number>();
    for (const r of records)
      for (const [move, n] of Object.entries(r.apBySeat[seat]) as [MoveName, number][])
        ap.set(move, (ap.get(move) ?? 0) + n);
    out[seat] = shares(ap);
  }
  return out;
}

function tensionStats(records: readonly GameRecord[]): Record<Seat, TensionStats> {
  const n = records.length;
  const turns = records.reduce((m, r) => Math.max(m, r.tensionByTurn.length), 0);
  const out = {} as Record<Seat, TensionStats>;
  for (const seat of SEATS) {
    const byTurn: number[] = [];
    for (let t = 0; t < turns; t++) {
      const reached = records.filter((r) => t < r.tensionByTurn.length);
      byTurn.push(reached.length ? reached.reduce((a, r) => a + r.tensionByTurn[t]![seat], 0) / reached.length : NaN);
    }
    out[seat] = {
      meanPerGame: n ? records.reduce((a, r) => a + r.tensionAdded[seat], 0) / n : 0,
      gamesAdding: n ? records.filter((r) => r.tensionAdded[seat] > 0).length / n : 0,
      byTurn,
    };
  }
  return out;
}

function warStats(records: readonly GameRecord[]): WarStats {
  const wars = records.filter((r) => r.ending === 'war');
  const byCulprit: Partial<Record<Seat | 'none', number>> = {};
  const causes = new Map<string, number>();
  for (const r of wars) {
    const who = r.culprit ?? 'none';
    byCulprit[who] = (byCulprit[who] ?? 0) + 1;
    const cause = r.cause ?? 'unknown';
    causes.set(cause, (causes.get(cause) ?? 0) + 1);
  }
  const byCause: Record<string, number> = {};
  for (const [k, v] of [...causes.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) byCause[k] = v;
  return {
    count: wars.length,
    withCulprit: wars.filter((r) => r.culprit !== null).length,
    ownAction: wars.filter((r) => r.cause !== null && OWN_ACTION_CAUSES.includes(r.cause)).length,
    byCulprit,
    byCause,
  };
}

function firedStats(records: readonly GameRecord[]): Record<string, FiredStats> {
  const ids = [...new Set(records.flatMap((r) => Object.keys(r.fired)))].sort();
  const out: Record<string, FiredStats> = {};
  for (const id of ids) {
    // A scenario's special rule counts over the games it was in force in; a v2 mechanism over all games.
    const inForce = (KNOWN_SPECIALS as readonly string[]).includes(id) ? records.filter((r) => id in r.fired) : records;
    const games = inForce.filter((r) => (r.fired[id] ?? 0) > 0).length;
    const n = inForce.length;
    out[id] = {
      games,
      share: n ? games / n : 0,
      ci95: wilson(games, n),
      meanPerGame: n ? inForce.reduce((a, r) => a + (r.fired[id] ?? 0), 0) / n : 0,
    };
  }
  return out;
}

const HOLDERS: readonly Holder[] = ['west', 'china', 'even'];

function endStateStats(records: readonly GameRecord[]): EndStateStats {
  const n = records.length || 1;
  const holderShares = (get: (r: GameRecord) => Holder) =>
    Object.fromEntries(HOLDERS.map((h) => [h, records.filter((r) => get(r) === h).length / n])) as Record<
      Holder,
      number
    >;
  const theaters = Object.fromEntries(THEATERS.map((t) => [t, holderShares((r) => r.endState.theaters[t])])) as Record<
    Theater,
    Record<Holder, number>
  >;
  const ports = Object.fromEntries(PORTS.map((p) => [p, holderShares((r) => r.endState.ports[p])])) as Record<
    Port,
    Record<Holder, number>
  >;
  const ukraine = Object.fromEntries(
    UKRAINE_BANDS.map((b) => [b, records.filter((r) => r.endState.ukraine === b).length / n]),
  ) as Record<UkraineBand, number>;
  const trackEnd = (track: 'taiwanCrisis' | 'dprkThreat'): TrackEnd => {
    const shares = Array.from({ length: TRACKS_MAX[track] + 1 }, () => 0);
    for (const r of records) shares[r.endState[track]]! += 1 / n;
    return { mean: records.reduce((a, r) => a + r.endState[track], 0) / n, shares };
  };
  const counts = new Map<string, number>();
  for (const r of records) {
    const sig = signature(r.endState);
    counts.set(sig, (counts.get(sig) ?? 0) + 1);
  }
  const top = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP_SIGNATURES)
    .map(([sig, k]) => ({ signature: sig, share: k / n }));
  return {
    theaters,
    ports,
    ukraine,
    taiwanCrisis: trackEnd('taiwanCrisis'),
    dprkThreat: trackEnd('dprkThreat'),
    top,
    distinct: counts.size,
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

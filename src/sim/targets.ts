/**
 * Every measured target of issue 11 and DESIGN.md §8/§12 in one run (`npm run bench:targets`): the
 * sweeps each target needs, played once through runSweep on seed lab-1 and shared — the scripted:3
 * sweep of a scenario is the balanced side of every probe, random, level-3 and Expert pair (seed lists
 * are prefix-stable, so a smaller pairing is the sweep's first games) — then one row per target with
 * its figure, 95% interval, verdict, size and the command that reproduces it alone.
 */
import { SEATS, type Seat, type Variant } from '../content/ids';
import { parseBotSpecs } from '../content/bot-spec';
import { PROBES } from '../content/probes';
import { pairedShare, seatWins, type PairedShare } from './paired';
import type { GameRecord } from './record';
import { summarize, Z95, type SweepSummary } from './stats';
import { defaultWorkers, runSweep, SweepPool } from './sweep';

export const TARGETS_SEED = 'lab-1';
export const BASELINE = 'baseline-2023';

/** How many games each kind of measurement plays (per scenario, and per seat or probe where it pairs). */
export interface Sizes {
  /** Every scripted:3 sweep, in each scenario and seat variant (issue 11: 10,000). */
  games: number;
  /** Each policy probe against the balanced bot (issue 11: 2,000). */
  probePairs: number;
  /** Scripted against random, each seat. */
  randomPairs: number;
  /** Level k+1 against level k, each seat and k. */
  levelPairs: number;
  /** The Expert in one seat against the scripted bot, each seat. */
  expertGames: number;
  /** The Expert in every seat (issue 11: at least 400). */
  allExpertGames: number;
}

export const SIZES = {
  quick: { games: 1_000, probePairs: 300, randomPairs: 300, levelPairs: 200, expertGames: 20, allExpertGames: 20 },
  full: {
    games: 10_000,
    probePairs: 2_000,
    randomPairs: 2_000,
    levelPairs: 1_000,
    expertGames: 200,
    allExpertGames: 400,
  },
} as const satisfies Record<string, Sizes>;
export type SizeName = keyof typeof SIZES;

/**
 * The measurements, in the order they run: a run cut short keeps the first. The issue's own targets (§8's sweeps,
 * probes, the Expert, all-Expert) before scripted-vs-random and the levels, which are cheap to re-run alone.
 */
export const PARTS = ['four', 'two-seat', 'probes', 'expert', 'all-expert', 'random', 'levels'] as const;
export type Part = (typeof PARTS)[number];

/** Levels compared: k+1 against k for k in this range (difficulty 1–6). */
export const LEVELS: readonly [number, number] = [1, 5];

/** DESIGN.md §8 and §12's bands. */
export const BANDS = {
  fourSeats: [0.2, 0.3],
  twoSeats: [0.45, 0.55],
  war: [0.05, 0.15],
  topMove: 0.4,
  beatsRandom: 0.7,
  levelUp: 0.5,
  probe: 0.55,
  chinaTension: 1,
  ownActionWars: 0.3,
  expertWins: 0.6,
  expertEarly: 0.5,
  allExpert: [0.15, 0.35],
} as const;

export interface PairCell {
  scenario: string;
  seat: Seat;
  /** What the seat's bot was compared with: a probe's name, 'random', or the lower level k. */
  against: string;
  /** The share of seeds on which the stronger (balanced, scripted, higher-level) bot did better. */
  share: PairedShare;
}

export interface ExpertCell {
  scenario: string;
  seat: Seat;
  beatsScripted: PairedShare;
  wins: number;
  games: number;
  earlyWins: number;
}

export interface MeanCi {
  mean: number;
  ci95: [number, number];
}

/** What a run has measured so far; the rows are derived from it, so a run cut short still reports. */
export interface Measured {
  sizes: Sizes;
  scenarios: string[];
  /** Parts finished in every scenario (a part cut short reports the scenarios it finished). */
  parts: Part[];
  /** Sweep summaries by name (`4-seat-baseline-2023`, `2-seat-…`, `4-seat-…-china=expert`, `4-seat-…-all=expert`). */
  sweeps: Record<string, SweepSummary>;
  /** Tension each seat's moves added per game, by scenario (4 seats, scripted:3). */
  tension: Record<string, Record<Seat, MeanCi>>;
  probes: PairCell[];
  random: PairCell[];
  levels: PairCell[];
  expert: ExpertCell[];
}

export interface TargetRow {
  target: string;
  scope: string;
  figure: string;
  /** null: measured, but DESIGN.md sets no band for it. */
  met: boolean | null;
  size: string;
  command: string;
}

export type PlaySweep = (opts: {
  scenario: string;
  variant: Variant;
  bots: Record<Seat, string>;
  games: number;
}) => Promise<GameRecord[]>;

export interface RunOptions {
  sizes: Sizes;
  scenarios: string[];
  parts: readonly Part[];
  workers?: number;
  /** After each part's scenario, with everything measured so far (the CLI writes its files here). */
  onPart?: (m: Measured, part: Part, scenario: string) => void;
  /** Plays one sweep; default runSweep on `workers` threads. */
  play?: PlaySweep;
}

export const sweepName = (variant: Variant, scenario: string, bots = '') =>
  `${variant}-seat-${scenario}${bots ? `-${bots}` : ''}`;
const everySeat = (bot: (s: Seat) => string) =>
  Object.fromEntries(SEATS.map((s) => [s, bot(s)])) as Record<Seat, string>;
const header = (scenario: string, variant: Variant, bots: Record<Seat, string>) => ({
  scenario,
  variant,
  seed: TARGETS_SEED,
  bots,
});

/** Mean and normal 95% interval of one number per game. */
export function meanCi(xs: readonly number[]): MeanCi {
  const n = xs.length;
  if (n === 0) return { mean: 0, ci95: [0, 0] };
  const mean = xs.reduce((a, x) => a + x, 0) / n;
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / Math.max(1, n - 1));
  const half = (Z95 * sd) / Math.sqrt(n);
  return { mean, ci95: [mean - half, mean + half] };
}

/** Plays every part asked for, in PARTS order, and returns what it measured. */
export async function measureTargets(opts: RunOptions): Promise<Measured> {
  const workers = opts.workers ?? defaultWorkers();
  // One set of threads for the hundred-odd sweeps: each thread costs about half a CPU-second to start.
  const pool = opts.play || workers === 1 ? undefined : new SweepPool(workers);
  const play: PlaySweep =
    opts.play ??
    (async (o) =>
      (
        await runSweep({
          ...o,
          seed: TARGETS_SEED,
          bots: parseBotSpecs(SEATS.map((s) => `${s}=${o.bots[s]}`).join(',')),
          workers,
          ...(pool ? { pool } : {}),
        })
      ).records);
  try {
    return await measure(opts, play);
  } finally {
    pool?.close();
  }
}

async function measure(opts: RunOptions, play: PlaySweep): Promise<Measured> {
  const { sizes, scenarios } = opts;
  const m: Measured = {
    sizes,
    scenarios,
    parts: [],
    sweeps: {},
    tension: {},
    probes: [],
    random: [],
    levels: [],
    expert: [],
  };
  // Scripted sweeps at one level in every seat, kept: the balanced side of every pair.
  const kept = new Map<string, GameRecord[]>();
  const level = async (scenario: string, k: number, games: number) => {
    const key = `${scenario}:${k}`;
    const have = kept.get(key);
    if (have && have.length >= games) return have.slice(0, games);
    const records = await play({ scenario, variant: 4, bots: everySeat(() => `scripted:${k}`), games });
    kept.set(key, records);
    return records;
  };
  const versus = async (scenario: string, seat: Seat, bot: string, others: string, games: number) =>
    play({ scenario, variant: 4, bots: everySeat((s) => (s === seat ? bot : others)), games });
  // The base is played once, at the largest pairing it serves.
  const baseGames = Math.max(
    opts.parts.includes('four') ? sizes.games : 0,
    opts.parts.includes('probes') ? sizes.probePairs : 0,
    opts.parts.includes('random') ? sizes.randomPairs : 0,
    opts.parts.includes('levels') ? sizes.levelPairs : 0,
    opts.parts.includes('expert') ? sizes.expertGames : 0,
  );
  const balanced = async (scenario: string, games: number) =>
    (await level(scenario, 3, Math.max(games, baseGames))).slice(0, games);
  const keep = (name: string, s: SweepSummary) => {
    m.sweeps[name] = s;
  };

  for (const part of PARTS.filter((p) => opts.parts.includes(p))) {
    for (const scenario of scenarios) {
      if (part === 'four') {
        const records = await balanced(scenario, sizes.games);
        const bots = everySeat(() => 'scripted:3');
        keep(sweepName(4, scenario), summarize(header(scenario, 4, bots), records));
        m.tension[scenario] = Object.fromEntries(
          SEATS.map((s) => [s, meanCi(records.map((r) => r.tensionAdded[s]))]),
        ) as Record<Seat, MeanCi>;
      } else if (part === 'two-seat') {
        // The 3-seat game with a bot in every seat is the 4-seat game move for move (tests/sim/targets.test.ts).
        const bots = everySeat(() => 'scripted:3');
        const records = await play({ scenario, variant: 2, bots, games: sizes.games });
        keep(sweepName(2, scenario), summarize(header(scenario, 2, bots), records));
      } else if (part === 'probes') {
        const base = await balanced(scenario, sizes.probePairs);
        for (const seat of SEATS)
          for (const probe of Object.keys(PROBES[seat])) {
            const other = await versus(scenario, seat, `probe:${probe}`, 'scripted:3', sizes.probePairs);
            m.probes.push({ scenario, seat, against: probe, share: pairedShare(base, other, seat) });
          }
      } else if (part === 'random') {
        const base = await balanced(scenario, sizes.randomPairs);
        for (const seat of SEATS) {
          const other = await versus(scenario, seat, 'random', 'scripted:3', sizes.randomPairs);
          m.random.push({ scenario, seat, against: 'random', share: pairedShare(base, other, seat) });
        }
      } else if (part === 'levels') {
        for (let k = LEVELS[0]; k <= LEVELS[1]; k++) {
          const base = await level(scenario, k, sizes.levelPairs);
          for (const seat of SEATS) {
            const up = await versus(scenario, seat, `scripted:${k + 1}`, `scripted:${k}`, sizes.levelPairs);
            m.levels.push({ scenario, seat, against: `level ${k}`, share: pairedShare(up, base, seat) });
          }
        }
      } else if (part === 'expert') {
        const base = await balanced(scenario, sizes.expertGames);
        for (const seat of SEATS) {
          const bots = everySeat((s) => (s === seat ? 'expert:3' : 'scripted:3'));
          const records = await play({ scenario, variant: 4, bots, games: sizes.expertGames });
          keep(sweepName(4, scenario, `${seat}=expert`), summarize(header(scenario, 4, bots), records));
          const w = seatWins(records, seat);
          m.expert.push({
            scenario,
            seat,
            beatsScripted: pairedShare(records, base, seat),
            wins: w.wins,
            games: w.games,
            earlyWins: w.earlyWins,
          });
        }
      } else {
        const bots = everySeat(() => 'expert:3');
        const records = await play({ scenario, variant: 4, bots, games: sizes.allExpertGames });
        keep(sweepName(4, scenario, 'all=expert'), summarize(header(scenario, 4, bots), records));
      }
      if (scenario === scenarios.at(-1)) m.parts.push(part);
      opts.onPart?.(m, part, scenario);
    }
  }
  return m;
}

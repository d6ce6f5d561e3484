/**
 * Every measured target of issue 11 and DESIGN.md §8/§12 in one run (`npm run bench:targets`): the
 * sweeps each target needs, played once through runSweep on seed lab-1 and shared — the scripted:3
 * sweep of a scenario is the balanced side of every probe, random, level-3 and Expert pair (seed lists
 * are prefix-stable, so a smaller pairing is the sweep's first games) — then one row per target with
 * its figure, 95% interval, verdict, size and the command that reproduces it alone.
 */
import { SEATS, type MoveName, type Seat, type Variant } from '../content/ids';
import { MOVE_CATALOGUE } from '../content/moves';
import { parseBotSpecs } from '../content/bot-spec';
import { PROBES } from '../content/probes';
import { aliveMoves, aliveTable, ALIVE_AT, type AliveRow } from './alive';
import { EARLY_WIN_BEFORE_TURN, pairedShare, seatWins, type PairedShare } from './paired';
import type { GameRecord } from './record';
import { CRISIS_TRACK, distance, DIVERGES_AT, signatureParts, signatureTable } from './signatures';
import { scoringSeats, summarize, wilson, Z95, type SweepSummary } from './stats';
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

/** The measurements, in the order they run (§8's sweeps first, the Expert last): a run cut short keeps the first. */
export const PARTS = ['four', 'two-seat', 'probes', 'random', 'levels', 'expert', 'all-expert'] as const;
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

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const ci = ([lo, hi]: readonly [number, number]) => `[${(lo * 100).toFixed(1)}, ${(hi * 100).toFixed(1)}]`;
const rate = (x: number, c: readonly [number, number]) => `${pct(x)} ${ci(c)}`;
const inBand = (x: number, [lo, hi]: readonly [number, number]) => x >= lo && x <= hi;
const n = (x: number) => x.toLocaleString('en-US');
const SEAT_NAME: Record<Seat, string> = { china: 'China', nato: 'NATO', japan: 'Japan', korea: 'South Korea' };
const seatLabel = (s: string, variant: Variant) => (variant === 2 && s === 'nato' ? 'West' : SEAT_NAME[s as Seat]);

/** The commands that reproduce each measurement alone (the same seeds and bots). */
export const COMMANDS = {
  sweep: (scenario: string, games: number, variant: Variant = 4, bots = '') =>
    `npm run sim -- --scenario ${scenario} --games ${games} --seed ${TARGETS_SEED}${variant === 4 ? '' : ` --variant ${variant}`}${bots ? ` --bots ${bots}` : ''} --json`,
  paired: (mode: string, games: number, scenarios: readonly string[], seat?: Seat) =>
    `npx tsx bench/paired.ts --games ${games} --mode ${mode}${seat ? ` --seat ${seat}` : ''} --scenarios ${scenarios.join(',')} --json`,
  alive: 'npm run bench:targets -- --out DIR, then npx tsx bench/alive.ts DIR/sweeps/*',
  signatures: (scenarios: readonly string[]) =>
    `npm run bench:targets -- --out DIR, then npx tsx bench/signatures.ts ${scenarios.map((s) => `DIR/sweeps/${sweepName(4, s)}`).join(' ')}`,
};

/** One row per target, from what was measured (targets of parts not run are left out). */
export function targetRows(m: Measured): TargetRow[] {
  const rows: TargetRow[] = [];
  const { sizes, scenarios } = m;
  const sweep = (variant: Variant, s: string, bots = '') => m.sweeps[sweepName(variant, s, bots)];
  const gamesSize = `${n(sizes.games)} games`;
  for (const variant of [4, 2] as const) {
    for (const scenario of scenarios) {
      const s = sweep(variant, scenario);
      if (!s) continue;
      const command = COMMANDS.sweep(scenario, sizes.games, variant);
      const seats = scoringSeats(variant);
      const band = variant === 4 ? BANDS.fourSeats : BANDS.twoSeats;
      rows.push({
        target: `§8 ${variant === 4 ? '4 (and 3) seats: each seat' : '2 seats: each side'} wins ${pct(band[0])}–${pct(band[1])}`,
        scope: scenario,
        figure: seats.map((k) => `${seatLabel(k, variant)} ${rate(s.seats[k]!.winRate, s.seats[k]!.ci95)}`).join('; '),
        met: seats.every((k) => inBand(s.seats[k]!.winRate, band)),
        size: gamesSize,
        command,
      });
      rows.push({
        target: `§8 war ${pct(BANDS.war[0])}–${pct(BANDS.war[1])} (${seatsLabel(variant)})`,
        scope: scenario,
        figure: rate(s.warRate, s.warCi95),
        met: inBand(s.warRate, BANDS.war),
        size: gamesSize,
        command,
      });
      const top = topMove(s);
      rows.push({
        target: `§8 no move above ${pct(BANDS.topMove)} of all AP (${seatsLabel(variant)})`,
        scope: scenario,
        figure: `largest: ${top.name} ${pct(top.share)}`,
        met: top.share <= BANDS.topMove,
        size: gamesSize,
        command,
      });
    }
  }
  for (const scenario of scenarios) {
    const cells = m.random.filter((c) => c.scenario === scenario);
    if (!cells.length) continue;
    const low = lowest(cells);
    rows.push({
      target: `§8 scripted beats random from every seat (≥ ${pct(BANDS.beatsRandom)} of paired seeds)`,
      scope: scenario,
      figure: `lowest: ${SEAT_NAME[low.seat]} ${rate(low.share.share, low.share.ci95)}`,
      met: cells.every((c) => c.share.share >= BANDS.beatsRandom),
      size: `${n(sizes.randomPairs)} pairs per seat`,
      command: COMMANDS.paired('random', sizes.randomPairs, [scenario]),
    });
  }
  for (const scenario of scenarios) {
    const cells = m.levels.filter((c) => c.scenario === scenario);
    if (!cells.length) continue;
    const low = lowest(cells);
    const below = cells.filter((c) => c.share.share <= BANDS.levelUp).length;
    rows.push({
      target: `§8 each level beats the one below (> ${pct(BANDS.levelUp)} of paired seeds, levels ${LEVELS[0]}–${LEVELS[1] + 1})`,
      scope: scenario,
      figure: `${cells.length - below} of ${cells.length} seat-level cells; lowest: ${SEAT_NAME[low.seat]} ${levelsLabel(low)} ${rate(low.share.share, low.share.ci95)}`,
      met: below === 0,
      size: `${n(sizes.levelPairs)} pairs per cell`,
      command: COMMANDS.paired('levels', sizes.levelPairs, [scenario]),
    });
  }
  const aliveFrom = Object.values(m.sweeps);
  if (m.parts.includes('four')) {
    const alive = aliveMoves(aliveFrom);
    const dead = alive.filter((r) => r.share < ALIVE_AT);
    rows.push({
      target: `every move ≥ ${pct(ALIVE_AT)} of some seat's AP somewhere (scripted or Expert)`,
      scope: 'all',
      figure: `${alive.length - dead.length} of ${alive.length}${dead.length ? `; under 1%: ${dead.map((d) => d.name).join(', ')}` : ''}`,
      met: dead.length === 0,
      size: `the ${aliveFrom.length} sweeps below`,
      command: COMMANDS.alive,
    });
  }
  for (const seat of SEATS) {
    const cells = m.probes.filter((c) => c.seat === seat);
    if (!cells.length) continue;
    const low = lowest(cells);
    const below = cells.filter((c) => c.share.share < BANDS.probe).length;
    rows.push({
      target: `each one-track probe loses to the balanced bot (≥ ${pct(BANDS.probe)})`,
      scope: SEAT_NAME[seat],
      figure: `${cells.length - below} of ${cells.length} cells; lowest: ${low.against}, ${low.scenario} ${rate(low.share.share, low.share.ci95)}`,
      met: below === 0,
      size: `${n(sizes.probePairs)} pairs per cell`,
      command: COMMANDS.paired('probe', sizes.probePairs, scenarios, seat),
    });
  }
  const taiwan = m.tension['taiwan-strait-crisis'];
  if (taiwan) {
    const t = taiwan.china;
    rows.push({
      target: `China adds ≥ ${BANDS.chinaTension} tension a game in the Taiwan crisis`,
      scope: 'taiwan-strait-crisis',
      figure: `${t.mean.toFixed(2)} [${t.ci95[0].toFixed(2)}, ${t.ci95[1].toFixed(2)}]`,
      met: t.mean >= BANDS.chinaTension,
      size: gamesSize,
      command: COMMANDS.sweep('taiwan-strait-crisis', sizes.games),
    });
  }
  const fours = scenarios.map((s) => sweep(4, s)).filter((s): s is SweepSummary => s !== undefined);
  if (fours.length) {
    const wars = fours.reduce((a, s) => a + s.wars.count, 0);
    const own = fours.reduce((a, s) => a + s.wars.ownAction, 0);
    const culprit = fours.reduce((a, s) => a + s.wars.withCulprit, 0);
    const each = (f: (s: SweepSummary) => number) =>
      fours.map((s) => `${s.scenario} ${s.wars.count ? pct(f(s) / s.wars.count) : '—'}`).join(', ');
    rows.push({
      target: `≥ ${pct(BANDS.ownActionWars)} of wars pushed over by a seat's own action`,
      scope: 'pooled',
      figure: `${own} of ${wars} = ${wars ? rate(own / wars, wilson(own, wars)) : '—'} (${each((s) => s.wars.ownAction)})`,
      met: wars > 0 && own / wars >= BANDS.ownActionWars,
      size: `${gamesSize} per scenario`,
      command: COMMANDS.sweep('SCENARIO', sizes.games),
    });
    rows.push({
      target: 'every war has a recorded culprit',
      scope: 'pooled',
      figure: `${culprit} of ${wars} (${each((s) => s.wars.withCulprit)})`,
      met: culprit === wars,
      size: `${gamesSize} per scenario`,
      command: COMMANDS.sweep('SCENARIO', sizes.games),
    });
  }
  for (const seat of SEATS) {
    const cells = m.expert.filter((c) => c.seat === seat);
    if (!cells.length) continue;
    const top = cells.reduce((a, c) => (c.wins / c.games > a.wins / a.games ? c : a));
    rows.push({
      target: `the Expert wins ≤ ${pct(BANDS.expertWins)} against scripted bots`,
      scope: SEAT_NAME[seat],
      figure: `highest: ${top.scenario} ${rate(top.wins / top.games, wilson(top.wins, top.games))}`,
      met: cells.every((c) => c.wins / c.games <= BANDS.expertWins),
      size: `${n(sizes.expertGames)} paired seeds per scenario`,
      command: COMMANDS.paired('expert', sizes.expertGames, scenarios, seat),
    });
  }
  if (m.expert.length) {
    const top = m.expert.reduce((a, c) => (c.earlyWins / c.games > a.earlyWins / a.games ? c : a));
    rows.push({
      target: `no seat's Expert wins ≥ ${pct(BANDS.expertEarly)} of its games before turn ${EARLY_WIN_BEFORE_TURN}`,
      scope: 'every seat',
      figure: `highest: ${SEAT_NAME[top.seat]}, ${top.scenario} ${rate(top.earlyWins / top.games, wilson(top.earlyWins, top.games))}`,
      met: m.expert.every((c) => c.earlyWins / c.games < BANDS.expertEarly),
      size: `${n(sizes.expertGames)} games per cell`,
      command: COMMANDS.paired('expert', sizes.expertGames, scenarios),
    });
  }
  for (const scenario of scenarios) {
    const s = sweep(4, scenario, 'all=expert');
    if (!s) continue;
    rows.push({
      target: `all-Expert 4 seats: each seat ${pct(BANDS.allExpert[0])}–${pct(BANDS.allExpert[1])}`,
      scope: scenario,
      figure: SEATS.map((k) => `${SEAT_NAME[k]} ${rate(s.seats[k]!.winRate, s.seats[k]!.ci95)}`).join('; '),
      met: SEATS.every((k) => inBand(s.seats[k]!.winRate, BANDS.allExpert)),
      size: `${n(sizes.allExpertGames)} games`,
      command: COMMANDS.sweep(scenario, sizes.allExpertGames, 4, 'all=expert'),
    });
  }
  const base = sweep(4, BASELINE);
  if (base) {
    const crises = scenarios.filter((s) => s in CRISIS_TRACK && sweep(4, s));
    const parts = signatureParts([base, ...crises.map((s) => sweep(4, s)!)].map((s) => s.endStates));
    crises.forEach((scenario, i) => {
      const part = parts.find((p) => p.name === CRISIS_TRACK[scenario])!;
      const d = distance(part.shares[0]!, part.shares[i + 1]!);
      rows.push({
        target: `each crisis's end-state signature differs from the baseline's (its crisis track's distance ≥ ${DIVERGES_AT})`,
        scope: scenario,
        figure: `${CRISIS_TRACK[scenario]} distance ${d.toFixed(2)}`,
        met: d >= DIVERGES_AT,
        size: gamesSize,
        command: COMMANDS.signatures([BASELINE, ...crises]),
      });
    });
  }
  return rows;
}

function levelsLabel(c: PairCell): string {
  const k = Number(c.against.replace('level ', ''));
  return `${k + 1} vs ${k}`;
}

const seatsLabel = (variant: Variant) => (variant === 4 ? '4 and 3 seats' : `${variant} seats`);

/** The move with the largest share of all AP (summaries list moves largest first). */
function topMove(s: SweepSummary): { name: string; share: number } {
  const [move, share] = (Object.entries(s.moveShare)[0] ?? []) as [MoveName | undefined, number | undefined];
  return { name: move ? MOVE_CATALOGUE[move].name : '—', share: share ?? 0 };
}

function lowest(cells: readonly PairCell[]): PairCell {
  return cells.reduce((a, c) => (c.share.share < a.share.share ? c : a));
}

const table = (head: readonly string[], body: readonly (readonly string[])[]) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...body.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
const sizeLine = (s: Sizes) =>
  `${n(s.games)} games per scripted sweep, ${n(s.probePairs)} pairs per probe, ${n(s.randomPairs)} per scripted-vs-random seat, ${n(s.levelPairs)} per level cell, ${n(s.expertGames)} Expert-vs-scripted games per seat, ${n(s.allExpertGames)} all-Expert games per scenario`;

/** The report: the target table, then the detail behind it (4-seat table, tension, probes, Expert, moves alive, signatures). */
export function targetsMarkdown(m: Measured): string {
  const rows = targetRows(m);
  const met = rows.filter((r) => r.met === true).length;
  const out = [
    `# Targets (seed ${TARGETS_SEED}; ${sizeLine(m.sizes)}; parts finished: ${m.parts.join(', ') || 'none'})`,
    '',
    `${met} of ${rows.length} target rows met.`,
    '',
    table(
      ['target', 'scope', 'figure [95% interval]', 'met', 'size', 'command'],
      rows.map((r) => [
        r.target,
        r.scope,
        r.figure,
        r.met === null ? '—' : r.met ? 'met' : '**not met**',
        r.size,
        `\`${r.command}\``,
      ]),
    ),
  ];
  const sweepRows = [4, 2].flatMap((variant) =>
    m.scenarios.flatMap((scenario) => {
      const s = m.sweeps[sweepName(variant as Variant, scenario)];
      if (!s) return [];
      const top = topMove(s);
      return [
        [
          `${scenario} (${seatsLabel(variant as Variant)})`,
          ...SEATS.map((k) =>
            s.seats[k] ? rate(s.seats[k].winRate, s.seats[k].ci95) : variant === 2 ? '(West)' : '—',
          ),
          rate(s.warRate, s.warCi95),
          `${top.name} ${pct(top.share)}`,
          s.meanTurns.toFixed(2),
        ],
      ];
    }),
  );
  if (sweepRows.length)
    out.push(
      '',
      '## Scripted sweeps (scripted:3 everywhere; 2 seats: NATO = the West)',
      '',
      table(['sweep', ...SEATS.map((s) => SEAT_NAME[s]), 'war', 'top move (AP share)', 'turns'], sweepRows),
    );
  const tension = m.scenarios.filter((s) => m.tension[s] && m.sweeps[sweepName(4, s)]);
  if (tension.length)
    out.push(
      '',
      '## Tension and culprits (4 seats)',
      '',
      table(
        [
          'scenario',
          ...SEATS.map((s) => `${SEAT_NAME[s]} tension a game`),
          'wars',
          'own action',
          'with culprit',
          'culprits',
          'causes',
        ],
        tension.map((scenario) => {
          const w = m.sweeps[sweepName(4, scenario)]!.wars;
          const list = (o: Record<string, number | undefined>) =>
            Object.entries(o)
              .map(([k, v]) => `${k} ${v}`)
              .join(', ');
          return [
            scenario,
            ...SEATS.map((s) => m.tension[scenario]![s].mean.toFixed(2)),
            String(w.count),
            w.count ? `${w.ownAction} (${pct(w.ownAction / w.count)})` : '0',
            String(w.withCulprit),
            list(w.byCulprit),
            list(w.byCause),
          ];
        }),
      ),
    );
  const pairTable = (
    title: string,
    cells: readonly PairCell[],
    against: (c: PairCell) => string,
    band: number,
    strict: boolean,
  ) => {
    const keys = [...new Set(cells.map((c) => `${c.seat}\u0000${against(c)}`))];
    const bad = (x: number) => (strict ? x <= band : x < band);
    out.push(
      '',
      title,
      '',
      table(
        ['seat', 'against', ...m.scenarios],
        keys.map((k) => {
          const [seat, what] = k.split('\u0000') as [Seat, string];
          return [
            SEAT_NAME[seat],
            what,
            ...m.scenarios.map((scenario) => {
              const c = cells.find((x) => x.seat === seat && x.scenario === scenario && against(x) === what);
              if (!c) return '—';
              const text = rate(c.share.share, c.share.ci95);
              return bad(c.share.share) ? `**${text}**` : text;
            }),
          ];
        }),
      ),
    );
  };
  if (m.probes.length)
    pairTable(
      `## Policy probes: the balanced bot beats the probe (${n(m.sizes.probePairs)} pairs; bold below ${pct(BANDS.probe)})`,
      m.probes,
      (c) => c.against,
      BANDS.probe,
      false,
    );
  if (m.random.length)
    pairTable(
      `## Scripted beats random (${n(m.sizes.randomPairs)} pairs; bold below ${pct(BANDS.beatsRandom)})`,
      m.random,
      () => 'random',
      BANDS.beatsRandom,
      false,
    );
  if (m.levels.length)
    pairTable(
      `## Each level beats the one below (${n(m.sizes.levelPairs)} pairs; bold at or below ${pct(BANDS.levelUp)})`,
      m.levels,
      levelsLabel,
      BANDS.levelUp,
      true,
    );
  if (m.expert.length)
    out.push(
      '',
      `## The Expert against the scripted bot (${n(m.sizes.expertGames)} paired seeds)`,
      '',
      table(
        [
          'scenario',
          'seat',
          'Expert does better (paired)',
          'Expert wins',
          `wins before turn ${EARLY_WIN_BEFORE_TURN} (of its games)`,
        ],
        m.expert.map((c) => [
          c.scenario,
          SEAT_NAME[c.seat],
          rate(c.beatsScripted.share, c.beatsScripted.ci95),
          `${c.wins}/${c.games} = ${rate(c.wins / c.games, wilson(c.wins, c.games))}`,
          `${c.earlyWins} (${pct(c.earlyWins / c.games)})`,
        ]),
      ),
    );
  const allExpert = m.scenarios.flatMap((s) => m.sweeps[sweepName(4, s, 'all=expert')] ?? []);
  if (allExpert.length)
    out.push(
      '',
      `## All-Expert 4-seat games (${n(m.sizes.allExpertGames)} per scenario)`,
      '',
      table(
        ['scenario', ...SEATS.map((s) => SEAT_NAME[s]), 'war'],
        allExpert.map((s) => [
          s.scenario,
          ...SEATS.map((k) => rate(s.seats[k]!.winRate, s.seats[k]!.ci95)),
          rate(s.warRate, s.warCi95),
        ]),
      ),
    );
  if (m.parts.includes('four')) {
    const rows: AliveRow[] = aliveMoves(Object.values(m.sweeps));
    out.push('', `## Moves alive (over ${Object.keys(m.sweeps).join(', ')})`, '', aliveTable(rows));
  }
  const base = m.sweeps[sweepName(4, BASELINE)];
  const crises = m.scenarios.filter((s) => s !== BASELINE && m.sweeps[sweepName(4, s)]);
  if (base && crises.length)
    out.push(
      '',
      '## Scenario signatures',
      '',
      signatureTable([base, ...crises.map((s) => m.sweeps[sweepName(4, s)]!)]),
    );
  return `${out.join('\n')}\n`;
}

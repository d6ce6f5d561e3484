/**
 * The targets' report (`npm run bench:targets`): one row per target of issue 11 and DESIGN.md §8/§12
 * from what `measureTargets` (targets.ts) measured — figure, 95% interval, verdict, size and the
 * command that reproduces it alone (its markdown: targets-markdown.ts).
 */
import { SEATS, type MoveName, type Seat, type Variant } from '../content/ids';
import { MOVE_CATALOGUE } from '../content/moves';
import { aliveMoves, ALIVE_AT, deadMoves } from './alive';
import { EARLY_WIN_BEFORE_TURN } from './paired';
import { CRISIS_TRACK, distance, DIVERGES_AT, signatureParts } from './signatures';
import { scoringSeats, wilson, type SweepSummary } from './stats';
import {
  BANDS,
  BASELINE,
  LEVELS,
  sweepName,
  TARGETS_SEED,
  type Measured,
  type PairCell,
  type TargetRow,
} from './targets';
export const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const ci = ([lo, hi]: readonly [number, number]) => `[${(lo * 100).toFixed(1)}, ${(hi * 100).toFixed(1)}]`;
export const rate = (x: number, c: readonly [number, number]) => `${pct(x)} ${ci(c)}`;
const inBand = (x: number, [lo, hi]: readonly [number, number]) => x >= lo && x <= hi;
export const n = (x: number) => x.toLocaleString('en-US');
export const SEAT_NAME: Record<Seat, string> = { china: 'China', nato: 'NATO', japan: 'Japan', korea: 'South Korea' };
export const seatLabel = (s: string, variant: Variant) =>
  variant === 2 && s === 'nato' ? 'West' : SEAT_NAME[s as Seat];

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
    const dead = deadMoves(alive);
    const exempt = alive.filter((r) => r.exempt);
    rows.push({
      target: `every move a bot can choose ≥ ${pct(ALIVE_AT)} of some seat's AP somewhere (scripted or Expert); the others named with why`,
      scope: 'all',
      figure: [
        `${alive.length - exempt.length - dead.length} of ${alive.length - exempt.length}`,
        ...(dead.length ? [`under 1%: ${dead.map((d) => `${d.name} ${(d.share * 100).toFixed(1)}%`).join(', ')}`] : []),
        ...exempt.map((r) => `not for bots: ${r.name} (${r.exempt})`),
      ].join('; '),
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

export function levelsLabel(c: PairCell): string {
  const k = Number(c.against.replace('level ', ''));
  return `${k + 1} vs ${k}`;
}

export const seatsLabel = (variant: Variant) => (variant === 4 ? '4 and 3 seats' : `${variant} seats`);

/** The move with the largest share of all AP (summaries list moves largest first). */
export function topMove(s: SweepSummary): { name: string; share: number } {
  const [move, share] = (Object.entries(s.moveShare)[0] ?? []) as [MoveName | undefined, number | undefined];
  return { name: move ? MOVE_CATALOGUE[move].name : '—', share: share ?? 0 };
}

export function lowest(cells: readonly PairCell[]): PairCell {
  return cells.reduce((a, c) => (c.share.share < a.share.share ? c : a));
}

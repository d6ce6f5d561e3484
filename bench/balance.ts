/**
 * The balance matrix of docs/BALANCE.md in one run, through the sweep API (same seeds, same numbers
 * as `npm run sim`); `--help` lists the flags.
 */
import { SEATS, VARIANTS, type Seat, type Variant } from '../src/content/ids';
import { parseBotSpecs } from '../src/content/bot-spec';
import { intRange, listOf, oneOf, positiveInt, scriptFlags } from '../src/cli/args';
import { scenarioIds } from '../src/sim/real-rules';
import { runSweep } from '../src/sim/sweep';
import { scoringSeats, type SweepSummary } from '../src/sim/stats';

const WHAT = ['equal', 'random', 'levels', 'all'] as const;
const USAGE = `usage: npx tsx bench/balance.ts [--games N] [--scenarios ID,...] [--what equal|random|levels|all]
                               [--seed TEXT] [--workers N] [--variants 4,3,2] [--levels FROM-TO] [--ladder4]
  equal:  win rates with scripted:3 in every seat, per variant (--variants, default 4,2)
  random: one scripted seat among random ones (4 seats); the West against a random China and back (2 seats)
  levels: each level k in --levels (default 1-5) against k+1 in the 2-seat game, colour-balanced;
          --ladder4 adds the 4-seat ladder (one seat a level up against three at k)
  all:    equal, random and levels
  defaults: --games 500, the three scenarios, --what equal, --seed lab-1, --workers every core`;
const flags = scriptFlags(
  'bench/balance.ts',
  USAGE,
  {
    games: { type: 'string', default: '500' },
    scenarios: { type: 'string', default: 'baseline-2023,taiwan-strait-crisis,korean-peninsula-crisis' },
    what: { type: 'string', default: 'equal' },
    seed: { type: 'string', default: 'lab-1' },
    workers: { type: 'string' },
    variants: { type: 'string', default: '4,2' },
    levels: { type: 'string', default: '1-5' },
    ladder4: { type: 'boolean', default: false },
  },
  (v) => ({
    games: positiveInt('--games', v.games),
    scenarios: listOf('--scenarios', v.scenarios, scenarioIds()),
    what: oneOf('--what', v.what, WHAT),
    seed: v.seed,
    workers: v.workers === undefined ? undefined : positiveInt('--workers', v.workers), // default: every core
    variants: listOf('--variants', v.variants, VARIANTS.map(String)).map(Number) as Variant[],
    levels: intRange('--levels', v.levels),
    ladder4: v.ladder4,
  }),
);
const { games, scenarios, what, seed, workers } = flags;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

async function sweep(scenario: string, variant: Variant, bots: string): Promise<SweepSummary> {
  return (await runSweep({ scenario, variant, seed, games, bots: parseBotSpecs(bots), workers })).summary;
}

function line(s: SweepSummary, label: string): string {
  const seats = scoringSeats(s.variant)
    .map((k) => `${k} ${pct(s.seats[k]!.winRate)} (${s.seats[k]!.meanMargin.toFixed(1)})`)
    .join('  ');
  const [topMove, topShare] = Object.entries(s.moveShare).sort((a, b) => b[1]! - a[1]!)[0] ?? ['-', 0];
  return `${s.scenario} v${s.variant} ${label}: ${seats} | war ${pct(s.warRate)} | top move ${topMove} ${pct(topShare!)} | ${s.meanTurns.toFixed(1)} turns`;
}

const others = (seat: Seat, kind: string) =>
  SEATS.filter((s) => s !== seat)
    .map((s) => `${s}=${kind}`)
    .join(',');

for (const scenario of scenarios) {
  if (what === 'equal' || what === 'all') {
    for (const variant of flags.variants)
      console.log(line(await sweep(scenario, variant, 'china=scripted:3'), 'scripted:3 everywhere'));
  }
  if (what === 'random' || what === 'all') {
    // Scripted in one seat, random in the others (4 seats); the West vs China (2 seats).
    for (const seat of SEATS) {
      const s = await sweep(scenario, 4, `${seat}=scripted:3,${others(seat, 'random')}`);
      console.log(`${scenario} v4 ${seat} scripted vs random: ${pct(s.seats[seat]!.winRate)} wins`);
    }
    const w = await sweep(scenario, 2, 'china=random');
    const c = await sweep(scenario, 2, 'nato=random,japan=random,korea=random');
    console.log(
      `${scenario} v2 West scripted vs random China: ${pct(w.seats.nato!.winRate)}; China scripted vs random West: ${pct(c.seats.china!.winRate)}`,
    );
  }
  if (what === 'levels' || what === 'all') {
    const [from, to] = flags.levels;
    for (let k = from; k <= to; k++) {
      const w = await sweep(
        scenario,
        2,
        `china=scripted:${k},nato=scripted:${k + 1},japan=scripted:${k + 1},korea=scripted:${k + 1}`,
      );
      const c = await sweep(
        scenario,
        2,
        `china=scripted:${k + 1},nato=scripted:${k},japan=scripted:${k},korea=scripted:${k}`,
      );
      // 4 seats (--ladder4): one seat a level up against three at level k; its equal-level share is about 25%.
      const four: number[] = [];
      if (flags.ladder4)
        for (const seat of SEATS)
          four.push(
            (await sweep(scenario, 4, `${seat}=scripted:${k + 1},${others(seat, `scripted:${k}`)}`)).seats[seat]!
              .winRate,
          );
      const fourText = four.length
        ? `; 4 seats, one seat up: ${SEATS.map((s, i) => `${s} ${pct(four[i]!)}`).join(' ')}`
        : '';
      console.log(
        `${scenario} level ${k + 1} vs ${k}: West ${pct(w.seats.nato!.winRate)}, China ${pct(c.seats.china!.winRate)} (2 seats)${fourText}`,
      );
    }
  }
}

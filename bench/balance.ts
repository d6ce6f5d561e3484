/**
 * The balance matrix of docs/BALANCE.md in one run, through the sweep API (same seeds, same numbers
 * as `npm run sim`). `npx tsx bench/balance.ts [games] [scenario,...] [what]`; what: equal | random | levels | all.
 */
import { SEATS, type Seat, type Variant } from '../src/content/ids';
import { parseBotSpecs } from '../src/content/bot-spec';
import { runSweep } from '../src/sim/sweep';
import { scoringSeats, type SweepSummary } from '../src/sim/stats';

const games = Number(process.argv[2] ?? 500);
const scenarios = (process.argv[3] ?? 'baseline-2023,taiwan-strait-crisis,korean-peninsula-crisis').split(',');
const what = process.argv[4] ?? 'equal';
const seed = process.env.SEED ?? 'lab-1';
const workers = process.env.WORKERS ? Number(process.env.WORKERS) : undefined; // default: every core
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
    for (const variant of (process.env.VARIANTS ?? '4,2').split(',').map(Number) as Variant[])
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
    const [from, to] = (process.env.LEVELS ?? '1-5').split('-').map(Number) as [number, number];
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
      // 4 seats (LADDER4=1): one seat a level up against three at level k; its equal-level share is about 25%.
      const four: number[] = [];
      if (process.env.LADDER4 === '1')
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

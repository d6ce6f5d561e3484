/**
 * Paired, seat-by-seat comparisons (docs/BALANCE.md §3–4): each seed is played twice in the 4-seat
 * game, the other seats the same both times, once with the seat's stronger bot and once with its
 * weaker one; the stronger bot "beats" the weaker when its seat ends with the better result — a win,
 * then the higher margin; starting the war is worse than any margin; ties count half.
 * Same seeds as `npm run sim -- --seed lab-1`, on every core (WORKERS=N to change; SEAT=japan for one seat).
 *
 *   npx tsx bench/paired.ts GAMES [scenario,...] random   scripted:3 against random, every seat
 *   npx tsx bench/paired.ts GAMES [scenario,...] levels   level k+1 against level k (LEVELS=1-5), others at k
 */
import { SEATS, type Seat } from '../src/content/ids';
import { parseBotSpecs } from '../src/content/bot-spec';
import type { GameRecord } from '../src/sim/record';
import { runSweep } from '../src/sim/sweep';

const games = Number(process.argv[2] ?? 300);
const scenarios = (process.argv[3] ?? 'baseline-2023,taiwan-strait-crisis,korean-peninsula-crisis').split(',');
const what = process.argv[4] ?? 'random';
const workers = process.env.WORKERS ? Number(process.env.WORKERS) : undefined;
const seats = SEATS.filter((s) => !process.env.SEAT || s === process.env.SEAT);

/** Plays the sweep with `bot(seat)` in each seat. */
const sweep = async (scenario: string, bot: (s: Seat) => string) =>
  (
    await runSweep({
      scenario,
      variant: 4,
      seed: 'lab-1',
      games,
      bots: parseBotSpecs(SEATS.map((s) => `${s}=${bot(s)}`).join(',')),
      workers,
    })
  ).records;
const result = (r: GameRecord, seat: Seat) =>
  (r.winner === seat ? 100 : r.culprit === seat ? -100 : 0) + r.margins[seat]!;

/** Share of seeds on which `seat` did better in `strong` than in `weak` (ties half). */
function beats(strong: GameRecord[], weak: GameRecord[], seat: Seat): string {
  let score = 0;
  strong.forEach((a, i) => {
    const [x, y] = [result(a, seat), result(weak[i]!, seat)];
    score += x > y ? 1 : x === y ? 0.5 : 0;
  });
  return `${seat} ${((score / games) * 100).toFixed(1)}%`;
}

for (const scenario of scenarios) {
  const [from, to] =
    what === 'random' ? [3, 3] : ((process.env.LEVELS ?? '1-5').split('-').map(Number) as [number, number]);
  for (let k = from; k <= to; k++) {
    const base = await sweep(scenario, () => `scripted:${k}`);
    const out: string[] = [];
    for (const seat of seats) {
      const other = await sweep(scenario, (s) =>
        s !== seat ? `scripted:${k}` : what === 'random' ? 'random' : `scripted:${k + 1}`,
      );
      out.push(what === 'random' ? beats(base, other, seat) : beats(other, base, seat));
    }
    const head = what === 'random' ? 'scripted beats random' : `level ${k + 1} beats level ${k}`;
    console.log(`${scenario} (4 seats, ${games} paired seeds): ${head} — ${out.join(', ')}`);
  }
}

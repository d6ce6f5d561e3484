/**
 * Paired, seat-by-seat comparisons (docs/BALANCE.md): each seed is played twice in the 4-seat game,
 * the other seats the same both times, once with one bot in the seat and once with another; a bot
 * "beats" the other when its seat ends with the better result — a win, then the higher margin;
 * being charged with the war is worse than any margin; ties count half (src/sim/paired.ts).
 * Same seeds as `npm run sim -- --seed lab-1`, on every core (WORKERS=N to change; SEAT=japan for one
 * seat; JSON=1 prints one JSON object per line instead).
 *
 *   npx tsx bench/paired.ts GAMES [scenario,...] random   scripted:3 against random, every seat
 *   npx tsx bench/paired.ts GAMES [scenario,...] levels   level k+1 against level k (LEVELS=1-5), others at k
 *   npx tsx bench/paired.ts GAMES [scenario,...] probe    the balanced scripted bot against each of the
 *                                                        seat's one-track policy probes (PROBE=name for one)
 *   npx tsx bench/paired.ts GAMES [scenario,...] expert   the Expert against the scripted bot: paired share,
 *                                                        the Expert's win rate and its wins before turn 5
 */
import { SEATS, type Seat } from '../src/content/ids';
import { parseBotSpecs } from '../src/content/bot-spec';
import { PROBES } from '../src/content/probes';
import { EARLY_WIN_BEFORE_TURN, pairedShare, seatWins, type PairedShare } from '../src/sim/paired';
import type { GameRecord } from '../src/sim/record';
import { wilson } from '../src/sim/stats';
import { runSweep } from '../src/sim/sweep';

const games = Number(process.argv[2] ?? 300);
const scenarios = (process.argv[3] ?? 'baseline-2023,taiwan-strait-crisis,korean-peninsula-crisis').split(',');
const what = process.argv[4] ?? 'random';
const workers = process.env.WORKERS ? Number(process.env.WORKERS) : undefined;
const seats = SEATS.filter((s) => !process.env.SEAT || s === process.env.SEAT);
const asJson = process.env.JSON === '1';
if (!['random', 'levels', 'probe', 'expert'].includes(what))
  throw new Error(`paired: unknown mode "${what}" (expected random, levels, probe, expert)`);

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
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const share = (p: PairedShare) => `${pct(p.share)} [${pct(p.ci95[0])}, ${pct(p.ci95[1])}]`;

/** The seat's bot in `base` against the one in `other`, on the same seeds. */
const versus = (seat: Seat, base: GameRecord[], other: GameRecord[]) => pairedShare(base, other, seat);

for (const scenario of scenarios) {
  const head = `${scenario} (4 seats, ${games} paired seeds)`;
  if (what === 'random' || what === 'levels') {
    const [from, to] =
      what === 'random' ? [3, 3] : ((process.env.LEVELS ?? '1-5').split('-').map(Number) as [number, number]);
    for (let k = from; k <= to; k++) {
      const base = await sweep(scenario, () => `scripted:${k}`);
      const out: string[] = [];
      for (const seat of seats) {
        const other = await sweep(scenario, (s) =>
          s !== seat ? `scripted:${k}` : what === 'random' ? 'random' : `scripted:${k + 1}`,
        );
        const p = what === 'random' ? versus(seat, base, other) : versus(seat, other, base);
        out.push(asJson ? JSON.stringify({ scenario, seat, level: k, ...p }) : `${seat} ${share(p)}`);
      }
      const title = what === 'random' ? 'scripted beats random' : `level ${k + 1} beats level ${k}`;
      console.log(asJson ? out.join('\n') : `${head}: ${title} — ${out.join(', ')}`);
    }
    continue;
  }
  const base = await sweep(scenario, () => 'scripted:3');
  for (const seat of seats) {
    if (what === 'probe') {
      for (const policy of Object.keys(PROBES[seat]).filter((p) => !process.env.PROBE || p === process.env.PROBE)) {
        const probe = await sweep(scenario, (s) => (s === seat ? `probe:${policy}` : 'scripted:3'));
        const p = versus(seat, base, probe);
        console.log(
          asJson
            ? JSON.stringify({ scenario, seat, probe: policy, balancedBeatsProbe: p })
            : `${head}: ${seat} balanced beats probe:${policy} ${share(p)}${p.share >= 0.55 ? '' : '  (below 55%)'}`,
        );
      }
      continue;
    }
    const expert = await sweep(scenario, (s) => (s === seat ? 'expert' : 'scripted:3'));
    const p = versus(seat, expert, base);
    const w = seatWins(expert, seat);
    const ci = wilson(w.wins, w.games);
    console.log(
      asJson
        ? JSON.stringify({ scenario, seat, expertBeatsScripted: p, expertWins: { ...w, ci95: ci } })
        : `${head}: ${seat} Expert beats scripted ${share(p)}; Expert wins ${w.wins}/${w.games} = ${pct(w.wins / w.games)} [${pct(ci[0])}, ${pct(ci[1])}], ${w.earlyWins} of them before turn ${EARLY_WIN_BEFORE_TURN} (${pct(w.earlyShare)})`,
    );
  }
}

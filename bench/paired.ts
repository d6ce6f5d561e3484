/**
 * Paired, seat-by-seat comparisons (docs/BALANCE.md): each seed is played twice in the 4-seat game,
 * the other seats the same both times, once with one bot in the seat and once with another; a bot
 * "beats" the other when its seat ends with the better result — a win, then the higher margin;
 * being charged with the war is worse than any margin; ties count half (src/sim/paired.ts).
 * Same seeds as `npm run sim -- --seed lab-1`, on every core; `--help` lists the modes and flags.
 */
import { SEATS, type Seat } from '../src/content/ids';
import { parseBotSpecs } from '../src/content/bot-spec';
import { PROBES } from '../src/content/probes';
import { intRange, listOf, oneOf, positiveInt, scriptFlags } from '../src/cli/args';
import { EARLY_WIN_BEFORE_TURN, pairedShare, seatWins, type PairedShare } from '../src/sim/paired';
import type { GameRecord } from '../src/sim/record';
import { scenarioIds } from '../src/sim/real-rules';
import { wilson } from '../src/sim/stats';
import { runSweep } from '../src/sim/sweep';

const MODES = ['random', 'levels', 'probe', 'expert'] as const;
const USAGE = `usage: npx tsx bench/paired.ts [--games N] [--scenarios ID,...] [--mode random|levels|probe|expert]
                              [--seat SEAT] [--levels FROM-TO] [--probe NAME] [--workers N] [--json]
  random: scripted:3 against random, every seat
  levels: level k+1 against level k (k in --levels, default 1-5), the others at k
  probe:  the balanced scripted bot against each of the seat's one-track policy probes (--probe NAME for one)
  expert: the Expert against the scripted bot: paired share, the Expert's win rate and its wins before turn ${EARLY_WIN_BEFORE_TURN}
  --seat: one seat only (default every seat); --json: one JSON object per line instead of the text
  defaults: --games 300, the three scenarios, --mode random, --workers every core`;
const flags = scriptFlags(
  'bench/paired.ts',
  USAGE,
  {
    games: { type: 'string', default: '300' },
    scenarios: { type: 'string', default: 'baseline-2023,taiwan-strait-crisis,korean-peninsula-crisis' },
    mode: { type: 'string', default: 'random' },
    seat: { type: 'string' },
    levels: { type: 'string', default: '1-5' },
    probe: { type: 'string' },
    workers: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
  (v) => {
    const seats = v.seat === undefined ? SEATS : [oneOf('--seat', v.seat, SEATS)];
    return {
      games: positiveInt('--games', v.games),
      scenarios: listOf('--scenarios', v.scenarios, scenarioIds()),
      what: oneOf('--mode', v.mode, MODES),
      seats,
      levels: intRange('--levels', v.levels),
      probe:
        v.probe === undefined
          ? undefined
          : oneOf('--probe', v.probe, [...new Set(seats.flatMap((s) => Object.keys(PROBES[s])))]),
      workers: v.workers === undefined ? undefined : positiveInt('--workers', v.workers),
      asJson: v.json,
    };
  },
);
const { games, scenarios, what, seats, workers, asJson } = flags;

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
    const [from, to] = what === 'random' ? [3, 3] : flags.levels;
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
      for (const policy of Object.keys(PROBES[seat]).filter((p) => !flags.probe || p === flags.probe)) {
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

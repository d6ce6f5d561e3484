/**
 * Scripted against random, seat by seat and seed by seed: each seed is played twice with the other
 * seats scripted, once with the seat scripted and once random; the scripted seat "beats" the random
 * one when it ends with the better result (a win first, then a higher margin; ties count half).
 * `npx tsx bench/scripted-vs-random.ts [games] [scenario,...]`
 */
import { SEATS, type Seat } from '../src/content/ids';
import { chooseAction } from '../src/ai';
import type { GameState } from '../src/rules/state';
import { playGame, type Bot } from '../src/sim/headless';
import { realRules } from '../src/sim/real-rules';

const games = Number(process.argv[2] ?? 300);
const scenarios = (process.argv[3] ?? 'baseline-2023,taiwan-strait-crisis,korean-peninsula-crisis').split(',');
const scripted: Bot = (v, s, r) => chooseAction(v, s, 3, r);
const random: Bot = (v, s, r) => chooseAction(v, s, 'random', r);
const result = (G: GameState, seat: Seat) => (G.result!.winner === seat ? 100 : 0) + G.result!.margins[seat];

for (const scenario of scenarios) {
  const out: string[] = [];
  for (const seat of SEATS.filter((s) => !process.env.SEAT || s === process.env.SEAT)) {
    let score = 0;
    for (let i = 0; i < games; i++) {
      const seed = `lab-1#${i}`;
      const bots = Object.fromEntries(SEATS.map((s) => [s, scripted])) as Record<Seat, Bot>;
      const a = result(playGame(realRules, { scenario, variant: 4, seed, bots }).final, seat);
      const b = result(
        playGame(realRules, { scenario, variant: 4, seed, bots: { ...bots, [seat]: random } }).final,
        seat,
      );
      score += a > b ? 1 : a === b ? 0.5 : 0;
    }
    out.push(`${seat} ${((score / games) * 100).toFixed(1)}%`);
  }
  console.log(`${scenario} (4 seats, ${games} paired seeds): scripted beats random — ${out.join(', ')}`);
}

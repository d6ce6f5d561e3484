/**
 * How much stronger the Expert is than the scripted bot: the same seeds played twice, once with the
 * seat scripted and once with it searched (everyone else scripted), compared game by game.
 * `npx tsx bench/expert-strength.ts [games] [seat] [variant] [iterations] [candidates] [horizon]`
 */
import { SEATS, type Seat } from '../src/content/ids';
import { chooseAction } from '../src/ai';
import type { GameState } from '../src/rules';
import { playGame, type Bot } from '../src/sim/headless';
import { realRules } from '../src/sim/real-rules';

const [games = 10, seat = 'china', variant = 2, iterations = 24, candidates = 4, horizon = 0] = process.argv
  .slice(2)
  .map((x, i) => (i === 1 ? x : Number(x))) as [number, Seat, 2 | 4, number, number, number];
const scripted: Bot = (v, s, r) => chooseAction(v, s, { kind: 'scripted', level: 3 }, r);
const expert: Bot = (v, s, r) =>
  chooseAction(v, s, { kind: 'expert', level: 3 }, r, { iterations, candidates, horizonTurns: horizon });
const mine = (G: GameState) =>
  variant === 2
    ? seat === 'china'
      ? G.result!.winner === 'china'
      : G.result!.winner !== 'china'
    : G.result!.winner === seat;
let better = 0,
  worse = 0,
  winsE = 0,
  winsS = 0;
const t0 = performance.now();
for (let i = 0; i < games; i++) {
  const seed = `expert-${i}`;
  const base = Object.fromEntries(SEATS.map((s) => [s, scripted])) as Record<Seat, Bot>;
  const a = playGame(realRules, { scenario: 'baseline-2023', variant, seed, bots: base }).final;
  const withExpert = { ...base };
  for (const s of SEATS) if (s === seat || (variant === 2 && seat !== 'china' && s !== 'china')) withExpert[s] = expert;
  const b = playGame(realRules, { scenario: 'baseline-2023', variant, seed, bots: withExpert }).final;
  const score = (G: GameState) =>
    (mine(G) ? 100 : 0) + (variant === 2 ? (seat === 'china' ? -G.tracks.vp : G.tracks.vp) : G.result!.margins[seat]);
  if (score(b) > score(a)) better++;
  else if (score(b) < score(a)) worse++;
  if (mine(a)) winsS++;
  if (mine(b)) winsE++;
}
console.log({
  games,
  seat,
  variant,
  iterations,
  candidates,
  horizon,
  better,
  worse,
  winsScripted: winsS,
  winsExpert: winsE,
  sPerGame: ((performance.now() - t0) / 1000 / games).toFixed(2),
});

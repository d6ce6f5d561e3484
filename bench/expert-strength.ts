/**
 * How much stronger the Expert is than the scripted bot: the same seeds played twice, once with the
 * seat scripted and once with it searched (everyone else scripted), compared game by game.
 * `--help` lists the flags.
 */
import { SEATS, type Seat } from '../src/content/ids';
import { oneOf, positiveInt, scriptFlags, wholeNumber } from '../src/cli/args';
import { chooseAction } from '../src/ai';
import type { GameState } from '../src/rules';
import { playGame, type Bot } from '../src/sim/headless';
import { realRules } from '../src/sim/real-rules';

const USAGE = `usage: npx tsx bench/expert-strength.ts [--games N] [--seat SEAT] [--variant 2|4] [--iterations N]
                                       [--candidates N] [--horizon TURNS]
  the Expert in one seat (in the 2-seat game, the whole West when the seat is not China) against the
  scripted bot on the same seeds, everyone else scripted
  --horizon: turns past the current one (default: to the next summit, as the Expert plays)
  defaults: --games 10, --seat china, --variant 2, --iterations 24, --candidates 4`;
const { games, seat, variant, iterations, candidates, horizon } = scriptFlags(
  'bench/expert-strength.ts',
  USAGE,
  {
    games: { type: 'string', default: '10' },
    seat: { type: 'string', default: 'china' },
    variant: { type: 'string', default: '2' },
    iterations: { type: 'string', default: '24' },
    candidates: { type: 'string', default: '4' },
    horizon: { type: 'string', default: 'summit' },
  },
  (v) => ({
    games: positiveInt('--games', v.games),
    seat: oneOf('--seat', v.seat, SEATS),
    variant: Number(oneOf('--variant', v.variant, ['2', '4'])) as 2 | 4,
    iterations: positiveInt('--iterations', v.iterations),
    candidates: positiveInt('--candidates', v.candidates),
    horizon: v.horizon === 'summit' ? undefined : wholeNumber('--horizon', v.horizon),
  }),
);
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

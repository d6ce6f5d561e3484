/**
 * Per-scenario balance search (docs/BALANCE.md): plays the 4-seat game with scripted:3 everywhere and
 * nudges one starting value at a time — NATO cohesion, South Korean exposure, Taiwan Crisis (Japan's
 * pressure), internationalization (China), tension (war rate) — toward every seat winning 20–30% and
 * 5–15% of games ending in war. One step per process (the scenario file is read at import); the
 * history file remembers every state tried so the search never circles, and `--best` writes the best.
 * `for i in 1 2 3 4 5 6; do npx tsx bench/tune-scenario.ts SCENARIO 300 | grep -q DONE && break; done; npx tsx bench/tune-scenario.ts SCENARIO --best`
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseBotSpecs } from '../src/sim/bot-spec';
import { runSweep } from '../src/sim/sweep';

const [scenario = 'baseline-2023', gamesArg = '300'] = process.argv.slice(2);
const file = new URL(`../scenarios/${scenario}.json`, import.meta.url);
const historyFile = `/tmp/tune-${scenario}.json`;
/** Per seat: the starting value that moves its margin, the change that strengthens the seat, and its range. */
const KNOB = {
  nato: ['cohesion', 1, 3, 9],
  korea: ['exposure', -1, 0, 5],
  japan: ['taiwanCrisis', -1, 0, 4],
  china: ['internationalization', -2, 4, 14],
} as const;
type SeatK = keyof typeof KNOB;
const TRACKS = ['cohesion', 'exposure', 'taiwanCrisis', 'internationalization', 'tension'] as const;

const read = (track: string) => Number(new RegExp(`"${track}": (\\d+)`).exec(readFileSync(file, 'utf8'))![1]);
const write = (track: string, value: number) =>
  writeFileSync(file, readFileSync(file, 'utf8').replace(new RegExp(`"${track}": \\d+`), `"${track}": ${value}`));
const state = () => Object.fromEntries(TRACKS.map((t) => [t, read(t)])) as Record<(typeof TRACKS)[number], number>;
const key = (s: Record<string, number>) => TRACKS.map((t) => s[t]).join(',');
const history: Record<string, { loss: number; line: string; state: Record<string, number> }> = existsSync(historyFile)
  ? JSON.parse(readFileSync(historyFile, 'utf8'))
  : {};

if (gamesArg === '--best') {
  const best = Object.values(history).sort((a, b) => a.loss - b.loss)[0];
  if (best) for (const t of TRACKS) write(t, best.state[t]!);
  console.log('best', best);
} else {
  const now = state();
  const { summary: s } = await runSweep({
    scenario,
    variant: 4,
    seed: 'lab-1',
    games: Number(gamesArg),
    bots: parseBotSpecs(undefined),
    workers: 1,
  });
  const rates = Object.fromEntries(Object.entries(s.seats).map(([k, v]) => [k, v.winRate])) as Record<SeatK, number>;
  const out = (x: number, lo: number, hi: number) => Math.max(0, lo - x, x - hi);
  const loss =
    (Object.values(rates) as number[]).reduce((a, r) => a + out(r, 0.2, 0.3), 0) + out(s.warRate, 0.05, 0.15);
  const line = `${Object.entries(rates)
    .map(([k, v]) => `${k} ${(v * 100).toFixed(1)}%`)
    .join(' ')} war ${(s.warRate * 100).toFixed(1)}% loss ${loss.toFixed(3)} @ ${key(now)}`;
  history[key(now)] = { loss, line, state: now };
  writeFileSync(historyFile, JSON.stringify(history));
  console.log(line);
  if (loss === 0) console.log('DONE');
  else {
    // Candidate next states, most promising first; the first not yet tried is written.
    const seats = (Object.keys(rates) as SeatK[]).sort((a, b) => Math.abs(rates[b] - 0.25) - Math.abs(rates[a] - 0.25));
    const cands: Record<string, number>[] = [];
    if (s.warRate < 0.05 || s.warRate > 0.15)
      cands.push({ ...now, tension: now.tension + (s.warRate < 0.05 ? 1 : -1) });
    for (const seat of seats) {
      const [track, dir, lo, hi] = KNOB[seat];
      const v = now[track] + (rates[seat] > 0.25 ? -dir : dir);
      if (v >= lo && v <= hi) cands.push({ ...now, [track]: v });
    }
    const next = cands.find((c) => !history[key(c)]);
    if (next) for (const t of TRACKS) write(t, next[t]!);
    else console.log('DONE (no untried neighbour)');
  }
}

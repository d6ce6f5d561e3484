/**
 * `npm run bench:sim [-- --games N --client-games M --scenario ID --bots SPEC]`: full games per second
 * with bots in every seat (scripted by default), (a) through the seed sweep on all cores, (b) headless
 * in one thread, and (c) through a plain boardgame.io `Client` loop in one thread, the reference.
 * The same seeds are played in (b) and (c) and their final hashes must agree.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { positiveInt, scriptFlags } from '../src/cli/args';
import { BotSpecError, formatBotSpec, parseBotSpecs, type BotSpec } from '../src/content/bot-spec';
import { resolveBots } from '../src/sim/bots';
import { seedList } from '../src/random';
import { playThroughEngine } from '../src/sim/engine-replay';
import { playGame } from '../src/sim/headless';
import { engineGame, realRules } from '../src/sim/real-rules';
import { runSweep } from '../src/sim/sweep';
import type { Seat } from '../src/content/ids';

const USAGE = `usage: npm run bench:sim [-- --games N --client-games M --scenario ID --bots SPEC --seed TEXT]
  full games per second: the sweep on all cores, headless in one thread, and boardgame.io's Client loop`;
const values = scriptFlags(
  'bench:sim',
  USAGE,
  {
    games: { type: 'string', default: '2000' },
    'client-games': { type: 'string', default: '100' },
    scenario: { type: 'string', default: 'baseline-2023' },
    bots: { type: 'string' },
    seed: { type: 'string', default: 'bench-1' },
  },
  (v) => ({
    ...v,
    games: positiveInt('--games', v.games),
    'client-games': positiveInt('--client-games', v['client-games']),
  }),
);
const games = values.games;
const clientGames = values['client-games'];
const scenario = values.scenario;
const variant = 4 as const;

function chooseBots(): Record<Seat, BotSpec> {
  const wanted = parseBotSpecs(values.bots, { kind: 'scripted', level: 3 });
  try {
    resolveBots(wanted);
    return wanted;
  } catch (err) {
    if (!(err instanceof BotSpecError) || values.bots) throw err;
    process.stderr.write(`bench:sim: ${err.message}; measuring with random bots instead\n`);
    return parseBotSpecs(undefined, { kind: 'random' });
  }
}

const specs = chooseBots();
const label = Object.entries(specs)
  .map(([s, b]) => `${s}=${formatBotSpec(b)}`)
  .join(',');
const workers = availableParallelism();
const rate = (n: number, ms: number) => n / (ms / 1000);

// (a) the sweep, all cores
let t = performance.now();
const cpu0 = process.cpuUsage(); // counts every thread of this process, so it sees the workers too
const sweep = await runSweep({ scenario, variant, seed: values.seed, games, bots: specs, workers });
const sweepMs = performance.now() - t;
const cpu = process.cpuUsage(cpu0);
const cpuSec = (cpu.user + cpu.system) / 1e6;

// (b) headless and (c) plain boardgame.io Client, one thread, same seeds
const seeds = seedList(`${values.seed}-ref`, clientGames);
const { bots } = resolveBots(specs);
const setup = { scenario, variant };
t = performance.now();
const headlessHashes = seeds.map((seed) => playGame(realRules, { ...setup, seed, bots }).record.finalHash);
const headlessMs = performance.now() - t;
t = performance.now();
const clientHashes = seeds.map((seed) => playThroughEngine(engineGame(), realRules, setup, seed, bots).hash);
const clientMs = performance.now() - t;
const mismatch = seeds.findIndex((_, i) => headlessHashes[i] !== clientHashes[i]);
if (mismatch >= 0) throw new Error(`seed ${seeds[mismatch]}: headless and boardgame.io final hashes differ`);

const sweepRate = rate(games, sweepMs);
const headlessRate = rate(clientGames, headlessMs);
const clientRate = rate(clientGames, clientMs);
const lines = [
  `machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${workers} cores, Node ${process.version}`,
  `scenario ${scenario}, ${variant} seats, bots ${label}; mean game ${sweep.summary.meanActions.toFixed(1)} actions`,
  `sweep, ${workers} workers:         ${games} games in ${(sweepMs / 1000).toFixed(2)} s = ${sweepRate.toFixed(1)} games/s (10,000 games ≈ ${(10000 / sweepRate).toFixed(1)} s)`,
  `sweep CPU time: ${cpuSec.toFixed(1)} s = ${(games / cpuSec).toFixed(1)} games per CPU-second (on ${workers} idle cores ≈ ${((games / cpuSec) * workers).toFixed(0)} games/s, worker start-up included; load average now ${loadavg()[0]!.toFixed(1)})`,
  `headless, 1 thread:          ${clientGames} games in ${(headlessMs / 1000).toFixed(2)} s = ${headlessRate.toFixed(1)} games/s`,
  `boardgame.io Client, 1 thread: ${clientGames} games in ${(clientMs / 1000).toFixed(2)} s = ${clientRate.toFixed(1)} games/s (same hashes as headless)`,
  `ratio sweep / Client loop: ${(sweepRate / clientRate).toFixed(1)}x; headless / Client loop (1 thread each): ${(headlessRate / clientRate).toFixed(1)}x`,
];
process.stdout.write(`${lines.join('\n')}\n`);

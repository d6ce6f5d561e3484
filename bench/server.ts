/**
 * `npm run bench:server [-- --matches 200 --moves 40 --pace 250 --instances 1]`: N concurrent matches of real
 * socket.io clients on loopback against our server (hardened transport + SQLite) and against
 * boardgame.io's stock in-memory server, in the same run. Each match has two connected seats; seat 0
 * moves, seat 1 receives every update. Two loads:
 *  - saturation: every mover sends its next move as soon as its last one is acknowledged (moves/s);
 *  - paced: every mover sends one move each `pace` ms (round-trip p50/p99 at a realistic load).
 * With `--instances N` (N > 1) the comparison is instead the single-process server against N cluster
 * instances on PostgreSQL + Redis (bench/cluster.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchCluster } from './cluster';
import { closeMatches, numberFlags, openMatches, pacedMoves, pct, saturatedMoves, start } from './server-client';

const USAGE = `usage: npm run bench:server [-- --matches N --moves N --pace MS --instances N]
  --instances 1 (default): our server and boardgame.io's stock one under the same socket load
  --instances N > 1: our single-process server (SQLite) and N cluster instances (PostgreSQL + Redis,
    TEST_DATABASE_URL / TEST_REDIS_URL or the local defaults) under the same socket load, with the
    cross-instance delivery time
  defaults: 200 matches, 40 moves per match per load, one move per match every 250 ms when paced`;
const flags = numberFlags('bench:server', USAGE, { matches: 200, moves: 40, pace: 250, instances: 1 });
const { matches: MATCHES, moves: MOVES, pace: PACE } = flags;

async function run(kind: 'sqlite' | 'memory') {
  const dir = mkdtempSync(join(tmpdir(), 'eat-bench-'));
  const { child, url, cpu } = await start(kind, dir);
  try {
    const matches = await openMatches(url, MATCHES);
    // Saturation: closed loop, no think time.
    const cpu0 = await cpu();
    const t0 = performance.now();
    const sat = await saturatedMoves(matches, MOVES);
    const satSecs = (performance.now() - t0) / 1000;
    const serverCpuMs = (await cpu()) - cpu0;
    const paced = await pacedMoves(matches, MOVES, PACE);
    closeMatches(matches);
    return {
      kind,
      movesPerSec: Math.round(sat.length / satSecs),
      movesPerCpuSec: Math.round(sat.length / (serverCpuMs / 1000)),
      satP50: pct(sat, 50),
      satP99: pct(sat, 99),
      pacedRate: Math.round((MATCHES * 1000) / PACE),
      pacedP50: pct(paced, 50),
      pacedP99: pct(paced, 99),
    };
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Ours against boardgame.io's stock server: the table and the persisted / in-memory ratios. */
async function benchOneProcess(): Promise<void> {
  const results = [];
  for (const kind of ['memory', 'sqlite'] as const) results.push(await run(kind));
  const f = (x: number) => x.toFixed(2);
  console.log(
    `${MATCHES} matches x 2 seats, ${MOVES} moves per match per load, paced at 1 move / ${PACE} ms per match`,
  );
  console.log(
    '| server | saturation moves/s | moves per server CPU-second | saturation p50 / p99 ms | paced load moves/s | paced p50 / p99 ms |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    const name = r.kind === 'sqlite' ? 'ours (hardened, SQLite WAL)' : 'boardgame.io stock (in-memory)';
    console.log(
      `| ${name} | ${r.movesPerSec} | ${r.movesPerCpuSec} | ${f(r.satP50)} / ${f(r.satP99)} | ${r.pacedRate} | ${f(r.pacedP50)} / ${f(r.pacedP99)} |`,
    );
  }
  const [mem, sql] = results;
  console.log(
    `persisted / in-memory throughput: ${(sql!.movesPerSec / mem!.movesPerSec).toFixed(2)} (wall clock), ${(sql!.movesPerCpuSec / mem!.movesPerCpuSec).toFixed(2)} (per server CPU-second)`,
  );
}

if (flags.instances > 1) await benchCluster(flags);
else await benchOneProcess();

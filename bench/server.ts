/**
 * `npm run bench:server [-- --matches 200 --moves 40 --pace 250]`: N concurrent matches of real
 * socket.io clients on loopback against our server (hardened transport + SQLite) and against
 * boardgame.io's stock in-memory server, in the same run. Each match has two connected seats; seat 0
 * moves, seat 1 receives every update. Two loads:
 *  - saturation: every mover sends its next move as soon as its last one is acknowledged (moves/s);
 *  - paced: every mover sends one move each `pace` ms (round-trip p50/p99 at a realistic load).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeMatches, numberFlags, openMatches, pacedMoves, pct, saturatedMoves, start } from './server-client';

const USAGE = `usage: npm run bench:server [-- --matches N --moves N --pace MS]
  our server and boardgame.io's stock one under the same socket load (defaults: 200 matches, 40 moves, 250 ms)`;
const {
  matches: MATCHES,
  moves: MOVES,
  pace: PACE,
} = numberFlags('bench:server', USAGE, { matches: 200, moves: 40, pace: 250 });

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

const results = [];
for (const kind of ['memory', 'sqlite'] as const) results.push(await run(kind));
const f = (x: number) => x.toFixed(2);
console.log(`${MATCHES} matches x 2 seats, ${MOVES} moves per match per load, paced at 1 move / ${PACE} ms per match`);
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

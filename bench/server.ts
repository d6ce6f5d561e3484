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
import { move, pct, post, seat, start, GAME, type Seat } from './server-client';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const MATCHES = arg('matches', 200);
const MOVES = arg('moves', 40);
const PACE = arg('pace', 250);

async function run(kind: 'sqlite' | 'memory') {
  const dir = mkdtempSync(join(tmpdir(), 'eat-bench-'));
  const { child, url, cpu } = await start(kind, dir);
  try {
    const matches: { matchID: string; cred0: string; movers: Seat; watcher: Seat }[] = [];
    for (let i = 0; i < MATCHES; i++) {
      const { matchID } = await post(`${url}/games/${GAME}/create`, { numPlayers: 2, setupData: { target: 10000 } });
      const j0 = await post(`${url}/games/${GAME}/${matchID}/join`, { playerID: '0', playerName: 'a' });
      const j1 = await post(`${url}/games/${GAME}/${matchID}/join`, { playerID: '1', playerName: 'b' });
      const movers = await seat(url, matchID!, '0', j0.playerCredentials!);
      const watcher = await seat(url, matchID!, '1', j1.playerCredentials!);
      matches.push({ matchID: matchID!, cred0: j0.playerCredentials!, movers, watcher });
    }
    // Saturation: closed loop, no think time.
    const sat: number[] = [];
    const cpu0 = await cpu();
    const t0 = performance.now();
    await Promise.all(
      matches.map(async (m) => {
        for (let k = 0; k < MOVES; k++) sat.push(await move(m.movers, m.matchID, m.cred0));
      }),
    );
    const satSecs = (performance.now() - t0) / 1000;
    const serverCpuMs = (await cpu()) - cpu0;
    // Paced: one move per match every PACE ms, starts spread over the interval.
    const paced: number[] = [];
    await Promise.all(
      matches.map(async (m, i) => {
        await new Promise((ok) => setTimeout(ok, (i / MATCHES) * PACE));
        for (let k = 0; k < MOVES; k++) {
          const started = performance.now();
          paced.push(await move(m.movers, m.matchID, m.cred0));
          await new Promise((ok) => setTimeout(ok, Math.max(0, PACE - (performance.now() - started))));
        }
      }),
    );
    for (const m of matches) {
      m.movers.socket.close();
      m.watcher.socket.close();
    }
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

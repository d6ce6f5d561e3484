/**
 * `npm run bench:flood [-- --matches 20 --moves 40 --pace 100 --creates 2000]`: a lobby flood against
 * our server with its default limits (bench/server-target.ts `sqlite-limits`). N legitimate matches
 * (each created from its own address, two seated sockets) play paced moves twice: alone, then while
 * one address sends `creates` match creations (20 in flight at a time). Reports how many creations
 * were accepted and refused (429), the database's matches and size before and after, and the move
 * round trip p50/p99 in both phases with their ratio — all from this one run.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { move, pct, post, seat, start, GAME, type Seat } from './server-client';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const MATCHES = arg('matches', 20);
const MOVES = arg('moves', 40);
const PACE = arg('pace', 100);
const CREATES = arg('creates', 2000);
const FLOODER = '198.51.100.7';

const dir = mkdtempSync(join(tmpdir(), 'eat-flood-'));
const { child, url } = await start('sqlite-limits', dir);
const dbFile = join(dir, 'matches.sqlite');
const size = () =>
  ['', '-wal'].reduce((n, ext) => n + (statSync(dbFile + ext, { throwIfNoEntry: false })?.size ?? 0), 0);
const count = () => {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM matches').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

try {
  const matches: { matchID: string; cred0: string; mover: Seat; watcher: Seat }[] = [];
  for (let i = 0; i < MATCHES; i++) {
    const from = `203.0.113.${i + 1}`;
    const { matchID } = await post(
      `${url}/games/${GAME}/create`,
      { numPlayers: 2, setupData: { target: 10000 } },
      from,
    );
    const j0 = await post(`${url}/games/${GAME}/${matchID}/join`, { playerID: '0', playerName: 'a' }, from);
    const j1 = await post(`${url}/games/${GAME}/${matchID}/join`, { playerID: '1', playerName: 'b' }, from);
    const mover = await seat(url, matchID!, '0', j0.playerCredentials!, from);
    const watcher = await seat(url, matchID!, '1', j1.playerCredentials!, from);
    matches.push({ matchID: matchID!, cred0: j0.playerCredentials!, mover, watcher });
  }
  const paced = async (): Promise<number[]> => {
    const times: number[] = [];
    await Promise.all(
      matches.map(async (m, i) => {
        await new Promise((ok) => setTimeout(ok, (i / MATCHES) * PACE));
        for (let k = 0; k < MOVES; k++) {
          const t0 = performance.now();
          times.push(await move(m.mover, m.matchID, m.cred0));
          await new Promise((ok) => setTimeout(ok, Math.max(0, PACE - (performance.now() - t0))));
        }
      }),
    );
    return times;
  };

  const alone = await paced();
  const before = { matches: count(), bytes: size() };
  const statuses = new Map<number, number>();
  let sent = 0;
  const flood = async () => {
    while (sent < CREATES) {
      sent++;
      const r = await fetch(`${url}/games/${GAME}/create`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': FLOODER },
        body: JSON.stringify({ setupData: { target: 5 } }),
      });
      await r.arrayBuffer();
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    }
  };
  const t0 = performance.now();
  const [during] = await Promise.all([paced(), Promise.all(Array.from({ length: 20 }, flood))]);
  const floodSecs = (performance.now() - t0) / 1000;
  const after = { matches: count(), bytes: size() };
  for (const m of matches) {
    m.mover.socket.close();
    m.watcher.socket.close();
  }

  const f = (x: number) => x.toFixed(2);
  const kb = (b: number) => `${Math.round(b / 1024)} kB`;
  console.log(
    `${MATCHES} matches × ${MOVES} paced moves (1 per ${PACE} ms per match); flood: ${CREATES} creates from one address, 20 in flight, ${f(floodSecs)} s`,
  );
  console.log(
    `creates: ${[...statuses].map(([s, n]) => `${n} × ${s}`).join(', ')}; database: ${before.matches} → ${after.matches} matches, ${kb(before.bytes)} → ${kb(after.bytes)}`,
  );
  console.log('| phase | moves | p50 ms | p99 ms |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(`| alone | ${alone.length} | ${f(pct(alone, 50))} | ${f(pct(alone, 99))} |`);
  console.log(`| during the flood | ${during.length} | ${f(pct(during, 50))} | ${f(pct(during, 99))} |`);
  console.log(`p99 during / alone: ${(pct(during, 99) / pct(alone, 99)).toFixed(2)}`);
} finally {
  child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}

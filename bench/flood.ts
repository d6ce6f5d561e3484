/**
 * `npm run bench:flood [-- --matches 20 --moves 40 --pace 100 --creates 2000]`: a lobby flood against
 * our server with its default limits (bench/server-target.ts `sqlite-limits`). N legitimate matches
 * (each created from its own address, two seated sockets) play paced moves twice: alone, then while
 * one address sends `creates` match creations (20 in flight at a time, from a worker thread: the
 * flooder's own fetches must not delay the event loop that times the legitimate moves). Reports how
 * many creations were accepted and refused (429), the database's matches and size before and after,
 * and the move round trip p50/p99 in both phases with their ratio — all from this one run.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { closeMatches, numberFlags, openMatches, pacedMoves, pct, start, GAME } from './server-client';

const USAGE = `usage: npm run bench:flood [-- --matches N --moves N --pace MS --creates N]
  legitimate paced moves alone, then during a lobby flood from one address (defaults: 20, 40, 100 ms, 2000)`;
const {
  matches: MATCHES,
  moves: MOVES,
  pace: PACE,
  creates: CREATES,
} = numberFlags('bench:flood', USAGE, { matches: 20, moves: 40, pace: 100, creates: 2000 });
const FLOODER = '198.51.100.7';
// The flooder, plain JavaScript in its own thread: `inFlight` loops sharing `creates` requests; posts the count per status.
const FLOOD = `
const { workerData: w, parentPort } = require('node:worker_threads');
const statuses = {};
let sent = 0;
const loop = async () => {
  while (sent < w.creates) {
    sent++;
    const r = await fetch(w.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': w.from },
      body: JSON.stringify({ setupData: { target: 5 } }),
    });
    await r.arrayBuffer();
    statuses[r.status] = (statuses[r.status] || 0) + 1;
  }
};
Promise.all(Array.from({ length: w.inFlight }, loop)).then(() => parentPort.postMessage(statuses));
`;

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
  // Each legitimate match comes from its own address, so only the flooder meets the per-address quota.
  const matches = await openMatches(url, MATCHES, (i) => `203.0.113.${i + 1}`);
  const paced = () => pacedMoves(matches, MOVES, PACE);

  const alone = await paced();
  const before = { matches: count(), bytes: size() };
  const flood = (): Promise<Record<string, number>> =>
    new Promise((ok, fail) => {
      const workerData = { url: `${url}/games/${GAME}/create`, creates: CREATES, from: FLOODER, inFlight: 20 };
      const w = new Worker(FLOOD, { eval: true, workerData });
      w.once('message', (m: Record<string, number>) => void w.terminate().then(() => ok(m)));
      w.once('error', fail);
    });
  const t0 = performance.now();
  const [during, statuses] = await Promise.all([paced(), flood()]);
  const floodSecs = (performance.now() - t0) / 1000;
  const after = { matches: count(), bytes: size() };
  closeMatches(matches);

  const f = (x: number) => x.toFixed(2);
  const kb = (b: number) => `${Math.round(b / 1024)} kB`;
  console.log(
    `${MATCHES} matches × ${MOVES} paced moves (1 per ${PACE} ms per match); flood: ${CREATES} creates from one address, 20 in flight, ${f(floodSecs)} s`,
  );
  console.log(
    `creates: ${Object.entries(statuses)
      .map(([s, n]) => `${n} × ${s}`)
      .join(', ')}; database: ${before.matches} → ${after.matches} matches, ${kb(before.bytes)} → ${kb(after.bytes)}`,
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

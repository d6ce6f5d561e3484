/**
 * `npm run bench:flood [-- --method pinned|netns|shared --matches 20 --moves 40 --pace 100 --creates 2000]`:
 * a lobby flood against our server with its default limits (bench/server-target.ts `sqlite-limits`). N
 * legitimate matches (each created from its own address, two seated sockets) play paced moves twice:
 * alone, then while one address sends match creations, 20 in flight, at least `creates` of them and on
 * until the timed moves are done (so every move of the second phase meets the flood). Where the
 * flooder runs: bench/flood-sender.ts. Reports the method with the CPUs of each process and the load
 * average, how many creations were accepted and refused (429), the database's matches and size before
 * and after, the server's CPU time in each phase, and the move round trip p50/p99 in both phases with
 * their ratio — all from this one run — and apart, the moves that started after the flood's last
 * accepted create (they met refusals only).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { oneOf, positiveInt, scriptFlags } from '../src/cli/args';
import { affinity, METHODS, prepare, startFlood } from './flood-sender';
import { closeMatches, openMatches, pacedMoves, pct, start, GAME } from './server-client';

const USAGE = `usage: npm run bench:flood [-- --method ${METHODS.join('|')} --matches N --moves N --pace MS --creates N]
  legitimate paced moves alone, then during a lobby flood from one address
  (defaults: pinned, 20, 40, 100 ms, 2000; --method: see bench/flood-sender.ts)`;
const NUMBERS = { matches: 20, moves: 40, pace: 100, creates: 2000 };
const text = { type: 'string' as const };
const opts = scriptFlags(
  'bench:flood',
  USAGE,
  { method: text, matches: text, moves: text, pace: text, creates: text },
  (v: Record<string, string | undefined>) => ({
    method: v.method === undefined ? ('pinned' as const) : oneOf('--method', v.method, METHODS),
    ...(Object.fromEntries(
      Object.entries(NUMBERS).map(([k, d]) => [k, v[k] === undefined ? d : positiveInt(`--${k}`, v[k])]),
    ) as typeof NUMBERS),
  }),
);
const { method, matches: MATCHES, moves: MOVES, pace: PACE, creates: CREATES } = opts;
const FLOODER = '198.51.100.7';
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

const dir = mkdtempSync(join(tmpdir(), 'eat-flood-'));
const loadAtStart = load();
const where = prepare(method);
const target = await start('sqlite-limits', dir, where.serverPrefix).catch((err: unknown) => {
  where.cleanup();
  throw err;
});
const { child, url } = target;
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

  const cpu0 = await target.cpu();
  const alone = await paced();
  const cpu1 = await target.cpu();
  const before = { matches: count(), bytes: size() };
  const loadBefore = load();
  const port = Number(new URL(url).port);
  const flood = startFlood(method, where, {
    port,
    path: `/games/${GAME}/create`,
    creates: CREATES,
    from: FLOODER,
    inFlight: 20,
  });
  await flood.ready;
  const cpus = {
    server: affinity(child.pid!),
    bench: affinity(process.pid),
    flooder: flood.pid === undefined ? 'a thread of the bench' : affinity(flood.pid),
  };
  const cpu2 = await target.cpu();
  const t0 = performance.now();
  const starts: number[] = [];
  const during = await pacedMoves(matches, MOVES, PACE, starts);
  const movesSecs = (performance.now() - t0) / 1000;
  const cpu3 = await target.cpu();
  const { statuses, sent, ms, lastAccepted } = await flood.stop();
  // The flood's accepted creates (its quota) cost far more than its refusals: the moves after them alone.
  const afterCreates = lastAccepted === undefined ? [] : during.filter((_, i) => starts[i]! > lastAccepted);
  const after = { matches: count(), bytes: size() };
  closeMatches(matches);

  const f = (x: number) => x.toFixed(2);
  const kb = (b: number) => `${Math.round(b / 1024)} kB`;
  console.log(
    `method ${method}: CPUs (taskset) server ${cpus.server}, bench clients ${cpus.bench}, flooder ${cpus.flooder}` +
      (method === 'shared' ? '' : ' (nice 19)') +
      (where.netns ? `, flooder in network namespace ${where.netns} → ${where.host}` : ', over loopback'),
  );
  console.log(
    `load average (1/5/15 min): at start ${loadAtStart}; before the flood ${loadBefore}; at the end ${load()}`,
  );
  console.log(
    `${MATCHES} matches × ${MOVES} paced moves (1 per ${PACE} ms per match); flood: ${sent} creates from one address (at least ${CREATES}, until the timed moves ended), 20 in flight, ${f(ms / 1000)} s (${Math.round(sent / (ms / 1000))}/s); the timed moves ${f(movesSecs)} s`,
  );
  console.log(
    `creates: ${Object.entries(statuses)
      .map(([s, n]) => `${n} × ${s}`)
      .join(', ')}; database: ${before.matches} → ${after.matches} matches, ${kb(before.bytes)} → ${kb(after.bytes)}`,
  );
  console.log('| phase | moves | p50 ms | p99 ms | server CPU ms |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  console.log(`| alone | ${alone.length} | ${f(pct(alone, 50))} | ${f(pct(alone, 99))} | ${Math.round(cpu1 - cpu0)} |`);
  console.log(
    `| during the flood | ${during.length} | ${f(pct(during, 50))} | ${f(pct(during, 99))} | ${Math.round(cpu3 - cpu2)} |`,
  );
  console.log(`p99 during / alone: ${(pct(during, 99) / pct(alone, 99)).toFixed(2)}`);
  if (afterCreates.length > 0)
    console.log(
      `(the ${afterCreates.length} moves started after the flood's last accepted create, ${Math.round(lastAccepted! - (performance.timeOrigin + t0))} ms into the timed moves, met refusals only: p50 ${f(pct(afterCreates, 50))}, p99 ${f(pct(afterCreates, 99))} ms, ${(pct(afterCreates, 99) / pct(alone, 99)).toFixed(2)} × alone)`,
    );
} finally {
  child.kill('SIGTERM');
  where.cleanup();
  rmSync(dir, { recursive: true, force: true });
}

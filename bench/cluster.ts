/**
 * `npm run bench:server -- --instances 3` (bench/server.ts hands over here when N > 1): one socket load
 * against the single-process server (SQLite) and against a cluster of instances (PostgreSQL +
 * Redis, src/server/cluster/), in one run. In the cluster, match i is created and moved on instance
 * i mod N; its watcher (the other seat) is on the same instance for even i and on the next one for
 * odd i, so the cross-instance fan-out's added latency is measured beside the same-instance one under
 * the same load. Figures: saturation moves/s, moves per server CPU-second (all instances summed),
 * paced round-trip p50/p99, and delivery (move sent → the other seat has it) p50.
 * Needs PostgreSQL and Redis (TEST_DATABASE_URL / TEST_REDIS_URL or the local defaults).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Redis } from 'ioredis';
import { serviceUrl } from '../tests/services/probe';
import {
  closeMatches,
  GAME,
  move,
  pct,
  post,
  saturatedMoves,
  seat,
  start,
  type BenchMatch,
  type Target,
} from './server-client';

export interface ClusterFlags {
  matches: number;
  moves: number;
  pace: number;
  instances: number;
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** Opens matches, match i on urls[i mod N]; its watcher on watcherUrl(i). */
async function open(
  flags: ClusterFlags,
  urls: string[],
  watcherUrl: (i: number) => string,
): Promise<(BenchMatch & { cross: boolean })[]> {
  const out: (BenchMatch & { cross: boolean })[] = [];
  for (let i = 0; i < flags.matches; i++) {
    const url = urls[i % urls.length]!;
    const { matchID } = await post(`${url}/games/${GAME}/create`, { numPlayers: 2, setupData: { target: 10000 } });
    const j0 = await post(`${url}/games/${GAME}/${matchID}/join`, { playerID: '0', playerName: 'a' });
    const j1 = await post(`${url}/games/${GAME}/${matchID}/join`, { playerID: '1', playerName: 'b' });
    const mover = await seat(url, matchID!, '0', j0.playerCredentials!);
    const watcher = await seat(watcherUrl(i), matchID!, '1', j1.playerCredentials!);
    out.push({ matchID: matchID!, cred0: j0.playerCredentials!, mover, watcher, cross: watcherUrl(i) !== url });
  }
  return out;
}

/** Paced moves; per move the round trip and the delivery to the watcher (ms), split by cross-instance or not. */
async function paced(flags: ClusterFlags, matches: (BenchMatch & { cross: boolean })[]) {
  const rt: number[] = [];
  const same: number[] = [];
  const cross: number[] = [];
  await Promise.all(
    matches.map(async (m, i) => {
      const arrived = new Map<number, number>();
      m.watcher.socket.on('update', (_id: string, s: { _stateID: number }) =>
        arrived.set(s._stateID, performance.now()),
      );
      await sleep((i / matches.length) * flags.pace);
      for (let k = 0; k < flags.moves; k++) {
        const t0 = performance.now();
        rt.push(await move(m.mover, m.matchID, m.cred0));
        const sid = m.mover.stateID;
        for (let w = 0; !arrived.has(sid) && w < 2000; w++) await sleep(1);
        if (arrived.has(sid)) (m.cross ? cross : same).push(arrived.get(sid)! - t0);
        await sleep(Math.max(0, flags.pace - (performance.now() - t0)));
      }
    }),
  );
  return { rt, same, cross };
}

async function measure(flags: ClusterFlags, name: string, targets: Target[], watcherShift: (i: number) => number) {
  const urls = targets.map((t) => t.url);
  const matches = await open(flags, urls, (i) => urls[(i + watcherShift(i)) % urls.length]!);
  const cpu = async () => (await Promise.all(targets.map((t) => t.cpu()))).reduce((a, b) => a + b, 0);
  const cpu0 = await cpu();
  const t0 = performance.now();
  const sat = await saturatedMoves(matches, flags.moves);
  const secs = (performance.now() - t0) / 1000;
  const cpuMs = (await cpu()) - cpu0;
  const p = await paced(flags, matches);
  closeMatches(matches);
  return { name, sat, secs, cpuMs, ...p };
}

/** Runs both loads and prints the table and the ratios. */
export async function benchCluster(flags: ClusterFlags): Promise<void> {
  const load0 = loadavg()[0];
  const dir = mkdtempSync(join(tmpdir(), 'eat-bench-cluster-'));
  const run = `eat_bench_${process.pid}_${Date.now()}`;
  const adminUrl = serviceUrl('postgres');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${run}`);
  const targets: Target[] = [];
  const results = [];
  try {
    const single = await start('sqlite', join(dir, 'single'));
    targets.push(single);
    results.push(await measure(flags, 'one process, SQLite', [single], () => 0));
    single.child.kill('SIGTERM');
    Object.assign(process.env, {
      DATABASE_URL: adminUrl.replace(/\/[^/]*$/, `/${run}`),
      REDIS_URL: serviceUrl('redis'),
      REDIS_PREFIX: `${run}:`,
    });
    const cluster: Target[] = [await start('cluster', join(dir, 'c0'))];
    for (let i = 1; i < flags.instances; i++) cluster.push(await start('cluster', join(dir, `c${i}`)));
    targets.push(...cluster);
    results.push(await measure(flags, `${flags.instances} instances, PostgreSQL + Redis`, cluster, (i) => i % 2));
  } finally {
    for (const t of targets) t.child.kill('SIGTERM');
    await sleep(500);
    await admin.query(`DROP DATABASE IF EXISTS ${run} WITH (FORCE)`);
    await admin.end();
    const redis = new Redis(serviceUrl('redis'));
    const keys = await redis.keys(`${run}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
  const f = (x: number | undefined) => (x === undefined ? '—' : x.toFixed(2));
  console.log(
    `${flags.matches} matches x 2 seats, ${flags.moves} moves per match per load, paced 1 move / ${flags.pace} ms per match`,
  );
  console.log(
    '| server | saturation moves/s | moves per server CPU-second | paced p50 / p99 ms | delivery p50, same instance | delivery p50, across instances |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results)
    console.log(
      `| ${r.name} | ${Math.round(r.sat.length / r.secs)} | ${Math.round(r.sat.length / (r.cpuMs / 1000))} | ${f(pct(r.rt, 50))} / ${f(pct(r.rt, 99))} | ${f(r.same.length ? pct(r.same, 50) : undefined)} | ${f(r.cross.length ? pct(r.cross, 50) : undefined)} |`,
    );
  const c = results[1]!;
  const one = results[0]!;
  console.log(
    `cross-instance delivery adds ${f(pct(c.cross, 50) - pct(c.same, 50))} ms at p50 (same cluster, same load)`,
  );
  console.log(
    `cluster / one process: ${f(c.sat.length / c.secs / (one.sat.length / one.secs))} in moves/s, ${f(c.sat.length / c.cpuMs / (one.sat.length / one.cpuMs))} in moves per server CPU-second`,
  );
  console.log(`load average (1 min) at the start ${f(load0)}, at the end ${f(loadavg()[0])}`);
}

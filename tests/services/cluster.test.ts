/**
 * The cluster as deployed (docs/DEPLOY.md): three server processes started by the project's own
 * entry (src/server/main.ts) on one PostgreSQL database and one Redis, behind nginx run from the
 * repository's deploy/nginx.conf.template on loopback ports. Clients on different instances play a
 * whole match and see every move, a spectator and chat cross instances; then, under load, the instance
 * holding the clocks' and bots' leases is killed with SIGKILL: no acknowledged move is lost, its
 * clients reconnect through nginx to the others, and clocks and bots go on, each move made once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage, type MatchStore } from '../../src/server/storage';
import { memoryLogger } from '../../src/server/log';
import { AutoSeat, GAME } from '../server/auto-seat';
import { newMatch, sleep } from '../server/helpers';
import { children, freePort, spawnMain } from '../server/main-process';
import { serviceUrl } from './probe';

const NGINX = process.env.NGINX_BIN || '/usr/sbin/nginx';
const RUN = `eat_cluster_${process.pid}_${Date.now()}`;
const REDIS_PREFIX = `${RUN}:`;
const adminUrl = serviceUrl('postgres');
const dbUrl = adminUrl.replace(/\/[^/]*$/, `/${RUN}`);
const dir = mkdtempSync(join(tmpdir(), 'eat-cluster-'));

interface Instance {
  child: ChildProcess;
  port: number;
  url: string;
  logs: string[];
}
const instances: Instance[] = [];
let lb = '';
let nginx: ChildProcess | undefined;
let storage: MatchStore;

async function startInstance(): Promise<Instance> {
  const port = await freePort();
  const logs: string[] = [];
  const child = await spawnMain(
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: dbUrl,
      REDIS_URL: serviceUrl('redis'),
      REDIS_PREFIX,
      TRUST_PROXY: '1',
      DATA_DIR: join(dir, `unused-${port}`),
      // The test's clients all come from one address; the limits are for people, not for this.
      CREATE_LIMIT: '10000',
      JOIN_LIMIT: '10000',
      API_LIMIT: '100000',
      MAX_OPEN_PER_CREATOR: '10000',
      MAX_SOCKETS_PER_ADDRESS: '10000',
    },
    logs,
  );
  const inst = { child, port, url: `http://127.0.0.1:${port}`, logs };
  instances.push(inst);
  return inst;
}

/** nginx from the repository's template, as DEPLOY.md renders it (envsubst of the three EAT_ values). */
async function startNginx(): Promise<string> {
  const runtime = join(dir, 'nginx');
  mkdirSync(runtime, { recursive: true });
  const port = await freePort();
  const values: Record<string, string> = {
    EAT_LISTEN: `127.0.0.1:${port}`,
    EAT_RUNTIME: runtime,
    EAT_UPSTREAMS: instances.map((i) => `server 127.0.0.1:${i.port} max_fails=1 fail_timeout=30s;`).join(' '),
  };
  const conf = readFileSync('deploy/nginx.conf.template', 'utf8').replace(
    /\$\{(EAT_[A-Z]+)\}/g,
    (_m, k: string) => values[k]!,
  );
  writeFileSync(join(runtime, 'nginx.conf'), conf);
  nginx = spawn(NGINX, ['-p', runtime, '-c', join(runtime, 'nginx.conf'), '-g', 'daemon off; user root;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let t0 = Date.now(); ;) {
    if ((await fetch(`${url}/readyz`).catch(() => null))?.status === 200) return url;
    if (Date.now() - t0 > 15_000 || nginx.exitCode !== null)
      throw new Error(`nginx did not start: ${readFileSync(join(runtime, 'error.log'), 'utf8').slice(-2000)}`);
    await sleep(100);
  }
}

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${RUN}`);
  await admin.end();
  // The first instance applies the schema; the others start on it.
  await startInstance();
  await Promise.all([startInstance(), startInstance()]);
  lb = await startNginx();
  storage = openStorage({ databaseUrl: dbUrl, logger: memoryLogger() });
}, 120_000);

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  // SIGTERM, not SIGKILL: nginx's master stops its workers only when it is asked, not when it is killed.
  if (nginx?.exitCode === null) {
    const gone = new Promise((ok) => nginx!.once('exit', ok));
    nginx.kill('SIGTERM');
    await gone;
  }
  await storage?.close();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${RUN} WITH (FORCE)`);
  await admin.end();
  const redis = new Redis(serviceUrl('redis'));
  const keys = await redis.keys(`${REDIS_PREFIX}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

async function until(pred: () => boolean, ms: number, what: string, why?: () => string): Promise<void> {
  for (const t0 = Date.now(); !pred();) {
    if (Date.now() - t0 > ms) throw new Error(`${what}: not within ${ms} ms${why ? `\n${why()}` : ''}`);
    await sleep(50);
  }
}

/** The stored match: state and the number of moves in its log. */
async function stored(matchID: string): Promise<{ stateID: number; moves: number; over: boolean }> {
  const { state, log } = await storage.fetch(matchID, { state: true, log: true });
  return {
    stateID: state!._stateID,
    moves: log!.filter((e) => e.action.type === 'MAKE_MOVE').length,
    over: state!.ctx.gameover !== undefined,
  };
}

const setup = { scenario: 'baseline-2023', variant: 2 };

describe('three instances on PostgreSQL and Redis behind nginx', () => {
  it('seats and a spectator on three different instances play a whole match, see every move, and chat', async () => {
    const [a, b, c] = instances as [Instance, Instance, Instance];
    const { matchID, creds } = await newMatch(lb, GAME, { setupData: setup }, ['0', '1']);
    const p0 = new AutoSeat(a.url, matchID, '0', creds['0']);
    const p1 = new AutoSeat(b.url, matchID, '1', creds['1']);
    const watcher = new AutoSeat(c.url, matchID, null);
    await until(
      () => p0.over && p1.over && watcher.over,
      150_000,
      'the match ends',
      () => [p0, p1, watcher].map((s) => s.describe()).join('\n'),
    );
    const end = await stored(matchID);
    expect(end.over).toBe(true);
    expect(end.moves).toBe(end.stateID);
    for (const s of [p0, p1, watcher]) {
      const ids = [...new Set(s.seen)];
      const why = `${s.describe()}; drops: ${s.drops.join(', ') || 'none'}; states: ${ids.join(' ')}`;
      expect(ids, why).toEqual([...ids].sort((x, y) => x - y));
      expect(ids.at(-1), why).toBe(end.stateID);
      // Every state from the first one it synced to the end, none missing, while its socket stayed up; a
      // socket that dropped (a loaded CI machine) re-syncs to the current state, not to the ones it missed.
      if (s.drops.length === 0) expect(ids.length, why).toBe(end.stateID - ids[0]! + 1);
    }
    p0.say('from instance A');
    await until(() => p1.chat.includes('from instance A'), 5000, 'chat crosses instances');
    for (const s of [p0, p1, watcher]) s.close();
  }, 180_000);

  it('kill -9 of the instance holding the leases, under load: no acknowledged move lost, clients reconnect, clocks and bots go on once', async () => {
    // Eight matches through nginx: seat 0 a person (this test), seat 1 a server bot; in half of them
    // the person never moves, so the clock (10 s turns, then a bot stands in) keeps the match going.
    const matches = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const clocked = i % 2 === 1;
        const { matchID, creds } = await newMatch(
          lb,
          GAME,
          {
            setupData: setup,
            bots: { '1': '1' },
            ...(clocked ? { clock: { mode: 'turn', seconds: 10, onTimeout: 'bot' } } : {}),
          },
          ['0'],
        );
        return { matchID, clocked, seat: new AutoSeat(lb, matchID, '0', creds['0'], { plays: !clocked }) };
      }),
    );
    const progress = () => Promise.all(matches.map((m) => stored(m.matchID)));
    await until(() => matches.every((m) => (m.seat.state?._stateID ?? 0) >= 4), 60_000, 'every match under way');
    // The victim: the instance holding the most leases (its pid opens each lease's value).
    const redis = new Redis(serviceUrl('redis'));
    const leaseKeys = await redis.keys(`${REDIS_PREFIX}lease:*`);
    const holders = leaseKeys.length > 0 ? await redis.mget(...leaseKeys) : [];
    redis.disconnect();
    const count = (i: Instance) => holders.filter((h) => h?.startsWith(`${i.child.pid}-`)).length;
    const victim = [...instances].sort((x, y) => count(y) - count(x))[0]!;
    expect(count(victim)).toBeGreaterThan(0);
    const before = await progress();
    const dropsBefore = matches.map((m) => m.seat.drops.length);
    victim.child.kill('SIGKILL');
    const killedAt = Date.now();
    // Its clients drop and come back through nginx; every match moves on by bots, clocks and people.
    const dropped = () => matches.filter((m, i) => m.seat.drops.length > dropsBefore[i]!);
    await until(() => dropped().length > 0, 20_000, "the victim's clients notice");
    await until(() => matches.every((m) => m.seat.socket.connected), 20_000, 'clients reconnect through nginx');
    const moved = new Map<string, number>();
    for (let t0 = Date.now(); Date.now() - t0 < 60_000;) {
      const now = await progress();
      now.forEach((s, i) => moved.set(matches[i]!.matchID, s.stateID));
      if (now.every((s, i) => s.over || s.stateID >= before[i]!.stateID + 3)) break;
      await sleep(500);
    }
    // A clock runs out on a survivor after the kill (its match's lease moved there, or was there).
    const survivors = instances.filter((i) => i !== victim);
    const lateTimeouts = () =>
      survivors
        .flatMap((i) => i.logs)
        .filter((l) => l.includes('"clock-timeout"') && Date.parse((JSON.parse(l) as { t: string }).t) > killedAt);
    await until(() => lateTimeouts().length > 0, 40_000, 'a clock runs out after the kill');
    const after = await progress();
    // The reconnected clients see the matches as stored.
    await until(
      () => matches.every((m, i) => (m.seat.state?._stateID ?? -1) >= after[i]!.stateID),
      10_000,
      'reconnected clients are up to date',
    );
    after.forEach((s, i) => {
      const m = matches[i]!;
      expect(
        s.over || s.stateID >= before[i]!.stateID + 3,
        `match ${i} (clock: ${m.clocked}) moved on from ${before[i]!.stateID} to ${s.stateID}; ${m.seat.describe()}\n${instances
          .map(
            (inst) =>
              `${inst === victim ? 'victim' : 'survivor'} ${inst.child.pid}:\n${inst.logs
                .filter((l) => l.includes(m.matchID))
                .slice(-12)
                .join('\n')}`,
          )
          .join('\n')}`,
      ).toBe(true);
      expect(s.moves).toBe(s.stateID);
      expect(s.stateID).toBeGreaterThanOrEqual(m.seat.acked);
    });
    expect(Date.now() - killedAt).toBeLessThan(90_000);
    // Exactly once: no two bot moves on the same state, and no clock run out twice (a seat given back after a
    // time-out runs a new clock, with its own deadline), on any instance, the dead one included.
    const acts = instances
      .flatMap((i) => i.logs)
      .map((l) => {
        try {
          return JSON.parse(l) as { event?: string; matchID?: string; stateID?: number; deadline?: number };
        } catch {
          return {};
        }
      })
      .filter((l) => l.event === 'bot-move' || l.event === 'clock-timeout')
      .map((l) => `${l.event}/${l.matchID}/${l.stateID}/${l.deadline ?? ''}`);
    expect(acts.length).toBeGreaterThan(0);
    expect(new Set(acts).size).toBe(acts.length);
    for (const m of matches) m.seat.close();
  }, 240_000);
});

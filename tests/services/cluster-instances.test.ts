/**
 * Several server instances in one test process, each with its own Redis connections (src/server/cluster/)
 * and one shared storage, against a real Redis: moves, chat and clock ticks reach connections on every
 * instance with each recipient's own view; rate limits are shared; each match's clock and bots run on
 * exactly one instance, and when that instance dies another takes over within the lease time without
 * a bot move or a time-out applied twice. (tests/services/cluster.test.ts runs separate processes
 * behind nginx.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { State } from 'boardgame.io';
import type { BotPlayer } from '../../src/server/bots';
import type { ClockSpec } from '../../src/server/clock';
import type { SqliteStorage } from '../../src/server/storage';
import { api, newMatch, RawClient, stateOf } from '../server/helpers';
import { forget, instance, LEASE_MS, PREFIX, running, storage, until, type Instance } from './cluster-harness';

const G = (s: { G: unknown }) => s.G as { counter: number; secrets: Record<string, number> };
const parityBot: BotPlayer = (view, playerID) =>
  G(view).counter % 2 === Number(playerID) ? { move: 'add', args: [1], why: 'parity' } : null;
const parityClock: ClockSpec = {
  actor: (s: State) => String(G(s).counter % 2),
  timeoutMove: () => ({ move: 'add', args: [1] }),
};

const stateIDs = (c: RawClient) =>
  c.received.filter((m) => m.event === 'update' || m.event === 'sync').map((m) => stateOf(m)._stateID);

describe('fan-out across instances', () => {
  it('every seat and spectator, on any instance, sees every move in its own view, and chat crosses', async () => {
    const [a, b, c] = [await instance(), await instance(), await instance()];
    const { matchID, creds } = await newMatch(a.url, 'secret-test', { setupData: { target: 30 } }, ['0', '1']);
    const p0 = new RawClient(a.url, 'secret-test');
    const p1 = new RawClient(b.url, 'secret-test');
    const watcher = new RawClient(c.url, 'secret-test');
    await Promise.all([p0.connected(), p1.connected(), watcher.connected()]);
    let sid = stateOf(await p0.sync(matchID, '0', creds['0']))._stateID;
    await p1.sync(matchID, '1', creds['1']);
    await watcher.sync(matchID, null);
    // The seats take turns from their own instances; each waits to see the other's move arrive.
    for (let i = 0; i < 10; i++) {
      const [mover, other, p] = i % 2 === 0 ? [p0, p1, '0'] : [p1, p0, '1'];
      sid = stateOf(await mover.move(matchID, p, creds[p]!, sid, 'add', [1]))._stateID;
      await other.next((m) => m.event === 'update' && stateOf(m)._stateID === sid, 3000, 0);
    }
    await watcher.next((m) => m.event === 'update' && stateOf(m)._stateID === sid, 3000, 0);
    for (const [client, own] of [
      [p0, ['0']],
      [p1, ['1']],
      [watcher, []],
    ] as const) {
      // Every state, in order, exactly once; and only the recipient's own secret in every message.
      const ids = stateIDs(client);
      expect(ids).toEqual([...new Set(ids)].sort((x, y) => x - y));
      expect(ids.at(-1)).toBe(sid);
      for (const m of client.received.filter((r) => r.event === 'update' || r.event === 'sync'))
        expect(Object.keys(G(stateOf(m)).secrets)).toEqual(own);
    }
    p1.emit('chat', matchID, { id: 'c1', sender: '1', payload: 'hello from B' }, creds['1']);
    const heard = await p0.next((m) => m.event === 'chat', 3000, 0);
    expect(JSON.stringify(heard.args)).toContain('hello from B');
    for (const cl of [p0, p1, watcher]) cl.close();
  });

  it('a seat whose sync was being read when another instance committed a move still gets that move', async () => {
    // B's reads of a whole match (a sync) wait on a gate after reading: the move lands on A meanwhile.
    const gate: { wait?: Promise<void>; open?: () => void } = {};
    const slow = Object.create(storage) as SqliteStorage;
    slow.fetch = (async (id: string, opts: { log?: boolean }) => {
      const read = await storage.fetch(id, opts as never);
      if (opts.log && gate.wait) await gate.wait;
      return read;
    }) as never;
    const [a, b] = [await instance(), await instance({ storage: slow })];
    const { matchID, creds } = await newMatch(a.url, 'secret-test', { setupData: { target: 30 } }, ['0', '1']);
    const p0 = new RawClient(a.url, 'secret-test');
    const p1 = new RawClient(b.url, 'secret-test');
    const watcher = new RawClient(b.url, 'secret-test');
    await Promise.all([p0.connected(), p1.connected(), watcher.connected()]);
    const sid = stateOf(await p0.sync(matchID, '0', creds['0']))._stateID;
    await watcher.sync(matchID, null);
    gate.wait = new Promise<void>((resolve) => (gate.open = resolve));
    const synced = p1.sync(matchID, '1', creds['1']);
    const moved = stateOf(await p0.move(matchID, '0', creds['0']!, sid, 'add', [1]))._stateID;
    // B has relayed the move to its connections (the watcher) while p1's sync was still being read.
    await watcher.next((m) => m.event === 'update' && stateOf(m)._stateID === moved, 3000, 0);
    gate.open!();
    expect(stateOf(await synced)._stateID).toBe(sid);
    const caughtUp = await p1.next(
      (m) => (m.event === 'sync' || m.event === 'update') && stateOf(m)._stateID === moved,
      3000,
      0,
    );
    expect(caughtUp.event).toBe('sync');
    for (const cl of [p0, p1, watcher]) cl.close();
  });

  it('a seat released on one instance stops its view on every instance', async () => {
    const [a, b] = [await instance(), await instance()];
    const { matchID, creds } = await newMatch(a.url, 'secret-test', { setupData: { target: 30 } }, ['0', '1']);
    const p1 = new RawClient(b.url, 'secret-test');
    await p1.connected();
    await p1.sync(matchID, '1', creds['1']);
    const left = await api(a.url, `/games/secret-test/${matchID}/leave`, { playerID: '1', credentials: creds['1'] });
    expect(left.status).toBe(200);
    const refused = await p1.next((m) => m.event === 'refused', 3000, 0);
    expect(JSON.stringify(refused.args)).toContain('seat-released');
    p1.close();
  });

  it('lobby rate limits are counted across instances', async () => {
    const tight = { lobbyLimits: { create: { points: 3, seconds: 60 } } };
    const prefix = `${PREFIX}limits-${Date.now()}:`;
    const [a, b] = [await instance(tight, prefix), await instance(tight, prefix)];
    const create = (url: string) => api(url, '/games/secret-test/create', { setupData: { target: 5 } });
    expect((await create(a.url)).status).toBe(200);
    expect((await create(b.url)).status).toBe(200);
    expect((await create(a.url)).status).toBe(200);
    const fourth = await create(b.url);
    expect(fourth.status).toBe(429);
  });
});

describe('one owner per match', () => {
  const loggedTimeouts = () =>
    running.flatMap((i) => i.logs.lines).filter((l) => l.message === 'clock ran out').length +
    dead.flatMap((i) => i.logs.lines).filter((l) => l.message === 'clock ran out').length;
  let dead: Instance[] = [];
  afterEach(() => {
    dead = [];
  });

  it('bots and clocks run on one instance; when it dies another takes over and nothing is applied twice', async () => {
    const opts = { bot: parityBot, clock: parityClock, clockSecondMs: 4 };
    const [a, b, c] = [await instance(opts), await instance(opts), await instance(opts)];
    // Seat 1 is a bot; seat 0's person never moves, so each of its turns ends by the clock (a pass).
    const { matchID } = await newMatch(
      a.url,
      'secret-test',
      { setupData: { target: 400 }, bots: { '1': 'easy' }, clock: { mode: 'turn', seconds: 10, onTimeout: 'pass' } },
      ['0'],
    );
    const counter = async () => G((await storage.fetch(matchID, { state: true })).state!).counter;
    await until(async () => (await counter()) >= 20);
    const owners = running.filter((i) => i.cluster.owners.owns(matchID));
    expect(owners).toHaveLength(1);
    const owner = owners[0]!;
    const others = [a, b, c].filter((i) => i !== owner);
    expect(others.every((i) => i.server.bots!.moves === 0)).toBe(true);
    const tokenBefore = owner.cluster.owners.token(matchID)!;
    dead.push(owner);
    await owner.die();
    const atDeath = await counter();
    const diedAt = Date.now();
    await until(async () => (await counter()) >= atDeath + 10, 8000);
    const heir = running.find((i) => i.cluster.owners.owns(matchID));
    expect(heir).toBeDefined();
    expect(heir!.cluster.owners.token(matchID)).toBeGreaterThan(tokenBefore);
    expect(Date.now() - diedAt).toBeLessThan(5000);
    // Stop the survivors, then account for every move: each state has exactly one move in the log, and
    // every bot move and time-out was made by exactly one instance.
    for (const i of [...running]) await i.server.close();
    const { state, log } = await storage.fetch(matchID, { state: true, log: true });
    const moves = log!.filter((e) => e.action.type === 'MAKE_MOVE');
    expect(moves).toHaveLength(state!._stateID);
    const byBot = moves.filter((e) => e.action.payload.playerID === '1').length;
    const byClock = moves.filter((e) => e.action.payload.playerID === '0').length;
    const botMoves = [owner, ...others].reduce((n, i) => n + i.server.bots!.moves, 0);
    expect(botMoves).toBe(byBot);
    expect(loggedTimeouts()).toBe(byClock);
    expect(G(state!).counter).toBe(state!._stateID);
    for (const i of [...running]) await i.link.close();
    running.length = 0;
  });

  it('the owner hands its leases over on a graceful close at once', async () => {
    const opts = { bot: parityBot, clock: parityClock, clockSecondMs: 4 };
    const [a, b] = [await instance(opts), await instance(opts)];
    const { matchID } = await newMatch(
      a.url,
      'secret-test',
      { setupData: { target: 400 }, bots: { '1': 'easy' }, clock: { mode: 'turn', seconds: 10, onTimeout: 'pass' } },
      ['0'],
    );
    await until(() => running.some((i) => i.cluster.owners.owns(matchID)));
    const owner = running.find((i) => i.cluster.owners.owns(matchID))!;
    const heir = owner === a ? b : a;
    await owner.server.close();
    await owner.link.close();
    forget(owner);
    const t0 = Date.now();
    await until(() => heir.cluster.owners.owns(matchID), 3000);
    // Given back, not left to run out: the heir claims it on its next scan, well before the lease would expire.
    expect(Date.now() - t0).toBeLessThan(LEASE_MS);
  });
});

describe('health', () => {
  it('/healthz and /readyz answer; /readyz says which dependency is down', async () => {
    const a = await instance();
    expect((await api(a.url, '/healthz')).json).toEqual({ status: 'up' });
    expect(await api(a.url, '/readyz')).toEqual({ status: 200, json: { status: 'ready' } });
    a.link.redis.disconnect();
    const r = await api<{ status: string; problems: Record<string, string> }>(a.url, '/readyz');
    expect(r.status).toBe(503);
    expect(Object.keys(r.json.problems)).toEqual(['redis']);
  });
});

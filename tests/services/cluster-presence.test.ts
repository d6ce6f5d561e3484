/**
 * Presence across instances (src/server/cluster/presence.ts) against a real Redis: the per-address
 * socket cap, the spectator cap and a seat's stored "connected" flag count every instance's sockets;
 * a killed instance's seats are marked disconnected by a survivor; and a creator's clock extension
 * that reaches another instance while the owner's time-out is under way wins over it.
 */
import { describe, expect, it } from 'vitest';
import type { State } from 'boardgame.io';
import type { ClockSpec } from '../../src/server/clock';
import type { MatchStore } from '../../src/server/storage';
import { api, newMatch, RawClient, sleep } from '../server/helpers';
import { instance, PREFIX, storage, until } from './cluster-harness';

const GAME = 'secret-test';
const connected = async (matchID: string) =>
  Object.fromEntries(
    Object.entries((await storage.fetch(matchID, { metadata: true })).metadata!.players).map(([id, p]) => [
      id,
      p.isConnected ?? false,
    ]),
  );

describe('presence across instances', () => {
  it('the per-address socket cap counts the sockets on every instance', async () => {
    const limits = { connectionLimits: { maxSocketsPerAddress: 2 } };
    const prefix = `${PREFIX}address:`;
    const [a, b] = [await instance(limits, prefix), await instance(limits, prefix)];
    const { matchID } = await newMatch(a.url, GAME, { setupData: { target: 5 } }, []);
    const c1 = new RawClient(a.url, GAME);
    const c2 = new RawClient(b.url, GAME);
    await Promise.all([c1.connected(), c2.connected()]);
    expect((await c2.sync(matchID, null)).event).toBe('sync');
    const c3 = new RawClient(a.url, GAME);
    expect((await c3.next((m) => m.event === 'refused')).args[0]).toMatchObject({ code: 'too-many-connections' });
    // A closed socket gives its place back, to any instance.
    c1.close();
    await sleep(300);
    const c4 = new RawClient(b.url, GAME);
    await c4.connected();
    expect((await c4.sync(matchID, null)).event).toBe('sync');
    for (const c of [c2, c3, c4]) c.close();
  });

  it('the spectator cap counts the spectators on every instance; a seat is never refused for it', async () => {
    const limits = { connectionLimits: { maxSpectators: 1 } };
    const [a, b] = [await instance(limits), await instance(limits)];
    const { matchID, creds } = await newMatch(a.url, GAME, { setupData: { target: 5 } }, ['0']);
    const w1 = new RawClient(a.url, GAME);
    const w2 = new RawClient(b.url, GAME);
    await Promise.all([w1.connected(), w2.connected()]);
    expect((await w1.sync(matchID, null)).event).toBe('sync');
    expect((await w2.sync(matchID, null)).args[0]).toMatchObject({
      code: 'room-full',
      message: 'this match already has 1 spectators',
    });
    expect((await w2.sync(matchID, '0', creds['0'])).event).toBe('sync');
    // The first spectator leaves: its place is free on the other instance.
    w1.close();
    await sleep(300);
    const w3 = new RawClient(b.url, GAME);
    await w3.connected();
    expect((await w3.sync(matchID, null)).event).toBe('sync');
    for (const c of [w2, w3]) c.close();
  });

  it('a seat stays connected while a socket on any instance holds it', async () => {
    const [a, b] = [await instance(), await instance()];
    const { matchID, creds } = await newMatch(a.url, GAME, { setupData: { target: 5 } }, ['0']);
    const onA = new RawClient(a.url, GAME);
    const onB = new RawClient(b.url, GAME);
    await Promise.all([onA.connected(), onB.connected()]);
    await onA.sync(matchID, '0', creds['0']);
    await onB.sync(matchID, '0', creds['0']);
    await until(async () => (await connected(matchID))['0'] === true);
    onA.close();
    await sleep(500);
    expect((await connected(matchID))['0']).toBe(true);
    onB.close();
    await until(async () => (await connected(matchID))['0'] === false);
  });

  it('a killed instance’s seats are marked disconnected by a survivor, unless a socket elsewhere holds them', async () => {
    const [a, b] = [await instance(), await instance()];
    const { matchID, creds } = await newMatch(a.url, GAME, { setupData: { target: 5 } }, ['0', '1']);
    const p0 = new RawClient(a.url, GAME);
    const p1 = new RawClient(a.url, GAME);
    const p1b = new RawClient(b.url, GAME);
    await Promise.all([p0.connected(), p1.connected(), p1b.connected()]);
    await p0.sync(matchID, '0', creds['0']);
    await p1.sync(matchID, '1', creds['1']);
    await p1b.sync(matchID, '1', creds['1']);
    await until(async () => JSON.stringify(await connected(matchID)) === '{"0":true,"1":true}');
    await a.die();
    // Killed: it wrote nothing on the way out; the survivor notices once a's heartbeat (1.5 s here, cluster-harness.ts) runs out.
    const t0 = Date.now();
    await until(async () => (await connected(matchID))['0'] === false, 5000);
    expect(Date.now() - t0).toBeLessThan(3000);
    expect((await connected(matchID))['1']).toBe(true);
    expect(b.logs.lines.some((l) => l.message === 'a dead instance’s connections cleared')).toBe(true);
    for (const c of [p0, p1, p1b]) c.close();
  });
});

describe('clock controls across instances', () => {
  const G = (s: { G: unknown }) => s.G as { counter: number };
  const parityClock: ClockSpec = {
    actor: (s: State) => String(G(s).counter % 2),
    timeoutMove: () => ({ move: 'add', args: [1] }),
  };

  it('an extension written on another instance while the owner times the seat out wins; no pass is made', async () => {
    // The owner's storage stops inside its time-out (after deciding, before writing) until the test lets it go.
    let reached: () => void = () => undefined;
    const atTimeout = new Promise<void>((ok) => (reached = ok));
    let release: () => void = () => undefined;
    const released = new Promise<void>((ok) => (release = ok));
    let armed = false;
    const held = new Proxy(storage, {
      get(target, key) {
        const value = Reflect.get(target, key, target) as unknown;
        if (typeof value !== 'function') return value;
        if (key !== 'fetch') return value.bind(target);
        return async (...args: Parameters<MatchStore['fetch']>) => {
          if (armed && new Error().stack?.includes('expire')) {
            armed = false;
            reached();
            await released;
          }
          return (value as MatchStore['fetch']).apply(target, args);
        };
      },
    });
    const opts = { clock: parityClock, clockSecondMs: 100 };
    const a = await instance({ ...opts, storage: held });
    const created = await api<{ matchID: string; creatorToken: string }>(a.url, `/games/${GAME}/create`, {
      setupData: { target: 50 },
      clock: { mode: 'turn', seconds: 10, onTimeout: 'pass' },
    });
    const { matchID, creatorToken } = created.json;
    for (const playerID of ['0', '1'])
      await api(a.url, `/games/${GAME}/${matchID}/join`, { playerID, playerName: `P${playerID}` });
    await until(() => a.cluster.owners.owns(matchID));
    const b = await instance(opts);
    armed = true;
    await atTimeout;
    const before = (await storage.getOptions(matchID)) as { clockState: { deadline: number } };
    const extended = await api<{ deadline: number }>(b.url, `/games/${GAME}/${matchID}/clock`, {
      creatorToken,
      action: 'extend',
      seconds: 30,
    });
    expect(extended.status).toBe(200);
    expect(extended.json.deadline).toBe(before.clockState.deadline + 3000);
    release();
    await sleep(500);
    const { state } = await storage.fetch(matchID, { state: true });
    expect(G(state!).counter).toBe(0);
    expect(a.logs.lines.some((l) => l.message === 'clock ran out')).toBe(false);
    const after = (await storage.getOptions(matchID)) as { clockState: { deadline: number } };
    expect(after.clockState.deadline).toBe(extended.json.deadline);
  });
});

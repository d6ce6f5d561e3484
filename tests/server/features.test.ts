/** Bots in empty seats, stand-ins for absent players, clocks, chat history and replay downloads, on a real server. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { State } from 'boardgame.io';
import type { BotPlayer } from '../../src/server/bots';
import type { ClockSpec } from '../../src/server/clock';
import { memoryLogger } from '../../src/server/log';
import { SqliteStorage } from '../../src/server/storage';
import { api, newMatch, RawClient, sleep, startSecretServer, stateOf, type TestServer } from './helpers';

const G = (s: State) => s.G as { counter: number; secrets: Record<string, number> };
const views: State[] = [];
/** Plays `add 1` whenever the counter's parity is its seat number. */
const parityBot: BotPlayer = (view, playerID) => {
  views.push(view);
  return G(view).counter % 2 === Number(playerID) && G(view).counter < G(view as never as State).counter + 1
    ? { move: 'add', args: [1], why: 'parity' }
    : null;
};
const parityClock: ClockSpec = {
  actor: (s) => String(G(s).counter % 2),
  timeoutMove: () => ({ move: 'add', args: [1] }),
};

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
  views.length = 0;
});

const counterOf = async (s: TestServer, id: string) => G((await s.storage.fetch(id, { state: true })).state!).counter;
async function until(pred: () => boolean | Promise<boolean>, ms = 3000) {
  for (const t0 = Date.now(); !(await pred());) {
    if (Date.now() - t0 > ms) throw new Error('condition not met in time');
    await sleep(10);
  }
}

describe('bot seats', () => {
  it('a server-side bot plays its seat from its own filtered view', async () => {
    server = await startSecretServer({ bot: parityBot });
    const { matchID, creds } = await newMatch(
      server.url,
      'secret-test',
      { setupData: { target: 8 }, bots: { '1': 'easy' } },
      ['0'],
    );
    const c = new RawClient(server.url, 'secret-test');
    await c.connected();
    let sid = stateOf(await c.sync(matchID, '0', creds['0']))._stateID;
    for (let i = 0; i < 4; i++) {
      sid = stateOf(await c.move(matchID, '0', creds['0']!, sid, 'add', [1]))._stateID;
      await c.next((m) => m.event === 'update' && stateOf(m)._stateID === sid + 1, 3000, 0);
      sid += 1;
    }
    expect(await counterOf(server, matchID)).toBe(8);
    expect((await server.storage.fetch(matchID, { state: true })).state!.ctx.gameover).toBeDefined();
    expect(server.bots!.moves).toBe(4);
    // The bot never saw the PRNG state or the other seat's secret.
    expect(views.length).toBeGreaterThan(0);
    for (const v of views) {
      expect(JSON.stringify(v.plugins ?? {})).not.toMatch(/seed|prngstate/);
      expect(Object.keys(G(v).secrets)).toEqual(['1']);
    }
    c.close();
  });

  it('refuses bot seats for every seat, unknown levels and seats out of range', async () => {
    server = await startSecretServer({ bot: parityBot });
    for (const bots of [{ '0': 'easy', '1': 'easy' }, { '1': 'godlike' }, { '5': 'easy' }]) {
      const r = await api(server.url, '/games/secret-test/create', { setupData: { target: 8 }, bots });
      expect(r.status).toBe(400);
      expect(String(r.json.error)).toMatch(/create: /);
    }
  });

  it('a bot stands in for an absent player, and the player takes the seat back by returning', async () => {
    server = await startSecretServer({ bot: parityBot });
    const created = await api<{ matchID: string; creatorToken: string }>(server.url, '/games/secret-test/create', {
      setupData: { target: 100 },
    });
    const { matchID, creatorToken } = created.json;
    const j0 = await api<{ playerCredentials: string }>(server.url, `/games/secret-test/${matchID}/join`, {
      playerID: '0',
      playerName: 'Ann',
    });
    const j1 = await api<{ playerCredentials: string }>(server.url, `/games/secret-test/${matchID}/join`, {
      playerID: '1',
      playerName: 'Bo',
    });
    const a = new RawClient(server.url, 'secret-test');
    await a.connected();
    let sid = stateOf(await a.sync(matchID, '0', j0.json.playerCredentials))._stateID;
    // Only the seat itself or the creator (for a disconnected seat) may call a stand-in.
    expect(
      (
        await api(server.url, `/games/secret-test/${matchID}/stand-in`, {
          playerID: '1',
          credentials: j0.json.playerCredentials,
          on: true,
        })
      ).status,
    ).toBe(403);
    expect(
      (await api(server.url, `/games/secret-test/${matchID}/stand-in`, { playerID: '0', creatorToken, on: true }))
        .status,
    ).toBe(403);
    const r = await api(server.url, `/games/secret-test/${matchID}/stand-in`, {
      playerID: '1',
      creatorToken,
      on: true,
      level: 'hard',
    });
    expect(r.json).toEqual({ standIns: { '1': { level: 'hard' } } });
    sid = stateOf(await a.move(matchID, '0', j0.json.playerCredentials, sid, 'add', [1]))._stateID;
    await until(async () => (await counterOf(server!, matchID)) === 2);
    // Bo comes back: the bot leaves the seat.
    const b = new RawClient(server.url, 'secret-test');
    await b.connected();
    await b.sync(matchID, '1', j1.json.playerCredentials);
    expect(
      (await api<{ options: { standIns?: unknown } }>(server.url, `/games/secret-test/${matchID}`)).json.options
        .standIns,
    ).toBeUndefined();
    expect(stateOf(await a.move(matchID, '0', j0.json.playerCredentials, sid + 1, 'add', [1]))._stateID).toBe(sid + 2);
    await sleep(100);
    expect(await counterOf(server, matchID)).toBe(3);
    a.close();
    b.close();
  });
});

describe('clocks', () => {
  it('a timed-out seat passes; the creator pauses, resumes and extends', async () => {
    server = await startSecretServer({ clock: parityClock, clockSecondMs: 3 });
    const created = await api<{ matchID: string; creatorToken: string }>(server.url, '/games/secret-test/create', {
      setupData: { target: 1000 },
      clock: { mode: 'turn', seconds: 10, onTimeout: 'pass' },
    });
    const { matchID, creatorToken } = created.json;
    for (const playerID of ['0', '1'])
      await api(server.url, `/games/secret-test/${matchID}/join`, { playerID, playerName: `P${playerID}` });
    const watcher = new RawClient(server.url, 'secret-test');
    await watcher.connected();
    await watcher.sync(matchID, null);
    await until(async () => (await counterOf(server!, matchID)) >= 3);
    await watcher.next((m) => m.event === 'clock', 3000, 0);
    expect(
      (await api(server.url, `/games/secret-test/${matchID}/clock`, { creatorToken: 'wrong', action: 'pause' })).status,
    ).toBe(403);
    const paused = await api<{ paused: boolean; remaining: Record<string, number> }>(
      server.url,
      `/games/secret-test/${matchID}/clock`,
      {
        creatorToken,
        action: 'pause',
      },
    );
    expect(paused.json.paused).toBe(true);
    await sleep(30); // a pass already in flight may still land
    const at = await counterOf(server, matchID);
    await sleep(150);
    expect(await counterOf(server, matchID)).toBe(at);
    const ext = await api<{ remaining: Record<string, number>; actor: string }>(
      server.url,
      `/games/secret-test/${matchID}/clock`,
      { creatorToken, action: 'extend', seconds: 5 },
    );
    expect(ext.json.remaining[ext.json.actor]).toBe(paused.json.remaining[ext.json.actor]! + 15);
    await api(server.url, `/games/secret-test/${matchID}/clock`, { creatorToken, action: 'resume' });
    await until(async () => (await counterOf(server!, matchID)) >= at + 2);
    watcher.close();
  });

  it('keeps running when a timer fires before the wall clock reaches the deadline', async () => {
    // A 25 ms-grained wall clock makes every 30 ms timer fire "early" by its reckoning.
    server = await startSecretServer({
      clock: parityClock,
      clockSecondMs: 3,
      clockNow: () => Math.floor(Date.now() / 25) * 25,
    });
    const { matchID } = await newMatch(
      server.url,
      'secret-test',
      { setupData: { target: 1000 }, clock: { mode: 'turn', seconds: 10, onTimeout: 'pass' } },
      ['0', '1'],
    );
    await until(async () => (await counterOf(server!, matchID)) >= 4);
  });

  it('waits until every person has a seat, or until a person moves', async () => {
    server = await startSecretServer({ clock: parityClock, clockSecondMs: 3 });
    const clockOf = async (id: string) =>
      (
        await api<{ options: { clockState: { deadline: number | null; waiting: boolean } } }>(
          server!.url,
          `/games/secret-test/${id}`,
        )
      ).json.options.clockState;
    const body = { setupData: { target: 1000 }, clock: { mode: 'turn', seconds: 10, onTimeout: 'pass' } };
    // One of two seats taken: no deadline, nothing times out.
    const half = await newMatch(server.url, 'secret-test', body, ['0']);
    expect(await clockOf(half.matchID)).toMatchObject({ waiting: true, deadline: null });
    await sleep(150);
    expect(await counterOf(server, half.matchID)).toBe(0);
    // The second player sits down: the clock starts and the idle seats pass.
    await api(server.url, `/games/secret-test/${half.matchID}/join`, { playerID: '1', playerName: 'Bo' });
    expect((await clockOf(half.matchID)).waiting).toBe(false);
    await until(async () => (await counterOf(server!, half.matchID)) >= 2);
    // A person's first move starts it too, with a seat still empty.
    const early = await newMatch(server.url, 'secret-test', body, ['0']);
    const a = new RawClient(server.url, 'secret-test');
    await a.connected();
    const sid = stateOf(await a.sync(early.matchID, '0', early.creds['0']))._stateID;
    await a.move(early.matchID, '0', early.creds['0']!, sid, 'add', [1]);
    await until(async () => (await counterOf(server!, early.matchID)) >= 3);
    a.close();
  });

  it('in game mode a seat whose bank runs out is played by a bot', async () => {
    server = await startSecretServer({ clock: parityClock, clockSecondMs: 2, bot: parityBot });
    const { matchID, creds } = await newMatch(
      server.url,
      'secret-test',
      { setupData: { target: 1000 }, clock: { mode: 'game', seconds: 10, onTimeout: 'bot' } },
      ['0', '1'],
    );
    await until(async () => (await counterOf(server!, matchID)) >= 4);
    const opts = (
      await api<{ options: { standIns?: Record<string, unknown> } }>(server.url, `/games/secret-test/${matchID}`)
    ).json.options;
    expect(Object.keys(opts.standIns ?? {}).sort()).toEqual(['0', '1']);
    expect(creds['0']).toBeDefined();
  });

  it('a time-out and its stand-in are one write: a server dying between writes leaves no unplayed seat', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eat-server-'));
    const storage = new SqliteStorage({ dataDir: dir, logger: memoryLogger() });
    const timedOut = (o: unknown) => (o as { clockState?: { timedOut: string[] } }).clockState?.timedOut ?? [];
    let dead = false;
    const dying = Object.create(storage) as SqliteStorage;
    dying.updateOptions = (async (id: string, change: (o: unknown) => unknown) => {
      if (dead) throw new Error('the server died');
      return storage.updateOptions(id, (o) => {
        const next = change(o);
        dead ||= next !== undefined && timedOut(next).length > 0;
        return next as never;
      });
    }) as never;
    server = await startSecretServer({ clock: parityClock, clockSecondMs: 2, bot: parityBot, storage: dying }, dir);
    const { matchID } = await newMatch(
      server.url,
      'secret-test',
      { setupData: { target: 1000 }, clock: { mode: 'turn', seconds: 10, onTimeout: 'bot' } },
      ['0', '1'],
    );
    await until(async () => dead);
    const stored = (await storage.getOptions(matchID)) as { standIns?: Record<string, unknown> };
    expect(timedOut(stored)).toHaveLength(1);
    expect(Object.keys(stored.standIns ?? {})).toEqual(timedOut(stored));
    await server.stop();
    server = undefined;
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a player who comes back to a timed-out seat gets it back with its time, and the clock runs on', async () => {
    const idleBot: BotPlayer = () => null;
    server = await startSecretServer({ clock: parityClock, clockSecondMs: 20, bot: idleBot });
    const { matchID, creds } = await newMatch(
      server.url,
      'secret-test',
      { setupData: { target: 1000 }, clock: { mode: 'turn', seconds: 10, onTimeout: 'bot' } },
      ['0', '1'],
    );
    const timeouts = () => server!.logs.lines.filter((l) => l.message === 'clock ran out').length;
    const options = async () => (await server!.storage.getOptions(matchID)) as { standIns?: Record<string, unknown> };
    await until(async () => timeouts() === 1 && Object.keys((await options()).standIns ?? {}).length === 1);
    // Seat 0 comes back (a dropped connection): the stand-in goes, and seat 0's time runs again.
    const back = new RawClient(server.url, 'secret-test');
    await back.connected();
    await back.sync(matchID, '0', creds['0']);
    await until(() => timeouts() === 2);
    expect(Object.keys((await options()).standIns ?? {})).toEqual(['0']);
    back.close();
  });

  it('refuses a clock on a server without clock support', async () => {
    server = await startSecretServer();
    const r = await api(server.url, '/games/secret-test/create', {
      setupData: { target: 5 },
      clock: { mode: 'turn', seconds: 30, onTimeout: 'pass' },
    });
    expect(r.status).toBe(400);
  });
});

describe('chat and replays', () => {
  it('stores chat and replays it to a seat that syncs later, not to a spectator', async () => {
    server = await startSecretServer();
    const { matchID, creds } = await newMatch(server.url, 'secret-test', { setupData: { target: 5 } }, ['0', '1']);
    const a = new RawClient(server.url, 'secret-test');
    await a.connected();
    await a.sync(matchID, '0', creds['0']);
    a.emit('chat', matchID, { id: 'm1', sender: '0', payload: 'hello from 0' }, creds['0']);
    await a.next((m) => m.event === 'chat');
    a.emit('chat', matchID, { id: 'm2', sender: '0', payload: 'x'.repeat(2000) }, creds['0']);
    expect(((await a.next((m) => m.event === 'refused')).args[0] as { code: string }).code).toBe('too-large');
    const late = new RawClient(server.url, 'secret-test');
    await late.connected();
    await late.sync(matchID, '1', creds['1']);
    const chat = await late.next((m) => m.event === 'chat', 3000, 0);
    expect(chat.args).toEqual([matchID, { id: 'm1', sender: '0', payload: 'hello from 0' }]);
    const watcher = new RawClient(server.url, 'secret-test');
    await watcher.connected();
    await watcher.sync(matchID, null);
    await expect(watcher.next((m) => m.event === 'chat', 300, 0)).rejects.toThrow(/timed out/);
    a.close();
    late.close();
    watcher.close();
  });

  it('offers the saved game of a finished match to anyone, of a running one only to an umpire', async () => {
    server = await startSecretServer({
      exportMatch: (m) => ({
        moves: m.log.map((e) => e.action.payload.type),
        seed: (m.state.plugins.random!.data as { seed: string }).seed,
      }),
      mayExportEarly: (_m, playerID) => playerID === '1',
    });
    const { matchID, creds } = await newMatch(server.url, 'secret-test', { setupData: { target: 3 } }, ['0', '1']);
    expect((await api(server.url, `/games/secret-test/${matchID}/replay`)).status).toBe(403);
    expect(
      (await api(server.url, `/games/secret-test/${matchID}/replay?playerID=0&credentials=${creds['0']}`)).status,
    ).toBe(403);
    expect(
      (await api(server.url, `/games/secret-test/${matchID}/replay?playerID=1&credentials=${creds['1']}`)).status,
    ).toBe(200);
    const c = new RawClient(server.url, 'secret-test');
    await c.connected();
    const s = stateOf(await c.sync(matchID, '0', creds['0']));
    await c.move(matchID, '0', creds['0']!, s._stateID, 'add', [3]);
    const r = await api<{ moves: string[]; seed: string }>(server.url, `/games/secret-test/${matchID}/replay`);
    expect(r.status).toBe(200);
    expect(r.json.moves).toEqual(['add']);
    c.close();
  });
});

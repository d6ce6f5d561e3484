import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'boardgame.io/client';
import { SocketIO } from 'boardgame.io/multiplayer';
import { SecretGame } from './fixtures/secret-game';
import { api, newMatch, RawClient, startSecretServer, stateOf, type TestServer } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startSecretServer();
});
afterAll(async () => {
  await server.stop();
});

describe('a real server with two socket clients', () => {
  it('creates through the lobby, joins, and plays a match to its end with boardgame.io clients', async () => {
    const { matchID, creds } = await newMatch(server.url, 'secret-test', { setupData: { target: 12 }, numPlayers: 2 }, [
      '0',
      '1',
    ]);
    const clients = ['0', '1'].map((p) =>
      Client({
        game: SecretGame,
        matchID,
        playerID: p,
        credentials: creds[p],
        multiplayer: SocketIO({ server: server.url, socketOpts: { transports: ['websocket'] } }),
      }),
    );
    for (const c of clients) c.start();
    const ready = () => clients.every((c) => c.getState() !== null);
    for (let i = 0; i < 100 && !ready(); i++) await new Promise((ok) => setTimeout(ok, 20));
    expect(ready()).toBe(true);
    for (let i = 0; i < 20 && clients[0]!.getState()!.ctx.gameover === undefined; i++) {
      const c = clients[i % 2]!;
      const before = c.getState()!._stateID;
      c.moves.add!(1);
      for (let k = 0; k < 100 && clients.some((x) => x.getState()!._stateID === before); k++)
        await new Promise((ok) => setTimeout(ok, 10));
    }
    expect(clients[0]!.getState()!.ctx.gameover).toEqual({ winner: 'all', counter: 12 });
    expect(clients[1]!.getState()!.G.counter).toBe(12);
    // Persisted: the stored state is the one the clients see, and its log has every move.
    const { state, log, metadata } = await server.storage.fetch(matchID, { state: true, log: true, metadata: true });
    expect(state!.G.counter).toBe(12);
    expect(log!.filter((e) => e.action.type === 'MAKE_MOVE')).toHaveLength(12);
    expect(metadata!.gameover).toEqual({ winner: 'all', counter: 12 });
    for (const c of clients) c.stop();
  });

  it('lists the match in the lobby without credentials and with its options', async () => {
    const { matchID } = await newMatch(server.url, 'secret-test', { setupData: { target: 5 } }, ['0']);
    const list = await api<{ matches: { matchID: string; players: Record<string, unknown>[] }[] }>(
      server.url,
      '/games/secret-test',
    );
    const m = list.json.matches.find((x) => x.matchID === matchID)!;
    expect(m.players[0]!.name).toBe('P0');
    expect(JSON.stringify(list.json)).not.toMatch(/credentials|creatorToken/);
    const one = await api(server.url, `/games/secret-test/${matchID}`);
    expect(one.json.options).toEqual({ bots: {} });
  });

  it('refuses a move on a stale state and resyncs the mover, who can then move', async () => {
    const { matchID, creds } = await newMatch(server.url, 'secret-test', { setupData: { target: 50 } }, ['0', '1']);
    const a = new RawClient(server.url, 'secret-test');
    await a.connected();
    const s0 = stateOf(await a.sync(matchID, '0', creds['0']));
    const u1 = await a.move(matchID, '0', creds['0']!, s0._stateID, 'add', [2]);
    expect(stateOf(u1)._stateID).toBe(s0._stateID + 1);
    const mark = a.received.length;
    const refused = await a.move(matchID, '0', creds['0']!, s0._stateID, 'add', [2]);
    expect(refused.event).toBe('refused');
    expect((refused.args[0] as { code: string }).code).toBe('stale-state');
    const resync = await a.next((r) => r.event === 'sync', 3000, mark);
    const current = stateOf(resync);
    expect(current._stateID).toBe(s0._stateID + 1);
    expect(stateOf(await a.move(matchID, '0', creds['0']!, current._stateID, 'add', [1])).G.counter).toBe(3);
    a.close();
  });
});

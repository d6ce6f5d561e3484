/** Leak test: everything each seat and a spectator receive over a whole match holds no seed, no PRNG state, no other seat's secret, no deck order. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMatch, RawClient, startSecretServer, stateOf, type TestServer } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startSecretServer();
});
afterAll(async () => {
  await server.stop();
});

describe('leak test', () => {
  it("no seat or spectator ever receives the seed, PRNG state, another seat's secret or the deck", async () => {
    const { matchID, creds } = await newMatch(
      server.url,
      'secret-test',
      { setupData: { target: 20 }, seed: 'client-chosen' },
      ['0', '1'],
    );
    const seats = ['0', '1'].map(() => new RawClient(server.url, 'secret-test'));
    const spectator = new RawClient(server.url, 'secret-test');
    await Promise.all([...seats, spectator].map((c) => c.connected()));
    let sid = stateOf(await seats[0]!.sync(matchID, '0', creds['0']))._stateID;
    await seats[1]!.sync(matchID, '1', creds['1']);
    await spectator.sync(matchID, null);
    const moves = ['roll', 'draw', 'add', 'roll', 'draw', 'draw', 'add', 'roll'];
    for (let i = 0; !server.storage.fetch(matchID, { state: true }).state!.ctx.gameover && i < 60; i++) {
      const p = String(i % 2);
      const m = moves[i % moves.length]!;
      const r = await seats[Number(p)]!.move(matchID, p, creds[p]!, sid, m, m === 'add' ? [3] : []);
      sid = stateOf(r)._stateID;
    }
    // A reload mid-way is a sync with the log and initialState: do one more of each at the end.
    await seats[0]!.sync(matchID, '0', creds['0']);
    await spectator.sync(matchID, null);
    const { state, initialState } = server.storage.fetch(matchID, { state: true, initialState: true });
    expect(state!.ctx.gameover, JSON.stringify(state!.G).slice(0, 300) + sid).toBeDefined();
    const seed = (state!.plugins.random!.data as { seed: string }).seed;
    expect(seed).not.toBe('client-chosen');
    expect(seed.length).toBeGreaterThanOrEqual(20);
    const G = state!.G as { secrets: Record<string, number>; deck: number[]; hands: Record<string, number[]> };
    const undrawn = (initialState!.G as { deck: number[] }).deck.filter(
      (c) => !G.hands['0']!.includes(c) && !G.hands['1']!.includes(c),
    );
    expect(G.hands['0']!.length + G.hands['1']!.length).toBeGreaterThan(0);

    const check = (label: string, text: string, own: string | null) => {
      expect(text, label).not.toContain(seed);
      expect(text.toLowerCase(), label).not.toContain('prngstate');
      expect(text, label).not.toMatch(/"s0"|"s1"|"s2"/);
      expect(text, label).not.toContain('credentials');
      for (const p of ['0', '1']) {
        if (p === own) continue;
        expect(text, `${label}: secret of ${p}`).not.toContain(String(G.secrets[p]));
        for (const c of G.hands[p]!) expect(text, `${label}: card ${c} in ${p}'s hand`).not.toContain(String(c));
      }
      for (const c of undrawn) expect(text, `${label}: undrawn card ${c}`).not.toContain(String(c));
    };
    seats.forEach((c, i) => {
      expect(c.received.length).toBeGreaterThan(20);
      check(`seat ${i}`, JSON.stringify(c.received), String(i));
      // Its own secret does arrive: the test would notice a view that hides everything.
      expect(JSON.stringify(c.received)).toContain(String(G.secrets[String(i)]));
    });
    check('spectator', JSON.stringify(spectator.received), null);
    for (const c of [...seats, spectator]) c.close();
  });
});

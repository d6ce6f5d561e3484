/**
 * The attack suite: every case of docs/ARCHITECTURE.md "boardgame.io 0.50: the facts we rely on" as raw socket messages, then fuzzed malformed ones. After each,
 * the server answers the attacker with `refused` (never data), stays alive, and the match is unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { newMatch, RawClient, startSecretServer, stateOf, type TestServer } from './helpers';

let server: TestServer;
let matchID: string;
let creds: Record<string, string>;
let attacker: RawClient;
let honest: RawClient;

const stored = async () => {
  const { state, metadata } = await server.storage.fetch(matchID, { state: true, metadata: true });
  return JSON.stringify({
    state,
    players: Object.values(metadata!.players).map((p) => ({ ...p, isConnected: undefined })),
  });
};

beforeAll(async () => {
  server = await startSecretServer({ limits: { burst: 10_000, perSecond: 10_000 } });
  ({ matchID, creds } = await newMatch(server.url, 'secret-test', { setupData: { target: 50 } }, ['0', '1']));
  honest = new RawClient(server.url, 'secret-test');
  await honest.connected();
  const s = stateOf(await honest.sync(matchID, '1', creds['1']));
  await honest.move(matchID, '1', creds['1']!, s._stateID, 'add', [1]);
  attacker = new RawClient(server.url, 'secret-test');
  await attacker.connected();
  // The attacker holds seat 0 legitimately: the attacks are what a seated player could try.
  expect((await attacker.sync(matchID, '0', creds['0'])).event).toBe('sync');
});
afterAll(async () => {
  attacker.close();
  honest.close();
  await server.stop();
});

const action = (type: string, payload: Record<string, unknown>) => ({ type, payload });
const stateID = async () => JSON.parse(await stored()).state._stateID as number;

/** Sends one packet as the attacker and returns the refusal code it got. */
async function attack(event: string, ...args: unknown[]): Promise<string> {
  const before = await stored();
  const honestMark = honest.received.length;
  const mark = attacker.emit(event, ...args);
  const r = await attacker.next((m) => m.event === 'refused', 3000, mark);
  await new Promise((ok) => setTimeout(ok, 10));
  expect(await stored()).toBe(before);
  // Nothing was broadcast to the honest player.
  expect(honest.received.slice(honestMark).filter((m) => m.event === 'update')).toHaveLength(0);
  expect(attacker.received.slice(mark).filter((m) => m.event === 'update')).toHaveLength(0);
  return (r.args[0] as { code: string }).code;
}

const move = (type: string, args: unknown[] = [], extra: Record<string, unknown> = {}) =>
  action('MAKE_MOVE', { type, args, playerID: '0', credentials: creds['0'], ...extra });

describe('attack suite (boardgame.io 0.50 cases)', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', ''])(
    'refuses a move named %j',
    async (name) => {
      expect(await attack('update', move(name), await stateID(), matchID, '0')).toBe('unknown-move');
    },
  );

  it('survives a move that throws on odd arguments and logs it with the match id', async () => {
    expect(await attack('update', move('fragile', [42]), await stateID(), matchID, '0')).toBe('server-error');
    const line = server.logs.lines.find((l) => l.level === 'error' && l.fields.matchID === matchID);
    expect(line?.fields.err).toBeInstanceOf(TypeError);
  });

  it.each(['UPDATE', 'SYNC', 'RESET', 'PATCH', 'UNDO', 'REDO', 'PLUGIN', 'STRIP_TRANSIENTS'])(
    'refuses a raw %s action',
    async (type) => {
      const state = JSON.parse(await stored()).state;
      const code = await attack(
        'update',
        action(type, { type: 'add', args: [3], playerID: '0', credentials: creds['0'], state, patch: [] }),
        await stateID(),
        matchID,
        '0',
      );
      expect(code).toBe('malformed');
    },
  );

  it.each(['endGame', 'setPhase', 'endTurn', 'endPhase', 'setActivePlayers', 'endStage', 'setStage', 'pass'])(
    'refuses the event %s',
    async (name) => {
      const code = await attack(
        'update',
        action('GAME_EVENT', { type: name, args: [{ winner: '0' }], playerID: '0', credentials: creds['0'] }),
        await stateID(),
        matchID,
        '0',
      );
      expect(code).toBe('event-disabled');
    },
  );

  it('refuses a move without payload.playerID or for another seat', async () => {
    expect(await attack('update', move('add', [1], { playerID: undefined }), await stateID(), matchID, '0')).toBe(
      'wrong-seat',
    );
    expect(await attack('update', move('add', [1], { playerID: '1' }), await stateID(), matchID, '0')).toBe(
      'wrong-seat',
    );
    expect(await attack('update', move('add', [1], { playerID: '1' }), await stateID(), matchID, '1')).toBe(
      'wrong-seat',
    );
    expect(await attack('update', move('add', [1], { credentials: creds['1'] }), await stateID(), matchID, '0')).toBe(
      'unauthorized',
    );
    expect(await attack('update', move('add', [1], { credentials: undefined }), await stateID(), matchID, '0')).toBe(
      'unauthorized',
    );
  });

  it('never creates a match on a sync to an unknown id', async () => {
    const probe = new RawClient(server.url, 'secret-test');
    await probe.connected();
    const r = await probe.sync('no-such-match', '0', 'x');
    expect(r.event).toBe('refused');
    expect((await probe.sync('no-such-match', null)).event).toBe('refused');
    expect(await server.storage.has('no-such-match')).toBe(false);
    probe.close();
  });

  it('requires credentials even for a match nobody has joined, and for every seat', async () => {
    const empty = await newMatch(server.url, 'secret-test', { setupData: { target: 5 } }, []);
    const probe = new RawClient(server.url, 'secret-test');
    await probe.connected();
    for (const c of [undefined, '', 'guess', creds['0']]) {
      const r = await probe.sync(empty.matchID, '0', c);
      expect(r.event).toBe('refused');
    }
    const before = (await server.storage.fetch(empty.matchID, { state: true })).state!._stateID;
    const mark = probe.emit('update', move('add', [1], { credentials: undefined }), before, empty.matchID, '0');
    expect(((await probe.next((m) => m.event === 'refused', 3000, mark)).args[0] as { code: string }).code).toBe(
      'not-seated',
    );
    expect((await server.storage.fetch(empty.matchID, { state: true })).state!._stateID).toBe(before);
    probe.close();
  });

  it('lets a spectator watch but never act or chat', async () => {
    const spy = new RawClient(server.url, 'secret-test');
    await spy.connected();
    expect((await spy.sync(matchID, null)).event).toBe('sync');
    const mark = spy.emit('update', move('add', [1]), await stateID(), matchID, '0');
    expect(((await spy.next((m) => m.event === 'refused', 3000, mark)).args[0] as { code: string }).code).toBe(
      'not-seated',
    );
    const mark2 = spy.emit('chat', matchID, { id: 'x', sender: '0', payload: 'hi' }, creds['0']);
    expect(((await spy.next((m) => m.event === 'refused', 3000, mark2)).args[0] as { code: string }).code).toBe(
      'not-seated',
    );
    spy.close();
  });

  it('refuses other matches, oversized packets, binary, prototype keys and unknown events', async () => {
    expect(await attack('update', move('add', [1]), await stateID(), 'other-match', '0')).toBe('wrong-seat');
    expect(await attack('update', move('add', ['x'.repeat(20_000)]), await stateID(), matchID, '0')).toBe('too-large');
    expect(await attack('update', move('add', [Buffer.from('abc')]), await stateID(), matchID, '0')).toBe(
      'bad-arguments',
    );
    expect(
      await attack('update', move('add', [JSON.parse('{"__proto__":{"polluted":1}}')]), await stateID(), matchID, '0'),
    ).toBe('bad-arguments');
    expect(await attack('update', move('add', [1], { args: 'notarray' }), await stateID(), matchID, '0')).toBe(
      'bad-arguments',
    );
    expect(await attack('update', move('add', [1]), -1, matchID, '0')).toBe('malformed');
    expect(await attack('update', null, 0, matchID, '0')).toBe('malformed');
    for (const ev of ['patch', 'reset', 'matchData', 'authenticate', 'disconnect-me'])
      expect(await attack(ev, matchID)).toBe('unknown-event');
    expect(await attack('chat', matchID, { id: 'c', sender: '1', payload: 'as someone else' }, creds['0'])).toBe(
      'wrong-seat',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers an invalid move with a refusal and a resync, not an update', async () => {
    expect(await attack('update', move('add', [99]), await stateID(), matchID, '0')).toBe('invalid-move');
  });
});

describe('rate limit', () => {
  it('refuses a flood from one connection and keeps serving others', async () => {
    const limited = await startSecretServer({ limits: { burst: 5, perSecond: 1, maxRateStrikes: 1000 } });
    const m = await newMatch(limited.url, 'secret-test', { setupData: { target: 50 } }, ['0']);
    const c = new RawClient(limited.url, 'secret-test');
    await c.connected();
    const s = stateOf(await c.sync(m.matchID, '0', m.creds['0']));
    for (let i = 0; i < 50; i++)
      c.emit(
        'update',
        { type: 'MAKE_MOVE', payload: { type: 'add', args: [1], playerID: '0', credentials: m.creds['0'] } },
        s._stateID + i,
        m.matchID,
        '0',
      );
    await c.next((r) => r.event === 'refused' && (r.args[0] as { code: string }).code === 'rate-limited');
    await new Promise((ok) => setTimeout(ok, 100));
    const counter = (await limited.storage.fetch(m.matchID, { state: true })).state!.G.counter as number;
    expect(counter).toBeLessThanOrEqual(5);
    const other = new RawClient(limited.url, 'secret-test');
    await other.connected();
    expect((await other.sync(m.matchID, null)).event).toBe('sync');
    c.close();
    other.close();
    await limited.stop();
  });
});

describe('fuzz', () => {
  it(
    'survives random malformed messages with the match unchanged and no data sent to the fuzzer',
    { timeout: 40_000 },
    async () => {
      const rng = seedrandom('fuzz-1');
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
      const atoms = [
        null,
        undefined,
        0,
        -1,
        1.5,
        NaN,
        'x',
        '',
        '0',
        '1',
        'add',
        'constructor',
        matchID,
        'MAKE_MOVE',
        'GAME_EVENT',
        true,
        [],
        {},
        creds['0'],
      ];
      const value = (depth: number): unknown => {
        const r = rng();
        if (depth > 3 || r < 0.5) return pick(atoms);
        if (r < 0.75) return Array.from({ length: Math.floor(rng() * 4) }, () => value(depth + 1));
        return Object.fromEntries(
          Array.from({ length: Math.floor(rng() * 4) }, () => [
            pick(['type', 'payload', 'args', 'playerID', 'credentials', '__proto__', 'x']),
            value(depth + 1),
          ]),
        );
      };
      const before = await stored();
      const fuzzer = new RawClient(server.url, 'secret-test');
      await fuzzer.connected();
      // Seated as player 0, so its malformed updates reach the deeper checks.
      await fuzzer.sync(matchID, '0', creds['0']);
      const mark = fuzzer.received.length;
      const events = ['update', 'sync', 'chat', 'patch', 'x', '__proto__'];
      for (let i = 0; i < 400; i++) {
        const ev = pick(events);
        const args = Array.from({ length: Math.floor(rng() * 5) }, () => value(0));
        fuzzer.emit(ev, ...args);
      }
      // Wait for the answers rather than a fixed time: on a loaded machine they come late.
      await fuzzer
        .next(() => fuzzer.received.length - mark > 300, 20_000, fuzzer.received.length)
        .catch(() => undefined);
      await fuzzer.next(() => false, 300).catch(() => undefined);
      expect(await stored()).toBe(before);
      const got = fuzzer.received.slice(mark);
      expect(got.length).toBeGreaterThan(300);
      // Only refusals, and (for a well-formed re-sync of its own seat or as a spectator) its own view: never seat 1's secret.
      expect(
        got.filter((r) => r.event !== 'refused' && r.event !== 'sync' && r.event !== 'matchData').map((r) => r.event),
      ).toEqual([]);
      const secret1 = String((JSON.parse(await stored()).state.G.secrets as Record<string, number>)['1']);
      expect(JSON.stringify(got)).not.toContain(secret1);
      // Alive: an honest player still moves.
      const s = stateOf(await honest.sync(matchID, '1', creds['1']));
      expect(stateOf(await honest.move(matchID, '1', creds['1']!, s._stateID, 'add', [1]))._stateID).toBe(
        s._stateID + 1,
      );
      fuzzer.close();
    },
  );
});

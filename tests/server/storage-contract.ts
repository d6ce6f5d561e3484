/**
 * The storage contract: what the server relies on from a MatchStore, run against both engines —
 * SQLite in tests/server/storage-sqlite.test.ts, PostgreSQL in tests/services/pg-storage.test.ts.
 * `open` gives an empty, connected store; the suite closes it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createMatch } from 'boardgame.io/internal';
import type { LogEntry, Server, State } from 'boardgame.io';
import { NoMatchError, StaleWriteError, type MatchStore } from '../../src/server/storage';
import { SecretGame } from './fixtures/secret-game';

export const freshMatch = () => {
  const m = createMatch({
    game: { ...SecretGame, seed: 's' },
    numPlayers: 2,
    setupData: { target: 9 },
    unlisted: false,
  });
  if ('setupDataError' in m) throw new Error('setup');
  return m;
};
type Fresh = ReturnType<typeof freshMatch>;
export const nextState = (s: State, n: number): State => ({
  ...s,
  G: { ...s.G, counter: n },
  _stateID: s._stateID + 1,
});
export const logEntry = (id: number): LogEntry =>
  ({
    action: { type: 'MAKE_MOVE', payload: { type: 'add', args: [1], playerID: '0' } },
    _stateID: id,
    turn: 1,
    phase: '',
  }) as LogEntry;
const withMeta = (m: Fresh, over: Partial<Server.MatchData>): Fresh => ({ ...m, metadata: { ...m.metadata, ...over } });
const seated = (m: Fresh): Fresh => {
  m.metadata.players[0]!.name = 'Ann';
  return m;
};

export function storageContract(engine: string, open: () => Promise<MatchStore>): void {
  const opened: MatchStore[] = [];
  const store = async () => {
    const s = await open();
    opened.push(s);
    return s;
  };
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
  });

  describe(`storage contract: ${engine}`, () => {
    it('stores a match with its options and reads back every field', async () => {
      const s = await store();
      const m = freshMatch();
      await s.createMatchWithOptions('m1', m, { bots: {}, creatorToken: 't' }, 'creator-a');
      const got = await s.fetch('m1', { state: true, metadata: true, initialState: true, log: true });
      expect(got.state).toEqual(m.initialState);
      expect(got.initialState).toEqual(m.initialState);
      expect(got.metadata).toEqual(m.metadata);
      expect(got.log).toEqual([]);
      expect(await s.getOptions('m1')).toEqual({ bots: {}, creatorToken: 't' });
      expect(await s.has('m1')).toBe(true);
      expect(await s.has('m2')).toBe(false);
      expect(await s.fetch('m2', { state: true, metadata: true })).toEqual({});
      expect(await s.getOptions('m2')).toBeUndefined();
    });

    it('appends log entries in order and refuses a state that is not newer (stale write)', async () => {
      const s = await store();
      const m = freshMatch();
      await s.createMatch('m1', m);
      const s1 = nextState(m.initialState, 1);
      await s.setState('m1', s1, [logEntry(0)]);
      const after = await s.commit('m1', nextState(s1, 2), [logEntry(1), logEntry(2)], {
        gameover: { done: true },
        updatedAt: 5,
      });
      expect(after.gameover).toEqual({ done: true });
      await expect(s.setState('m1', s1, [logEntry(9)])).rejects.toThrow(StaleWriteError);
      await expect(s.commit('m1', nextState(s1, 7), [logEntry(9)], undefined)).rejects.toMatchObject({
        storedStateID: s1._stateID + 1,
        offeredStateID: s1._stateID + 1,
      });
      await expect(s.setState('nope', s1)).rejects.toThrow(NoMatchError);
      const got = await s.fetch('m1', { state: true, log: true, metadata: true });
      expect(got.state!.G.counter).toBe(2);
      expect(got.log!.map((e) => e._stateID)).toEqual([0, 1, 2]);
      expect(got.metadata!.gameover).toEqual({ done: true });
      expect(got.metadata!.updatedAt).toBe(5);
      expect(await s.countOpen()).toBe(0);
    });

    it('of two commits racing on the same state, exactly one lands', async () => {
      const s = await store();
      const m = freshMatch();
      await s.createMatch('m1', m);
      const results = await Promise.allSettled(
        [1, 2, 3, 4].map((n) => s.commit('m1', nextState(m.initialState, n), [logEntry(n)], { updatedAt: n })),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(StaleWriteError);
      const got = await s.fetch('m1', { state: true, log: true });
      expect(got.log).toHaveLength(1);
      expect(got.log![0]!._stateID).toBe(got.state!.G.counter);
    });

    it("a move's commit keeps seat changes stored meanwhile, and a failed commit writes nothing", async () => {
      const s = await store();
      const m = freshMatch();
      await s.createMatch('m1', m);
      await s.updateMetadata('m1', (meta) => {
        meta.players[1]!.name = 'Bo';
        return meta;
      });
      const after = await s.commit('m1', nextState(m.initialState, 1), [logEntry(0)], { updatedAt: 77 });
      expect(after.players[1]!.name).toBe('Bo');
      expect(after.updatedAt).toBe(77);
      const bad = {
        updatedAt: 1,
        gameover: {
          toJSON: () => {
            throw new Error('boom');
          },
        },
      };
      await expect(s.commit('m1', nextState(nextState(m.initialState, 1), 4), [logEntry(1)], bad)).rejects.toThrow(
        'boom',
      );
      const got = await s.fetch('m1', { state: true, log: true, metadata: true });
      expect(got.state!.G.counter).toBe(1);
      expect(got.log).toHaveLength(1);
      expect(got.metadata!.updatedAt).toBe(77);
    });

    it('edits metadata and options under a row lock: concurrent edits all land, a throwing edit writes nothing', async () => {
      const s = await store();
      await s.createMatchWithOptions('m1', freshMatch(), { n: 0 });
      const bump = (n: number | undefined) => (n ?? 0) + 1;
      await Promise.all(
        Array.from({ length: 12 }, () =>
          s.updateMetadata('m1', (meta) => {
            const data = meta.players[0]!.data as { n?: number } | undefined;
            meta.players[0]!.data = { n: bump(data?.n) };
            return meta;
          }),
        ),
      );
      await Promise.all(
        Array.from({ length: 12 }, () => s.updateOptions('m1', (o) => ({ n: bump((o as { n: number }).n) }))),
      );
      expect((await s.fetch('m1', { metadata: true })).metadata!.players[0]!.data).toEqual({ n: 12 });
      expect(await s.getOptions('m1')).toEqual({ n: 12 });
      await expect(
        s.updateMetadata('m1', (meta) => {
          meta.players[0]!.name = 'Mallory';
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect((await s.fetch('m1', { metadata: true })).metadata!.players[0]!.name).toBeUndefined();
      expect(await s.updateOptions('m1', () => undefined)).toEqual({ n: 12 });
      expect(await s.updateMetadata('nope', () => undefined)).toBeUndefined();
      expect(await s.updateOptions('nope', () => ({}))).toBeUndefined();
      await expect(s.setOptions('nope', {})).rejects.toThrow(NoMatchError);
      await expect(s.setMetadata('nope', freshMatch().metadata)).rejects.toThrow(NoMatchError);
    });

    it('lists matches with boardgame.io filters and wipes a match with its log and chat', async () => {
      const s = await store();
      await s.createMatch('a', withMeta(freshMatch(), { updatedAt: 100 }));
      await s.createMatch('b', withMeta(freshMatch(), { updatedAt: 200, gameover: { x: 1 } }));
      expect((await s.listMatches()).sort()).toEqual(['a', 'b']);
      expect(await s.listMatches({ gameName: 'secret-test', where: { isGameover: true } })).toEqual(['b']);
      expect(await s.listMatches({ where: { isGameover: false } })).toEqual(['a']);
      expect(await s.listMatches({ where: { updatedBefore: 150 } })).toEqual(['a']);
      expect(await s.listMatches({ where: { updatedAfter: 150 } })).toEqual(['b']);
      expect(await s.listMatches({ gameName: 'other' })).toEqual([]);
      await s.setState('a', nextState(freshMatch().initialState, 1), [logEntry(0)]);
      await s.appendChat('a', { id: 'c', sender: '0', payload: 'hi' });
      await s.wipe('a');
      expect(await s.fetch('a', { state: true, metadata: true, log: true })).toEqual({ log: [] });
      expect(await s.chatPage('a', { limit: 10 })).toEqual([]);
      expect(await s.listMatches()).toEqual(['b']);
    });

    it('pages the listed matches newest first, skipping unlisted ones', async () => {
      const s = await store();
      for (let i = 0; i < 5; i++) await s.createMatch(`l${i}`, withMeta(freshMatch(), { updatedAt: 100 + i }));
      for (let i = 0; i < 40; i++)
        await s.createMatch(`u${i}`, withMeta(freshMatch(), { updatedAt: 1000 + i, unlisted: true }));
      await s.createMatch('over', withMeta(freshMatch(), { updatedAt: 50, gameover: { x: 1 } }));
      // Same updatedAt: the match id breaks the tie, in byte order on both engines.
      await s.createMatch('Z-tie', withMeta(freshMatch(), { updatedAt: 50 }));
      const ids = (p: { matches: { matchID: string }[] }) => p.matches.map((m) => m.matchID);
      const first = await s.listPage({ gameName: 'secret-test', limit: 2 });
      expect(ids(first)).toEqual(['l4', 'l3']);
      const second = await s.listPage({ gameName: 'secret-test', limit: 2, after: first.next! });
      expect(ids(second)).toEqual(['l2', 'l1']);
      const third = await s.listPage({ gameName: 'secret-test', limit: 3, after: second.next! });
      expect(ids(third)).toEqual(['l0', 'over', 'Z-tie']);
      expect(third.next).toBeNull();
      expect(ids(await s.listPage({ gameName: 'secret-test', limit: 9, gameover: true }))).toEqual(['over']);
      expect(ids(await s.listPage({ gameName: 'secret-test', limit: 2, gameover: false }))).toEqual(['l4', 'l3']);
      expect(ids(await s.listPage({ gameName: 'other', limit: 9 }))).toEqual([]);
    });

    it('counts open matches per creator and expires unjoined, finished and idle ones (with their log and chat)', async () => {
      const s = await store();
      const bot = (m: Fresh) => {
        m.metadata.players[1]!.name = 'Bot';
        m.metadata.players[1]!.data = { bot: true };
        return m;
      };
      await s.createMatchWithOptions(
        'unjoined-old',
        bot(withMeta(freshMatch(), { createdAt: 10, updatedAt: 10 })),
        {},
        'A',
      );
      await s.createMatchWithOptions(
        'unjoined-new',
        withMeta(freshMatch(), { createdAt: 900, updatedAt: 900 }),
        {},
        'A',
      );
      await s.createMatchWithOptions(
        'joined-old',
        seated(withMeta(freshMatch(), { createdAt: 10, updatedAt: 800 })),
        {},
        'B',
      );
      await s.createMatchWithOptions('idle', seated(withMeta(freshMatch(), { createdAt: 10, updatedAt: 20 })), {}, 'B');
      await s.createMatchWithOptions(
        'ended-old',
        seated(withMeta(freshMatch(), { updatedAt: 30, gameover: { w: 1 } })),
        {},
        'A',
      );
      await s.createMatchWithOptions(
        'ended-new',
        seated(withMeta(freshMatch(), { updatedAt: 950, gameover: { w: 1 } })),
        {},
        'A',
      );
      await s.appendChat('ended-old', { id: 'c', sender: '0', payload: 'hi' });
      await s.setState('ended-old', nextState(freshMatch().initialState, 1), [logEntry(0)]);
      expect([await s.countOpen(), await s.countOpen('A'), await s.countOpen('B'), await s.countOpen('C')]).toEqual([
        4, 2, 2, 0,
      ]);
      const gone = await s.expire({ unjoinedBefore: 500, finishedBefore: 500, idleBefore: 100, limit: 10 });
      expect(gone.sort()).toEqual(['ended-old', 'idle', 'unjoined-old']);
      expect((await s.listMatches()).sort()).toEqual(['ended-new', 'joined-old', 'unjoined-new']);
      expect(await s.chatPage('ended-old', { limit: 10 })).toEqual([]);
      expect((await s.fetch('ended-old', { log: true })).log).toEqual([]);
      expect(await s.expire({ unjoinedBefore: 1000, limit: 10 })).toEqual(['unjoined-new']);
      expect(await s.expire({ idleBefore: 10_000, finishedBefore: 10_000, limit: 1 })).toHaveLength(1);
    });

    it('caps a match chat history, pages it backwards, and numbers concurrent messages without gaps', async () => {
      const s = await store();
      await s.createMatch('m1', freshMatch());
      for (let i = 0; i < 30; i++) await s.appendChat('m1', { id: `c${i}`, sender: '0', payload: i }, i, 10);
      expect((await s.chatPage('m1', { limit: 4 })).map((m) => m.seq)).toEqual([26, 27, 28, 29]);
      expect((await s.chatPage('m1', { before: 26, limit: 100 })).map((m) => m.seq)).toEqual([20, 21, 22, 23, 24, 25]);
      expect(await s.recentChat('m1')).toHaveLength(10);
      expect((await s.recentChat('m1', 1))[0]).toEqual({ id: 'c29', sender: '0', payload: 29 });
      await s.createMatch('m2', freshMatch());
      const seqs = await Promise.all(Array.from({ length: 10 }, (_, i) => s.appendChat('m2', { id: `d${i}` })));
      expect(seqs.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    });
  });
}

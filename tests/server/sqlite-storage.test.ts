import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMatch } from 'boardgame.io/internal';
import type { LogEntry, State } from 'boardgame.io';
import { SqliteStorage, StaleWriteError } from '../../src/server/sqlite-storage';
import { memoryLogger } from '../../src/server/log';
import { SecretGame } from './fixtures/secret-game';

const dirs: string[] = [];
const open = (dir?: string) => {
  const d = dir ?? mkdtempSync(join(tmpdir(), 'eat-sqlite-'));
  if (!dir) dirs.push(d);
  const logger = memoryLogger();
  return { storage: new SqliteStorage({ dataDir: d, logger }), logger, dir: d };
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const fresh = () => {
  const m = createMatch({
    game: { ...SecretGame, seed: 's' },
    numPlayers: 2,
    setupData: { target: 9 },
    unlisted: false,
  });
  if ('setupDataError' in m) throw new Error('setup');
  return m;
};
const next = (s: State, n: number): State => ({ ...s, G: { ...s.G, counter: n }, _stateID: s._stateID + 1 });
const entry = (id: number): LogEntry =>
  ({
    action: { type: 'MAKE_MOVE', payload: { type: 'add', args: [1], playerID: '0' } },
    _stateID: id,
    turn: 1,
    phase: '',
  }) as LogEntry;

describe('SqliteStorage', () => {
  it('creates the data dir, stores a match and reads back every field', () => {
    const { storage, dir } = open(join(mkdtempSync(join(tmpdir(), 'eat-sqlite-')), 'nested', 'data'));
    dirs.push(join(dir, '..', '..'));
    const m = fresh();
    storage.createMatch('m1', m);
    const got = storage.fetch('m1', { state: true, metadata: true, initialState: true, log: true });
    expect(got.state).toEqual(m.initialState);
    expect(got.initialState).toEqual(m.initialState);
    expect(got.metadata).toEqual(m.metadata);
    expect(got.log).toEqual([]);
    expect(storage.db.pragma('journal_mode', { simple: true })).toBe('wal');
    storage.close();
  });

  it('appends log entries and refuses a state that is not newer (stale write)', () => {
    const { storage } = open();
    const m = fresh();
    storage.createMatch('m1', m);
    const s1 = next(m.initialState, 1);
    storage.setState('m1', s1, [entry(0)]);
    storage.commit('m1', next(s1, 2), [entry(1)], { ...m.metadata, gameover: { done: true }, updatedAt: 5 });
    expect(() => storage.setState('m1', s1, [entry(9)])).toThrow(StaleWriteError);
    expect(() => storage.setState('m1', next(s1, 7), [entry(9)])).toThrow(StaleWriteError);
    const got = storage.fetch('m1', { state: true, log: true, metadata: true });
    expect(got.state!.G.counter).toBe(2);
    expect(got.log!.map((e) => e._stateID)).toEqual([0, 1]);
    expect(got.metadata!.gameover).toEqual({ done: true });
    storage.close();
  });

  it('rolls back the whole commit when any part fails', () => {
    const { storage } = open();
    const m = fresh();
    storage.createMatch('m1', m);
    const bad = {
      ...m.metadata,
      players: {
        toJSON: () => {
          throw new Error('boom');
        },
      },
    } as never;
    expect(() => storage.commit('m1', next(m.initialState, 4), [entry(0)], bad)).toThrow('boom');
    const got = storage.fetch('m1', { state: true, log: true });
    expect(got.state!._stateID).toBe(m.initialState._stateID);
    expect(got.log).toEqual([]);
    storage.close();
  });

  it('lists matches with boardgame.io filters and wipes', () => {
    const { storage } = open();
    const a = fresh();
    const b = fresh();
    storage.createMatch('a', { ...a, metadata: { ...a.metadata, updatedAt: 100 } });
    storage.createMatch('b', { ...b, metadata: { ...b.metadata, updatedAt: 200, gameover: { x: 1 } } });
    expect(storage.listMatches().sort()).toEqual(['a', 'b']);
    expect(storage.listMatches({ gameName: 'secret-test', where: { isGameover: true } })).toEqual(['b']);
    expect(storage.listMatches({ where: { isGameover: false } })).toEqual(['a']);
    expect(storage.listMatches({ where: { updatedBefore: 150 } })).toEqual(['a']);
    expect(storage.listMatches({ where: { updatedAfter: 150 } })).toEqual(['b']);
    expect(storage.listMatches({ gameName: 'other' })).toEqual([]);
    storage.wipe('a');
    expect(storage.fetch('a', { state: true, metadata: true })).toEqual({});
    storage.close();
  });

  it('reports a corrupted row clearly and treats it as missing, without throwing', () => {
    const { storage, logger } = open();
    storage.createMatch('m1', fresh());
    storage.db.prepare("UPDATE matches SET state = '{not json' WHERE match_id = 'm1'").run();
    expect(storage.fetch('m1', { state: true, metadata: true }).state).toBeUndefined();
    expect(storage.fetch('m1', { metadata: true }).metadata).toBeDefined();
    const line = logger.lines.find((l) => l.level === 'error');
    expect(line?.message).toMatch(/corrupted state of match m1/);
    expect(line?.fields.matchID).toBe('m1');
    storage.close();
  });

  it('persists across reopen and backs up while open', () => {
    const { storage, dir } = open();
    const m = fresh();
    storage.createMatch('m1', m);
    storage.setState('m1', next(m.initialState, 3), [entry(0)]);
    storage.backup(join(dir, 'backup.sqlite'));
    storage.close();
    const again = new SqliteStorage({ dataDir: dir, logger: memoryLogger() });
    expect(again.fetch('m1', { state: true }).state!.G.counter).toBe(3);
    again.close();
    const copy = new SqliteStorage({ dataDir: dir, fileName: 'backup.sqlite', logger: memoryLogger() });
    expect(copy.fetch('m1', { log: true }).log).toHaveLength(1);
    copy.close();
  });
});

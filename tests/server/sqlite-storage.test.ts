import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMatch } from 'boardgame.io/internal';
import type { LogEntry, State } from 'boardgame.io';
import { SqliteStorage, StaleWriteError } from '../../src/server/sqlite-storage';
import { memoryLogger } from '../../src/server/log';
import { lockDataDir } from '../../src/server/data-dir-lock';
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

describe('SqliteStorage: listing, caps, expiry, chat', () => {
  const meta = (m: ReturnType<typeof fresh>, over: Partial<ReturnType<typeof fresh>['metadata']>) => ({
    ...m,
    metadata: { ...m.metadata, ...over },
  });

  it('pages the listed matches newest first in SQL, skipping unlisted ones however many there are', () => {
    const { storage } = open();
    for (let i = 0; i < 5; i++) storage.createMatch(`l${i}`, meta(fresh(), { updatedAt: 100 + i }));
    for (let i = 0; i < 500; i++) storage.createMatch(`u${i}`, meta(fresh(), { updatedAt: 1000 + i, unlisted: true }));
    storage.createMatch('over', meta(fresh(), { updatedAt: 50, gameover: { x: 1 } }));
    const first = storage.listPage({ gameName: 'secret-test', limit: 2 });
    expect(first.matches.map((m) => m.matchID)).toEqual(['l4', 'l3']);
    const second = storage.listPage({ gameName: 'secret-test', limit: 2, after: first.next! });
    expect(second.matches.map((m) => m.matchID)).toEqual(['l2', 'l1']);
    const third = storage.listPage({ gameName: 'secret-test', limit: 2, after: second.next! });
    expect(third.matches.map((m) => m.matchID)).toEqual(['l0', 'over']);
    expect(third.next).toBeNull();
    expect(
      storage.listPage({ gameName: 'secret-test', limit: 9, gameover: true }).matches.map((m) => m.matchID),
    ).toEqual(['over']);
    // The planner reads the listing index, never the whole table.
    const plan = storage.db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT match_id FROM matches INDEXED BY matches_listing WHERE game_name = 'x' AND unlisted = 0 AND (updated_at, match_id) < (1, 'a') ORDER BY updated_at DESC, match_id DESC LIMIT 3",
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(
      /USING (COVERING )?INDEX matches_listing \(game_name=\? AND unlisted=\? AND/,
    );
    storage.close();
  });

  it('counts open matches per creator and expires unjoined, finished and idle ones (with their log and chat)', () => {
    const { storage } = open();
    const seated = (m: ReturnType<typeof fresh>) => {
      m.metadata.players[0]!.name = 'Ann';
      return m;
    };
    const bot = (m: ReturnType<typeof fresh>) => {
      m.metadata.players[1]!.name = 'Bot';
      m.metadata.players[1]!.data = { bot: true };
      return m;
    };
    storage.createMatchWithOptions('unjoined-old', bot(meta(fresh(), { createdAt: 10, updatedAt: 10 })), {}, 'A');
    storage.createMatchWithOptions('unjoined-new', meta(fresh(), { createdAt: 900, updatedAt: 900 }), {}, 'A');
    storage.createMatchWithOptions('joined-old', seated(meta(fresh(), { createdAt: 10, updatedAt: 800 })), {}, 'B');
    storage.createMatchWithOptions('idle', seated(meta(fresh(), { createdAt: 10, updatedAt: 20 })), {}, 'B');
    storage.createMatchWithOptions('ended-old', seated(meta(fresh(), { updatedAt: 30, gameover: { w: 1 } })), {}, 'A');
    storage.createMatchWithOptions('ended-new', seated(meta(fresh(), { updatedAt: 950, gameover: { w: 1 } })), {}, 'A');
    storage.appendChat('ended-old', { id: 'c', sender: '0', payload: 'hi' });
    storage.setState('ended-old', next(fresh().initialState, 1), [entry(0)]);
    expect([storage.countOpen(), storage.countOpen('A'), storage.countOpen('B'), storage.countOpen('C')]).toEqual([
      4, 2, 2, 0,
    ]);
    const gone = storage.expire({ unjoinedBefore: 500, finishedBefore: 500, idleBefore: 100, limit: 10 });
    expect(gone.sort()).toEqual(['ended-old', 'idle', 'unjoined-old']);
    expect(storage.listMatches().sort()).toEqual(['ended-new', 'joined-old', 'unjoined-new']);
    expect(storage.db.prepare("SELECT COUNT(*) AS n FROM chat WHERE match_id = 'ended-old'").get()).toEqual({ n: 0 });
    expect(storage.db.prepare("SELECT COUNT(*) AS n FROM log_entries WHERE match_id = 'ended-old'").get()).toEqual({
      n: 0,
    });
    expect(storage.expire({ unjoinedBefore: 1000, limit: 10 })).toEqual(['unjoined-new']);
    storage.close();
  });

  it('caps a match chat history and pages it backwards', () => {
    const { storage } = open();
    storage.createMatch('m1', fresh());
    for (let i = 0; i < 30; i++) storage.appendChat('m1', { id: `c${i}`, sender: '0', payload: i }, i, 10);
    const newest = storage.chatPage('m1', { limit: 4 });
    expect(newest.map((m) => m.seq)).toEqual([26, 27, 28, 29]);
    expect(storage.chatPage('m1', { before: 26, limit: 100 }).map((m) => m.seq)).toEqual([20, 21, 22, 23, 24, 25]);
    expect(storage.recentChat('m1')).toHaveLength(10);
    storage.close();
  });

  it('migrates a version-1 database, filling the listing columns from the metadata', () => {
    const { storage, dir } = open();
    const m = fresh();
    m.metadata.players[0]!.name = 'Ann';
    storage.createMatch('m1', meta(m, { unlisted: true }));
    storage.db.exec(`
      DROP INDEX matches_listing; DROP INDEX matches_listing_by_end; DROP INDEX matches_open_by_creator;
      DROP INDEX matches_unjoined; DROP INDEX matches_by_end;
      ALTER TABLE matches DROP COLUMN unlisted; ALTER TABLE matches DROP COLUMN creator; ALTER TABLE matches DROP COLUMN humans;
      UPDATE schema_version SET version = 1;`);
    storage.close();
    const again = new SqliteStorage({ dataDir: dir, logger: memoryLogger() });
    expect(again.db.prepare('SELECT unlisted, humans FROM matches').get()).toEqual({ unlisted: 1, humans: 1 });
    expect(again.db.prepare('SELECT version FROM schema_version').get()).toEqual({ version: 2 });
    again.close();
  });
});

describe('the data directory lock', () => {
  it('refuses a second locking storage on the same directory, names the holder, and frees it on close', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eat-lock-'));
    dirs.push(dir);
    const first = new SqliteStorage({ dataDir: dir, logger: memoryLogger(), lock: true });
    expect(() => new SqliteStorage({ dataDir: dir, logger: memoryLogger(), lock: true })).toThrow(
      new RegExp(`another server is already using the data directory .* \\(pid ${process.pid}, started`),
    );
    // A reader (backups, tests) does not need the lock.
    const reader = new SqliteStorage({ dataDir: dir, logger: memoryLogger() });
    reader.close();
    first.close();
    const second = new SqliteStorage({ dataDir: dir, logger: memoryLogger(), lock: true });
    second.close();
  });

  it('is held against another process, and released by the OS when the holder is killed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eat-lock-'));
    dirs.push(dir);
    const holder = spawn(process.execPath, ['--import', 'tsx', '-e', HOLD_LOCK, dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((ok) => holder.stdout!.once('data', () => ok()));
    expect(() => lockDataDir(dir)).toThrow(/another server is already using the data directory/);
    holder.kill('SIGKILL');
    await new Promise((ok) => holder.once('exit', ok));
    lockDataDir(dir).release();
  });
});

const HOLD_LOCK = `
const { lockDataDir } = await import(${JSON.stringify(new URL('../../src/server/data-dir-lock.ts', import.meta.url).href)});
lockDataDir(process.argv[1]);
process.stdout.write('locked\\n');
setInterval(() => {}, 1000);
`;

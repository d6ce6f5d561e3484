import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStorage } from '../../src/server/storage';
import { memoryLogger } from '../../src/server/log';
import { lockDataDir } from '../../src/server/data-dir-lock';
import { freshMatch, logEntry, nextState, storageContract } from './storage-contract';

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

storageContract('SQLite', async () => open().storage);

describe('SqliteStorage', () => {
  it('creates the data dir in WAL mode', async () => {
    const { storage, dir } = open(join(mkdtempSync(join(tmpdir(), 'eat-sqlite-')), 'nested', 'data'));
    dirs.push(join(dir, '..', '..'));
    await storage.createMatch('m1', freshMatch());
    expect(await storage.has('m1')).toBe(true);
    expect(storage.db.pragma('journal_mode', { simple: true })).toBe('wal');
    await storage.close();
  });

  it('reports a corrupted row clearly and treats it as missing, without throwing', async () => {
    const { storage, logger } = open();
    await storage.createMatch('m1', freshMatch());
    storage.db.prepare("UPDATE matches SET state = '{not json' WHERE match_id = 'm1'").run();
    expect((await storage.fetch('m1', { state: true, metadata: true })).state).toBeUndefined();
    expect((await storage.fetch('m1', { metadata: true })).metadata).toBeDefined();
    const line = logger.lines.find((l) => l.level === 'error');
    expect(line?.message).toMatch(/corrupted state of match m1/);
    expect(line?.fields.matchID).toBe('m1');
    await storage.close();
  });

  it('persists across reopen and backs up while open', async () => {
    const { storage, dir } = open();
    const m = freshMatch();
    await storage.createMatch('m1', m);
    await storage.setState('m1', nextState(m.initialState, 3), [logEntry(0)]);
    storage.backup(join(dir, 'backup.sqlite'));
    await storage.close();
    const again = new SqliteStorage({ dataDir: dir, logger: memoryLogger() });
    expect((await again.fetch('m1', { state: true })).state!.G.counter).toBe(3);
    await again.close();
    const copy = new SqliteStorage({ dataDir: dir, fileName: 'backup.sqlite', logger: memoryLogger() });
    expect((await copy.fetch('m1', { log: true })).log).toHaveLength(1);
    await copy.close();
  });

  it('reads a lobby page from the listing index, never the whole table', async () => {
    const { storage } = open();
    const plan = storage.db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT match_id FROM matches INDEXED BY matches_listing WHERE game_name = 'x' AND unlisted = 0 AND (updated_at, match_id) < (1, 'a') ORDER BY updated_at DESC, match_id DESC LIMIT 3",
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(
      /USING (COVERING )?INDEX matches_listing \(game_name=\? AND unlisted=\? AND/,
    );
    await storage.close();
  });

  it('migrates a version-1 database, filling the listing columns from the metadata', async () => {
    const { storage, dir } = open();
    const m = freshMatch();
    m.metadata.players[0]!.name = 'Ann';
    await storage.createMatch('m1', { ...m, metadata: { ...m.metadata, unlisted: true } });
    storage.db.exec(`
      DROP INDEX matches_listing; DROP INDEX matches_listing_by_end; DROP INDEX matches_open_by_creator;
      DROP INDEX matches_unjoined; DROP INDEX matches_by_end;
      ALTER TABLE matches DROP COLUMN unlisted; ALTER TABLE matches DROP COLUMN creator; ALTER TABLE matches DROP COLUMN humans;
      UPDATE schema_version SET version = 1;`);
    await storage.close();
    const again = new SqliteStorage({ dataDir: dir, logger: memoryLogger() });
    expect(again.db.prepare('SELECT unlisted, humans FROM matches').get()).toEqual({ unlisted: 1, humans: 1 });
    expect(again.db.prepare('SELECT version FROM schema_version').get()).toEqual({ version: 2 });
    await again.close();
  });
});

describe('the data directory lock', () => {
  it('refuses a second locking storage on the same directory, names the holder, and frees it on close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eat-lock-'));
    dirs.push(dir);
    const first = new SqliteStorage({ dataDir: dir, logger: memoryLogger(), lock: true });
    expect(() => new SqliteStorage({ dataDir: dir, logger: memoryLogger(), lock: true })).toThrow(
      new RegExp(`another server is already using the data directory .* \\(pid ${process.pid}, started`),
    );
    // A reader (backups, tests) does not need the lock.
    const reader = new SqliteStorage({ dataDir: dir, logger: memoryLogger() });
    await reader.close();
    await first.close();
    const second = new SqliteStorage({ dataDir: dir, logger: memoryLogger(), lock: true });
    await second.close();
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

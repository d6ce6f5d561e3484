/**
 * `npm run migrate:pg`: a real SQLite deployment (made by a real server: moves, chat, bot options,
 * an unlisted match) copied into a real PostgreSQL database, verified, run again (nothing copied),
 * refused on conflicts and bad arguments, and played on by a server on PostgreSQL.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../src/server/log';
import { PgStorage, SqliteStorage, type MatchStore } from '../../src/server/storage';
import { newMatch, RawClient, startSecretServer, stateOf } from '../server/helpers';
import { createTestDatabase, type TestDatabase } from './pg-database';

const dir = mkdtempSync(join(tmpdir(), 'eat-migrate-'));
let db: TestDatabase;
const ids: string[] = [];
const creds: Record<string, string>[] = [];

const migrate = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/server/migrate-pg.ts', ...args], { encoding: 'utf8' });

/** Everything the server reads of a match, through the engine's own interface. */
async function snapshot(s: MatchStore, id: string) {
  return {
    fetched: await s.fetch(id, { state: true, metadata: true, initialState: true, log: true }),
    options: await s.getOptions(id),
    chat: await s.chatPage(id, { limit: 100 }),
  };
}

beforeAll(async () => {
  db = await createTestDatabase();
  const server = await startSecretServer({ bot: () => null }, dir);
  for (const body of [{}, { unlisted: true }, { bots: { '1': 'easy' } }]) {
    const m = await newMatch(server.url, 'secret-test', { setupData: { target: 50 }, ...body }, ['0']);
    ids.push(m.matchID);
    creds.push(m.creds);
  }
  const c = new RawClient(server.url, 'secret-test');
  await c.connected();
  let sid = stateOf(await c.sync(ids[0]!, '0', creds[0]!['0']))._stateID;
  for (let i = 0; i < 3; i++) sid = stateOf(await c.move(ids[0]!, '0', creds[0]!['0']!, sid, 'add', [1]))._stateID;
  for (let i = 0; i < 3; i++)
    c.emit('chat', ids[0], { id: `m${i}`, sender: '0', payload: `hello ${i}` }, creds[0]!['0']);
  await c.next((m) => m.event === 'chat' && (m.args[1] as { id: string }).id === 'm2');
  c.close();
  await server.stop();
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db.drop();
});

describe('npm run migrate:pg', () => {
  it('copies every match with its log, chat and options, verified, and copies nothing the second time', async () => {
    const first = migrate('--from', dir, '--to', db.url);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(
      /3 matches in .*: 3 copied \(3 log entries, 3 chat messages\), 0 already there, 0 conflicts/,
    );
    const sqlite = new SqliteStorage({ dataDir: dir, logger: memoryLogger() });
    const pg = new PgStorage({ url: db.url, logger: memoryLogger() });
    for (const id of ids) expect(await snapshot(pg, id)).toEqual(await snapshot(sqlite, id));
    const page = { gameName: 'secret-test', limit: 10 };
    expect(await pg.listPage(page)).toEqual(await sqlite.listPage(page));
    expect(await pg.countOpen()).toBe(3);
    await sqlite.close();
    const again = migrate('--from', dir, '--to', db.url);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/0 copied .* 3 already there, 0 conflicts/);
    // A match that changed in PostgreSQL since is a conflict: reported, left alone, exit 1.
    await pg.pool.query("UPDATE matches SET options = '{}' WHERE match_id = $1", [ids[2]]);
    const conflict = migrate('--from', dir, '--to', db.url);
    expect(conflict.status).toBe(1);
    expect(conflict.stderr).toContain(`conflict: match ${ids[2]} is in PostgreSQL with other content; left alone`);
    expect(await pg.getOptions(ids[2]!)).toEqual({});
    await pg.close();
  });

  it('refuses bad arguments, a missing database file and a data directory in use, each with a clear line', async () => {
    const noTo = migrate('--from', dir);
    expect(noTo.status).toBe(2);
    expect(noTo.stderr).toMatch(/^migrate:pg: --to: the PostgreSQL URL is required\nusage: npm run migrate:pg/);
    const noFile = migrate('--from', join(dir, 'nowhere'), '--to', db.url);
    expect(noFile.status).toBe(2);
    expect(noFile.stderr).toContain(`--from: no SQLite database at ${join(dir, 'nowhere', 'matches.sqlite')}`);
    expect(migrate('--from', dir, '--to', 'mysql://x/y').stderr).toContain('--to: expected a postgres:// URL');
    expect(migrate('--from', dir, '--to', db.url, '--force').stderr).toMatch(/Unknown option '--force'/);
    const holder = new SqliteStorage({ dataDir: dir, logger: memoryLogger(), lock: true });
    const busy = migrate('--from', dir, '--to', db.url);
    await holder.close();
    expect(busy.status).toBe(1);
    expect(busy.stderr).toMatch(
      /another server is already using the data directory .*\(stop the server using it first\)/,
    );
  });

  it('a server on PostgreSQL plays the migrated match on', async () => {
    const server = await startSecretServer({ databaseUrl: db.url, bot: () => null });
    const c = new RawClient(server.url, 'secret-test');
    await c.connected();
    const s = stateOf(await c.sync(ids[0]!, '0', creds[0]!['0']));
    expect(s.G.counter).toBe(3);
    expect(stateOf(await c.move(ids[0]!, '0', creds[0]!['0']!, s._stateID, 'add', [1])).G.counter).toBe(4);
    c.close();
    await server.stop();
  });
});

/** The storage contract against real PostgreSQL, plus what only this engine has: file migrations and its errors. */
import { mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { memoryLogger } from '../../src/server/log';
import { openStorage, PgStorage } from '../../src/server/storage';
import { MIGRATIONS_DIR, migratePg, readMigrations } from '../../src/server/storage/pg-migrations';
import { storageContract } from '../server/storage-contract';
import { createTestDatabase, type TestDatabase } from './pg-database';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

storageContract('PostgreSQL', async () => {
  const store = new PgStorage({ url: db.url, logger: memoryLogger() });
  await store.connect();
  await store.pool.query('TRUNCATE matches CASCADE');
  return store;
});

describe('PostgreSQL migrations', () => {
  it('applies the migration files once, even when instances start together, and records them', async () => {
    const fresh = await createTestDatabase();
    try {
      const logs = memoryLogger();
      const stores = [1, 2, 3].map(() => new PgStorage({ url: fresh.url, logger: logs }));
      await Promise.all(stores.map((s) => s.connect()));
      const files = readMigrations().map((m) => m.version);
      expect(files[0]).toBe('001_init');
      const { rows } = await stores[0]!.pool.query<{ version: string }>(
        'SELECT version FROM schema_migrations ORDER BY version',
      );
      expect(rows.map((r) => r.version)).toEqual(files);
      expect(logs.lines.filter((l) => l.fields.event === 'migrate')).toHaveLength(1);
      // A restart applies nothing.
      expect(await migratePg(stores[0]!.pool)).toEqual([]);
      for (const s of stores) await s.close();
    } finally {
      await fresh.drop();
    }
  });

  it('refuses a database migrated by a newer server, and rolls back a failing migration whole', async () => {
    const fresh = await createTestDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'eat-migrations-'));
    const pool = new pg.Pool({ connectionString: fresh.url });
    try {
      for (const m of readMigrations())
        copyFileSync(join(MIGRATIONS_DIR, `${m.version}.sql`), join(dir, `${m.version}.sql`));
      writeFileSync(join(dir, '900_broken.sql'), 'CREATE TABLE half_done (x int);\nSELECT no_such_function();');
      await expect(migratePg(pool, readMigrations(dir + '/'))).rejects.toThrow(/migration 900_broken failed/);
      const tables = await pool.query("SELECT 1 FROM pg_tables WHERE tablename IN ('matches', 'half_done')");
      expect(tables.rowCount).toBe(0);
      await migratePg(pool);
      await pool.query("INSERT INTO schema_migrations (version) VALUES ('999_future')");
      await expect(migratePg(pool)).rejects.toThrow(/migrations this server does not know \(999_future\)/);
      writeFileSync(join(dir, 'notes.txt'), 'x');
      expect(() => readMigrations(dir + '/')).toThrow(/notes\.txt: migration files are named like 001_init\.sql/);
    } finally {
      await pool.end();
      rmSync(dir, { recursive: true, force: true });
      await fresh.drop();
    }
  });

  it('says clearly when the database cannot be used, and refuses a URL that is not PostgreSQL', async () => {
    const gone = new PgStorage({ url: 'postgres://postgres:secret@127.0.0.1:1/none', logger: memoryLogger() });
    await expect(gone.connect()).rejects.toThrow(
      /^storage: cannot use the PostgreSQL database postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/none: /,
    );
    await gone.close();
    expect(() => openStorage({ databaseUrl: 'mysql://x/y', logger: memoryLogger() })).toThrow(
      /DATABASE_URL must start with postgres:\/\//,
    );
  });
});

/**
 * The PostgreSQL schema lives in numbered files (migrations/pg/NNN_name.sql), applied in order at
 * start inside one transaction, each recorded in `schema_migrations`. An advisory lock makes
 * instances that start together apply them once; a database migrated by a newer server is refused.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Pool } from 'pg';

/** Beside this module in src/, beside main.js in dist/ (vite.server.config.ts copies the folder). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/pg/', import.meta.url));

/** Any constant: the advisory lock key that serialises migrations across instances. */
const MIGRATION_LOCK = 7_301_413;

export interface Migration {
  version: string;
  sql: string;
}

/** The migration files, in order; a file not named NNN_words.sql is an error, not skipped. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir).sort();
  return files.map((file) => {
    const m = /^(\d{3})_[a-z0-9_]+\.sql$/.exec(file);
    if (!m) throw new Error(`${dir}${file}: migration files are named like 001_init.sql`);
    return { version: file.replace(/\.sql$/, ''), sql: readFileSync(dir + file, 'utf8') };
  });
}

/** Applies the migrations the database has not seen; returns the versions applied now. */
export async function migratePg(pool: Pool, migrations = readMigrations()): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version');
    const known = new Set(migrations.map((m) => m.version));
    const unknown = rows.filter((r) => !known.has(r.version)).map((r) => r.version);
    if (unknown.length > 0)
      throw new Error(
        `the database has migrations this server does not know (${unknown.join(', ')}): it was upgraded by a newer server; run that version`,
      );
    const done = new Set(rows.map((r) => r.version));
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      try {
        await client.query(m.sql);
      } catch (err) {
        throw new Error(`migration ${m.version} failed: ${(err as Error).message}`, { cause: err });
      }
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [m.version]);
      applied.push(m.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}

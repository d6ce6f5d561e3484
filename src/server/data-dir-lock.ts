/**
 * One server per data directory: two processes writing the same SQLite file would each cache match
 * state and overwrite the other's moves. The lock is an SQLite file held in exclusive locking mode, so
 * the operating system releases it when the process dies in any way (kill -9 included): no stale
 * lock files to clean up. `server.pid` beside it only names the holder for the refusal message.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export interface DataDirLock {
  release(): void;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    holder: string,
  ) {
    super(
      `another server is already using the data directory ${dir}${holder ? ` (${holder})` : ''}: ` +
        'stop it first, or give this one its own DATA_DIR',
    );
    this.name = 'DataDirLockedError';
  }
}

/** Takes the lock of `dir` or throws DataDirLockedError naming the holder. */
export function lockDataDir(dir: string): DataDirLock {
  const db = new Database(join(dir, 'server.lock'));
  const pidFile = join(dir, 'server.pid');
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    // The first write takes the exclusive lock; in this mode it is kept until the connection closes.
    db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER); DELETE FROM holder; INSERT INTO holder VALUES (1);');
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code !== 'SQLITE_BUSY') throw err;
    let holder = '';
    try {
      holder = readFileSync(pidFile, 'utf8').trim();
    } catch {
      // The holder is starting up and has not written its pid yet.
    }
    throw new DataDirLockedError(dir, holder);
  }
  writeFileSync(pidFile, `pid ${process.pid}, started ${new Date().toISOString()}\n`);
  return { release: () => db.close() };
}

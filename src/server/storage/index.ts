/** Picks the storage engine: PostgreSQL when a database URL is given (`DATABASE_URL`), else embedded SQLite. */
import type { Logger } from '../log';
import type { MatchStore } from './match-store';
import { PgStorage } from './pg';
import { SqliteStorage } from './sqlite';

export interface OpenStorageOptions {
  /** `postgres://…`; default `DATABASE_URL`; absent or empty = SQLite in `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  logger: Logger;
  /** Hold the SQLite data directory's lock (a server does). */
  lock?: boolean;
}

export function openStorage(opts: OpenStorageOptions): MatchStore {
  const url = opts.databaseUrl ?? process.env.DATABASE_URL;
  if (!url) return new SqliteStorage({ dataDir: opts.dataDir, logger: opts.logger, lock: opts.lock ?? false });
  if (!/^postgres(ql)?:\/\//.test(url))
    throw new Error(
      `bad server settings: DATABASE_URL must start with postgres:// or postgresql://, got "${url.split(':')[0]}:…"`,
    );
  return new PgStorage({ url, logger: opts.logger });
}

export { MatchStore, StaleWriteError, NoMatchError, humansSeated } from './match-store';
export type { ListCursor, ListPageOptions, ListedMatch, ExpiryBounds, MoveMetadata, StoredChat } from './match-store';
export { SqliteStorage } from './sqlite';
export { PgStorage } from './pg';

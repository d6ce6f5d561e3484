/**
 * The PostgreSQL engine (node-postgres `pg`), for several server instances sharing one database.
 * Same columns and rules as the SQLite engine: the commit refuses a state whose `_stateID` is not newer
 * (one conditional UPDATE), and every read-modify-write of metadata, options or chat holds the match's
 * row lock (`SELECT … FOR UPDATE`) so two instances cannot lose each other's change.
 */
import pg from 'pg';
import type { LogEntry, Server, State, StorageAPI } from 'boardgame.io';
import { consoleLogger, type Logger } from '../log';
import { MatchStore, NoMatchError, StaleWriteError } from './match-store';
import type { ExpiryKind, ListPage, ListPageOptions, MoveMetadata, StoredChat } from './match-store';
import { migratePg } from './pg-migrations';
import { afterMove, JsonColumns, listMatchesWhere, metadataColumns, newMatchRow } from './rows';
import type { ListRow, MatchRow } from './rows';

export interface PgStorageOptions {
  /** `postgres://user[:password]@host[:port]/database`. */
  url: string;
  logger?: Logger;
  /** Connections in the pool (default 10). */
  poolSize?: number;
}

type Client = pg.PoolClient;

/** The URL without its password, for logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'an unparsable DATABASE_URL';
  }
}

export class PgStorage extends MatchStore {
  readonly location: string;
  readonly pool: pg.Pool;
  private readonly json: JsonColumns;
  private readonly logger: Logger;
  private ready: Promise<void> | undefined;

  constructor(opts: PgStorageOptions) {
    super();
    this.location = redactUrl(opts.url);
    this.logger = opts.logger ?? consoleLogger();
    this.json = new JsonColumns(this.logger, this.location);
    this.pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    // An idle connection dropped by the server must not crash the process; the pool replaces it.
    this.pool.on('error', (err) =>
      this.logger.error('storage: idle PostgreSQL connection failed', { event: 'pg', err }),
    );
  }

  /** Applies pending schema migrations (once, however often it is called). */
  override connect(): Promise<void> {
    this.ready ??= migratePg(this.pool).then(
      (applied) => {
        if (applied.length > 0)
          this.logger.info(`storage: applied migrations ${applied.join(', ')}`, { event: 'migrate', applied });
      },
      (err: Error) => {
        throw new Error(`storage: cannot use the PostgreSQL database ${this.location}: ${err.message}`, { cause: err });
      },
    );
    return this.ready;
  }

  /** Runs `fn` in one transaction on one connection; any throw rolls it back. */
  private async tx<T>(fn: (c: Client) => Promise<T>, begin = 'BEGIN'): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query(begin);
      const out = await fn(c);
      await c.query('COMMIT');
      c.release();
      return out;
    } catch (err) {
      // A connection that cannot even roll back is dropped from the pool, not reused.
      await c.query('ROLLBACK').then(
        () => c.release(),
        (e: Error) => c.release(e),
      );
      throw err;
    }
  }

  private async rows<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    return (await this.pool.query<R>(sql, params)).rows;
  }

  override async createMatchWithOptions(
    matchID: string,
    opts: StorageAPI.CreateMatchOpts,
    options: unknown,
    creator: string | null = null,
  ): Promise<void> {
    const r = newMatchRow(matchID, opts, options, creator);
    await this.pool.query(
      `INSERT INTO matches (match_id, game_name, state_id, state, initial_state, metadata, options, gameover,
                            created_at, updated_at, unlisted, creator, humans)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        r.id,
        r.game,
        r.stateID,
        r.state,
        r.initial,
        r.metadata,
        r.options,
        r.gameover,
        r.createdAt,
        r.updatedAt,
        r.unlisted,
        r.creator,
        r.humans,
      ],
    );
  }

  override async setState(matchID: string, state: State, deltalog?: LogEntry[]): Promise<void> {
    await this.commit(matchID, state, deltalog, undefined);
  }

  override async setMetadata(matchID: string, metadata: Server.MatchData): Promise<void> {
    await writeMetadata(this.pool, matchID, metadata);
  }

  override commit(
    matchID: string,
    state: State,
    deltalog: LogEntry[] | undefined,
    change: MoveMetadata | undefined,
  ): Promise<Server.MatchData> {
    return this.tx(async (c) => {
      // The conditional UPDATE checks freshness, writes and takes the row lock in one statement.
      const updated = await c.query<{ metadata: string }>(
        'UPDATE matches SET state = $1, state_id = $2 WHERE match_id = $3 AND state_id < $2 RETURNING metadata',
        [JSON.stringify(state), state._stateID, matchID],
      );
      const row = updated.rows[0];
      if (row === undefined) {
        const found = await c.query<{ state_id: number }>('SELECT state_id FROM matches WHERE match_id = $1', [
          matchID,
        ]);
        if (found.rows[0] === undefined) throw new NoMatchError('setState', matchID);
        throw new StaleWriteError(matchID, found.rows[0].state_id, state._stateID);
      }
      if (deltalog && deltalog.length > 0)
        await c.query(
          `INSERT INTO log_entries (match_id, entry)
             SELECT $1, e FROM unnest($2::text[]) WITH ORDINALITY AS t(e, i) ORDER BY i`,
          [matchID, deltalog.map((e) => JSON.stringify(e))],
        );
      const stored = this.json.metadata(matchID, row.metadata);
      if (stored === undefined) throw new Error(`commit: unreadable metadata of match ${matchID}`);
      if (change === undefined) return stored;
      const metadata = afterMove(stored, change);
      await writeMetadata(c, matchID, metadata);
      return metadata;
    });
  }

  override updateMetadata(
    matchID: string,
    change: (metadata: Server.MatchData) => Server.MatchData | undefined,
  ): Promise<Server.MatchData | undefined> {
    return this.tx(async (c) => {
      const row = (
        await c.query<{ metadata: string }>('SELECT metadata FROM matches WHERE match_id = $1 FOR UPDATE', [matchID])
      ).rows[0];
      const metadata = row === undefined ? undefined : this.json.metadata(matchID, row.metadata);
      if (metadata === undefined) return undefined;
      const next = change(metadata);
      if (next === undefined) return metadata;
      await writeMetadata(c, matchID, next);
      return next;
    });
  }

  override async getOptions(matchID: string): Promise<unknown> {
    const [row] = await this.rows<{ options: string | null }>('SELECT options FROM matches WHERE match_id = $1', [
      matchID,
    ]);
    return this.json.parse(matchID, 'options', row?.options);
  }

  override async setOptions(matchID: string, options: unknown): Promise<void> {
    await writeOptions(this.pool, matchID, options);
  }

  override updateOptions(matchID: string, change: (options: unknown) => unknown): Promise<unknown> {
    return this.tx(async (c) => {
      const row = (
        await c.query<{ options: string | null }>('SELECT options FROM matches WHERE match_id = $1 FOR UPDATE', [
          matchID,
        ])
      ).rows[0];
      if (row === undefined) return undefined;
      const options = this.json.parse(matchID, 'options', row.options);
      const next = change(options);
      if (next === undefined) return options;
      await writeOptions(c, matchID, next);
      return next;
    });
  }

  override appendChat(matchID: string, message: unknown, at = Date.now(), keep = Infinity): Promise<number> {
    return this.tx(async (c) => {
      // The match's row lock orders appends from every instance, so each gets the next seq.
      const locked = await c.query('SELECT 1 FROM matches WHERE match_id = $1 FOR UPDATE', [matchID]);
      if (locked.rowCount === 0) throw new NoMatchError('appendChat', matchID);
      const { rows } = await c.query<{ seq: number }>(
        `INSERT INTO chat (match_id, seq, message, at)
           VALUES ($1, (SELECT COALESCE(MAX(seq), -1) + 1 FROM chat WHERE match_id = $1), $2, $3) RETURNING seq`,
        [matchID, JSON.stringify(message), at],
      );
      const seq = rows[0]!.seq;
      if (Number.isFinite(keep))
        await c.query('DELETE FROM chat WHERE match_id = $1 AND seq <= $2', [matchID, seq - keep]);
      return seq;
    });
  }

  override async chatPage(
    matchID: string,
    page: { before?: number | undefined; limit: number },
  ): Promise<StoredChat[]> {
    const rows = await this.rows<{ seq: number; message: string }>(
      'SELECT seq, message FROM chat WHERE match_id = $1 AND seq < $2 ORDER BY seq DESC LIMIT $3',
      [matchID, page.before ?? 2 ** 31 - 1, page.limit],
    );
    return this.json.chat(matchID, rows);
  }

  override async listPage(opts: ListPageOptions): Promise<ListPage> {
    const after = opts.after ?? { updatedAt: Number.MAX_SAFE_INTEGER, matchID: '' };
    const params: unknown[] = [opts.gameName, after.updatedAt, after.matchID, opts.limit + 1];
    if (opts.gameover !== undefined) params.push(opts.gameover);
    const rows = await this.rows<ListRow>(
      `SELECT match_id, metadata, options, updated_at FROM matches
         WHERE game_name = $1 AND NOT unlisted ${opts.gameover === undefined ? '' : 'AND gameover = $5'}
           AND (updated_at, match_id) < ($2, $3)
         ORDER BY updated_at DESC, match_id DESC LIMIT $4`,
      params,
    );
    return this.json.listPage(rows, opts.limit);
  }

  override async countOpen(creator?: string): Promise<number> {
    const [row] =
      creator === undefined
        ? await this.rows<{ n: number }>('SELECT COUNT(*)::int AS n FROM matches WHERE NOT gameover')
        : await this.rows<{ n: number }>('SELECT COUNT(*)::int AS n FROM matches WHERE creator = $1 AND NOT gameover', [
            creator,
          ]);
    return row!.n;
  }

  protected override async expiredIDs(kind: ExpiryKind, before: number, limit: number): Promise<string[]> {
    const rows =
      kind === 'unjoined'
        ? await this.rows<{ match_id: string }>(
            'SELECT match_id FROM matches WHERE NOT gameover AND humans = 0 AND created_at < $1 ORDER BY created_at LIMIT $2',
            [before, limit],
          )
        : await this.rows<{ match_id: string }>(
            'SELECT match_id FROM matches WHERE gameover = $1 AND updated_at < $2 ORDER BY updated_at LIMIT $3',
            [kind === 'finished', before, limit],
          );
    return rows.map((r) => r.match_id);
  }

  /** Log and chat rows go with their match (ON DELETE CASCADE). */
  protected override async wipeMany(ids: string[]): Promise<void> {
    await this.pool.query('DELETE FROM matches WHERE match_id = ANY($1)', [ids]);
  }

  override async wipe(matchID: string): Promise<void> {
    await this.wipeMany([matchID]);
  }

  override async has(matchID: string): Promise<boolean> {
    return (await this.rows('SELECT 1 FROM matches WHERE match_id = $1', [matchID])).length > 0;
  }

  override async fetch<O extends StorageAPI.FetchOpts>(matchID: string, opts: O): Promise<StorageAPI.FetchResult<O>> {
    const cols: string[] = [];
    if (opts.state) cols.push('state');
    if (opts.metadata) cols.push('metadata');
    if (opts.initialState) cols.push('initial_state');
    const read = async (c: pg.Pool | Client) => {
      const row =
        cols.length > 0
          ? (await c.query<MatchRow>(`SELECT ${cols.join(', ')} FROM matches WHERE match_id = $1`, [matchID])).rows[0]
          : undefined;
      const log = opts.log
        ? (
            await c.query<{ seq: string; entry: string }>(
              'SELECT seq, entry FROM log_entries WHERE match_id = $1 ORDER BY seq',
              [matchID],
            )
          ).rows
        : undefined;
      return this.json.fetched(matchID, opts, row, log);
    };
    // Row and log together are read in one snapshot (REPEATABLE READ), so they always agree; one alone needs none.
    return cols.length > 0 && opts.log
      ? this.tx(read, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
      : read(this.pool);
  }

  override async listMatches(opts?: StorageAPI.ListMatchesOpts): Promise<string[]> {
    const params: unknown[] = [];
    const where = listMatchesWhere(opts, (v) => `$${params.push(v)}`);
    const rows = await this.rows<{ match_id: string }>(
      `SELECT match_id FROM matches ${where} ORDER BY updated_at DESC`,
      params,
    );
    return rows.map((r) => r.match_id);
  }

  override async close(): Promise<void> {
    await this.pool.end();
  }
}

async function writeMetadata(q: pg.Pool | Client, matchID: string, metadata: Server.MatchData): Promise<void> {
  const c = metadataColumns(metadata);
  const res = await q.query(
    'UPDATE matches SET metadata = $1, gameover = $2, updated_at = $3, humans = $4, unlisted = $5 WHERE match_id = $6',
    [c.metadata, c.gameover, c.updatedAt, c.humans, c.unlisted, matchID],
  );
  if (res.rowCount === 0) throw new NoMatchError('setMetadata', matchID);
}

async function writeOptions(q: pg.Pool | Client, matchID: string, options: unknown): Promise<void> {
  const res = await q.query('UPDATE matches SET options = $1 WHERE match_id = $2', [JSON.stringify(options), matchID]);
  if (res.rowCount === 0) throw new NoMatchError('setOptions', matchID);
}

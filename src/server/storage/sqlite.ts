/**
 * The default engine: embedded SQLite (better-sqlite3, WAL), no service to run. Every call runs
 * synchronously inside its promise, so a read-modify-write here is atomic by construction.
 *
 * Durability: `synchronous=NORMAL` by default. In WAL mode a commit is in the OS page cache when
 * `COMMIT` returns, so it survives the process being killed (SIGKILL, crash, OOM): exactly the
 * guarantee "every acknowledged move survives a server crash" needs. Only an OS crash or power
 * loss can drop the last commits. `FULL` (an fsync per move) closes that too but blocks the single
 * event loop for a disk flush on every move; pick it with `SQLITE_SYNCHRONOUS=FULL`.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { LogEntry, Server, State, StorageAPI } from 'boardgame.io';
import { lockDataDir, type DataDirLock } from '../data-dir-lock';
import { consoleLogger, type Logger } from '../log';
import { afterMove, JsonColumns, listMatchesWhere, metadataColumns, newMatchRow } from './rows';
import type { ListRow, MatchRow } from './rows';
import { MatchStore, NoMatchError, StaleWriteError } from './match-store';
import type { ExpiryKind, ListPage, ListPageOptions, MoveMetadata, StoredChat } from './match-store';
import { startCheckpointer } from './sqlite-checkpointer';
import { migrateSqlite, prepareSqlite, type SqliteStatements } from './sqlite-schema';

/** SQLite has no boolean: better-sqlite3 binds 1 and 0. */
const bit = (b: boolean): 0 | 1 => (b ? 1 : 0);

export interface SqliteStorageOptions {
  /** Folder for the database file; created if missing. Default `DATA_DIR` or `./data`. */
  dataDir?: string;
  /** File name inside dataDir; `:memory:` for an in-process database. */
  fileName?: string;
  /** Run WAL checkpoints in a worker thread (default true for files). */
  checkpointWorker?: boolean;
  synchronous?: 'NORMAL' | 'FULL';
  logger?: Logger;
  /** Hold the data directory's lock (a server does; a reader such as a test or a backup script does not). */
  lock?: boolean;
}

export class SqliteStorage extends MatchStore {
  readonly db: Database.Database;
  readonly path: string;
  private readonly q: SqliteStatements;
  private readonly json: JsonColumns;
  private checkpointer: Worker | undefined;
  private lock: DataDirLock | undefined;

  constructor(opts: SqliteStorageOptions = {}) {
    super();
    const logger = opts.logger ?? consoleLogger();
    const fileName = opts.fileName ?? 'matches.sqlite';
    if (fileName === ':memory:') {
      this.path = ':memory:';
    } else {
      const dir = resolve(opts.dataDir ?? process.env.DATA_DIR ?? './data');
      mkdirSync(dir, { recursive: true });
      this.path = join(dir, fileName);
      if (opts.lock) this.lock = lockDataDir(dir);
    }
    this.json = new JsonColumns(logger, this.path);
    this.db = new Database(this.path);
    this.db.pragma('journal_mode = WAL');
    const sync = opts.synchronous ?? (process.env.SQLITE_SYNCHRONOUS === 'FULL' ? 'FULL' : 'NORMAL');
    this.db.pragma(`synchronous = ${sync}`);
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    migrateSqlite(this.db, this.path);
    this.q = prepareSqlite(this.db);
    if (this.path !== ':memory:' && opts.checkpointWorker !== false)
      this.checkpointer = startCheckpointer(this.db, this.path, logger);
  }

  get location(): string {
    return this.path;
  }

  /** The schema is created when the file opens; nothing to wait for. */
  override async connect(): Promise<void> {}

  override async createMatchWithOptions(
    matchID: string,
    opts: StorageAPI.CreateMatchOpts,
    options: unknown,
    creator: string | null = null,
  ): Promise<void> {
    const r = newMatchRow(matchID, opts, options, creator);
    this.q.insertMatch.run({ ...r, gameover: bit(r.gameover), unlisted: bit(r.unlisted) });
  }

  /** Appends the log entries and replaces the state, refusing a state that is not newer than the stored one. */
  override async setState(matchID: string, state: State, deltalog?: LogEntry[]): Promise<void> {
    await this.commit(matchID, state, deltalog, undefined);
  }

  override async setMetadata(matchID: string, metadata: Server.MatchData): Promise<void> {
    this.writeMetadata(matchID, metadata);
  }

  private writeMetadata(matchID: string, metadata: Server.MatchData): void {
    const c = metadataColumns(metadata);
    const res = this.q.updateMetadata.run(c.metadata, bit(c.gameover), c.updatedAt, c.humans, bit(c.unlisted), matchID);
    if (res.changes === 0) throw new NoMatchError('setMetadata', matchID);
  }

  override async commit(
    matchID: string,
    state: State,
    deltalog: LogEntry[] | undefined,
    change: MoveMetadata | undefined,
  ): Promise<Server.MatchData> {
    return this.db.transaction(() => {
      // One conditional UPDATE both checks freshness and writes; the SELECT runs only to explain a refusal.
      if (this.q.updateState.run(JSON.stringify(state), state._stateID, matchID, state._stateID).changes === 0) {
        const row = this.q.stateID.get(matchID) as { state_id: number } | undefined;
        if (row === undefined) throw new NoMatchError('setState', matchID);
        throw new StaleWriteError(matchID, row.state_id, state._stateID);
      }
      if (deltalog) for (const entry of deltalog) this.q.insertLog.run(matchID, JSON.stringify(entry));
      const stored = this.readMetadata(matchID);
      if (stored === undefined) throw new Error(`commit: unreadable metadata of match ${matchID}`);
      if (change === undefined) return stored;
      const metadata = afterMove(stored, change);
      this.writeMetadata(matchID, metadata);
      return metadata;
    })();
  }

  private readMetadata(matchID: string): Server.MatchData | undefined {
    const row = this.q.metadata.get(matchID) as { metadata: string } | undefined;
    return row === undefined ? undefined : this.json.metadata(matchID, row.metadata);
  }

  override async updateMetadata(
    matchID: string,
    change: (metadata: Server.MatchData) => Server.MatchData | undefined,
  ): Promise<Server.MatchData | undefined> {
    return this.db.transaction(() => {
      const metadata = this.readMetadata(matchID);
      if (metadata === undefined) return undefined;
      const next = change(metadata);
      if (next === undefined) return metadata;
      this.writeMetadata(matchID, next);
      return next;
    })();
  }

  override async getOptions(matchID: string): Promise<unknown> {
    return this.readOptions(matchID);
  }

  private readOptions(matchID: string): unknown {
    const row = this.q.options.get(matchID) as { options: string | null } | undefined;
    return this.json.parse(matchID, 'options', row?.options);
  }

  override async setOptions(matchID: string, options: unknown): Promise<void> {
    this.writeOptions(matchID, options);
  }

  private writeOptions(matchID: string, options: unknown): void {
    if (this.q.updateOptions.run(JSON.stringify(options), matchID).changes === 0)
      throw new NoMatchError('setOptions', matchID);
  }

  override async updateOptions(matchID: string, change: (options: unknown) => unknown): Promise<unknown> {
    return this.db.transaction(() => {
      if (this.q.exists.get(matchID) === undefined) return undefined;
      const options = this.readOptions(matchID);
      const next = change(options);
      if (next === undefined) return options;
      this.writeOptions(matchID, next);
      return next;
    })();
  }

  override async appendChat(matchID: string, message: unknown, at = Date.now(), keep = Infinity): Promise<number> {
    return this.db.transaction(() => {
      const { seq } = this.q.appendChat.get(matchID, matchID, JSON.stringify(message), at) as { seq: number };
      if (Number.isFinite(keep)) this.q.trimChat.run(matchID, seq - keep);
      return seq;
    })();
  }

  override async chatPage(
    matchID: string,
    page: { before?: number | undefined; limit: number },
  ): Promise<StoredChat[]> {
    const rows = this.q.chatPage.all(matchID, page.before ?? Number.MAX_SAFE_INTEGER, page.limit) as {
      seq: number;
      message: string;
    }[];
    return this.json.chat(matchID, rows);
  }

  override async listPage(opts: ListPageOptions): Promise<ListPage> {
    const after = opts.after ?? { updatedAt: Number.MAX_SAFE_INTEGER, matchID: '' };
    const rest = [after.updatedAt, after.matchID, opts.limit + 1];
    const rows = (
      opts.gameover === undefined
        ? this.q.listPage.all(opts.gameName, ...rest)
        : this.q.listPageByEnd.all(opts.gameName, opts.gameover ? 1 : 0, ...rest)
    ) as ListRow[];
    return this.json.listPage(rows, opts.limit);
  }

  override async countOpen(creator?: string): Promise<number> {
    const row = (creator === undefined ? this.q.countOpen.get() : this.q.countOpenBy.get(creator)) as { n: number };
    return row.n;
  }

  protected override async expiredIDs(kind: ExpiryKind, before: number, limit: number): Promise<string[]> {
    const rows =
      kind === 'unjoined'
        ? this.q.unjoined.all(before, limit)
        : this.q.endedBefore.all(kind === 'finished' ? 1 : 0, before, limit);
    return (rows as { match_id: string }[]).map((r) => r.match_id);
  }

  protected override async wipeMany(ids: string[]): Promise<void> {
    this.db.transaction(() => {
      for (const id of ids) this.wipeOne(id);
    })();
  }

  override async has(matchID: string): Promise<boolean> {
    return this.q.exists.get(matchID) !== undefined;
  }

  override async fetch<O extends StorageAPI.FetchOpts>(matchID: string, opts: O): Promise<StorageAPI.FetchResult<O>> {
    const cols: string[] = [];
    if (opts.state) cols.push('state');
    if (opts.metadata) cols.push('metadata');
    if (opts.initialState) cols.push('initial_state');
    const row =
      cols.length > 0
        ? (this.db.prepare(`SELECT ${cols.join(', ')} FROM matches WHERE match_id = ?`).get(matchID) as
            MatchRow | undefined)
        : undefined;
    const log = opts.log ? (this.q.log.all(matchID) as { seq: number; entry: string }[]) : undefined;
    return this.json.fetched(matchID, opts, row, log);
  }

  override async wipe(matchID: string): Promise<void> {
    this.db.transaction(() => this.wipeOne(matchID))();
  }

  private wipeOne(matchID: string): void {
    this.q.wipeLog.run(matchID);
    this.q.wipeChat.run(matchID);
    this.q.wipe.run(matchID);
  }

  override async listMatches(opts?: StorageAPI.ListMatchesOpts): Promise<string[]> {
    const params: unknown[] = [];
    // SQLite stores booleans as 0/1.
    const where = listMatchesWhere(opts, (v) => (params.push(typeof v === 'boolean' ? Number(v) : v), '?'));
    const sql = `SELECT match_id FROM matches ${where} ORDER BY updated_at DESC`;
    return (this.db.prepare(sql).all(...params) as { match_id: string }[]).map((r) => r.match_id);
  }

  /** A consistent copy of the database while the server runs (`VACUUM INTO`). */
  backup(toFile: string): void {
    this.db.prepare('VACUUM INTO ?').run(toFile);
  }

  override async close(): Promise<void> {
    void this.checkpointer?.terminate();
    this.checkpointer = undefined;
    if (this.db.open) this.db.close();
    this.lock?.release();
    this.lock = undefined;
  }
}

/**
 * boardgame.io storage on embedded SQLite (better-sqlite3, WAL).
 *
 * Durability: `synchronous=NORMAL` by default. In WAL mode a commit is in the OS page cache when
 * `COMMIT` returns, so it survives the process being killed (SIGKILL, crash, OOM): exactly the
 * guarantee "every acknowledged move survives a server crash" needs. Only an OS crash or power
 * loss can drop the last commits. `FULL` (an fsync per move) closes that too but blocks the single
 * event loop for a disk flush on every move; pick it with `SQLITE_SYNCHRONOUS=FULL`.
 *
 * WAL checkpoints (copying the log into the database file, with fsyncs) run in a worker thread on
 * its own connection, not on the event loop: done inline they stalled moves for tens of ms.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { Sync } from 'boardgame.io/internal';
import type { LogEntry, Server, State, StorageAPI } from 'boardgame.io';
import { lockDataDir, type DataDirLock } from './data-dir-lock';
import { consoleLogger, type Logger } from './log';

const SCHEMA_VERSION = 2;

/** Where a lobby page starts: after the row with this `updated_at` and match id (keyset pagination). */
export interface ListCursor {
  updatedAt: number;
  matchID: string;
}

export interface ListPageOptions {
  gameName: string;
  /** Only finished (true) or unfinished (false) matches; all when absent. */
  gameover?: boolean;
  limit: number;
  after?: ListCursor | undefined;
}

export interface ListedMatch {
  matchID: string;
  metadata: Server.MatchData;
  options: unknown;
}

/** Ages (epoch ms) before which a match is expired; an absent bound expires nothing of that kind. */
export interface ExpiryBounds {
  /** Unfinished matches no person ever joined, created before this. */
  unjoinedBefore?: number;
  /** Finished matches last updated before this. */
  finishedBefore?: number;
  /** Unfinished matches with nothing happening since this. */
  idleBefore?: number;
  /** Most matches deleted in one call (keeps each sweep short). */
  limit: number;
}

/** Seats a person holds (named, not a bot): a match nobody joined has none. */
export const humansSeated = (metadata: Server.MatchData): number =>
  Object.values(metadata.players).filter((p) => p.name && !(p.data as { bot?: boolean } | undefined)?.bot).length;

/** A write that would replace a stored state with an older or equal one (`_stateID` not newer). */
export class StaleWriteError extends Error {
  constructor(
    readonly matchID: string,
    readonly storedStateID: number,
    readonly offeredStateID: number,
  ) {
    super(`stale write refused for match ${matchID}: stored _stateID ${storedStateID}, offered ${offeredStateID}`);
    this.name = 'StaleWriteError';
  }
}

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

interface MatchRow {
  state?: string;
  metadata?: string;
  initial_state?: string;
  options?: string;
}

export class SqliteStorage extends Sync {
  readonly db: Database.Database;
  readonly path: string;
  private readonly logger: Logger;
  private readonly q: ReturnType<typeof prepare>;
  private readonly fetchStatements = new Map<string, ReturnType<Database.Database['prepare']>>();
  private checkpointer: Worker | undefined;
  private lock: DataDirLock | undefined;

  constructor(opts: SqliteStorageOptions = {}) {
    super();
    this.logger = opts.logger ?? consoleLogger();
    const fileName = opts.fileName ?? 'matches.sqlite';
    if (fileName === ':memory:') {
      this.path = ':memory:';
    } else {
      const dir = resolve(opts.dataDir ?? process.env.DATA_DIR ?? './data');
      mkdirSync(dir, { recursive: true });
      this.path = join(dir, fileName);
      if (opts.lock) this.lock = lockDataDir(dir);
    }
    this.db = new Database(this.path);
    this.db.pragma('journal_mode = WAL');
    const sync = opts.synchronous ?? (process.env.SQLITE_SYNCHRONOUS === 'FULL' ? 'FULL' : 'NORMAL');
    this.db.pragma(`synchronous = ${sync}`);
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    this.migrate();
    this.q = prepare(this.db);
    if (this.path !== ':memory:' && opts.checkpointWorker !== false) this.startCheckpointer();
    this.commitTx = this.db.transaction(this.commitBody.bind(this));
  }

  private migrate(): void {
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS matches (
        match_id      TEXT PRIMARY KEY,
        game_name     TEXT NOT NULL,
        state_id      INTEGER NOT NULL,
        state         TEXT NOT NULL,   -- JSON: the authoritative State (with plugins.random; never sent as is)
        initial_state TEXT NOT NULL,   -- JSON
        metadata      TEXT NOT NULL,   -- JSON: Server.MatchData (with credentials; never sent as is)
        options       TEXT,            -- JSON: server-side match options (bots, clock), owned by the lobby
        gameover      INTEGER NOT NULL DEFAULT 0,
        created_at    INTEGER NOT NULL,
        updated_at    INTEGER NOT NULL,
        unlisted      INTEGER NOT NULL DEFAULT 0,
        creator       TEXT,            -- a hash of the creating address, for the per-creator cap
        humans        INTEGER NOT NULL DEFAULT 0 -- seats a person holds; 0 = nobody joined
      );
      CREATE INDEX IF NOT EXISTS matches_by_game ON matches (game_name, updated_at);
      CREATE TABLE IF NOT EXISTS log_entries (
        seq      INTEGER PRIMARY KEY,  -- global order of appends; a match's log is its rows in seq order
        match_id TEXT NOT NULL,
        entry    TEXT NOT NULL         -- JSON: one boardgame.io LogEntry
      );
      CREATE INDEX IF NOT EXISTS log_by_match ON log_entries (match_id, seq);
      CREATE TABLE IF NOT EXISTS chat (
        match_id TEXT NOT NULL,
        seq      INTEGER NOT NULL,
        message  TEXT NOT NULL,        -- JSON: { id, sender, payload }
        at       INTEGER NOT NULL,
        PRIMARY KEY (match_id, seq)
      ) WITHOUT ROWID;
    `);
    const row = this.db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
    if (row === undefined) {
      this.db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(SCHEMA_VERSION);
    } else if (row.version === 1) {
      this.db.transaction(() => this.migrateFrom1())();
    } else if (row.version !== SCHEMA_VERSION) {
      throw new Error(`${this.path}: database schema version ${row.version}, this server needs ${SCHEMA_VERSION}`);
    }
    // Listing, caps and expiry each read one index range, so their cost does not grow with the table.
    this.db.exec(`
      CREATE INDEX IF NOT EXISTS matches_listing ON matches (game_name, unlisted, updated_at, match_id);
      CREATE INDEX IF NOT EXISTS matches_listing_by_end ON matches (game_name, unlisted, gameover, updated_at, match_id);
      CREATE INDEX IF NOT EXISTS matches_open_by_creator ON matches (creator) WHERE gameover = 0;
      CREATE INDEX IF NOT EXISTS matches_unjoined ON matches (created_at) WHERE gameover = 0 AND humans = 0;
      CREATE INDEX IF NOT EXISTS matches_by_end ON matches (gameover, updated_at);
    `);
  }

  /** Version 1 had no listing columns: add them and fill them from each match's metadata. */
  private migrateFrom1(): void {
    this.db.exec(`
      ALTER TABLE matches ADD COLUMN unlisted INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE matches ADD COLUMN creator TEXT;
      ALTER TABLE matches ADD COLUMN humans INTEGER NOT NULL DEFAULT 0;
      UPDATE matches SET
        unlisted = COALESCE(json_extract(metadata, '$.unlisted'), 0),
        humans = (SELECT COUNT(*) FROM json_each(metadata, '$.players')
                   WHERE json_extract(value, '$.name') IS NOT NULL
                     AND COALESCE(json_extract(value, '$.data.bot'), 0) = 0)
        WHERE json_valid(metadata);
      UPDATE schema_version SET version = 2;
    `);
  }

  override createMatch(matchID: string, opts: StorageAPI.CreateMatchOpts): void {
    this.createMatchWithOptions(matchID, opts, undefined);
  }

  /** Creates a match together with the lobby's server-side options and its creator's key, in one statement. */
  createMatchWithOptions(
    matchID: string,
    opts: StorageAPI.CreateMatchOpts,
    options: unknown,
    creator: string | null = null,
  ): void {
    const { initialState, metadata } = opts;
    const state = JSON.stringify(initialState);
    this.q.insertMatch.run({
      id: matchID,
      game: metadata.gameName,
      stateID: initialState._stateID,
      state,
      initial: state,
      metadata: JSON.stringify(metadata),
      options: options === undefined ? null : JSON.stringify(options),
      gameover: metadata.gameover === undefined || metadata.gameover === null ? 0 : 1,
      createdAt: metadata.createdAt,
      updatedAt: metadata.updatedAt,
      unlisted: metadata.unlisted ? 1 : 0,
      creator,
      humans: humansSeated(metadata),
    });
  }

  /** Appends the log entries and replaces the state, refusing a state that is not newer than the stored one. */
  override setState(matchID: string, state: State, deltalog?: LogEntry[]): void {
    this.commit(matchID, state, deltalog, undefined);
  }

  override setMetadata(matchID: string, metadata: Server.MatchData): void {
    const res = this.q.updateMetadata.run(
      JSON.stringify(metadata),
      metadata.gameover === undefined || metadata.gameover === null ? 0 : 1,
      metadata.updatedAt ?? Date.now(),
      humansSeated(metadata),
      metadata.unlisted ? 1 : 0,
      matchID,
    );
    if (res.changes === 0) throw new Error(`setMetadata: no match ${matchID}`);
  }

  /** One transaction: state + appended log entries + (optional) metadata. Throws StaleWriteError on an old state. */
  commit(
    matchID: string,
    state: State,
    deltalog: LogEntry[] | undefined,
    metadata: Server.MatchData | undefined,
  ): void {
    this.commitTx(matchID, state, deltalog, metadata);
  }

  private readonly commitTx: (
    matchID: string,
    state: State,
    deltalog: LogEntry[] | undefined,
    metadata: Server.MatchData | undefined,
  ) => void;

  private commitBody(
    matchID: string,
    state: State,
    deltalog: LogEntry[] | undefined,
    metadata: Server.MatchData | undefined,
  ): void {
    // One conditional UPDATE both checks freshness and writes; the SELECT runs only to explain a refusal.
    if (this.q.updateState.run(JSON.stringify(state), state._stateID, matchID, state._stateID).changes === 0) {
      const row = this.q.stateID.get(matchID) as { state_id: number } | undefined;
      if (row === undefined) throw new Error(`setState: no match ${matchID}`);
      throw new StaleWriteError(matchID, row.state_id, state._stateID);
    }
    if (deltalog) for (const entry of deltalog) this.q.insertLog.run(matchID, JSON.stringify(entry));
    if (metadata !== undefined) this.setMetadata(matchID, metadata);
  }

  setOptions(matchID: string, options: unknown): void {
    const res = this.q.updateOptions.run(JSON.stringify(options), matchID);
    if (res.changes === 0) throw new Error(`setOptions: no match ${matchID}`);
  }

  /** The lobby's server-side options for a match (bots, clock); undefined if none or unreadable. */
  getOptions(matchID: string): unknown {
    const row = this.db.prepare('SELECT options FROM matches WHERE match_id = ?').get(matchID) as MatchRow | undefined;
    if (row?.options == null) return undefined;
    return this.parse(matchID, 'options', row.options);
  }

  /**
   * Appends a chat message to a match's history and drops all but the newest `keep` (the history is
   * capped, so one chatty connection cannot grow the database without bound). Returns the message's seq.
   */
  appendChat(matchID: string, message: unknown, at = Date.now(), keep = Infinity): number {
    return this.chatTx(matchID, JSON.stringify(message), at, keep);
  }

  private readonly chatTx = (matchID: string, message: string, at: number, keep: number): number =>
    this.db.transaction(() => {
      const { seq } = this.q.appendChat.get(matchID, matchID, message, at) as { seq: number };
      if (Number.isFinite(keep)) this.q.trimChat.run(matchID, seq - keep);
      return seq;
    })();

  /** The last `limit` chat messages of a match, oldest first; unreadable ones are skipped (and logged). */
  recentChat(matchID: string, limit = 100): unknown[] {
    return this.chatPage(matchID, { limit }).map((r) => r.message);
  }

  /** Up to `limit` chat messages older than seq `before` (newest page when absent), oldest first, with their seq. */
  chatPage(matchID: string, page: { before?: number | undefined; limit: number }): { seq: number; message: unknown }[] {
    const rows = this.q.chatPage.all(matchID, page.before ?? Number.MAX_SAFE_INTEGER, page.limit) as {
      seq: number;
      message: string;
    }[];
    return rows
      .reverse()
      .map((r) => ({ seq: r.seq, message: this.parse(matchID, `chat[${r.seq}]`, r.message) }))
      .filter((m) => m.message !== undefined);
  }

  /** One page of a game's listed matches, newest first, read from an index range (cost independent of the table). */
  listPage(opts: ListPageOptions): { matches: ListedMatch[]; next: ListCursor | null } {
    const after = opts.after ?? { updatedAt: Number.MAX_SAFE_INTEGER, matchID: '' };
    const params = [opts.gameName, after.updatedAt, after.matchID, opts.limit + 1];
    const rows = (
      opts.gameover === undefined
        ? this.q.listPage.all(...params)
        : this.q.listPageByEnd.all(opts.gameName, opts.gameover ? 1 : 0, ...params.slice(1))
    ) as { match_id: string; metadata: string; options: string | null; updated_at: number }[];
    const page = rows.slice(0, opts.limit);
    const matches: ListedMatch[] = [];
    for (const r of page) {
      const metadata = this.parse(r.match_id, 'metadata', r.metadata) as Server.MatchData | undefined;
      if (metadata === undefined) continue;
      const options = r.options === null ? undefined : this.parse(r.match_id, 'options', r.options);
      matches.push({ matchID: r.match_id, metadata, options });
    }
    const last = page[page.length - 1];
    return {
      matches,
      next: rows.length > opts.limit && last ? { updatedAt: last.updated_at, matchID: last.match_id } : null,
    };
  }

  /** Unfinished matches, all or of one creator (for the caps on open matches). */
  countOpen(creator?: string): number {
    const row = (creator === undefined ? this.q.countOpen.get() : this.q.countOpenBy.get(creator)) as { n: number };
    return row.n;
  }

  /** Deletes (with their log and chat) up to `limit` expired matches; returns their ids. */
  expire(bounds: ExpiryBounds): string[] {
    const ids = new Set<string>();
    const take = (rows: unknown[]) => {
      for (const r of rows as { match_id: string }[]) if (ids.size < bounds.limit) ids.add(r.match_id);
    };
    if (bounds.unjoinedBefore !== undefined) take(this.q.unjoined.all(bounds.unjoinedBefore, bounds.limit));
    if (bounds.finishedBefore !== undefined) take(this.q.endedBefore.all(1, bounds.finishedBefore, bounds.limit));
    if (bounds.idleBefore !== undefined) take(this.q.endedBefore.all(0, bounds.idleBefore, bounds.limit));
    if (ids.size > 0)
      this.db.transaction(() => {
        for (const id of ids) this.wipe(id);
      })();
    return [...ids];
  }

  has(matchID: string): boolean {
    return this.q.exists.get(matchID) !== undefined;
  }

  override fetch<O extends StorageAPI.FetchOpts>(matchID: string, opts: O): StorageAPI.FetchResult<O> {
    const cols: string[] = [];
    if (opts.state) cols.push('state');
    if (opts.metadata) cols.push('metadata');
    if (opts.initialState) cols.push('initial_state');
    const result: Partial<StorageAPI.FetchFields> = {};
    if (cols.length > 0) {
      const row = this.db.prepare(`SELECT ${cols.join(', ')} FROM matches WHERE match_id = ?`).get(matchID) as
        MatchRow | undefined;
      if (row !== undefined) {
        // A corrupted column is reported and treated as missing: the match becomes unavailable, the server lives on.
        if (opts.state) result.state = this.parse(matchID, 'state', row.state) as State | undefined;
        if (opts.metadata)
          result.metadata = this.parse(matchID, 'metadata', row.metadata) as Server.MatchData | undefined;
        if (opts.initialState)
          result.initialState = this.parse(matchID, 'initial_state', row.initial_state) as State | undefined;
      }
    }
    if (opts.log) {
      const rows = this.q.log.all(matchID) as { seq: number; entry: string }[];
      const log: LogEntry[] = [];
      for (const r of rows) {
        const entry = this.parse(matchID, `log_entries[${r.seq}]`, r.entry);
        if (entry !== undefined) log.push(entry as LogEntry);
      }
      result.log = log;
    }
    return result as StorageAPI.FetchResult<O>;
  }

  private parse(matchID: string, column: string, text: string | undefined): unknown {
    if (text === undefined) return undefined;
    try {
      const value: unknown = JSON.parse(text);
      if (value === null || typeof value !== 'object')
        throw new Error(`expected a JSON object, got ${value === null ? 'null' : typeof value}`);
      return value;
    } catch (err) {
      this.logger.error(
        `storage: corrupted ${column} of match ${matchID} in ${this.path}; the match is unavailable until repaired`,
        {
          matchID,
          event: 'storage-corrupt',
          column,
          err,
        },
      );
      return undefined;
    }
  }

  override wipe(matchID: string): void {
    this.db.transaction(() => {
      this.q.wipeLog.run(matchID);
      this.q.wipeChat.run(matchID);
      this.q.wipe.run(matchID);
    })();
  }

  override listMatches(opts?: StorageAPI.ListMatchesOpts): string[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (opts?.gameName !== undefined) {
      where.push('game_name = ?');
      params.push(opts.gameName);
    }
    const w = opts?.where;
    if (w?.isGameover !== undefined) where.push(w.isGameover ? 'gameover = 1' : 'gameover = 0');
    if (w?.updatedBefore !== undefined) {
      where.push('updated_at < ?');
      params.push(w.updatedBefore);
    }
    if (w?.updatedAfter !== undefined) {
      where.push('updated_at > ?');
      params.push(w.updatedAfter);
    }
    const sql = `SELECT match_id FROM matches ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY updated_at DESC`;
    return (this.db.prepare(sql).all(...params) as { match_id: string }[]).map((r) => r.match_id);
  }

  private startCheckpointer(): void {
    this.db.pragma('wal_autocheckpoint = 0');
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const code = `
      const { workerData, parentPort } = require('node:worker_threads');
      const Database = require(workerData.driver);
      const db = new Database(workerData.path);
      db.pragma('busy_timeout = 5000');
      const tick = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (err) { parentPort.postMessage(String(err)); } };
      setInterval(tick, workerData.everyMs);
    `;
    this.checkpointer = new Worker(code, { eval: true, workerData: { driver, path: this.path, everyMs: 1000 } });
    this.checkpointer.on('message', (m) =>
      this.logger.warn(`storage: checkpoint: ${String(m)}`, { event: 'checkpoint' }),
    );
    this.checkpointer.on('error', (err) => {
      // Without the worker, SQLite checkpoints inline again: slower, never unsafe.
      this.logger.error('storage: checkpoint worker failed; checkpointing inline', { event: 'checkpoint', err });
      if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
    });
    this.checkpointer.unref();
  }

  /** A consistent copy of the database while the server runs (`VACUUM INTO`). */
  backup(toFile: string): void {
    this.db.prepare('VACUUM INTO ?').run(toFile);
  }

  close(): void {
    void this.checkpointer?.terminate();
    this.checkpointer = undefined;
    if (this.db.open) this.db.close();
    this.lock?.release();
    this.lock = undefined;
  }
}

function prepare(db: Database.Database) {
  return {
    insertMatch: db.prepare(
      `INSERT INTO matches (match_id, game_name, state_id, state, initial_state, metadata, options, gameover,
                            created_at, updated_at, unlisted, creator, humans)
         VALUES (@id, @game, @stateID, @state, @initial, @metadata, @options, @gameover,
                 @createdAt, @updatedAt, @unlisted, @creator, @humans)`,
    ),
    stateID: db.prepare('SELECT state_id FROM matches WHERE match_id = ?'),
    updateState: db.prepare('UPDATE matches SET state = ?, state_id = ? WHERE match_id = ? AND state_id < ?'),
    updateMetadata: db.prepare(
      'UPDATE matches SET metadata = ?, gameover = ?, updated_at = ?, humans = ?, unlisted = ? WHERE match_id = ?',
    ),
    updateOptions: db.prepare('UPDATE matches SET options = ? WHERE match_id = ?'),
    insertLog: db.prepare('INSERT INTO log_entries (match_id, entry) VALUES (?, ?)'),
    log: db.prepare('SELECT seq, entry FROM log_entries WHERE match_id = ? ORDER BY seq'),
    wipe: db.prepare('DELETE FROM matches WHERE match_id = ?'),
    wipeLog: db.prepare('DELETE FROM log_entries WHERE match_id = ?'),
    exists: db.prepare('SELECT 1 FROM matches WHERE match_id = ?'),
    appendChat: db.prepare(
      'INSERT INTO chat (match_id, seq, message, at) VALUES (?, (SELECT COALESCE(MAX(seq), -1) + 1 FROM chat WHERE match_id = ?), ?, ?) RETURNING seq',
    ),
    trimChat: db.prepare('DELETE FROM chat WHERE match_id = ? AND seq <= ?'),
    chatPage: db.prepare('SELECT seq, message FROM chat WHERE match_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?'),
    wipeChat: db.prepare('DELETE FROM chat WHERE match_id = ?'),
    listPage: db.prepare(
      `SELECT match_id, metadata, options, updated_at FROM matches INDEXED BY matches_listing
         WHERE game_name = ? AND unlisted = 0 AND (updated_at, match_id) < (?, ?)
         ORDER BY updated_at DESC, match_id DESC LIMIT ?`,
    ),
    listPageByEnd: db.prepare(
      `SELECT match_id, metadata, options, updated_at FROM matches INDEXED BY matches_listing_by_end
         WHERE game_name = ? AND unlisted = 0 AND gameover = ? AND (updated_at, match_id) < (?, ?)
         ORDER BY updated_at DESC, match_id DESC LIMIT ?`,
    ),
    countOpen: db.prepare('SELECT COUNT(*) AS n FROM matches WHERE gameover = 0'),
    countOpenBy: db.prepare('SELECT COUNT(*) AS n FROM matches WHERE creator = ? AND gameover = 0'),
    unjoined: db.prepare(
      'SELECT match_id FROM matches WHERE gameover = 0 AND humans = 0 AND created_at < ? ORDER BY created_at LIMIT ?',
    ),
    endedBefore: db.prepare(
      'SELECT match_id FROM matches WHERE gameover = ? AND updated_at < ? ORDER BY updated_at LIMIT ?',
    ),
  };
}

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
import { consoleLogger, type Logger } from './log';

const SCHEMA_VERSION = 1;

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
        updated_at    INTEGER NOT NULL
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
    } else if (row.version !== SCHEMA_VERSION) {
      throw new Error(`${this.path}: database schema version ${row.version}, this server needs ${SCHEMA_VERSION}`);
    }
  }

  override createMatch(matchID: string, opts: StorageAPI.CreateMatchOpts): void {
    this.createMatchWithOptions(matchID, opts, undefined);
  }

  /** Creates a match together with the lobby's server-side options, in one transaction. */
  createMatchWithOptions(matchID: string, opts: StorageAPI.CreateMatchOpts, options: unknown): void {
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

  /** Appends a chat message to a match's history. */
  appendChat(matchID: string, message: unknown, at = Date.now()): void {
    this.q.appendChat.run(matchID, matchID, JSON.stringify(message), at);
  }

  /** The last `limit` chat messages of a match, oldest first; unreadable ones are skipped (and logged). */
  recentChat(matchID: string, limit = 100): unknown[] {
    const rows = this.q.recentChat.all(matchID, limit) as { seq: number; message: string }[];
    return rows
      .reverse()
      .map((r) => this.parse(matchID, `chat[${r.seq}]`, r.message))
      .filter((m) => m !== undefined);
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
  }
}

function prepare(db: Database.Database) {
  return {
    insertMatch: db.prepare(
      `INSERT INTO matches (match_id, game_name, state_id, state, initial_state, metadata, options, gameover, created_at, updated_at)
         VALUES (@id, @game, @stateID, @state, @initial, @metadata, @options, @gameover, @createdAt, @updatedAt)`,
    ),
    stateID: db.prepare('SELECT state_id FROM matches WHERE match_id = ?'),
    updateState: db.prepare('UPDATE matches SET state = ?, state_id = ? WHERE match_id = ? AND state_id < ?'),
    updateMetadata: db.prepare('UPDATE matches SET metadata = ?, gameover = ?, updated_at = ? WHERE match_id = ?'),
    updateOptions: db.prepare('UPDATE matches SET options = ? WHERE match_id = ?'),
    insertLog: db.prepare('INSERT INTO log_entries (match_id, entry) VALUES (?, ?)'),
    log: db.prepare('SELECT seq, entry FROM log_entries WHERE match_id = ? ORDER BY seq'),
    wipe: db.prepare('DELETE FROM matches WHERE match_id = ?'),
    wipeLog: db.prepare('DELETE FROM log_entries WHERE match_id = ?'),
    exists: db.prepare('SELECT 1 FROM matches WHERE match_id = ?'),
    appendChat: db.prepare(
      'INSERT INTO chat (match_id, seq, message, at) VALUES (?, (SELECT COALESCE(MAX(seq), -1) + 1 FROM chat WHERE match_id = ?), ?, ?)',
    ),
    recentChat: db.prepare('SELECT seq, message FROM chat WHERE match_id = ? ORDER BY seq DESC LIMIT ?'),
    wipeChat: db.prepare('DELETE FROM chat WHERE match_id = ?'),
  };
}

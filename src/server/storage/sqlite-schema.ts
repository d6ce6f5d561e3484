/** The SQLite engine's schema (created or upgraded at open) and its prepared statements. */
import type Database from 'better-sqlite3';

const SCHEMA_VERSION = 2;

/** Creates the tables, or upgrades a version-1 file; refuses a file from another version. */
export function migrateSqlite(db: Database.Database, path: string): void {
  db.exec(`
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
  const row = db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
  if (row === undefined) {
    db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(SCHEMA_VERSION);
  } else if (row.version === 1) {
    db.transaction(() => migrateFrom1(db))();
  } else if (row.version !== SCHEMA_VERSION) {
    throw new Error(`${path}: database schema version ${row.version}, this server needs ${SCHEMA_VERSION}`);
  }
  // Listing, caps and expiry each read one index range, so their cost does not grow with the table.
  db.exec(`
    CREATE INDEX IF NOT EXISTS matches_listing ON matches (game_name, unlisted, updated_at, match_id);
    CREATE INDEX IF NOT EXISTS matches_listing_by_end ON matches (game_name, unlisted, gameover, updated_at, match_id);
    CREATE INDEX IF NOT EXISTS matches_open_by_creator ON matches (creator) WHERE gameover = 0;
    CREATE INDEX IF NOT EXISTS matches_unjoined ON matches (created_at) WHERE gameover = 0 AND humans = 0;
    CREATE INDEX IF NOT EXISTS matches_by_end ON matches (gameover, updated_at);
  `);
}

/** Version 1 had no listing columns: add them and fill them from each match's metadata. */
function migrateFrom1(db: Database.Database): void {
  db.exec(`
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

export type SqliteStatements = ReturnType<typeof prepareSqlite>;

export function prepareSqlite(db: Database.Database) {
  return {
    insertMatch: db.prepare(
      `INSERT INTO matches (match_id, game_name, state_id, state, initial_state, metadata, options, gameover,
                            created_at, updated_at, unlisted, creator, humans)
         VALUES (@id, @game, @stateID, @state, @initial, @metadata, @options, @gameover,
                 @createdAt, @updatedAt, @unlisted, @creator, @humans)`,
    ),
    stateID: db.prepare('SELECT state_id FROM matches WHERE match_id = ?'),
    updateState: db.prepare('UPDATE matches SET state = ?, state_id = ? WHERE match_id = ? AND state_id < ?'),
    metadata: db.prepare('SELECT metadata FROM matches WHERE match_id = ?'),
    updateMetadata: db.prepare(
      'UPDATE matches SET metadata = ?, gameover = ?, updated_at = ?, humans = ?, unlisted = ? WHERE match_id = ?',
    ),
    options: db.prepare('SELECT options FROM matches WHERE match_id = ?'),
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

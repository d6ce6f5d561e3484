/**
 * Moves a SQLite deployment's matches into PostgreSQL: every match row (state, initial state,
 * metadata, options with bots and clocks, listing columns), its log in order and its chat, one
 * transaction per match. Idempotent: a match already in PostgreSQL with the same content is skipped,
 * one with different content is reported as a conflict and left alone. Every copy is verified by
 * reading it back and comparing a SHA-256 of its contents with the source's.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type pg from 'pg';

/** A match as both engines store it: the text columns byte for byte, the log and the chat in order. */
interface StoredMatch {
  row: {
    match_id: string;
    game_name: string;
    state_id: number;
    state: string;
    initial_state: string;
    metadata: string;
    options: string | null;
    gameover: boolean;
    created_at: number;
    updated_at: number;
    unlisted: boolean;
    creator: string | null;
    humans: number;
  };
  log: string[];
  chat: { seq: number; message: string; at: number }[];
}

export interface CopyReport {
  /** Matches in the SQLite file. */
  matches: number;
  copied: number;
  /** Already in PostgreSQL with the same content (an earlier run). */
  alreadyThere: number;
  /** Already in PostgreSQL with different content: left alone. */
  conflicts: string[];
  logEntries: number;
  chatMessages: number;
}

/** One hash over everything a match holds, the same whichever engine it was read from. */
export function digest(m: StoredMatch): string {
  const h = createHash('sha256');
  const r = m.row;
  const fields = [r.game_name, r.state_id, r.state, r.initial_state, r.metadata, r.options, r.gameover, r.created_at];
  h.update(JSON.stringify([...fields, r.updated_at, r.unlisted, r.creator, r.humans]));
  for (const e of m.log) h.update(`\nlog ${e}`);
  for (const c of m.chat) h.update(`\nchat ${c.seq} ${c.at} ${c.message}`);
  return h.digest('hex');
}

function readSqlite(db: Database.Database, matchID: string): StoredMatch {
  const row = db.prepare('SELECT * FROM matches WHERE match_id = ?').get(matchID) as StoredMatch['row'];
  return {
    row: { ...row, gameover: Boolean(row.gameover), unlisted: Boolean(row.unlisted) },
    log: (
      db.prepare('SELECT entry FROM log_entries WHERE match_id = ? ORDER BY seq').all(matchID) as { entry: string }[]
    ).map((e) => e.entry),
    chat: db
      .prepare('SELECT seq, message, at FROM chat WHERE match_id = ? ORDER BY seq')
      .all(matchID) as StoredMatch['chat'],
  };
}

async function readPg(c: pg.ClientBase, matchID: string, lock: boolean): Promise<StoredMatch | undefined> {
  const { rows } = await c.query<StoredMatch['row']>(
    `SELECT match_id, game_name, state_id, state, initial_state, metadata, options, gameover,
            created_at::float8 AS created_at, updated_at::float8 AS updated_at, unlisted, creator, humans
       FROM matches WHERE match_id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [matchID],
  );
  if (rows[0] === undefined) return undefined;
  const log = await c.query<{ entry: string }>('SELECT entry FROM log_entries WHERE match_id = $1 ORDER BY seq', [
    matchID,
  ]);
  const chat = await c.query<StoredMatch['chat'][number]>(
    'SELECT seq, message, at::float8 AS at FROM chat WHERE match_id = $1 ORDER BY seq',
    [matchID],
  );
  return { row: rows[0], log: log.rows.map((e) => e.entry), chat: chat.rows };
}

async function insertPg(c: pg.ClientBase, m: StoredMatch): Promise<void> {
  const r = m.row;
  await c.query(
    `INSERT INTO matches (match_id, game_name, state_id, state, initial_state, metadata, options, gameover,
                          created_at, updated_at, unlisted, creator, humans)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [r.match_id, r.game_name, r.state_id, r.state, r.initial_state, r.metadata, r.options, r.gameover].concat([
      r.created_at,
      r.updated_at,
      r.unlisted,
      r.creator,
      r.humans,
    ]),
  );
  await c.query(
    `INSERT INTO log_entries (match_id, entry)
       SELECT $1, e FROM unnest($2::text[]) WITH ORDINALITY AS t(e, i) ORDER BY i`,
    [r.match_id, m.log],
  );
  await c.query(
    'INSERT INTO chat (match_id, seq, message, at) SELECT $1, * FROM unnest($2::int[], $3::text[], $4::bigint[])',
    [r.match_id, m.chat.map((x) => x.seq), m.chat.map((x) => x.message), m.chat.map((x) => x.at)],
  );
}

/**
 * Copies every match of the SQLite database `from` into the (migrated) PostgreSQL pool `to`.
 * `progress` hears each match's outcome. Throws if a copy reads back different from its source.
 */
export async function copySqliteToPg(
  from: Database.Database,
  to: pg.Pool,
  progress: (matchID: string, outcome: 'copied' | 'already there' | 'conflict') => void = () => undefined,
): Promise<CopyReport> {
  const ids = (from.prepare('SELECT match_id FROM matches ORDER BY match_id').all() as { match_id: string }[]).map(
    (r) => r.match_id,
  );
  const report: CopyReport = {
    matches: ids.length,
    copied: 0,
    alreadyThere: 0,
    conflicts: [],
    logEntries: 0,
    chatMessages: 0,
  };
  for (const id of ids) {
    const source = readSqlite(from, id);
    const want = digest(source);
    const c = await to.connect();
    try {
      await c.query('BEGIN');
      const existing = await readPg(c, id, true);
      let outcome: 'copied' | 'already there' | 'conflict';
      if (existing === undefined) {
        await insertPg(c, source);
        const back = await readPg(c, id, false);
        if (!back || digest(back) !== want)
          throw new Error(`match ${id}: the copy in PostgreSQL reads back different from the SQLite source`);
        outcome = 'copied';
      } else outcome = digest(existing) === want ? 'already there' : 'conflict';
      await c.query('COMMIT');
      if (outcome === 'copied') {
        report.copied++;
        report.logEntries += source.log.length;
        report.chatMessages += source.chat.length;
      } else if (outcome === 'already there') report.alreadyThere++;
      else report.conflicts.push(id);
      progress(id, outcome);
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      c.release();
    }
  }
  return report;
}

/**
 * Rows to values, shared by both engines: every JSON column is parsed here, and a corrupted one is
 * reported and treated as missing (the match becomes unavailable, the server lives on).
 */
import type { LogEntry, Server, State, StorageAPI } from 'boardgame.io';
import type { Logger } from '../log';
import { humansSeated, isOver, type ListPage, type MoveMetadata, type StoredChat } from './match-store';

export interface MatchRow {
  state?: string;
  metadata?: string;
  initial_state?: string;
}

export interface ListRow {
  match_id: string;
  metadata: string;
  options: string | null;
  updated_at: number | string;
}

export class JsonColumns {
  constructor(
    private readonly logger: Logger,
    private readonly location: string,
  ) {}

  parse(matchID: string, column: string, text: string | null | undefined): unknown {
    if (text === undefined || text === null) return undefined;
    try {
      const value: unknown = JSON.parse(text);
      if (value === null || typeof value !== 'object')
        throw new Error(`expected a JSON object, got ${value === null ? 'null' : typeof value}`);
      return value;
    } catch (err) {
      this.logger.error(
        `storage: corrupted ${column} of match ${matchID} in ${this.location}; the match is unavailable until repaired`,
        { matchID, event: 'storage-corrupt', column, err },
      );
      return undefined;
    }
  }

  metadata(matchID: string, text: string | null | undefined): Server.MatchData | undefined {
    return this.parse(matchID, 'metadata', text) as Server.MatchData | undefined;
  }

  /** boardgame.io's fetch result from a match row (absent when there is none) and its log rows. */
  fetched<O extends StorageAPI.FetchOpts>(
    matchID: string,
    opts: O,
    row: MatchRow | undefined,
    logRows: { seq: number | string; entry: string }[] | undefined,
  ): StorageAPI.FetchResult<O> {
    const result: Partial<StorageAPI.FetchFields> = {};
    if (row !== undefined) {
      if (opts.state) result.state = this.parse(matchID, 'state', row.state) as State | undefined;
      if (opts.metadata) result.metadata = this.metadata(matchID, row.metadata);
      if (opts.initialState)
        result.initialState = this.parse(matchID, 'initial_state', row.initial_state) as State | undefined;
    }
    if (logRows !== undefined) {
      const log: LogEntry[] = [];
      for (const r of logRows) {
        const entry = this.parse(matchID, `log_entries[${r.seq}]`, r.entry);
        if (entry !== undefined) log.push(entry as LogEntry);
      }
      result.log = log;
    }
    return result as StorageAPI.FetchResult<O>;
  }

  /** A lobby page from up to `limit + 1` rows (the extra one only says whether there is a next page). */
  listPage(rows: ListRow[], limit: number): ListPage {
    const page = rows.slice(0, limit);
    const matches: ListPage['matches'] = [];
    for (const r of page) {
      const metadata = this.metadata(r.match_id, r.metadata);
      if (metadata === undefined) continue;
      matches.push({ matchID: r.match_id, metadata, options: this.parse(r.match_id, 'options', r.options) });
    }
    const last = page[page.length - 1];
    return {
      matches,
      next: rows.length > limit && last ? { updatedAt: Number(last.updated_at), matchID: last.match_id } : null,
    };
  }

  /** Chat rows newest first, as the history oldest first; unreadable messages are skipped (and logged). */
  chat(matchID: string, rows: { seq: number; message: string }[]): StoredChat[] {
    return rows
      .reverse()
      .map((r) => ({ seq: r.seq, message: this.parse(matchID, `chat[${r.seq}]`, r.message) }))
      .filter((m) => m.message !== undefined);
  }
}

/** The metadata's columns: its JSON and the fields kept beside it so SQL can filter and count. */
export interface MetadataColumns {
  metadata: string;
  gameover: boolean;
  updatedAt: number;
  humans: number;
  unlisted: boolean;
}

/** A match's metadata as both engines write it (a write without `updatedAt` is stamped now). */
export const metadataColumns = (metadata: Server.MatchData): MetadataColumns => ({
  metadata: JSON.stringify(metadata),
  gameover: isOver(metadata),
  updatedAt: metadata.updatedAt ?? Date.now(),
  humans: humansSeated(metadata),
  unlisted: metadata.unlisted === true,
});

/** A new match's row, as both engines insert it: the initial state is also its first state. */
export interface NewMatchRow extends MetadataColumns {
  id: string;
  game: string;
  stateID: number;
  state: string;
  initial: string;
  options: string | null;
  createdAt: number;
  creator: string | null;
}

export function newMatchRow(
  matchID: string,
  { initialState, metadata }: StorageAPI.CreateMatchOpts,
  options: unknown,
  creator: string | null,
): NewMatchRow {
  const state = JSON.stringify(initialState);
  return {
    ...metadataColumns(metadata),
    id: matchID,
    game: metadata.gameName,
    stateID: initialState._stateID,
    state,
    initial: state,
    options: options === undefined ? null : JSON.stringify(options),
    createdAt: metadata.createdAt,
    creator,
  };
}

/** A match's metadata after a move: boardgame.io's Master changes only `updatedAt` and, at the end, `gameover`. */
export const afterMove = (metadata: Server.MatchData, change: MoveMetadata): Server.MatchData => ({
  ...metadata,
  updatedAt: change.updatedAt,
  ...(change.gameover !== undefined ? { gameover: change.gameover } : {}),
});

/** boardgame.io's listMatches filters as SQL conditions; `param(value)` adds a parameter and returns its placeholder. */
export function listMatchesWhere(opts: StorageAPI.ListMatchesOpts | undefined, param: (v: unknown) => string): string {
  const where: string[] = [];
  if (opts?.gameName !== undefined) where.push(`game_name = ${param(opts.gameName)}`);
  const w = opts?.where;
  if (w?.isGameover !== undefined) where.push(`gameover = ${param(w.isGameover)}`);
  if (w?.updatedBefore !== undefined) where.push(`updated_at < ${param(w.updatedBefore)}`);
  if (w?.updatedAfter !== undefined) where.push(`updated_at > ${param(w.updatedAfter)}`);
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
}

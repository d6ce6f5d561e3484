/**
 * The one storage interface the server uses: boardgame.io's `Async` storage (what its Server and
 * Master need) plus the project's own queries — lobby pages and caps read in SQL, chat, expiry, the
 * conditional commit that refuses a stale state, and read-modify-write of metadata and options under
 * a row lock. Two engines implement it: embedded SQLite (sqlite.ts, the default) and PostgreSQL (pg.ts).
 */
import { Async } from 'boardgame.io/internal';
import type { LogEntry, Server, State, StorageAPI } from 'boardgame.io';

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

export interface ListPage {
  matches: ListedMatch[];
  next: ListCursor | null;
}

/** Ages (epoch ms) before which a match is expired; an absent bound expires nothing of that kind. */
export type ExpiryKind = 'unjoined' | 'finished' | 'idle';

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

/** What a move may change in a match's metadata (boardgame.io's Master sets these two and nothing else). */
export type MoveMetadata = Pick<Server.MatchData, 'updatedAt' | 'gameover'>;

/** A chat message as stored, with its place in the match's history. */
export interface StoredChat {
  seq: number;
  message: unknown;
}

/** Seats a person holds (named, not a bot): a match nobody joined has none. */
export const humansSeated = (metadata: Server.MatchData): number =>
  Object.values(metadata.players).filter((p) => p.name && !(p.data as { bot?: boolean } | undefined)?.bot).length;

/** The `gameover` column: whether boardgame.io's metadata says the match ended. */
export const isOver = (metadata: Pick<Server.MatchData, 'gameover'>): boolean =>
  metadata.gameover !== undefined && metadata.gameover !== null;

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

/** A write to a match that is not stored. */
export class NoMatchError extends Error {
  constructor(
    readonly operation: string,
    readonly matchID: string,
  ) {
    super(`${operation}: no match ${matchID}`);
    this.name = 'NoMatchError';
  }
}

export abstract class MatchStore extends Async {
  /** Where the data lives, for logs (a file path, or a database URL without its password). */
  abstract readonly location: string;

  override async createMatch(matchID: string, opts: StorageAPI.CreateMatchOpts): Promise<void> {
    await this.createMatchWithOptions(matchID, opts, undefined);
  }

  /** Creates a match together with the lobby's server-side options and its creator's key, at once. */
  abstract createMatchWithOptions(
    matchID: string,
    opts: StorageAPI.CreateMatchOpts,
    options: unknown,
    creator?: string | null,
  ): Promise<void>;

  /**
   * One transaction: the state (refused with StaleWriteError unless its `_stateID` is newer than the
   * stored one), the appended log entries and what the move changed in the metadata. Returns the
   * match's metadata as stored afterwards.
   */
  abstract commit(
    matchID: string,
    state: State,
    deltalog: LogEntry[] | undefined,
    change: MoveMetadata | undefined,
  ): Promise<Server.MatchData>;

  /**
   * Reads a match's metadata under a row lock, lets `change` edit it (or throw, which writes nothing)
   * and stores what it returns; `undefined` means "no change". Resolves to the stored metadata, or
   * undefined when there is no such match (`change` is then not called).
   */
  abstract updateMetadata(
    matchID: string,
    change: (metadata: Server.MatchData) => Server.MatchData | undefined,
  ): Promise<Server.MatchData | undefined>;

  /** The lobby's server-side options for a match (bots, clock); undefined if none or unreadable. */
  abstract getOptions(matchID: string): Promise<unknown>;

  /** Replaces a match's options; throws NoMatchError for a missing match. */
  abstract setOptions(matchID: string, options: unknown): Promise<void>;

  /**
   * Options read-modify-write under a row lock, like updateMetadata: `change` gets the stored options
   * (undefined when none) and returns the new ones or undefined for "no change". Resolves to the
   * options as stored afterwards (undefined for a missing match).
   */
  abstract updateOptions(matchID: string, change: (options: unknown) => unknown): Promise<unknown>;

  /**
   * Appends a chat message to a match's history and drops all but the newest `keep` (the history is
   * capped, so one chatty connection cannot grow the database without bound). Returns the message's seq.
   */
  abstract appendChat(matchID: string, message: unknown, at?: number, keep?: number): Promise<number>;

  /** Up to `limit` chat messages older than seq `before` (newest page when absent), oldest first, with their seq. */
  abstract chatPage(matchID: string, page: { before?: number | undefined; limit: number }): Promise<StoredChat[]>;

  /** The last `limit` chat messages of a match, oldest first. */
  async recentChat(matchID: string, limit = 100): Promise<unknown[]> {
    return (await this.chatPage(matchID, { limit })).map((r) => r.message);
  }

  /** One page of a game's listed matches, newest first, read from an index range. */
  abstract listPage(opts: ListPageOptions): Promise<ListPage>;

  /** Unfinished matches, all or of one creator (for the caps on open matches). */
  abstract countOpen(creator?: string): Promise<number>;

  /** Deletes (with their log and chat) up to `limit` expired matches; returns their ids. */
  async expire(bounds: ExpiryBounds): Promise<string[]> {
    const ids = new Set<string>();
    const take = (found: string[]) => {
      for (const id of found) if (ids.size < bounds.limit) ids.add(id);
    };
    if (bounds.unjoinedBefore !== undefined)
      take(await this.expiredIDs('unjoined', bounds.unjoinedBefore, bounds.limit));
    if (bounds.finishedBefore !== undefined)
      take(await this.expiredIDs('finished', bounds.finishedBefore, bounds.limit));
    if (bounds.idleBefore !== undefined) take(await this.expiredIDs('idle', bounds.idleBefore, bounds.limit));
    if (ids.size > 0) await this.wipeMany([...ids]);
    return [...ids];
  }

  /** Oldest first: unfinished matches nobody joined created before `before`, or finished/unfinished ones last updated before it. */
  protected abstract expiredIDs(kind: ExpiryKind, before: number, limit: number): Promise<string[]>;

  /** Deletes these matches with their log and chat, in one transaction. */
  protected abstract wipeMany(ids: string[]): Promise<void>;

  abstract has(matchID: string): Promise<boolean>;

  abstract close(): Promise<void>;
}

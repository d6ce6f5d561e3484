/**
 * The authoritative side of a match, independent of sockets: one serial queue per match, moves run
 * through boardgame.io's own Master against a prefetched state, and the result is committed (state,
 * log entries, metadata — one storage transaction) before anyone hears of it. Everything that leaves
 * goes through `playerView`, including `initialState` and the log.
 */
import { Master } from 'boardgame.io/master';
import { getFilterPlayerView } from 'boardgame.io/internal';
import type { FilteredMetadata, Game, LogEntry, Server as BgioServer, State, StorageAPI, SyncInfo } from 'boardgame.io';
import { authenticateCredentials, Refusal } from './hardening';
import type { Logger } from './log';
import { SerialQueues } from './serial-queues';
import { StaleWriteError, type MatchStore, type StoredChat } from './storage';

/** What the Master hands its transport before filtering (boardgame.io's IntermediateTransportData). */
export type Outgoing =
  | { type: 'update'; args: [string, State] }
  | { type: 'patch'; args: [string, number, State, State] }
  | { type: 'sync'; args: [string, SyncInfo] }
  | { type: 'matchData'; args: [string, FilteredMetadata] }
  | { type: 'chat'; args: [string, unknown] };

/** A message ready for one recipient: socket.io event name and arguments. */
export interface Delivery {
  type: string;
  args: unknown[];
}

/** The storage the service needs: fetch, the conditional commit, metadata under a row lock, chat. */
export type MatchStorage = Pick<
  MatchStore,
  'fetch' | 'updateMetadata' | 'commit' | 'appendChat' | 'recentChat' | 'chatPage'
>;

export interface CommitEvent {
  matchID: string;
  state: State;
  metadata: BgioServer.MatchData | undefined;
  /** The move came from a person's connection (not a server-side bot or clock). */
  byPerson: boolean;
  /** The move reopened a finished match (see `reopens`). */
  reopened: boolean;
}

export interface MatchServiceOptions {
  game: Game;
  storage: MatchStorage;
  logger: Logger;
  /** Called with each outgoing message of a match; the transport filters it per recipient. */
  broadcast: (matchID: string, payload: Outgoing) => void;
  /** Called after each committed move (bots and clocks listen here). */
  onCommit?: (event: CommitEvent) => void;
  /**
   * The game's gate for boardgame.io's action log: the entries (and their arguments) a recipient may
   * read, given the match's current unfiltered state. Without it every recipient gets the whole log.
   */
  viewLog?: (log: LogEntry[], recipient: string | null, state: State) => LogEntry[];
  /**
   * The game's moves that may run after the end (an umpire going back): given the finished state, the
   * sender and the move's name. The move runs on the state with its end lifted, and the match stays
   * open unless the game ends again. Without it a finished match refuses every move.
   */
  reopens?: (state: State, playerID: string, move: string) => boolean;
}

/** The move a MAKE_MOVE action names ('' for anything else). */
const moveNameOf = (action: unknown): string => {
  const a = action as { type?: unknown; payload?: { type?: unknown } } | null;
  return a?.type === 'MAKE_MOVE' && typeof a.payload?.type === 'string' ? a.payload.type : '';
};

const filterMetadata = (metadata: BgioServer.MatchData): FilteredMetadata =>
  Object.values(metadata.players).map((p) => {
    const { credentials: _c, ...rest } = p;
    return rest;
  });

/**
 * Filters an outgoing message for one recipient (a seat's playerID, or null for a spectator): the state
 * through the game's `playerView`, `initialState` likewise (stock boardgame.io sends it raw: seed, PRNG
 * state, every secret), and the action log through `viewLog`. A patch is sent as a whole update, so no
 * message ever carries a log this gate has not seen.
 */
export function deliveryFilter(
  game: Game,
  viewLog: MatchServiceOptions['viewLog'],
): (playerID: string | null, payload: Outgoing) => Delivery {
  const stock = getFilterPlayerView(game) as unknown as (playerID: string | null, payload: unknown) => Delivery;
  const logFor = (log: LogEntry[] | undefined, playerID: string | null, state: State): LogEntry[] | undefined =>
    viewLog && log ? viewLog(log, playerID, state) : log;
  const update = (playerID: string | null, matchID: string, state: State): Delivery => {
    const out = stock(playerID, { type: 'update', args: [matchID, state] }) as unknown as {
      args: [string, State, LogEntry[] | undefined];
    };
    return { type: 'update', args: [matchID, out.args[1], logFor(out.args[2], playerID, state)] };
  };
  return (playerID, payload) => {
    switch (payload.type) {
      case 'update':
        return update(playerID, payload.args[0], payload.args[1]);
      case 'patch':
        return update(playerID, payload.args[0], payload.args[3]);
      case 'sync': {
        const [matchID, info] = payload.args;
        const out = stock(playerID, payload) as { type: 'sync'; args: [string, SyncInfo] };
        const initial = info.initialState ? (update(playerID, matchID, info.initialState).args[1] as State) : undefined;
        const log = logFor(out.args[1].log, playerID, info.state) ?? [];
        return { type: 'sync', args: [matchID, { ...out.args[1], log, initialState: initial }] };
      }
      default:
        return stock(playerID, payload);
    }
  };
}

export class MatchService {
  readonly game: Game;
  private readonly reopens: MatchServiceOptions['reopens'];
  private readonly storage: MatchStorage;
  private readonly logger: Logger;
  private readonly queues = new SerialQueues();
  private readonly filter: (playerID: string | null, payload: Outgoing) => Delivery;
  private readonly broadcast: MatchServiceOptions['broadcast'];
  onCommit: MatchServiceOptions['onCommit'];

  constructor(opts: MatchServiceOptions) {
    this.game = opts.game;
    this.storage = opts.storage;
    this.logger = opts.logger;
    this.broadcast = opts.broadcast;
    this.onCommit = opts.onCommit;
    this.reopens = opts.reopens;
    this.filter = deliveryFilter(opts.game, opts.viewLog);
  }

  /** Filters an outgoing message for one recipient (a seat's playerID, or null for a spectator). */
  deliver(playerID: string | null, payload: Outgoing): Delivery {
    return this.filter(playerID, payload);
  }

  /** Runs `fn` after every earlier task of the same match (boardgame.io's per-match queue, without p-queue). */
  enqueue<T>(matchID: string, fn: () => Promise<T> | T): Promise<T> {
    return this.queues.run(matchID, fn);
  }

  /** Resolves when every queued task of every match has run (graceful shutdown finishes in-flight moves). */
  async idle(): Promise<void> {
    await this.queues.idle();
  }

  /** Checks a seat's credentials against stored metadata; spectators (null) need none. */
  authenticate(metadata: BgioServer.MatchData, playerID: string | null, credentials: string | undefined): void {
    if (playerID === null) return;
    const seat = metadata.players[playerID as unknown as number];
    if (!seat) throw new Refusal('unauthorized', `no seat ${playerID} in this match`);
    if (!authenticateCredentials(credentials ?? '', seat))
      throw new Refusal('unauthorized', 'wrong or missing credentials for this seat');
  }

  /**
   * The filtered sync for one recipient, or a Refusal (never creates a match), with the newest
   * `chatLimit` chat messages read in the same turn of the match's queue (so none is missed or doubled).
   */
  sync(
    matchID: string,
    playerID: string | null,
    credentials: string | undefined,
    chatLimit = 0,
  ): Promise<{ sync: Delivery; chat: Delivery[] }> {
    return this.enqueue(matchID, async () => {
      const { state, metadata, log, initialState } = await this.storage.fetch(matchID, {
        state: true,
        metadata: true,
        log: true,
        initialState: true,
      });
      if (!state || !metadata) throw new Refusal('unknown-match', `no match ${matchID}`);
      this.authenticate(metadata, playerID, credentials);
      const info: SyncInfo = {
        state,
        log: log ?? [],
        filteredMetadata: filterMetadata(metadata),
        initialState: initialState ?? state,
      };
      const chat = chatLimit > 0 ? await this.storage.recentChat(matchID, chatLimit) : [];
      return {
        sync: this.filter(playerID, { type: 'sync', args: [matchID, info] }),
        chat: chat.map((m) => ({ type: 'chat', args: [matchID, m] })),
      };
    });
  }

  /**
   * Runs one move through boardgame.io's Master and commits it before broadcasting.
   * Throws a Refusal (stale state, invalid move, inactive player, game over…) with `resync` set when
   * the sender's copy of the state may be out of date.
   */
  update(
    matchID: string,
    playerID: string,
    action: unknown,
    stateID: number,
    opts: { trusted?: boolean } = {},
  ): Promise<void> {
    return this.enqueue(matchID, async () => {
      const fetched = await this.storage.fetch(matchID, { state: true, metadata: true });
      if (!fetched.state || !fetched.metadata) throw new Refusal('unknown-match', `no match ${matchID}`);
      if (fetched.state._stateID !== stateID)
        throw new Refusal('stale-state', `move on state ${stateID}, match is at ${fetched.state._stateID}`, true);
      const over = fetched.state.ctx.gameover !== undefined;
      const reopening = over && this.reopens?.(fetched.state, playerID, moveNameOf(action)) === true;
      if (over && !reopening) throw new Refusal('game-over', 'the match is over', true);
      // boardgame.io's Master and reducer refuse every move after the end, so a reopening move runs with the end lifted.
      const state = reopening
        ? { ...fetched.state, ctx: { ...fetched.state.ctx, gameover: undefined } }
        : fetched.state;
      const metadata = reopening ? { ...fetched.metadata, gameover: undefined } : fetched.metadata;
      let written: { state: State; deltalog: LogEntry[] | undefined } | undefined;
      let writtenMetadata: BgioServer.MatchData | undefined;
      const outbox: Outgoing[] = [];
      // The Master reads the prefetched values and writes into these slots; nothing is sent or stored until it returns.
      const capture = {
        type: () => 0 /* StorageAPI Type.SYNC */,
        connect: () => undefined,
        fetch: <O extends StorageAPI.FetchOpts>(_id: string, opts: O) =>
          ({
            ...(opts.state ? { state } : {}),
            ...(opts.metadata ? { metadata } : {}),
          }) as unknown as StorageAPI.FetchResult<O>,
        setState: (_id: string, s: State, deltalog?: LogEntry[]) => {
          written = { state: s, deltalog };
        },
        setMetadata: (_id: string, m: BgioServer.MatchData) => {
          writtenMetadata = m;
        },
      } as unknown as StorageAPI.Sync;
      const auth = {
        authenticateCredentials: ({
          playerID: p,
          credentials,
          metadata: m,
        }: {
          playerID: string;
          credentials: string;
          metadata: BgioServer.MatchData;
        }) => authenticateCredentials(credentials, m?.players[p as unknown as number]),
      };
      // Server-side actors (bots, clocks) are trusted: they act for seats that may have no credentials yet.
      const master = new Master(
        this.game,
        capture,
        { send: (d) => outbox.push(d as Outgoing), sendAll: (d) => outbox.push(d as Outgoing) },
        opts.trusted ? undefined : (auth as never),
      );
      const res = await master.onUpdate(action as never, stateID, matchID, playerID);
      if (res && 'error' in res) throw new Refusal('unauthorized', res.error, true);
      if (!written) throw new Refusal('invalid-move', 'the move is not allowed now', true);
      if (!(written.state._stateID > state._stateID))
        throw new Refusal('invalid-move', 'the move was rejected by the rules', true);
      // Only what the Master changed is applied, to the metadata as stored now (a join may have landed meanwhile).
      const change = writtenMetadata && {
        updatedAt: writtenMetadata.updatedAt,
        // null clears a stored end (a reopened match that did not end again); undefined keeps what is stored.
        gameover: writtenMetadata.gameover ?? (reopening ? null : undefined),
      };
      let stored: BgioServer.MatchData;
      try {
        stored = await this.storage.commit(matchID, written.state, written.deltalog, change);
      } catch (err) {
        if (err instanceof StaleWriteError) throw new Refusal('stale-state', err.message, true);
        throw err;
      }
      for (const payload of outbox) this.broadcast(matchID, payload);
      this.notifyCommit({
        matchID,
        state: written.state,
        metadata: stored,
        byPerson: !opts.trusted,
        reopened: reopening && written.state.ctx.gameover === undefined,
      });
    });
  }

  private notifyCommit(event: CommitEvent): void {
    try {
      this.onCommit?.(event);
    } catch (err) {
      this.logger.error('commit listener failed', { matchID: event.matchID, event: 'on-commit', err });
    }
  }

  /** Marks a seat connected or not and tells the match (boardgame.io's matchData message). */
  connectionChange(matchID: string, playerID: string | null, connected: boolean): Promise<void> {
    if (playerID === null) return Promise.resolve();
    return this.enqueue(matchID, async () => {
      let changed = false;
      const metadata = await this.storage.updateMetadata(matchID, (m) => {
        const seat = m.players[playerID as unknown as number];
        if (!seat || seat.isConnected === connected) return undefined;
        seat.isConnected = connected;
        changed = true;
        return m;
      });
      if (metadata && changed)
        this.broadcast(matchID, { type: 'matchData', args: [matchID, filterMetadata(metadata)] });
    });
  }

  /** Rebroadcasts current match data (after a join, leave or bot change made through the lobby). */
  announceMetadata(matchID: string): Promise<void> {
    return this.enqueue(matchID, async () => {
      const { metadata } = await this.storage.fetch(matchID, { metadata: true });
      if (metadata) this.broadcast(matchID, { type: 'matchData', args: [matchID, filterMetadata(metadata)] });
    });
  }

  /** Up to `limit` chat messages before seq `before` (the newest when absent), oldest first, with their seq. */
  chatPage(matchID: string, before: number | undefined, limit: number): Promise<StoredChat[]> {
    return this.storage.chatPage(matchID, { before, limit });
  }

  /**
   * Checks the sender's credentials against the stored seat (a player who left has none), stores the
   * message (keeping the newest `keep`), then tells the match.
   */
  chat(
    matchID: string,
    message: { id: string; sender: string; payload: unknown },
    credentials: string,
    keep = Infinity,
  ): Promise<void> {
    return this.enqueue(matchID, async () => {
      const { metadata } = await this.storage.fetch(matchID, { metadata: true });
      if (!metadata) throw new Refusal('unknown-match', `no match ${matchID}`);
      this.authenticate(metadata, message.sender, credentials);
      await this.storage.appendChat(matchID, message, Date.now(), keep);
      this.broadcast(matchID, { type: 'chat', args: [matchID, message] });
    });
  }
}

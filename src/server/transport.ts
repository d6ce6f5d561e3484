/**
 * boardgame.io's socket.io transport, rebuilt around the gate of `hardening.ts`: every packet is
 * rate-limited, size-capped and parsed before the match service sees it; refusals go back to the
 * sender as a `refused` event; a move on a stale state gets the sender a fresh sync; handler
 * errors are logged with their match id and never reach the process. Connections are limited per
 * address and spectators per match; a connection joins its match only if it is still open after
 * the (asynchronous) sync; each distinct view of a match is filtered once and sent to a socket.io
 * room (encoded once), and a seat that is left stops receiving its view on the old sockets.
 *
 * Over 400 lines on purpose for now: it is one socket.io namespace's life cycle (connect, sync, update,
 * chat, release, cluster relay), whose handlers share the per-connection state; splitting it is listed in
 * the issue-10 follow-up (relay and room bookkeeping would go to their own modules).
 */
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { Server as IOServer, type Socket } from 'socket.io';
import { SocketIO } from 'boardgame.io/server';
import type { Game } from 'boardgame.io';
import {
  DEFAULT_LIMITS,
  enabledEventsOf,
  moveNamesOf,
  packetSize,
  parseChat,
  parseSync,
  parseUpdate,
  RateLimiter,
  Refusal,
  type GateRules,
  type Limits,
  type Session,
} from './hardening';
import { clientAddress } from './client-address';
import type { Logger } from './log';
import { MemoryPresence, presenceSets, type Presence } from './presence';
import { defaultSettings, type ConnectionLimits } from './settings';
import {
  MatchService,
  type CommitEvent,
  type Delivery,
  type MatchServiceOptions,
  type MatchStorage,
  type Outgoing,
} from './match-service';

export interface HardenedTransportOptions {
  logger: Logger;
  limits?: Partial<Limits>;
  /** Game-specific move-argument parsing, by game name. */
  checkArgs?: Record<string, GateRules['checkArgs']>;
  /** Called after each committed move of any game. */
  onCommit?: (gameName: string, event: CommitEvent) => void;
  /** Per game: the gate for boardgame.io's action log (see MatchServiceOptions). */
  viewLog?: Record<string, MatchServiceOptions['viewLog']>;
  /** Per game: the moves that may reopen a finished match (see MatchServiceOptions). */
  reopens?: Record<string, MatchServiceOptions['reopens']>;
  /** Called when a connection has synced (a seat's player is back: a stand-in bot gives the seat back). */
  onSeatSynced?: (gameName: string, matchID: string, playerID: string | null) => void;
  connections?: Partial<ConnectionLimits>;
  /** Interface to listen on (default all). */
  host?: string;
  /** Count sockets by the last X-Forwarded-For entry (behind a reverse proxy). */
  trustProxy?: boolean;
  /** Other instances of a cluster: what this one sends its own connections goes to them too (cluster/bus.ts). */
  relay?: Relay;
  /** Who is connected, counted for the caps and seats' connected flags (a cluster's is in Redis); default this process's memory. */
  presence?: Presence;
}

/** What one instance's transport tells the others, which deliver it to their own connections. */
export type RelayMessage =
  | { k: 'out'; game: string; matchID: string; payload: Outgoing }
  | { k: 'emit'; matchID: string; event: string; args: unknown[] }
  | { k: 'release'; game: string; matchID: string; playerID: string };

export interface Relay {
  publish(message: RelayMessage): void;
}

interface Connection {
  socket: Socket;
  session: Session | null;
  limiter: RateLimiter;
  address: string;
  /** The socket.io room of the view this connection receives. */
  view: string | null;
  /** Newest state id sent to this connection: a resync never takes it back to an older state. */
  stateID: number;
  /** Its namespace's game. */
  game: string;
}

/** The state id an update or patch carries. */
const stateOfOutgoing = (p: Extract<Outgoing, { type: 'update' | 'patch' }>): number =>
  (p.type === 'update' ? p.args[1] : p.args[3])._stateID;
/** The state id a sync delivery carries (filtered for its recipient). */
const syncedStateID = (d: Delivery): number => (d.args[1] as { state: { _stateID: number } }).state._stateID;
const matchRoom = (matchID: string) => `match:${matchID}`;
const presenceSetOf = (game: string, s: Session) =>
  s.playerID === null ? presenceSets.spectators(s.matchID) : presenceSets.seat(game, s.matchID, s.playerID);
const viewRoom = (matchID: string, playerID: string | null) => `view:${matchID}:${playerID ?? '-'}`;
/** Most chat messages one `chatPage` request returns. */
const CHAT_PAGE = 50;

type KoaLike = {
  callback(): (req: never, res: never) => void;
  listen: unknown;
  server?: HttpServer;
  _io?: IOServer;
  context: { db: unknown };
};

export class HardenedSocketIO extends SocketIO {
  readonly services = new Map<string, MatchService>();
  private readonly rooms = new Map<string, Set<Connection>>();
  private readonly opts: HardenedTransportOptions;
  private readonly limits: Limits;
  private readonly connLimits: ConnectionLimits;
  private readonly presence: Presence;
  /** Newest state id sent per match with connections here: a late relayed update never overtakes a newer one. */
  private readonly sentStateID = new Map<string, number>();
  /**
   * Syncs being read per match, and the newest state another instance relayed meanwhile: such a state
   * reaches no room (the connection joins after its read), so the sync that read an older one is redone.
   */
  private readonly syncing = new Map<string, { reads: number; heard: number }>();
  io: IOServer | undefined;

  constructor(opts: HardenedTransportOptions) {
    super();
    this.opts = opts;
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
    this.connLimits = { ...defaultSettings().connections, ...opts.connections };
    this.presence = opts.presence ?? new MemoryPresence();
  }

  override init(app: Parameters<SocketIO['init']>[0], games: Game[]): void {
    const koa = app as unknown as KoaLike;
    // One HTTP server for the static client, the lobby API and the socket; Koa's handler is built on the
    // first request, after the lobby routes are added by Server.run().
    let handler: ((req: never, res: never) => void) | undefined;
    const http = createHttpServer((req, res) => (handler ??= koa.callback())(req as never, res as never));
    koa.server = http;
    koa.listen = (port: number, callback: () => void) =>
      this.opts.host === undefined ? http.listen(port, callback) : http.listen(port, this.opts.host, callback);
    const io = new IOServer(http, {
      pingTimeout: 20_000,
      pingInterval: 10_000,
      // Hard cap at the engine level (a bigger frame closes the connection); the gate's soft cap answers first.
      maxHttpBufferSize: this.limits.maxPacketBytes * 4,
      serveClient: false,
      // No long polling: its requests could reach different instances behind a load balancer without sticky sessions.
      transports: ['websocket'],
    });
    koa._io = io;
    this.io = io;
    const storage = koa.context.db as MatchStorage;
    for (const game of games) {
      const name = game.name ?? 'default';
      const service = new MatchService({
        game,
        storage,
        logger: this.opts.logger,
        broadcast: (matchID, payload) => this.broadcast(matchID, payload, service),
        onCommit: (event) => this.opts.onCommit?.(name, event),
        viewLog: this.opts.viewLog?.[name],
        reopens: this.opts.reopens?.[name],
      });
      this.services.set(name, service);
      const rules: GateRules = {
        moveNames: moveNamesOf(game),
        events: enabledEventsOf(game),
        limits: this.limits,
        checkArgs: this.opts.checkArgs?.[name],
      };
      io.of('/' + name).on('connection', (socket) => this.connect(socket, service, rules));
    }
    // Anything on another namespace (including the root) is dropped.
    io.of('/').use((_socket, next) => next(new Error('unknown namespace')));
  }

  private connect(socket: Socket, service: MatchService, rules: GateRules): void {
    const address = clientAddress(
      socket.handshake.address,
      socket.handshake.headers['x-forwarded-for'],
      this.opts.trustProxy ?? false,
    );
    const addressSet = presenceSets.address(address);
    // Packets wait for the admission (counted across instances in a cluster), in the order they came.
    const admitted = this.presence.admit(addressSet, socket.id, this.connLimits.maxSocketsPerAddress).then(
      (ok) => {
        if (!ok) {
          socket.emit('refused', {
            event: 'connect',
            code: 'too-many-connections',
            message: `more than ${this.connLimits.maxSocketsPerAddress} connections from your address`,
          });
          socket.disconnect(true);
        }
        return ok;
      },
      (err: unknown) => {
        this.opts.logger.error('connection admission failed', { event: 'presence', err });
        socket.disconnect(true);
        return false;
      },
    );
    const conn: Connection = {
      socket,
      session: null,
      limiter: new RateLimiter(this.limits.burst, this.limits.perSecond),
      address,
      view: null,
      stateID: -1,
      game: service.game.name ?? 'default',
    };
    socket.onAny((event: unknown, ...args: unknown[]) => {
      void admitted.then((ok) => (ok ? this.handle(conn, service, rules, event, args) : undefined));
    });
    socket.on('disconnect', () => {
      void admitted
        .then((ok) => (ok ? this.presence.drop(addressSet, socket.id) : undefined))
        .catch((err: unknown) => this.opts.logger.error('disconnect failed', { event: 'presence', err }));
      const s = conn.session;
      this.leave(conn);
      if (s) this.guard(s.matchID, 'disconnect', this.seatLeft(s, service));
    });
    socket.on('error', (err) => this.opts.logger.warn('socket error', { event: 'socket-error', err }));
  }

  private async handle(
    conn: Connection,
    service: MatchService,
    rules: GateRules,
    event: unknown,
    args: unknown[],
  ): Promise<void> {
    const name = typeof event === 'string' ? event.slice(0, 32) : '?';
    const matchID = conn.session?.matchID;
    try {
      if (!conn.limiter.take()) {
        if (conn.limiter.strikes > this.limits.maxRateStrikes) conn.socket.disconnect(true);
        throw new Refusal('rate-limited', 'too many messages; slow down');
      }
      if (packetSize(args) > this.limits.maxPacketBytes)
        throw new Refusal('too-large', `packet larger than ${this.limits.maxPacketBytes} bytes or not JSON`);
      switch (event) {
        case 'sync':
          return await this.onSync(conn, service, args);
        case 'update': {
          const req = parseUpdate(args, conn.session, rules);
          return await service.update(req.matchID, req.playerID, req.action, req.stateID);
        }
        case 'chat': {
          const req = parseChat(args, conn.session, this.limits);
          return await service.chat(req.matchID, req.message, req.credentials, this.connLimits.chatHistory);
        }
        case 'chatPage':
          return await this.onChatPage(conn, service, args);
        default:
          throw new Refusal('unknown-event', `event ${JSON.stringify(name)} is not accepted`);
      }
    } catch (err) {
      const refusal =
        err instanceof Refusal ? err : new Refusal('server-error', 'the server could not handle this message');
      // The event name comes from the client: it goes into a field (JSON-escaped, cut short), never into the message.
      if (!(err instanceof Refusal))
        this.opts.logger.error('socket handler failed', {
          matchID,
          playerID: conn.session?.playerID,
          event: 'socket-handler',
          socketEvent: name,
          err,
        });
      if (conn.socket.connected)
        conn.socket.emit('refused', { event: name, code: refusal.code, message: refusal.message });
      if (refusal.resync && conn.session) await this.resync(conn, service);
    }
  }

  private async onSync(conn: Connection, service: MatchService, args: unknown[]): Promise<void> {
    const req = parseSync(args);
    // A new spectator takes a place (counted on every instance) before the sync is read; given back if it fails.
    const watchSet = presenceSets.spectators(req.matchID);
    const reserved = req.playerID === null && conn.view !== viewRoom(req.matchID, null);
    if (reserved && !(await this.presence.admit(watchSet, conn.socket.id, this.connLimits.maxSpectators)))
      throw this.roomFull();
    const giveBack = () => reserved && this.guard(req.matchID, 'sync', this.presence.drop(watchSet, conn.socket.id));
    // Only seats get the recent chat with their sync; a spectator's sync stays small (no amplification).
    const chatLimit = req.playerID !== null ? this.connLimits.chatOnSync : 0;
    const read = this.syncing.get(req.matchID) ?? { reads: 0, heard: -1 };
    this.syncing.set(req.matchID, { ...read, reads: read.reads + 1 });
    let heard: number;
    let delivery: Delivery;
    let chat: Delivery[];
    try {
      ({ sync: delivery, chat } = await service.sync(req.matchID, req.playerID, req.credentials, chatLimit));
    } catch (err) {
      giveBack();
      throw err;
    } finally {
      const now = this.syncing.get(req.matchID)!;
      heard = now.heard;
      if (now.reads === 1) this.syncing.delete(req.matchID);
      else this.syncing.set(req.matchID, { ...now, reads: now.reads - 1 });
    }
    // A socket that closed while the sync was read must not be registered: it would stay "connected" forever.
    if (!conn.socket.connected) return void giveBack();
    const previous = conn.session;
    this.leave(conn);
    if (previous && (previous.matchID !== req.matchID || previous.playerID !== req.playerID))
      this.guard(previous.matchID, 'sync-switch', this.seatLeft(previous, service));
    this.join(conn, { matchID: req.matchID, playerID: req.playerID, credentials: req.credentials });
    conn.socket.emit(delivery.type, ...delivery.args);
    conn.stateID = syncedStateID(delivery);
    for (const d of chat) conn.socket.emit(d.type, ...d.args);
    if (heard > conn.stateID) void this.resync(conn, service);
    this.opts.onSeatSynced?.(service.game.name ?? 'default', req.matchID, req.playerID);
    await service.connectionChange(req.matchID, req.playerID, true);
  }

  private roomFull(): Refusal {
    return new Refusal('room-full', `this match already has ${this.connLimits.maxSpectators} spectators`);
  }

  /** `chatPage` [matchID, before?]: a seat's older chat, at most CHAT_PAGE messages before seq `before`. */
  private async onChatPage(conn: Connection, service: MatchService, args: unknown[]): Promise<void> {
    const [matchID, before] = args;
    const s = conn.session;
    if (!s || s.playerID === null) throw new Refusal('not-seated', 'chatPage: sync as a seat with credentials first');
    if (matchID !== s.matchID) throw new Refusal('wrong-seat', 'chatPage: matchID must be the synced match');
    if (before != null && (typeof before !== 'number' || !Number.isInteger(before) || before < 0))
      throw new Refusal('malformed', 'chatPage: before must be a message seq (a whole number) or absent');
    const page = await service.chatPage(s.matchID, before ?? undefined, CHAT_PAGE + 1);
    conn.socket.emit('chatPage', s.matchID, { messages: page.slice(-CHAT_PAGE), more: page.length > CHAT_PAGE });
  }

  private join(conn: Connection, session: Session): void {
    conn.session = session;
    let room = this.rooms.get(session.matchID);
    if (!room) this.rooms.set(session.matchID, (room = new Set()));
    room.add(conn);
    conn.view = viewRoom(session.matchID, session.playerID);
    void conn.socket.join([matchRoom(session.matchID), conn.view]);
    this.guard(
      session.matchID,
      'presence',
      this.presence.admit(presenceSetOf(conn.game, session), conn.socket.id, Infinity),
    );
  }

  /**
   * A player left the seat: every connection still synced as it loses the seat's view and chat and
   * watches on as a spectator (its credentials no longer open anything).
   */
  releaseSeat(gameName: string, matchID: string, playerID: string): void {
    this.opts.relay?.publish({ k: 'release', game: gameName, matchID, playerID });
    this.releaseLocal(gameName, matchID, playerID);
  }

  private releaseLocal(gameName: string, matchID: string, playerID: string): void {
    const service = this.services.get(gameName);
    if (!service) return;
    for (const conn of [...(this.rooms.get(matchID) ?? [])]) {
      if (conn.session?.playerID !== playerID) continue;
      this.leave(conn);
      this.join(conn, { matchID, playerID: null, credentials: undefined });
      conn.socket.emit('refused', {
        event: 'sync',
        code: 'seat-released',
        message: `seat ${playerID} was left; this connection now watches as a spectator`,
      });
      void this.resync(conn, service);
    }
  }

  private async resync(conn: Connection, service: MatchService): Promise<void> {
    const s = conn.session;
    if (!s) return;
    try {
      const { sync: delivery } = await service.sync(s.matchID, s.playerID, s.credentials);
      const stateID = syncedStateID(delivery);
      // An update that overtook this read already gave the connection a newer state.
      if (!conn.socket.connected || stateID < conn.stateID) return;
      conn.socket.emit(delivery.type, ...delivery.args);
      conn.stateID = stateID;
    } catch (err) {
      this.opts.logger.error('resync failed', { matchID: s.matchID, playerID: s.playerID, event: 'resync', err });
    }
  }

  private leave(conn: Connection): void {
    const s = conn.session;
    if (!s) return;
    const room = this.rooms.get(s.matchID);
    room?.delete(conn);
    if (room && room.size === 0) {
      this.rooms.delete(s.matchID);
      this.sentStateID.delete(s.matchID);
    }
    void conn.socket.leave(matchRoom(s.matchID));
    if (conn.view) void conn.socket.leave(conn.view);
    conn.view = null;
    conn.session = null;
    this.guard(s.matchID, 'presence', this.presence.drop(presenceSetOf(conn.game, s), conn.socket.id));
  }

  /** A connection left a seat (after its presence was dropped): the seat stays connected while any other socket, anywhere, holds it. */
  private async seatLeft(s: Session, service: MatchService): Promise<void> {
    if (s.playerID === null) return;
    const set = presenceSets.seat(service.game.name ?? 'default', s.matchID, s.playerID);
    await service.connectionChange(s.matchID, s.playerID, (await this.presence.count(set)) > 0);
  }

  /** A dead instance's sockets were counted out of `set` (cluster/presence.ts): a seat nobody holds now is disconnected. */
  vacated(set: string): void {
    const seat = presenceSets.parseSeat(set);
    const service = seat && this.services.get(seat.game);
    if (!seat || !service) return;
    this.guard(seat.matchID, 'vacated', this.seatLeft({ ...seat, credentials: undefined }, service));
  }

  private broadcast(matchID: string, payload: Outgoing, service: MatchService): void {
    this.opts.relay?.publish({ k: 'out', game: service.game.name ?? 'default', matchID, payload });
    this.broadcastLocal(matchID, payload, service);
  }

  /** Filters once per distinct view present here (each seat, spectators) and emits once to that view's room. */
  private broadcastLocal(matchID: string, payload: Outgoing, service: MatchService): void {
    const room = this.rooms.get(matchID);
    if (!room || !this.io) return;
    if (payload.type === 'update' || payload.type === 'patch') {
      const stateID = stateOfOutgoing(payload);
      if (stateID <= (this.sentStateID.get(matchID) ?? -1)) return;
      this.sentStateID.set(matchID, stateID);
      for (const conn of room) conn.stateID = Math.max(conn.stateID, stateID);
    }
    const nsp = this.io.of('/' + (service.game.name ?? 'default'));
    const views = new Set<string | null>();
    for (const conn of room) views.add(conn.session?.playerID ?? null);
    for (const pid of views) {
      const d = service.deliver(pid, payload);
      nsp.to(viewRoom(matchID, pid)).emit(d.type, ...d.args);
    }
  }

  /** Sends a message to the connections of one match (server-side events: clock ticks). */
  emitToMatch(matchID: string, event: string, ...args: unknown[]): void {
    this.opts.relay?.publish({ k: 'emit', matchID, event, args });
    this.emitLocal(matchID, event, args);
  }

  private emitLocal(matchID: string, event: string, args: unknown[]): void {
    if (!this.rooms.has(matchID) || !this.io) return;
    for (const name of this.services.keys())
      this.io
        .of('/' + name)
        .to(matchRoom(matchID))
        .emit(event, ...args);
  }

  /** Delivers what another instance sent to this instance's own connections. */
  receive(m: RelayMessage): void {
    if (m.k === 'emit') return this.emitLocal(m.matchID, m.event, m.args);
    const service = this.services.get(m.game);
    if (!service) return;
    if (m.k === 'out') {
      const read = this.syncing.get(m.matchID);
      if (read && (m.payload.type === 'update' || m.payload.type === 'patch'))
        read.heard = Math.max(read.heard, stateOfOutgoing(m.payload));
      this.broadcastLocal(m.matchID, m.payload, service);
    } else this.releaseLocal(m.game, m.matchID, m.playerID);
  }

  private guard(matchID: string, what: string, p: Promise<unknown>): void {
    p.catch((err: unknown) => this.opts.logger.error(`${what} failed`, { matchID, event: what, err }));
  }

  /**
   * Stops accepting connections and closes every socket's connection without a goodbye, which
   * socket.io clients answer by reconnecting (behind a load balancer: to another instance).
   */
  close(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.io) return resolve();
      void this.io.close(() => resolve());
    });
  }
}

/**
 * boardgame.io's socket.io transport, rebuilt around the gate of `hardening.ts`: one HTTP server for the
 * client, the lobby and the socket; connections admitted per address (presence.ts); each packet handled
 * by `socket-handlers.ts`; rooms, presence and fan-out in `socket-rooms.ts`; and the cluster relay (what
 * this instance sends its connections goes to the other instances too, which deliver it to theirs).
 * A seat that is left stops receiving its view on the old sockets.
 */
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { Server as IOServer, type Socket } from 'socket.io';
import { SocketIO } from 'boardgame.io/server';
import type { Game } from 'boardgame.io';
import { DEFAULT_LIMITS, enabledEventsOf, moveNamesOf, RateLimiter, type GateRules, type Limits } from './hardening';
import { clientAddress } from './client-address';
import type { Logger } from './log';
import { MemoryPresence, presenceSets, type Presence } from './presence';
import { defaultSettings, type ConnectionLimits } from './settings';
import {
  MatchService,
  type CommitEvent,
  type MatchServiceOptions,
  type MatchStorage,
  type Outgoing,
} from './match-service';
import { guard } from './socket-guard';
import { SocketHandlers } from './socket-handlers';
import { MatchRooms, type Connection } from './socket-rooms';

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

type KoaLike = {
  callback(): (req: never, res: never) => void;
  listen: unknown;
  server?: HttpServer;
  _io?: IOServer;
  context: { db: unknown };
};

export class HardenedSocketIO extends SocketIO {
  readonly services = new Map<string, MatchService>();
  private readonly opts: HardenedTransportOptions;
  private readonly limits: Limits;
  private readonly connLimits: ConnectionLimits;
  private readonly presence: Presence;
  private readonly rooms: MatchRooms;
  private readonly handlers: SocketHandlers;
  io: IOServer | undefined;

  constructor(opts: HardenedTransportOptions) {
    super();
    this.opts = opts;
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
    this.connLimits = { ...defaultSettings().connections, ...opts.connections };
    this.presence = opts.presence ?? new MemoryPresence();
    this.rooms = new MatchRooms(this.presence, opts.logger);
    this.handlers = new SocketHandlers({
      rooms: this.rooms,
      presence: this.presence,
      limits: this.limits,
      connLimits: this.connLimits,
      logger: opts.logger,
      onSeatSynced: opts.onSeatSynced,
    });
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
      void admitted.then((ok) => (ok ? this.handlers.handle(conn, service, rules, event, args) : undefined));
    });
    socket.on('disconnect', () => {
      void admitted
        .then((ok) => (ok ? this.presence.drop(addressSet, socket.id) : undefined))
        .catch((err: unknown) => this.opts.logger.error('disconnect failed', { event: 'presence', err }));
      const s = conn.session;
      this.rooms.leave(conn);
      if (s) guard(this.opts.logger, s.matchID, 'disconnect', this.rooms.seatLeft(s, service));
    });
    socket.on('error', (err) => this.opts.logger.warn('socket error', { event: 'socket-error', err }));
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
    for (const conn of this.rooms.connections(matchID)) {
      if (conn.session?.playerID !== playerID) continue;
      this.rooms.leave(conn);
      this.rooms.join(conn, { matchID, playerID: null, credentials: undefined });
      conn.socket.emit('refused', {
        event: 'sync',
        code: 'seat-released',
        message: `seat ${playerID} was left; this connection now watches as a spectator`,
      });
      void this.handlers.resync(conn, service);
    }
  }

  /** A dead instance's sockets were counted out of `set` (cluster/presence.ts): a seat nobody holds now is disconnected. */
  vacated(set: string): void {
    const seat = presenceSets.parseSeat(set);
    const service = seat && this.services.get(seat.game);
    if (!seat || !service) return;
    guard(this.opts.logger, seat.matchID, 'vacated', this.rooms.seatLeft({ ...seat, credentials: undefined }, service));
  }

  private broadcast(matchID: string, payload: Outgoing, service: MatchService): void {
    this.opts.relay?.publish({ k: 'out', game: service.game.name ?? 'default', matchID, payload });
    this.broadcastLocal(matchID, payload, service);
  }

  private broadcastLocal(matchID: string, payload: Outgoing, service: MatchService): void {
    if (this.io) this.rooms.broadcast(this.io, matchID, payload, service);
  }

  /** Sends a message to the connections of one match (server-side events: clock ticks). */
  emitToMatch(matchID: string, event: string, ...args: unknown[]): void {
    this.opts.relay?.publish({ k: 'emit', matchID, event, args });
    this.emitLocal(matchID, event, args);
  }

  private emitLocal(matchID: string, event: string, args: unknown[]): void {
    if (this.io) this.rooms.emit(this.io, this.services.keys(), matchID, event, args);
  }

  /** Delivers what another instance sent to this instance's own connections. */
  receive(m: RelayMessage): void {
    if (m.k === 'emit') return this.emitLocal(m.matchID, m.event, m.args);
    const service = this.services.get(m.game);
    if (!service) return;
    if (m.k === 'out') {
      this.rooms.relayed(m.matchID, m.payload);
      this.broadcastLocal(m.matchID, m.payload, service);
    } else this.releaseLocal(m.game, m.matchID, m.playerID);
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

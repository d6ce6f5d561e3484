/**
 * boardgame.io's socket.io transport, rebuilt around the gate of `hardening.ts`: every packet is
 * rate-limited, size-capped and parsed before the match service sees it; refusals go back to the
 * sender as a `refused` event; a move on a stale state gets the sender a fresh sync; handler
 * errors are logged with their match id and never reach the process.
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
import type { Logger } from './log';
import {
  MatchService,
  type CommitEvent,
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
  /** Called when a connection has synced (a seat's player is back: a stand-in bot gives the seat back). */
  onSeatSynced?: (gameName: string, matchID: string, playerID: string | null) => void;
}

interface Connection {
  socket: Socket;
  session: Session | null;
  limiter: RateLimiter;
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
  private readonly rooms = new Map<string, Set<Connection>>();
  private readonly opts: HardenedTransportOptions;
  private readonly limits: Limits;
  io: IOServer | undefined;

  constructor(opts: HardenedTransportOptions) {
    super();
    this.opts = opts;
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
  }

  override init(app: Parameters<SocketIO['init']>[0], games: Game[]): void {
    const koa = app as unknown as KoaLike;
    // One HTTP server for the static client, the lobby API and the socket; Koa's handler is built on the
    // first request, after the lobby routes are added by Server.run().
    let handler: ((req: never, res: never) => void) | undefined;
    const http = createHttpServer((req, res) => (handler ??= koa.callback())(req as never, res as never));
    koa.server = http;
    koa.listen = (...args: unknown[]) => http.listen(...(args as Parameters<HttpServer['listen']>));
    const io = new IOServer(http, {
      pingTimeout: 20_000,
      pingInterval: 10_000,
      // Hard cap at the engine level (a bigger frame closes the connection); the gate's soft cap answers first.
      maxHttpBufferSize: this.limits.maxPacketBytes * 4,
      serveClient: false,
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
    const conn: Connection = {
      socket,
      session: null,
      limiter: new RateLimiter(this.limits.burst, this.limits.perSecond),
    };
    socket.onAny((event: unknown, ...args: unknown[]) => {
      void this.handle(conn, service, rules, event, args);
    });
    socket.on('disconnect', () => {
      const s = conn.session;
      this.leave(conn);
      if (s)
        this.guard(
          s.matchID,
          'disconnect',
          service.connectionChange(s.matchID, s.playerID, this.seatStillConnected(s)),
        );
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
          return await service.chat(req.matchID, req.message);
        }
        default:
          throw new Refusal('unknown-event', `event ${JSON.stringify(name)} is not accepted`);
      }
    } catch (err) {
      const refusal =
        err instanceof Refusal ? err : new Refusal('server-error', 'the server could not handle this message');
      if (!(err instanceof Refusal))
        this.opts.logger.error(`handler failed on ${name}`, {
          matchID,
          playerID: conn.session?.playerID,
          event: name,
          err,
        });
      if (conn.socket.connected)
        conn.socket.emit('refused', { event: name, code: refusal.code, message: refusal.message });
      if (refusal.resync && conn.session) await this.resync(conn, service);
    }
  }

  private async onSync(conn: Connection, service: MatchService, args: unknown[]): Promise<void> {
    const req = parseSync(args);
    const delivery = await service.sync(req.matchID, req.playerID, req.credentials);
    const previous = conn.session;
    this.leave(conn);
    if (previous && (previous.matchID !== req.matchID || previous.playerID !== req.playerID)) {
      this.guard(
        previous.matchID,
        'sync-switch',
        service.connectionChange(previous.matchID, previous.playerID, this.seatStillConnected(previous)),
      );
    }
    conn.session = { matchID: req.matchID, playerID: req.playerID, credentials: req.credentials };
    let room = this.rooms.get(req.matchID);
    if (!room) this.rooms.set(req.matchID, (room = new Set()));
    room.add(conn);
    conn.socket.emit(delivery.type, ...delivery.args);
    for (const d of service.chatHistory(req.matchID)) conn.socket.emit(d.type, ...d.args);
    this.opts.onSeatSynced?.(service.game.name ?? 'default', req.matchID, req.playerID);
    await service.connectionChange(req.matchID, req.playerID, true);
  }

  private async resync(conn: Connection, service: MatchService): Promise<void> {
    const s = conn.session;
    if (!s) return;
    try {
      const delivery = await service.sync(s.matchID, s.playerID, s.credentials);
      if (conn.socket.connected) conn.socket.emit(delivery.type, ...delivery.args);
    } catch (err) {
      this.opts.logger.error('resync failed', { matchID: s.matchID, playerID: s.playerID, event: 'resync', err });
    }
  }

  private leave(conn: Connection): void {
    const s = conn.session;
    if (!s) return;
    const room = this.rooms.get(s.matchID);
    room?.delete(conn);
    if (room && room.size === 0) this.rooms.delete(s.matchID);
    conn.session = null;
  }

  private seatStillConnected(s: Session): boolean {
    if (s.playerID === null) return false;
    for (const c of this.rooms.get(s.matchID) ?? []) if (c.session?.playerID === s.playerID) return true;
    return false;
  }

  private broadcast(matchID: string, payload: Outgoing, service: MatchService): void {
    const room = this.rooms.get(matchID);
    if (!room) return;
    const cache = new Map<string | null, { type: string; args: unknown[] }>();
    for (const conn of room) {
      const pid = conn.session?.playerID ?? null;
      let d = cache.get(pid);
      if (!d) cache.set(pid, (d = service.deliver(pid, payload)));
      conn.socket.emit(d.type, ...d.args);
    }
  }

  /** Sends a message to the connections of one match (server-side events: clock ticks). */
  emitToMatch(matchID: string, event: string, ...args: unknown[]): void {
    for (const conn of this.rooms.get(matchID) ?? []) conn.socket.emit(event, ...args);
  }

  private guard(matchID: string, what: string, p: Promise<unknown>): void {
    p.catch((err: unknown) => this.opts.logger.error(`${what} failed`, { matchID, event: what, err }));
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.io) return resolve();
      void this.io.close(() => resolve());
    });
  }
}

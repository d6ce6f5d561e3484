/**
 * The socket transport's message handlers: every packet is rate-limited, size-capped and parsed by the
 * gate of `hardening.ts` before the match service sees it; refusals go back to the sender as a `refused`
 * event; a move on a stale state gets the sender a fresh sync; handler errors are logged with their
 * match id and never reach the process.
 */
import { packetSize, parseChat, parseSync, parseUpdate, Refusal, type GateRules, type Limits } from './hardening';
import type { Logger } from './log';
import type { ConnectionLimits } from './settings';
import type { Delivery, MatchService } from './match-service';
import { presenceSets, type Presence } from './presence';
import { guard } from './socket-guard';
import { syncedStateID, viewRoom, type Connection, type MatchRooms } from './socket-rooms';

/** Most chat messages one `chatPage` request returns. */
const CHAT_PAGE = 50;

export interface HandlerOptions {
  rooms: MatchRooms;
  presence: Presence;
  limits: Limits;
  connLimits: ConnectionLimits;
  logger: Logger;
  /** Called when a connection has synced (a seat's player is back: a stand-in bot gives the seat back). */
  onSeatSynced?: (gameName: string, matchID: string, playerID: string | null) => void;
}

export class SocketHandlers {
  constructor(private readonly o: HandlerOptions) {}

  /** One packet from a connection: `sync`, `update`, `chat` or `chatPage`; anything else is refused. */
  async handle(
    conn: Connection,
    service: MatchService,
    rules: GateRules,
    event: unknown,
    args: unknown[],
  ): Promise<void> {
    const { limits, connLimits, logger } = this.o;
    const name = typeof event === 'string' ? event.slice(0, 32) : '?';
    const matchID = conn.session?.matchID;
    try {
      if (!conn.limiter.take()) {
        if (conn.limiter.strikes > limits.maxRateStrikes) conn.socket.disconnect(true);
        throw new Refusal('rate-limited', 'too many messages; slow down');
      }
      if (packetSize(args) > limits.maxPacketBytes)
        throw new Refusal('too-large', `packet larger than ${limits.maxPacketBytes} bytes or not JSON`);
      switch (event) {
        case 'sync':
          return await this.onSync(conn, service, args);
        case 'update': {
          const req = parseUpdate(args, conn.session, rules);
          return await service.update(req.matchID, req.playerID, req.action, req.stateID);
        }
        case 'chat': {
          const req = parseChat(args, conn.session, limits);
          return await service.chat(req.matchID, req.message, req.credentials, connLimits.chatHistory);
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
        logger.error('socket handler failed', {
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

  /** Sends the connection's view of its match again (after a refused stale move, or a released seat). */
  async resync(conn: Connection, service: MatchService): Promise<void> {
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
      this.o.logger.error('resync failed', { matchID: s.matchID, playerID: s.playerID, event: 'resync', err });
    }
  }

  /**
   * A connection joins its match (as a seat with credentials, or a spectator up to the cap) only if it is
   * still open after the asynchronous sync; switching seat or match tells the service the old seat left.
   */
  private async onSync(conn: Connection, service: MatchService, args: unknown[]): Promise<void> {
    const { rooms, connLimits, presence, logger } = this.o;
    const req = parseSync(args);
    // A new spectator takes a place (counted on every instance) before the sync is read; given back if it fails.
    const watchSet = presenceSets.spectators(req.matchID);
    const reserved = req.playerID === null && conn.view !== viewRoom(req.matchID, null);
    if (reserved && !(await presence.admit(watchSet, conn.socket.id, connLimits.maxSpectators))) throw this.roomFull();
    const giveBack = () => reserved && guard(logger, req.matchID, 'sync', presence.drop(watchSet, conn.socket.id));
    // Only seats get the recent chat with their sync; a spectator's sync stays small (no amplification).
    const chatLimit = req.playerID !== null ? connLimits.chatOnSync : 0;
    rooms.syncStarted(req.matchID);
    let heard: number;
    let delivery: Delivery;
    let chat: Delivery[];
    try {
      ({ sync: delivery, chat } = await service.sync(req.matchID, req.playerID, req.credentials, chatLimit));
    } catch (err) {
      giveBack();
      throw err;
    } finally {
      heard = rooms.syncEnded(req.matchID);
    }
    // A socket that closed while the sync was read must not be registered: it would stay "connected" forever.
    if (!conn.socket.connected) return void giveBack();
    const previous = conn.session;
    rooms.leave(conn);
    if (previous && (previous.matchID !== req.matchID || previous.playerID !== req.playerID))
      guard(logger, previous.matchID, 'sync-switch', rooms.seatLeft(previous, service));
    rooms.join(conn, { matchID: req.matchID, playerID: req.playerID, credentials: req.credentials });
    conn.socket.emit(delivery.type, ...delivery.args);
    conn.stateID = syncedStateID(delivery);
    for (const d of chat) conn.socket.emit(d.type, ...d.args);
    if (heard > conn.stateID) void this.resync(conn, service);
    this.o.onSeatSynced?.(service.game.name ?? 'default', req.matchID, req.playerID);
    await service.connectionChange(req.matchID, req.playerID, true);
  }

  private roomFull(): Refusal {
    return new Refusal('room-full', `this match already has ${this.o.connLimits.maxSpectators} spectators`);
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
}

/**
 * Rooms and fan-out of the socket transport: which connections here follow which match, as which view
 * (a seat, or a spectator), in socket.io rooms per match and per view, each also counted in the presence
 * sets (presence.ts, every instance's in a cluster); an outgoing message is filtered once per view
 * present and emitted once to that view's room.
 */
import type { Server as IOServer, Socket } from 'socket.io';
import type { RateLimiter, Session } from './hardening';
import type { Logger } from './log';
import type { Delivery, MatchService, Outgoing } from './match-service';
import { presenceSets, type Presence } from './presence';
import { guard } from './socket-guard';

export interface Connection {
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
export const stateOfOutgoing = (p: Extract<Outgoing, { type: 'update' | 'patch' }>): number =>
  (p.type === 'update' ? p.args[1] : p.args[3])._stateID;
/** The state id a sync delivery carries (filtered for its recipient). */
export const syncedStateID = (d: Delivery): number => (d.args[1] as { state: { _stateID: number } }).state._stateID;

const matchRoom = (matchID: string) => `match:${matchID}`;
const presenceSetOf = (game: string, s: Session) =>
  s.playerID === null ? presenceSets.spectators(s.matchID) : presenceSets.seat(game, s.matchID, s.playerID);
export const viewRoom = (matchID: string, playerID: string | null) => `view:${matchID}:${playerID ?? '-'}`;

export class MatchRooms {
  private readonly rooms = new Map<string, Set<Connection>>();
  /** Newest state id sent per match with connections here: a late relayed update never overtakes a newer one. */
  private readonly sentStateID = new Map<string, number>();
  /**
   * Syncs being read per match, and the newest state another instance relayed meanwhile: such a state
   * reaches no room (the connection joins after its read), so the sync that read an older one is redone.
   */
  private readonly syncing = new Map<string, { reads: number; heard: number }>();

  constructor(
    private readonly presence: Presence,
    private readonly logger: Logger,
  ) {}

  /** A sync of `matchID` starts its read. */
  syncStarted(matchID: string): void {
    const read = this.syncing.get(matchID);
    if (read) read.reads++;
    else this.syncing.set(matchID, { reads: 1, heard: -1 });
  }

  /** A sync of `matchID` ended its read: the newest state relayed meanwhile (−1 for none). */
  syncEnded(matchID: string): number {
    const read = this.syncing.get(matchID)!;
    if (--read.reads === 0) this.syncing.delete(matchID);
    return read.heard;
  }

  /** Another instance relayed `payload`: a sync being read here must not miss its state. */
  relayed(matchID: string, payload: Outgoing): void {
    const read = this.syncing.get(matchID);
    if (read && (payload.type === 'update' || payload.type === 'patch'))
      read.heard = Math.max(read.heard, stateOfOutgoing(payload));
  }

  /** The connections here synced to `matchID` (a copy: joining and leaving while iterating is safe). */
  connections(matchID: string): Connection[] {
    return [...(this.rooms.get(matchID) ?? [])];
  }

  join(conn: Connection, session: Session): void {
    conn.session = session;
    let room = this.rooms.get(session.matchID);
    if (!room) this.rooms.set(session.matchID, (room = new Set()));
    room.add(conn);
    conn.view = viewRoom(session.matchID, session.playerID);
    void conn.socket.join([matchRoom(session.matchID), conn.view]);
    guard(
      this.logger,
      session.matchID,
      'presence',
      this.presence.admit(presenceSetOf(conn.game, session), conn.socket.id, Infinity),
    );
  }

  leave(conn: Connection): void {
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
    guard(this.logger, s.matchID, 'presence', this.presence.drop(presenceSetOf(conn.game, s), conn.socket.id));
  }

  /** A connection left a seat (after its presence was dropped): the seat stays connected while any other socket, anywhere, holds it. */
  async seatLeft(s: Session, service: MatchService): Promise<void> {
    if (s.playerID === null) return;
    const set = presenceSets.seat(service.game.name ?? 'default', s.matchID, s.playerID);
    await service.connectionChange(s.matchID, s.playerID, (await this.presence.count(set)) > 0);
  }

  /** Filters once per distinct view present here (each seat, spectators) and emits once to that view's room. */
  broadcast(io: IOServer, matchID: string, payload: Outgoing, service: MatchService): void {
    const room = this.rooms.get(matchID);
    if (!room) return;
    if (payload.type === 'update' || payload.type === 'patch') {
      const stateID = stateOfOutgoing(payload);
      if (stateID <= (this.sentStateID.get(matchID) ?? -1)) return;
      this.sentStateID.set(matchID, stateID);
      for (const conn of room) conn.stateID = Math.max(conn.stateID, stateID);
    }
    const nsp = io.of('/' + (service.game.name ?? 'default'));
    const views = new Set<string | null>();
    for (const conn of room) views.add(conn.session?.playerID ?? null);
    for (const pid of views) {
      const d = service.deliver(pid, payload);
      nsp.to(viewRoom(matchID, pid)).emit(d.type, ...d.args);
    }
  }

  /** Emits `event` to every connection of the match here, in each game's namespace. */
  emit(io: IOServer, games: Iterable<string>, matchID: string, event: string, args: unknown[]): void {
    if (!this.rooms.has(matchID)) return;
    for (const name of games)
      io.of('/' + name)
        .to(matchRoom(matchID))
        .emit(event, ...args);
  }
}

/**
 * A person at the table, automated, for tests against a real server process: a socket.io client
 * (WebSocket only, reconnecting like the browser's) that syncs its seat of an East Asia Tomorrow
 * match, plays the server bot's choice whenever the game waits for it, and records what it saw: every
 * state id, and the highest one whose move of its own came back (acknowledged, hence committed).
 */
import { io, type Socket } from 'socket.io-client';
import type { LogEntry, State } from 'boardgame.io';
import { actorOf, BOT_LEVELS, eastAsiaBot } from '../../src/server/east-asia';
import { streamFrom } from '../../src/random';

export const GAME = 'east-asia-tomorrow';

export class AutoSeat {
  readonly socket: Socket;
  /** Every state id received (sync or update), in arrival order. */
  readonly seen: number[] = [];
  /** Chat payloads received. */
  readonly chat: unknown[] = [];
  /** Highest state id of an update that carried this seat's own move. */
  acked = -1;
  /** Reasons the connection dropped (socket.io's: 'transport close' means "reconnect"). */
  readonly drops: string[] = [];
  state: State | undefined;
  private pending: number | null = null;
  private readonly rng;
  /** The last events this seat saw and did, for a failing test's message (what a stalled seat was waiting for). */
  private readonly trail: string[] = [];

  constructor(
    url: string,
    readonly matchID: string,
    readonly playerID: string | null,
    private readonly credentials?: string,
    opts: { plays?: boolean; path?: string } = {},
  ) {
    this.rng = streamFrom(`auto-seat/${matchID}/${playerID}`);
    this.socket = io(`${url}/${GAME}`, {
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
      ...(opts.path ? { path: opts.path } : {}),
    });
    const plays = opts.plays ?? playerID !== null;
    this.socket.on('connect', () => this.socket.emit('sync', matchID, playerID, credentials, 2));
    this.socket.on('disconnect', (reason: string) => {
      this.note(`disconnect ${reason}`);
      this.drops.push(reason);
      this.pending = null;
    });
    this.socket.on('sync', (_m: string, info: { state: State }) => this.take(info.state, undefined, plays));
    this.socket.on('update', (_m: string, state: State, log?: LogEntry[]) => this.take(state, log, plays));
    this.socket.on('refused', (r: { code?: string }) => {
      this.note(`refused ${JSON.stringify(r)}`);
      this.pending = null;
      // Told to slow down (faster than a person, past the socket's token bucket): the state is unchanged, so
      // the seat tries its move again once the bucket has refilled, as a well-behaved client does.
      if (r.code === 'rate-limited' && plays) setTimeout(() => this.act(), 250);
    });
    this.socket.on('chat', (_m: string, message: { payload: unknown }) => this.chat.push(message.payload));
  }

  get over(): boolean {
    return this.state?.ctx.gameover !== undefined;
  }

  private note(event: string): void {
    this.trail.push(event);
    if (this.trail.length > 20) this.trail.shift();
  }

  /** Where this seat stands and what it last saw, in one line. */
  describe(): string {
    const G = this.state?.G as { pending?: unknown; active?: unknown } | undefined;
    return `seat ${this.playerID} at state ${this.state?._stateID} (actor ${this.state ? actorOf(this.state) : '-'}, waiting on its move at ${this.pending}, active ${JSON.stringify(G?.active)}, pending ${JSON.stringify(G?.pending)?.slice(0, 200)}); last: ${this.trail.join(' | ')}`;
  }

  private take(state: State, log: LogEntry[] | undefined, plays: boolean): void {
    this.note(
      `${log ? 'update' : 'sync'} ${state._stateID}${log ? ` log [${log.map((e) => `${e.action.payload.playerID}:${e.action.payload.type}`).join(',')}]` : ''}`,
    );
    this.seen.push(state._stateID);
    if (this.state && state._stateID < this.state._stateID) return;
    if (this.pending !== null && log?.some((e) => e.action.payload.playerID === this.playerID)) {
      this.acked = Math.max(this.acked, state._stateID);
      this.pending = null;
    }
    this.state = state;
    if (plays) this.act();
  }

  private act(): void {
    const s = this.state;
    if (!s || this.over || this.pending !== null || this.playerID === null || actorOf(s) !== this.playerID) return;
    const choice = eastAsiaBot(s, this.playerID, BOT_LEVELS[0], this.rng) as { move: string; args: unknown[] } | null;
    if (!choice) return;
    this.pending = s._stateID;
    this.note(`move ${choice.move} at ${s._stateID}`);
    this.socket.emit(
      'update',
      {
        type: 'MAKE_MOVE',
        payload: { type: choice.move, args: choice.args, playerID: this.playerID, credentials: this.credentials },
      },
      s._stateID,
      this.matchID,
      this.playerID,
    );
  }

  say(text: string): void {
    this.socket.emit(
      'chat',
      this.matchID,
      { id: `${Date.now()}`, sender: this.playerID, payload: text },
      this.credentials,
    );
  }

  close(): void {
    this.socket.close();
  }
}

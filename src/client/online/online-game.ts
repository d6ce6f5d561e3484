/**
 * One seat (or a spectator) of an online match: boardgame.io's Client with the SocketIO transport.
 * It is the GameScreen's game (ScreenGame) and the White Cell console's session; it also carries the
 * match's seats and presence, the chat, the clock and the server's refusals to the panels.
 */
import { Client } from 'boardgame.io/client';
import { SocketIO } from 'boardgame.io/multiplayer';
import type { BySeat, MoveName, Seat, Variant, WhiteMoveName } from '../../content/ids';
import { SEATS } from '../../content/ids';
import { EastAsiaTomorrow, playerOf, type Action, type GameState } from '../../rules';
import type { ScreenGame } from '../game-screen';
import { DEFAULT_BOT, parseBotSpec } from '../../content/bot-spec';
import type { GameSetup, SeatControl } from '../local-game';
import type { SaveFile } from '../../content/save-file';
import type { SeminarSession } from '../seminar/session';
import { lobbyApi, type MatchInfo, type PublicClock } from './api';
import { seatRoles } from './match-words';

export interface ChatLine {
  id: string;
  sender: string;
  payload: unknown;
}

export interface Refusal {
  event: string;
  code: string;
  message: string;
}

type BgioClient = ReturnType<typeof Client<GameState>>;
interface Socketish {
  on(event: string, fn: (...args: unknown[]) => void): void;
  emit(event: string, ...args: unknown[]): void;
}

/** The server's answer to `chatPage` (src/server/socket-handlers.ts): older messages, oldest first, with their seq. */
interface ChatPage {
  messages: { seq: number; message: ChatLine }[];
  more: boolean;
}

export class OnlineGame implements ScreenGame {
  readonly client: BgioClient;
  readonly actions = { length: 0 };
  clock: PublicClock | null;
  /** The last thing the server refused (shown by the panels), with when. */
  refusal: (Refusal & { at: number }) | null = null;
  /** The saved-game file, fetched once the match is over. */
  private saved: string | null = null;
  private readonly listeners = new Set<() => void>();
  private stopped = false;
  private readonly socket: Socketish | undefined;
  /** Chat fetched page by page with `chatPage`, oldest first; `oldestSeq` is where the next page ends. */
  private olderChat: ChatLine[] = [];
  private oldestSeq: number | null = null;
  /** Whether the server keeps chat older than what is shown: null until the first page was asked for. */
  chatMore: boolean | null = null;

  constructor(
    public match: MatchInfo,
    readonly playerID: string | null,
    readonly credentials: string | null,
  ) {
    this.clock =
      match.options.clock && match.options.clockState
        ? ({ ...match.options.clock, ...match.options.clockState } as PublicClock)
        : null;
    this.client = Client<GameState>({
      game: EastAsiaTomorrow,
      // WebSocket only: one connection to one instance, so a load balancer needs no sticky sessions.
      multiplayer: SocketIO({ server: location.origin, socketOpts: { transports: ['websocket'] } }),
      matchID: match.matchID,
      numPlayers: match.players.length,
      ...(playerID !== null ? { playerID } : {}),
      ...(credentials ? { credentials } : {}),
      debug: false,
    });
    let seen = '';
    this.client.subscribe(() => {
      // Seats changed (a join, a stand-in, someone came or went): re-read the match's options.
      const now = JSON.stringify(this.client.matchData ?? []);
      if (now !== seen) {
        seen = now;
        void this.reloadMatch();
      }
      if (this.G_or_null()?.result && this.saved === null) void this.fetchSave();
      // The White Cell reopened the match: the next end brings a new saved game.
      else if (this.G_or_null()?.result === null && this.saved) this.saved = null;
      this.notify();
    });
    this.client.start();
    const socket = (this.client as unknown as { transport: { socket?: Socketish } }).transport.socket;
    this.socket = socket;
    socket?.on('chatPage', (matchID, page) => {
      if (matchID !== this.match.matchID) return;
      const { messages, more } = page as ChatPage;
      this.olderChat = [...messages.map((m) => m.message), ...this.olderChat];
      this.oldestSeq = messages[0]?.seq ?? this.oldestSeq;
      this.chatMore = more;
      this.notify();
    });
    socket?.on('refused', (r) => {
      this.refusal = { ...(r as Refusal), at: Date.now() };
      this.notify();
    });
    socket?.on('clock', (matchID, clock) => {
      if (matchID !== this.match.matchID) return;
      this.clock = clock as PublicClock;
      this.notify();
    });
  }

  /** Resolves when the first state has arrived (or rejects after `ms`). */
  ready(ms = 15_000): Promise<void> {
    return new Promise((ok, fail) => {
      if (this.G_or_null()) return ok();
      const t = setTimeout(() => {
        off();
        fail(new Error(this.refusal ? this.refusal.message : 'The server did not send the match in time.'));
      }, ms);
      const off = this.onChange(() => {
        if (this.refusal && !this.G_or_null()) {
          clearTimeout(t);
          off();
          fail(new Error(`The server refused: ${this.refusal.message}`));
        } else if (this.G_or_null()) {
          clearTimeout(t);
          off();
          ok();
        }
      });
    });
  }

  /** Call `fn` after every change (state, seats, chat, clock, refusal); returns the unsubscribe. */
  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private notify(): void {
    if (this.stopped) return;
    for (const fn of [...this.listeners]) fn();
  }

  private G_or_null(): GameState | null {
    return (this.client.store.getState() as { G: GameState } | null)?.G ?? null;
  }

  /** The state this seat may see (the server already filtered it through playerView). */
  get G(): GameState {
    const G = this.G_or_null();
    if (!G) throw new Error('online match: no state yet');
    return G;
  }

  get connected(): boolean {
    return (this.client as unknown as { transport: { isConnected?: boolean } }).transport.isConnected ?? false;
  }

  /**
   * The chat, each message once: the server sends the recent history after every sync (a stand-in or a
   * reconnect syncs again), and boardgame.io's client appends it again, so lines are kept by their id.
   */
  get chat(): ChatLine[] {
    const seen = new Set<string>();
    return [...this.olderChat, ...(this.client.chatMessages as ChatLine[])].filter(
      (l) => !seen.has(l.id) && !!seen.add(l.id),
    );
  }

  /**
   * Asks the server for the page of chat before the oldest one fetched (a seat only: spectators get no
   * history). A sync brings only the newest messages; the first page overlaps them and is merged by id.
   */
  loadOlderChat(): void {
    if (this.playerID === null || this.chatMore === false) return;
    this.socket?.emit('chatPage', this.match.matchID, this.oldestSeq);
  }

  /** The match has ended: no clock runs and no seat can be handed to a bot any more. */
  get over(): boolean {
    return !!this.G_or_null()?.result;
  }

  /** Who is connected, by playerID (boardgame.io's matchData). */
  get presence(): Record<string, boolean> {
    return Object.fromEntries((this.client.matchData ?? []).map((p) => [String(p.id), p.isConnected === true]));
  }

  /** Seat controls as the screen knows them: bots and stand-ins are 'bot', every other seat a person. */
  get setup(): GameSetup {
    const controls = Object.fromEntries(
      SEATS.map((s) => [s, { kind: 'human', bot: DEFAULT_BOT }]),
    ) as BySeat<SeatControl>;
    const { bots, standIns } = this.match.options;
    for (const [pid, b] of Object.entries({ ...standIns, ...bots })) {
      const bot = parseBotSpec(b.level, `match ${this.match.matchID}: bot ${pid}`);
      for (const r of seatRoles(this.match.setupData, pid)) if (r !== 'white') controls[r] = { kind: 'bot', bot };
    }
    return {
      scenario: this.match.setupData.scenario,
      variant: this.match.setupData.variant as Variant,
      seed: this.match.matchID,
      controls,
    };
  }

  playerFor(seat: Seat): string {
    const player = playerOf(this.G, seat);
    if (player === null) throw new Error(`online match: no player holds ${seat}`);
    return player;
  }

  /** Sends a move; the server's answer arrives as a state update (or a refusal). */
  act(_seat: Seat, action: Action, why?: string): boolean {
    return this.send(action.move, [...action.args, ...(why ? [{ why }] : [])]);
  }

  private send(move: MoveName | WhiteMoveName, args: unknown[]): boolean {
    if (this.playerID === null || !this.G_or_null()) return false;
    const fn = this.client.moves[move] as ((...a: unknown[]) => void) | undefined;
    if (!fn) return false;
    this.refusal = null;
    fn(...args);
    return true;
  }

  /** Sends a move and waits for the server: true once the state moved on, false if it was refused. */
  sendAndWait(move: MoveName | WhiteMoveName, args: unknown[], ms = 10_000): Promise<boolean> {
    const before = (this.client.store.getState() as { _stateID: number } | null)?._stateID ?? -1;
    if (!this.send(move, args)) return Promise.resolve(false);
    return new Promise((ok) => {
      const t = setTimeout(() => done(false), ms);
      const off = this.onChange(() => {
        const now = (this.client.store.getState() as { _stateID: number } | null)?._stateID ?? -1;
        if (now > before) done(true);
        else if (this.refusal) done(false);
      });
      function done(v: boolean) {
        clearTimeout(t);
        off();
        ok(v);
      }
    });
  }

  sendChat(text: string): void {
    const t = text.trim().slice(0, 1000);
    if (t && this.playerID !== null) this.client.sendChatMessage(t);
  }

  /** The server's saved game of a finished match (fetched when the end arrives). */
  toSave(): SaveFile {
    if (!this.saved) throw new Error('The saved game is not ready yet: try again in a moment.');
    return JSON.parse(this.saved) as SaveFile;
  }

  /** The saved-game file's text: after the end, or at any time for the White Cell. */
  async saveText(): Promise<string> {
    if (this.saved) return this.saved;
    const seat =
      this.playerID !== null && this.credentials
        ? { playerID: this.playerID, credentials: this.credentials }
        : undefined;
    return lobbyApi.replay(this.match.matchID, this.G_or_null()?.result ? undefined : seat);
  }

  private async fetchSave(): Promise<void> {
    this.saved = '';
    try {
      this.saved = await lobbyApi.replay(this.match.matchID);
      this.notify();
    } catch {
      this.saved = null;
    }
  }

  async reloadMatch(): Promise<void> {
    try {
      this.match = await lobbyApi.get(this.match.matchID);
      if (this.match.options.clock && this.match.options.clockState && !this.clock)
        this.clock = { ...this.match.options.clock, ...this.match.options.clockState } as PublicClock;
      this.notify();
    } catch {
      // The next change tries again; the match page shows lobby errors.
    }
  }

  stop(): void {
    this.stopped = true;
    this.listeners.clear();
    this.client.stop();
  }
}

/** The White Cell console's session over an online seat: its moves wait for the server's answer. */
export function onlineSeminarSession(game: OnlineGame): SeminarSession {
  return {
    state: () => (game.client.store.getState() as { G: GameState } | null)?.G ?? null,
    white: (move, args) => game.sendAndWait(move, args),
    subscribe: (fn) => game.onChange(fn),
  };
}

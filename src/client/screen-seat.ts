/**
 * Who sits at the game screen and what they may see: the hot-seat reducer's state (hot-seat.ts) fed with
 * the table's facts, and the views that follow from it (the state through the one gate, the seat whose
 * secrets show, the seat that may act now).
 */
import { SEATS, type Seat } from '../content/ids';
import { SEAT_STYLE } from '../content/seats';
import { actingSeat, awaitingWhiteCell, playerOf, playerView, type GameState } from '../rules';
import {
  hotSeat,
  NOBODY,
  returnTarget,
  whiteHolds,
  type HotSeat,
  type HotSeatEvent,
  type TableFacts,
} from './hot-seat';
import type { LocalGame } from './local-game';
import { autoReaction } from './reactions';

/** What the screen's seat needs of a game (the local game or an online match). */
export type SeatGame = Pick<LocalGame, 'G' | 'setup' | 'playerFor'>;

export interface ScreenSeatOptions {
  /** Online: this screen's playerID (null = a spectator); undefined at a local table. */
  seatedAs?: string | null;
  /** A hot-seat seminar, whose White Cell (if the game has one) may take the screen. */
  seminar: boolean;
  /** The projector view is on: the public view, whoever sits at the screen. */
  projector(): boolean;
}

export class ScreenSeat {
  private state: HotSeat = NOBODY;

  constructor(
    private readonly game: SeatGame,
    private readonly opts: ScreenSeatOptions,
  ) {}

  private get G(): GameState {
    return this.game.G;
  }

  /** The person now at the screen (a playerID); null while it is being handed over. */
  get person(): string | null {
    return this.state.viewer;
  }

  /** The player the screen is being passed to, if it is changing hands. */
  get handover(): string | null {
    return this.state.handover;
  }

  /** The White Cell's playerID in a hot-seat game that has one; null otherwise (and online). */
  whitePlayer(): string | null {
    if (this.opts.seatedAs !== undefined || !this.opts.seminar) return null;
    return playerOf(this.G, 'white');
  }

  private humanPlayers(): string[] {
    const players = SEATS.filter((s) => this.game.setup.controls[s].kind === 'human').map((s) =>
      this.game.playerFor(s),
    );
    return [...new Set(players)];
  }

  /** The table's facts for the hand-over reducer. */
  private facts(): TableFacts {
    const G = this.G;
    const acting = actingSeat(G);
    const human = acting !== null && this.game.setup.controls[acting].kind === 'human';
    // A reaction the person's preference answers is no decision: the screen does not change hands for it.
    const decides =
      human && !autoReaction(playerView(G, this.game.playerFor(acting)), acting, this.game.setup.reactions?.[acting]);
    return {
      ...(this.opts.seatedAs !== undefined ? { seatedAs: this.opts.seatedAs } : {}),
      white: this.whitePlayer(),
      awaitingWhite: awaitingWhiteCell(G),
      actingHuman: decides ? this.game.playerFor(acting) : null,
      humans: this.humanPlayers(),
    };
  }

  /** Feeds the reducer an event; true when the person at the screen or the hand-over changed. */
  dispatch(e: HotSeatEvent): boolean {
    const before = this.state;
    this.state = hotSeat(before, e, this.facts());
    return this.state.viewer !== before.viewer || this.state.handover !== before.handover;
  }

  /** After the game changed: pass the screen if someone else must act now; true when a hand-over began. */
  sync(): boolean {
    const before = this.state.handover;
    this.state = hotSeat(this.state, { type: 'sync' }, this.facts());
    return this.state.handover !== before && this.state.handover !== null;
  }

  /** The White Cell has the screen, or it is being handed to it (bots wait meanwhile). */
  whiteHolds(): boolean {
    return whiteHolds(this.state, this.facts());
  }

  /** The White Cell sits at the screen (its console is open). */
  whiteAtScreen(): boolean {
    return this.state.handover === null && this.state.viewer !== null && this.state.viewer === this.whitePlayer();
  }

  /** The names of whom the White Cell would hand the screen back to. */
  returnNames(): string {
    const target = returnTarget(this.state, this.facts());
    return target === null ? 'the game' : this.playerNames(target);
  }

  /** "China" or "Japan + South Korea" for a seat player; "the White Cell" for the umpire. */
  playerNames(player: string): string {
    const roles = this.G.players[player] ?? [];
    if (roles.includes('white')) return 'the White Cell';
    return (roles as Seat[]).map((r) => SEAT_STYLE[r].name).join(' + ');
  }

  /** Whose view the screen shows: a playerID, or 'public' (projector, or nobody at the screen). */
  viewer(): string | 'public' {
    return this.opts.projector() || this.state.viewer === null ? 'public' : this.state.viewer;
  }

  /** The state as the person at the screen may see it. */
  seen(): GameState {
    const v = this.viewer();
    return playerView(this.G, v === 'public' ? null : v);
  }

  /** The seat the board is drawn for: 'white' for the White Cell, the viewer's seat, or null (public). */
  boardSeat(): Seat | 'white' | null {
    return this.viewer() !== 'public' && this.state.viewer === this.whitePlayer() ? 'white' : this.viewerSeat();
  }

  private viewerSeat(): Seat | null {
    const v = this.viewer();
    if (v === 'public' || v === this.whitePlayer()) return null;
    const roles = this.G.players[v] ?? [];
    return (roles.find((r) => r === 'china') ?? roles[0] ?? null) as Seat | null;
  }

  /** The seats whose secret priority the person at the screen may read. */
  secretSeats(): Seat[] {
    if (!this.viewerSeat()) return [];
    return (this.G.players[this.state.viewer!] ?? []) as Seat[];
  }

  /** The seat the person at the screen may act for now, if any. */
  myTurn(): Seat | null {
    const acting = actingSeat(this.G);
    if (!acting || this.game.setup.controls[acting].kind !== 'human' || this.state.handover) return null;
    return this.game.playerFor(acting) === this.state.viewer ? acting : null;
  }
}

/**
 * The game screen composes the board, the action panel, the log, the local bots, the hot-seat hand-over,
 * the White Cell's layer and the end card. It owns no rules: who sees the screen is hot-seat.ts's reducer,
 * bots are local-bots.ts, moves are chosen in action-panel.ts.
 *
 * Slightly over 400 lines for now: the composition itself (wiring of every panel and its events); the
 * toolbar already moved out, and the White Cell wiring is the next piece to move (issue-10 follow-up).
 */
import { SEATS, type Seat } from '../content/ids';
import { SEAT_STYLE } from '../content/seats';
import type { BoardHandle } from '../render/board-view';
import { mountBoard } from '../render/mount-board';
import { actingSeat, briefsFor, playerOf, playerView, awaitingWhiteCell, type Action, type GameState } from '../rules';
import { ActionPanel } from './action-panel';
import { renderInjectStory } from './inject-story';
import { renderScorePanel } from './score-panel';
import './table.css';
import { renderBotBar } from './bot-bar';
import { download, h } from './dom';
import { drawerHandle } from './drawer';
import { endCard } from './end-card';
import { handoverCard } from './handover-card';
import {
  hotSeat,
  NOBODY,
  returnTarget,
  whiteHolds,
  type HotSeat,
  type HotSeatEvent,
  type TableFacts,
} from './hot-seat';
import { LocalBots } from './local-bots';
import type { LocalGame } from './local-game';
import { LogList } from './log-line';
import { presentBoard } from './present-board';
import { ReactionMenu, REACTING_SEATS } from './reaction-menu';
import { ASK, autoReaction } from './reactions';
import { openRules } from './rules-reference';
import { reportButton } from './seminar/report-button';
import type { SeminarSession } from './seminar/session';
import { WhiteCellLayer } from './white-cell-layer';
import { gameToolbar } from './toolbar';
import { BriefLayer } from './brief';

/** What the screen needs of a game: the hot-seat LocalGame, or an online match (src/client/online). */
export type ScreenGame = Pick<LocalGame, 'G' | 'setup' | 'playerFor' | 'toSave'> & {
  readonly actions: { readonly length: number };
  act(seat: Seat, action: Action, why?: string): boolean;
  /** A local game: changes to listen to (its bots and reaction preferences play here). */
  subscribe?: LocalGame['subscribe'];
  /** A local game: set a seat's reaction preference. */
  setReaction?: LocalGame['setReaction'];
};

/** Online: the screen is one player's (playerID null = a spectator): no hand-over, no local bots. */
export interface SeatedAs {
  playerID: string | null;
  /** Buttons that replace Save game / New game in the toolbar. */
  toolbar: HTMLElement[];
  /** Panels shown between the toolbar and the actions (clock, players, chat). */
  panels: HTMLElement[];
}

export interface GameScreenOptions {
  /** Online match: see SeatedAs. */
  seatedAs?: SeatedAs;
  scenarioName: string;
  projector?: boolean;
  /** Bot pause per move in ms (0 = instant). */
  botSpeed?: number;
  /**
   * Hot-seat seminar: the session over the local game (LocalGame.session). With a White Cell at the
   * table the screen can be handed to the White Cell (its console) at any time, and is handed to it
   * when the game waits on it; free adjudication shows the acting seat's argument form.
   */
  seminar?: SeminarSession;
  /** Back to the start screen. */
  onExit: () => void;
  /** Open a saved game in the replay viewer. */
  onReplay: (saveText: string) => void;
  /** Hot-seat: open the room's projector window, which follows this game live (public view only). */
  onProjectorWindow?: () => void;
}

export class GameScreen {
  private board: BoardHandle | null = null;
  private bots: LocalBots | null = null;
  private seat: HotSeat = NOBODY;
  private projector: boolean;
  private destroyed = false;
  /** The end-of-game card was closed to look at the board. */
  private endHidden = false;
  private renderQueued = false;
  private unsubscribe: (() => void) | null = null;
  private readonly panel: ActionPanel;
  private readonly white: WhiteCellLayer | null;
  private readonly el = {
    board: h('div', { class: 'board-host', attrs: { id: 'board' } }),
    log: h('ol', { attrs: { 'aria-live': 'polite', 'aria-relevant': 'additions', id: 'log-list' } }),
    botbar: h('section', { class: 'botbar', attrs: { 'aria-label': 'Bots' } }),
    score: h('section', { class: 'score-panel', attrs: { 'aria-label': 'Score', id: 'score-panel' } }),
    inject: h('section', {
      class: 'inject-story',
      attrs: { 'aria-label': 'Latest inject', 'aria-live': 'polite', id: 'inject-story', tabindex: 0 },
      hidden: true,
    }),
    overlay: h('div', { attrs: { id: 'overlay' } }),
    whiteLayer: h('div', { class: 'white-layer', attrs: { id: 'white-cell-layer' }, hidden: true }),
  };
  private readonly logList = new LogList(this.el.log);
  private readonly brief = new BriefLayer();
  /** Each reacting seat's menu, kept across redraws so it stays open while the person chooses. */
  private readonly reactionMenus = new Map<Seat, ReactionMenu>();

  constructor(
    private readonly root: HTMLElement,
    private readonly game: ScreenGame,
    private readonly opts: GameScreenOptions,
  ) {
    this.projector = opts.projector ?? false;
    this.panel = new ActionPanel({
      G: () => this.G,
      seen: () => this.seen(),
      myTurn: () => this.myTurn(),
      secretSeats: () => this.secretSeats(),
      control: (seat) => this.game.setup.controls[seat],
      reactionMenu: () => this.reactionMenu(),
      argumentSession: () => (this.opts.seatedAs ? null : (this.opts.seminar ?? null)),
      act: (seat, action) => this.game.act(seat, action),
      announce: (text) => this.announce(text),
      changed: () => this.render(),
    });
    this.white =
      this.whitePlayer() !== null
        ? new WhiteCellLayer(this.el.whiteLayer, {
            session: opts.seminar!,
            save: () => this.save(),
            toSave: () => this.game.toSave(),
            giveBack: () => this.dispatch({ type: 'fromWhiteCell' }),
          })
        : null;
  }

  async start(): Promise<void> {
    const online = this.opts.seatedAs;
    const toolbar = gameToolbar({
      ...(online ? { online: online.toolbar } : { save: () => this.save(), newGame: () => this.exit() }),
      ...(this.white ? { whiteCell: () => this.dispatch({ type: 'toWhiteCell' }) } : {}),
      projector: this.projector,
      toggleProjector: (btn) => this.toggleProjector(btn),
      ...(this.opts.onProjectorWindow ? { projectorWindow: this.opts.onProjectorWindow } : {}),
      ...(this.projector
        ? {}
        : { brief: () => this.brief.show(briefsFor(this.G, this.seat.viewer), this.seat.viewer) }),
    });
    const side = h(
      'aside',
      { class: 'side' },
      drawerHandle(),
      toolbar,
      ...(online?.panels ?? []),
      this.el.score,
      this.el.botbar,
      this.el.inject,
      this.panel.el,
      h('section', { class: 'log' }, h('h2', { text: 'Log' }), this.el.log),
    );
    this.root.replaceChildren(
      h('div', { class: 'game' }, this.el.board, side),
      this.el.overlay,
      this.el.whiteLayer,
      this.brief.el,
    );
    // White Cell acts and arguments change the state outside this screen's own moves: redraw after them.
    if (this.opts.seminar) this.unsubscribe = this.opts.seminar.subscribe(() => this.queueRender());
    document.body.classList.toggle('projector', this.projector);
    (window as unknown as { __eatBoardDrawn?: boolean }).__eatBoardDrawn = false;
    const first = this.view();
    this.board = await mountBoard(this.el.board, first, {
      intents: {
        spaceClicked: (id) => this.panel.spaceClicked(id),
        spaceHovered: () => undefined,
        helpClicked: (section) => void openRules(section),
      },
      onDrawn: () => {
        performance.mark('board-drawn');
        (window as unknown as { __eatBoardDrawn?: boolean }).__eatBoardDrawn = true;
      },
    });
    // Online, the server plays the bot seats.
    if (!online && this.game.subscribe)
      this.bots = new LocalBots(this.game as ScreenGame & Pick<LocalGame, 'subscribe'>, {
        speed: this.opts.botSpeed ?? 700,
        blocked: () => whiteHolds(this.seat, this.facts()),
        announce: (text) => this.announce(text),
        changed: () => this.render(),
      });
    this.render();
  }

  /** Redraw after the state changed outside the screen (an online match's update). */
  refresh(): void {
    this.render();
  }

  destroy(): void {
    this.destroyed = true;
    this.unsubscribe?.();
    this.white?.destroy();
    this.panel.destroy();
    this.bots?.stop();
    this.board?.destroy();
  }

  /** One redraw after the current move has settled (several changes in a row give one render). */
  private queueRender(): void {
    if (this.renderQueued) return;
    this.renderQueued = true;
    queueMicrotask(() => {
      this.renderQueued = false;
      this.render();
    });
  }

  private get G(): GameState {
    return this.game.G;
  }

  /** The White Cell's playerID in a hot-seat game that has one; null otherwise (and online). */
  private whitePlayer(): string | null {
    if (this.opts.seatedAs || !this.opts.seminar) return null;
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
      ...(this.opts.seatedAs ? { seatedAs: this.opts.seatedAs.playerID } : {}),
      white: this.whitePlayer(),
      awaitingWhite: awaitingWhiteCell(G),
      actingHuman: decides ? this.game.playerFor(acting) : null,
      humans: this.humanPlayers(),
    };
  }

  private dispatch(e: HotSeatEvent): void {
    const before = this.seat;
    this.seat = hotSeat(before, e, this.facts());
    if (this.seat.viewer !== before.viewer || this.seat.handover !== before.handover) this.panel.reset();
    this.render();
    if (e.type === 'ready') (this.panel.el.querySelector('button:not(:disabled)') as HTMLElement | null)?.focus();
  }

  private exit(): void {
    if (
      !this.game.G.result &&
      this.game.actions.length &&
      !confirm('Leave this game? Save it first if you want to continue later.')
    )
      return;
    this.destroy();
    this.opts.onExit();
  }

  /** The state as the person at the screen may see it. */
  private seen(): GameState {
    if (this.projector || this.seat.viewer === null) return playerView(this.G, null);
    return playerView(this.G, this.seat.viewer);
  }

  private viewerSeat(): Seat | null {
    const v = this.seat.viewer;
    if (this.projector || v === null || v === this.whitePlayer()) return null;
    const roles = this.G.players[v] ?? [];
    return (roles.find((r) => r === 'china') ?? roles[0] ?? null) as Seat | null;
  }

  /** The seats whose secret priority the person at the screen may read. */
  private secretSeats(): Seat[] {
    if (!this.viewerSeat()) return [];
    return (this.G.players[this.seat.viewer!] ?? []) as Seat[];
  }

  /** The menu for the reactions put to the seat of the person at the screen (local games only). */
  private reactionMenu(): HTMLElement | null {
    const set = this.game.setReaction?.bind(this.game);
    const seat = this.secretSeats().find((s) => REACTING_SEATS.includes(s));
    if (!set || this.opts.seatedAs || !seat || this.game.setup.controls[seat].kind !== 'human') return null;
    let menu = this.reactionMenus.get(seat);
    if (!menu) {
      menu = new ReactionMenu(seat, (pref) => {
        set(seat, pref);
        this.render();
      });
      this.reactionMenus.set(seat, menu);
    }
    menu.show(this.game.setup.reactions?.[seat] ?? ASK);
    return menu.el;
  }

  /** The seat the person at the screen may act for now, if any. */
  private myTurn(): Seat | null {
    const acting = actingSeat(this.G);
    if (!acting || this.game.setup.controls[acting].kind !== 'human' || this.seat.handover) return null;
    return this.game.playerFor(acting) === this.seat.viewer ? acting : null;
  }

  private view() {
    const step = this.panel.step();
    const white = this.seat.viewer !== null && !this.projector && this.seat.viewer === this.whitePlayer();
    return presentBoard(this.seen(), {
      seat: white ? 'white' : this.viewerSeat(),
      legalTargets: step ? step.options.flatMap((o) => o.spaces) : [],
      selected: null,
      projector: this.projector,
      scenarioName: this.opts.scenarioName,
    });
  }

  /** Re-draw everything from the current state, hand over the screen if needed, and wake the bots. */
  private render(): void {
    if (this.destroyed) return;
    const before = this.seat;
    this.seat = hotSeat(before, { type: 'sync' }, this.facts());
    if (this.seat.handover !== before.handover && this.seat.handover !== null) this.panel.reset();
    this.board?.update(this.view());
    const seen = this.seen();
    renderScorePanel(this.el.score, seen);
    renderInjectStory(this.el.inject, seen);
    this.panel.render();
    this.renderLog();
    this.renderBotbar();
    this.renderOverlay();
    this.renderWhiteLayer();
    // A brief is its reader's alone: it closes when the screen changes hands.
    this.brief.keepFor(this.seat.handover === null ? this.seat.viewer : null);
    this.bots?.poke();
  }

  private renderWhiteLayer(): void {
    if (!this.white) return;
    const white = this.whitePlayer();
    const open = this.seat.viewer === white && this.seat.handover === null;
    const target = returnTarget(this.seat, this.facts());
    this.white.render(this.G, open, target === null ? 'the game' : this.playerNames(target));
  }

  /** "China" or "Japan + South Korea" for a seat player; "the White Cell" for the umpire. */
  private playerNames(player: string): string {
    const roles = this.G.players[player] ?? [];
    if (roles.includes('white')) return 'the White Cell';
    return (roles as Seat[]).map((r) => SEAT_STYLE[r].name).join(' + ');
  }

  private renderOverlay(): void {
    const G = this.G;
    const handover = this.seat.handover;
    const toWhite = handover !== null && handover === this.whitePlayer();
    // After the end the White Cell may still take the screen (to rewind or reopen): no end card over its console.
    if (G.result && !whiteHolds(this.seat, this.facts())) {
      this.el.overlay.replaceChildren(...(this.endHidden ? [] : [this.endCard(G)]));
      return;
    }
    if (handover) {
      this.el.overlay.replaceChildren(
        handoverCard(G, this.playerNames(handover), toWhite, () => this.dispatch({ type: 'ready' })),
      );
      return;
    }
    this.el.overlay.replaceChildren();
  }

  private endCard(G: GameState): HTMLElement {
    const leave = (then: () => void) => () => {
      this.destroy();
      then();
    };
    return endCard(G, {
      save: () => this.save(),
      report: reportButton(() => this.game.toSave()),
      ...(this.white ? { whiteCell: () => this.dispatch({ type: 'toWhiteCell' }) } : {}),
      replay: leave(() => this.opts.onReplay(JSON.stringify(this.game.toSave(), null, 2))),
      newGame: leave(() => this.opts.onExit()),
      lookAtBoard: () => {
        this.endHidden = true;
        this.render();
      },
    });
  }

  private renderLog(): void {
    // Rebuilt per viewer: a hot-seat screen never keeps lines drawn for the seat before it.
    this.logList.show(this.seen().log, this.projector || this.seat.viewer === null ? 'public' : this.seat.viewer);
    this.el.log.parentElement!.scrollTop = this.el.log.parentElement!.scrollHeight;
  }

  private announce(text: string): void {
    this.el.log.append(h('li', { text }));
  }

  private renderBotbar(): void {
    const anyBot = SEATS.some((s) => this.game.setup.controls[s].kind === 'bot');
    this.el.botbar.hidden = !anyBot || !this.bots;
    if (this.bots && anyBot) renderBotBar(this.el.botbar, this.G, this.bots);
  }

  private save(): void {
    const s = this.game.toSave();
    download(`east-asia-tomorrow-${s.scenario}-${s.seed}-${s.actions.length}.json`, JSON.stringify(s, null, 2));
  }

  private toggleProjector(btn: HTMLButtonElement): void {
    this.projector = !this.projector;
    btn.setAttribute('aria-pressed', String(this.projector));
    document.body.classList.toggle('projector', this.projector);
    this.render();
  }
}

/**
 * The game screen composes the board, the action panel, the log, the local bots, the hot-seat hand-over,
 * the White Cell's layer and the end card. It owns no rules: who sits at the screen is screen-seat.ts
 * (over hot-seat.ts's reducer), bots are local-bots.ts, moves are chosen in action-panel.ts, the cards
 * over the screen are screen-overlay.ts.
 */
import { SEATS, type Seat } from '../content/ids';
import type { BoardHandle } from '../render/board-view';
import { mountBoard } from '../render/mount-board';
import { presentBoard } from './present-board';
import { briefsFor, type Action } from '../rules';
import { ActionPanel } from './action-panel';
import { renderInjectStory } from './inject-story';
import { renderScorePanel } from './score-panel';
import './table.css';
import { renderBotBar } from './bot-bar';
import { download, h } from './dom';
import { drawerHandle } from './drawer';
import { LocalBots } from './local-bots';
import type { LocalGame } from './local-game';
import { LogList } from './log-line';
import { ReactionMenus, REACTING_SEATS } from './reaction-menu';
import { ASK } from './reactions';
import { openRules } from './rules-reference';
import { ScreenOverlay } from './screen-overlay';
import { ScreenSeat } from './screen-seat';
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
  private projector: boolean;
  private destroyed = false;
  private renderQueued = false;
  /** The White Cell's console was open at the last render (the board beside it is refitted when this changes). */
  private consoleOpen = false;
  private unsubscribe: (() => void) | null = null;
  private readonly seat: ScreenSeat;
  private readonly panel: ActionPanel;
  private readonly white: WhiteCellLayer | null;
  private readonly overlay: ScreenOverlay;
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
    whiteLayer: h('div', { class: 'white-layer', attrs: { id: 'white-cell-layer' }, hidden: true }),
  };
  private readonly logList = new LogList(this.el.log);
  private readonly brief = new BriefLayer();
  private readonly reactionMenus: ReactionMenus | null;

  constructor(
    private readonly root: HTMLElement,
    private readonly game: ScreenGame,
    private readonly opts: GameScreenOptions,
  ) {
    this.projector = opts.projector ?? false;
    this.seat = new ScreenSeat(game, {
      ...(opts.seatedAs ? { seatedAs: opts.seatedAs.playerID } : {}),
      seminar: opts.seminar !== undefined,
      projector: () => this.projector,
    });
    const setReaction = this.game.setReaction?.bind(this.game);
    // Reaction preferences are set at a local table only.
    this.reactionMenus =
      setReaction && !opts.seatedAs
        ? new ReactionMenus((seat, pref) => {
            setReaction(seat, pref);
            this.render();
          })
        : null;
    this.panel = new ActionPanel({
      G: () => this.game.G,
      seen: () => this.seat.seen(),
      myTurn: () => this.seat.myTurn(),
      secretSeats: () => this.seat.secretSeats(),
      control: (seat) => this.game.setup.controls[seat],
      reactionMenu: () => this.reactionMenu(),
      argumentSession: () => (this.opts.seatedAs ? null : (this.opts.seminar ?? null)),
      act: (seat, action) => this.game.act(seat, action),
      announce: (text) => this.announce(text),
      changed: () => this.render(),
    });
    this.white =
      this.seat.whitePlayer() !== null
        ? new WhiteCellLayer(this.el.whiteLayer, {
            session: opts.seminar!,
            save: () => this.save(),
            toSave: () => this.game.toSave(),
            giveBack: () => this.dispatch('fromWhiteCell'),
          })
        : null;
    const leave = (then: () => void) => () => {
      this.destroy();
      then();
    };
    this.overlay = new ScreenOverlay(
      () => ({
        save: () => this.save(),
        report: reportButton(() => this.game.toSave()),
        ...(this.white ? { whiteCell: () => this.dispatch('toWhiteCell') } : {}),
        replay: leave(() => this.opts.onReplay(JSON.stringify(this.game.toSave(), null, 2))),
        newGame: leave(() => this.opts.onExit()),
      }),
      { ready: () => this.dispatch('ready'), changed: () => this.render() },
    );
  }

  async start(): Promise<void> {
    const online = this.opts.seatedAs;
    const toolbar = gameToolbar({
      ...(online ? { online: online.toolbar } : { save: () => this.save(), newGame: () => this.exit() }),
      ...(this.white ? { whiteCell: () => this.dispatch('toWhiteCell') } : {}),
      projector: this.projector,
      toggleProjector: (btn) => this.toggleProjector(btn),
      ...(this.opts.onProjectorWindow ? { projectorWindow: this.opts.onProjectorWindow } : {}),
      ...(this.projector
        ? {}
        : { brief: () => this.brief.show(briefsFor(this.game.G, this.seat.person), this.seat.person) }),
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
      this.overlay.el,
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
        blocked: () => this.seat.whiteHolds(),
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

  private dispatch(type: 'toWhiteCell' | 'fromWhiteCell' | 'ready'): void {
    if (this.seat.dispatch({ type })) this.panel.reset();
    this.render();
    if (type === 'ready') (this.panel.el.querySelector('button:not(:disabled)') as HTMLElement | null)?.focus();
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

  /** The menu for the reactions put to the seat of the person at the screen (local games only). */
  private reactionMenu(): HTMLElement | null {
    const seat = this.seat.secretSeats().find((s) => REACTING_SEATS.includes(s));
    if (!this.reactionMenus || !seat || this.game.setup.controls[seat].kind !== 'human') return null;
    return this.reactionMenus.menu(seat, this.game.setup.reactions?.[seat] ?? ASK);
  }

  private view() {
    const step = this.panel.step();
    return presentBoard(this.seat.seen(), {
      seat: this.seat.boardSeat(),
      legalTargets: step ? step.options.flatMap((o) => o.spaces) : [],
      selected: null,
      projector: this.projector,
      scenarioName: this.opts.scenarioName,
    });
  }

  /** Re-draw everything from the current state, hand over the screen if needed, and wake the bots. */
  private render(): void {
    if (this.destroyed) return;
    if (this.seat.sync()) this.panel.reset();
    this.board?.update(this.view());
    const seen = this.seat.seen();
    renderScorePanel(this.el.score, seen);
    renderInjectStory(this.el.inject, seen);
    this.panel.render();
    // Rebuilt per viewer: a hot-seat screen never keeps lines drawn for the seat before it.
    this.logList.show(seen.log, this.seat.viewer());
    this.el.log.parentElement!.scrollTop = this.el.log.parentElement!.scrollHeight;
    this.renderBotbar();
    const handover = this.seat.handover;
    this.overlay.render(this.game.G, {
      // After the end the White Cell may still take the screen (to rewind or reopen): no end card over its console.
      ended: this.game.G.result !== null && !this.seat.whiteHolds(),
      handoverTo: handover === null ? null : this.seat.playerNames(handover),
      toWhite: handover !== null && handover === this.seat.whitePlayer(),
    });
    const consoleOpen = this.white !== null && this.seat.whiteAtScreen();
    this.white?.render(this.game.G, consoleOpen, this.seat.returnNames());
    // The console takes the side panel's place and more: the whole map is fitted into what is left, and back.
    if (consoleOpen !== this.consoleOpen) this.board?.resetView();
    this.consoleOpen = consoleOpen;
    // A brief is its reader's alone: it closes when the screen changes hands.
    this.brief.keepFor(this.seat.handover === null ? this.seat.person : null);
    this.bots?.poke();
  }

  private announce(text: string): void {
    this.el.log.append(h('li', { text }));
  }

  private renderBotbar(): void {
    const anyBot = SEATS.some((s) => this.game.setup.controls[s].kind === 'bot');
    this.el.botbar.hidden = !anyBot || !this.bots;
    if (this.bots && anyBot) renderBotBar(this.el.botbar, this.game.G, this.bots);
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

/**
 * The game screen: the board, the action panel, the log, bots, hot-seat hand-over, save, end of game.
 * It turns board intents and button presses into moves on the LocalGame; nothing here decides rules.
 */
import { SEATS, type MoveName, type Seat } from '../content/ids';
import { MOVE_CATALOGUE, type MoveCategory } from '../content/moves';
import { SEAT_STYLE } from '../content/seats';
import type { BoardHandle } from '../render/mount-board';
import { mountBoard } from '../render/mount-board';
import { actingSeat, legalMoves, whyIllegal } from '../rules/legal-moves';
import { margins } from '../rules/scoring';
import type { GameState } from '../rules/state';
import { playerView } from '../rules/view';
import { SEEDS } from '../random';
import { nextArg, optionForSpace, type ArgStep } from './arg-chooser';
import { BotRunner } from './bot-runner';
import { download, h, seatChip } from './dom';
import type { LocalGame } from './local-game';
import { botWords } from '../content/bot-spec';
import { drawerHandle } from './drawer';
import type { Action } from '../rules/state';
import { LogList } from './log-line';
import { presentBoard } from './present-board';
import { previewAction } from './preview';
import { priorityText } from './priority-text';
import { openRules } from './rules-reference';
import { mountArgumentForm } from './seminar/argument-form';
import { waitingWords } from './seminar/projector';
import { reportButton } from './seminar/report-button';
import type { SeminarHandle, SeminarSession } from './seminar/session';
import { mountWhiteCellConsole } from './seminar/white-cell-console';
import { awaitingWhiteCell } from '../rules/white-cell';

const CATEGORY_NAMES: Record<MoveCategory, string> = {
  deterrence: 'Deterrence',
  naval: 'Naval deployment',
  arms: 'Arms supply',
  diplomacy: 'Diplomacy and cyber',
  china: 'China',
  flow: 'Reactions',
};
const SPEEDS: { label: string; ms: number }[] = [
  { label: 'Slow', ms: 1600 },
  { label: 'Normal', ms: 700 },
  { label: 'Fast', ms: 200 },
  { label: 'Instant', ms: 0 },
];

/** What the screen needs of a game: the hot-seat LocalGame, or an online match (src/client/online). */
export type ScreenGame = Pick<LocalGame, 'G' | 'setup' | 'playerFor' | 'toSave'> & {
  readonly actions: { readonly length: number };
  act(seat: Seat, action: Action, why?: string): boolean;
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
  private readonly bots = new BotRunner();
  /** The human player now looking at the screen (hot-seat); null while the screen is handed over. */
  private viewer: string | null = null;
  private handover: string | null = null;
  private move: MoveName | null = null;
  private chosen: unknown[] = [];
  private projector: boolean;
  private paused = false;
  private skipping = false;
  private speed = 700;
  private botBusy = false;
  private destroyed = false;
  /** The end-of-game card was closed to look at the board. */
  private endHidden = false;
  /** The last seat player who had the screen (the White Cell hands back to them). */
  private lastSeatViewer: string | null = null;
  private whiteConsole: SeminarHandle | null = null;
  private argument: { seat: Seat; host: HTMLElement; handle: SeminarHandle } | null = null;
  private renderQueued = false;
  private unsubscribe: (() => void) | null = null;
  private readonly el = {
    board: h('div', { class: 'board-host', attrs: { id: 'board' } }),
    actions: h('section', { class: 'actions', attrs: { 'aria-label': 'Actions' } }),
    log: h('ol', { attrs: { 'aria-live': 'polite', 'aria-relevant': 'additions', id: 'log-list' } }),
    botbar: h('section', { class: 'botbar', attrs: { 'aria-label': 'Bots' } }),
    overlay: h('div', { attrs: { id: 'overlay' } }),
    whiteLayer: h('div', { class: 'white-layer', attrs: { id: 'white-cell-layer' }, hidden: true }),
  };
  private readonly logList = new LogList(this.el.log);

  constructor(
    private readonly root: HTMLElement,
    private readonly game: ScreenGame,
    private readonly opts: GameScreenOptions,
  ) {
    this.projector = opts.projector ?? false;
    this.speed = opts.botSpeed ?? this.speed;
  }

  async start(): Promise<void> {
    const online = this.opts.seatedAs;
    const toolbar = h(
      'section',
      { class: 'toolbar', attrs: { 'aria-label': 'Game' } },
      online ? null : h('button', { text: 'Save game', attrs: { id: 'save-game' }, on: { click: () => this.save() } }),
      h('button', { text: 'Rules', on: { click: () => void openRules() } }),
      this.whitePlayer()
        ? h('button', {
            text: 'White Cell',
            attrs: { id: 'open-white-cell', title: 'Hand the screen to the White Cell (umpire)' },
            on: { click: () => this.toWhiteCell() },
          })
        : null,
      h('button', {
        text: 'Projector view',
        attrs: { id: 'projector', 'aria-pressed': String(this.projector) },
        on: { click: (e) => this.toggleProjector(e.currentTarget as HTMLButtonElement) },
      }),
      this.opts.onProjectorWindow
        ? h('button', {
            text: 'Projector window',
            attrs: {
              id: 'projector-window-open',
              title: 'A second window for the projector: the public board and the latest events, live',
            },
            on: { click: () => this.opts.onProjectorWindow!() },
          })
        : null,
      ...(online ? online.toolbar : [h('button', { text: 'New game', on: { click: () => this.exit() } })]),
    );
    const side = h(
      'aside',
      { class: 'side' },
      drawerHandle(),
      toolbar,
      ...(online?.panels ?? []),
      this.el.botbar,
      this.el.actions,
      h('section', { class: 'log' }, h('h2', { text: 'Log' }), this.el.log),
    );
    this.root.replaceChildren(h('div', { class: 'game' }, this.el.board, side), this.el.overlay, this.el.whiteLayer);
    // White Cell acts and arguments change the state outside this screen's own moves: redraw after them.
    if (this.opts.seminar) this.unsubscribe = this.opts.seminar.subscribe(() => this.queueRender());
    document.body.classList.toggle('projector', this.projector);
    (window as unknown as { __eatBoardDrawn?: boolean }).__eatBoardDrawn = false;
    const first = this.view();
    this.board = await mountBoard(this.el.board, first, {
      intents: { spaceClicked: (id) => this.spaceClicked(id), spaceHovered: () => undefined },
      onDrawn: () => {
        performance.mark('board-drawn');
        (window as unknown as { __eatBoardDrawn?: boolean }).__eatBoardDrawn = true;
      },
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
    this.whiteConsole?.destroy();
    this.argument?.handle.destroy();
    this.bots.stop();
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

  /** The White Cell's playerID in a hot-seat game that has one; null otherwise (and online). */
  private whitePlayer(): string | null {
    if (this.opts.seatedAs || !this.opts.seminar) return null;
    return Object.keys(this.G.players).find((p) => this.G.players[p]!.includes('white')) ?? null;
  }

  /** The White Cell has the screen, or it is being handed to it: bots wait. */
  private whiteHolds(): boolean {
    const white = this.whitePlayer();
    return white !== null && (this.viewer === white || this.handover === white);
  }

  /** Hand the screen to the White Cell: hide the seat's secrets, then the console. */
  private toWhiteCell(): void {
    const white = this.whitePlayer();
    if (!white || this.whiteHolds()) return;
    if (this.viewer !== null) this.lastSeatViewer = this.viewer;
    this.viewer = null;
    this.handover = white;
    this.move = null;
    this.chosen = [];
    this.render();
  }

  /** Who the White Cell hands back to: the seat the game waits for if a person plays it, else the last one. */
  private returnTarget(): string | null {
    const acting = actingSeat(this.G);
    if (acting && this.game.setup.controls[acting].kind === 'human') return this.game.playerFor(acting);
    return this.lastSeatViewer ?? [...this.humanPlayers()][0] ?? null;
  }

  private fromWhiteCell(): void {
    this.viewer = null;
    // The console showed every secret: the next person confirms before their screen appears.
    this.handover = this.returnTarget();
    this.render();
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

  private get G(): GameState {
    return this.game.G;
  }

  private humanPlayers(): Set<string> {
    return new Set(
      SEATS.filter((s) => this.game.setup.controls[s].kind === 'human').map((s) => this.game.playerFor(s)),
    );
  }

  /** The state as the person at the screen may see it. */
  private seen(): GameState {
    if (this.projector || this.viewer === null) return playerView(this.G, null);
    return playerView(this.G, this.viewer);
  }

  private viewerSeat(): Seat | null {
    if (this.projector || this.viewer === null || this.viewer === this.whitePlayer()) return null;
    const roles = this.G.players[this.viewer] ?? [];
    return (roles.find((r) => r === 'china') ?? roles[0] ?? null) as Seat | null;
  }

  /** The seat the person at the screen may act for now, if any. */
  private myTurn(): Seat | null {
    const acting = actingSeat(this.G);
    if (!acting || this.game.setup.controls[acting].kind !== 'human' || this.handover) return null;
    return this.game.playerFor(acting) === this.viewer ? acting : null;
  }

  private step(): ArgStep | null {
    const seat = this.myTurn();
    if (!seat || !this.move) return null;
    return nextArg(legalMoves(this.G, seat), this.move, this.chosen, this.G);
  }

  private view() {
    const step = this.step();
    const white = this.viewer !== null && !this.projector && this.viewer === this.whitePlayer();
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
    const G = this.G;
    const acting = actingSeat(G);
    const white = this.whitePlayer();
    if (this.opts.seatedAs) {
      this.viewer = this.opts.seatedAs.playerID;
    } else if (white && this.viewer === white) {
      // The White Cell keeps the screen until it hands it back.
    } else if (white && awaitingWhiteCell(G)) {
      // Paused, or an approval or a matrix rating is waiting: the screen goes to the White Cell.
      if (this.handover !== white) {
        if (this.viewer !== null) this.lastSeatViewer = this.viewer;
        this.viewer = null;
        this.handover = white;
      }
    } else if (acting && this.game.setup.controls[acting].kind === 'human') {
      const player = this.game.playerFor(acting);
      if (player !== this.viewer && !this.handover) {
        if (this.humanPlayers().size > 1) {
          // Hot-seat: hide the last player's secrets before the next one sits down.
          this.viewer = null;
          this.handover = player;
        } else {
          this.viewer = player;
        }
      }
    } else if (this.viewer === null && !this.handover && this.humanPlayers().size === 1) {
      this.viewer = [...this.humanPlayers()][0]!;
    }
    this.board?.update(this.view());
    this.renderActions();
    this.renderLog();
    this.renderBotbar();
    this.renderOverlay();
    this.renderWhiteLayer();
    void this.runBot();
  }

  /** The White Cell's console over the whole screen while the White Cell has it. */
  private renderWhiteLayer(): void {
    const white = this.whitePlayer();
    const open = white !== null && this.viewer === white && this.handover === null;
    const layer = this.el.whiteLayer;
    if (!open) {
      if (this.whiteConsole) {
        this.whiteConsole.destroy();
        this.whiteConsole = null;
        layer.replaceChildren();
      }
      layer.hidden = true;
      return;
    }
    const target = this.returnTarget();
    const back = target === null ? 'the game' : this.playerNames(target);
    if (!this.whiteConsole) {
      const host = h('div', { class: 'wc-host', attrs: { id: 'white-cell-host' } });
      const bar = h(
        'header',
        { class: 'white-bar', attrs: { 'aria-label': 'White Cell at this screen' } },
        h('strong', { text: 'White Cell — hot-seat' }),
        h('span', {
          class: 'sub',
          text: 'Bots wait while the White Cell has the screen. Every act needs a reason.',
        }),
        h('button', { text: 'Save game', attrs: { id: 'white-save' }, on: { click: () => this.save() } }),
        reportButton(() => this.game.toSave()),
        h('button', {
          class: 'primary',
          attrs: { id: 'white-return' },
          on: { click: () => this.fromWhiteCell() },
        }),
      );
      layer.replaceChildren(bar, host);
      this.whiteConsole = mountWhiteCellConsole(host, this.opts.seminar!);
      queueMicrotask(() => (layer.querySelector('#wc-reason') as HTMLElement | null)?.focus());
    }
    const ret = layer.querySelector('#white-return') as HTMLButtonElement;
    ret.textContent = `Return to ${back}`;
    // While the game waits on the White Cell, there is nobody to hand back to yet.
    ret.disabled = awaitingWhiteCell(this.G);
    ret.title = ret.disabled ? 'The game waits on the White Cell (paused, or an approval or rating to give)' : '';
    layer.hidden = false;
  }

  /** "China" or "Japan + South Korea" for a seat player; "the White Cell" for the umpire. */
  private playerNames(player: string): string {
    const roles = this.G.players[player] ?? [];
    if (roles.includes('white')) return 'the White Cell';
    return (roles as Seat[]).map((r) => SEAT_STYLE[r].name).join(' + ');
  }

  private renderOverlay(): void {
    const G = this.G;
    // After the end the White Cell may still take the screen (to rewind or reopen): no end card over its console.
    if (G.result && !this.whiteHolds()) {
      this.el.overlay.replaceChildren(...(this.endHidden ? [] : [this.endScreen(G)]));
      return;
    }
    if (this.handover) {
      const toWhite = this.handover === this.whitePlayer();
      const names = this.playerNames(this.handover);
      const ready = h('button', {
        class: 'primary',
        text: toWhite ? 'I am the White Cell — show the console' : `I am ${names} — show my screen`,
        attrs: { id: 'handover-ready' },
        on: {
          click: () => {
            this.viewer = this.handover;
            if (!toWhite) this.lastSeatViewer = this.viewer;
            this.handover = null;
            this.move = null;
            this.chosen = [];
            this.render();
            (this.el.actions.querySelector('button:not(:disabled)') as HTMLElement | null)?.focus();
          },
        },
      });
      const card = h(
        'div',
        {
          class: 'screen handover',
          attrs: { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'handover-title', id: 'handover' },
        },
        h(
          'div',
          { class: 'card' },
          h('h1', { text: `Pass to ${names}`, attrs: { id: 'handover-title' } }),
          toWhite && awaitingWhiteCell(G)
            ? h('p', { class: 'handover-why', attrs: { id: 'handover-why' }, text: `${waitingWords(G)}.` })
            : null,
          h('p', {
            class: 'sub',
            text: `Turn ${G.turn}, round ${G.round}. The previous player's secrets are hidden. Hand the screen over, then confirm.`,
          }),
          ready,
        ),
      );
      this.el.overlay.replaceChildren(card);
      ready.focus();
      return;
    }
    this.el.overlay.replaceChildren();
  }

  private renderActions(): void {
    const G = this.G;
    const box = this.el.actions;
    const keepFocus =
      document.activeElement && box.contains(document.activeElement)
        ? (document.activeElement as HTMLElement).dataset['key']
        : undefined;
    box.replaceChildren();
    const acting = actingSeat(G);
    if (!acting) {
      // Over, paused by the White Cell, or waiting for its approval or rating.
      box.append(h('p', { attrs: { id: 'waiting' }, text: G.result ? 'The game is over.' : `${waitingWords(G)}.` }));
      return;
    }
    const st = SEAT_STYLE[acting];
    const control = this.game.setup.controls[acting];
    box.append(
      h(
        'div',
        { class: 'seat-head' },
        seatChip(st.css, st.glyph, st.name),
        h('span', { text: `${st.name}${control.kind === 'bot' ? ` (bot, ${botWords(control.bot)})` : ''}` }),
        h('span', {
          class: 'ap',
          text: `${G.ap[acting]} AP`,
          attrs: { 'aria-label': `${G.ap[acting]} action points left` },
        }),
      ),
    );
    if (G.pending) box.append(h('p', { class: 'preview', text: pendingText(G) }));
    // The secret priority of whoever sits at the screen (never in projector view).
    const vs = this.viewerSeat();
    if (vs && !this.projector) {
      const roles = (this.G.players[this.viewer!] ?? []) as Seat[];
      for (const r of roles) {
        const text = priorityText(this.seen().priority[r]);
        if (text)
          box.append(
            h(
              'div',
              { class: 'secret', attrs: { 'data-secret': r } },
              h('strong', { text: `${SEAT_STYLE[r].name}'s secret priority: ` }),
              text,
            ),
          );
      }
    }
    const seat = this.myTurn();
    this.renderArgumentForm(seat);
    if (!seat) {
      box.append(
        h('p', {
          class: 'sub',
          text: control.kind === 'bot' ? `${st.name} is played by a bot.` : `Waiting for ${st.name}.`,
        }),
      );
      return;
    }
    const legal = legalMoves(G, seat);
    const step = this.step();
    const moves = (Object.keys(MOVE_CATALOGUE) as MoveName[]).filter((m) => MOVE_CATALOGUE[m].seats.includes(seat));
    const visible = G.pending
      ? moves.filter((m) => legal.some((a) => a.move === m))
      : moves.filter((m) => MOVE_CATALOGUE[m].category !== 'flow' || m === 'pass');
    const list = h('div', { class: 'moves', attrs: { role: 'group', 'aria-label': 'Moves' } });
    let lastCat: MoveCategory | null = null;
    for (const m of visible) {
      const info = MOVE_CATALOGUE[m];
      if (info.category !== lastCat && info.category !== 'flow')
        list.append(h('div', { class: 'cat', text: CATEGORY_NAMES[info.category] }));
      lastCat = info.category;
      const why = legal.some((a) => a.move === m) ? null : (whyIllegal(G, seat, m) ?? 'Not possible now');
      const btn = h(
        'button',
        {
          class: 'move',
          disabled: why !== null,
          attrs: {
            'data-move': m,
            'data-key': `move:${m}`,
            'aria-pressed': String(this.move === m),
            'aria-label': `${info.name}, ${info.cost} AP: ${info.does}${why ? `. Not available: ${why}` : ''}`,
          },
          on: { click: () => this.pickMove(m) },
        },
        h('span', { class: 'name', text: info.name }),
        h('span', { class: 'cost', text: info.cost ? `${info.cost} AP` : '' }),
        h('span', { class: 'does', text: info.does }),
        why ? h('span', { class: 'why', text: why }) : null,
      );
      list.append(btn);
      if (this.move === m && step) list.append(this.chooser(seat, step));
    }
    box.append(list);
    if (this.argument) box.append(this.argument.host);
    if (keepFocus) (box.querySelector(`[data-key="${CSS.escape(keepFocus)}"]`) as HTMLElement | null)?.focus();
    else if (!this.move && (document.activeElement === document.body || !document.activeElement))
      // A new turn for the person at the screen: put the keyboard on the first move they can make.
      (box.querySelector('button.move:not(:disabled)') as HTMLElement | null)?.focus();
  }

  /**
   * Free adjudication: the acting person's matrix argument form (kept across redraws so that what is
   * typed stays), gone when it is not their action.
   */
  private renderArgumentForm(seat: Seat | null): void {
    const session = this.opts.seminar;
    const wanted = seat && session && !this.opts.seatedAs && this.G.white?.adjudication === 'free' ? seat : null;
    if (this.argument && this.argument.seat !== wanted) {
      this.argument.handle.destroy();
      this.argument.host.remove();
      this.argument = null;
    }
    if (!wanted || this.argument) return;
    const body = h('div', {});
    const host = h(
      'details',
      { class: 'argument', attrs: { id: 'argument' } },
      h('summary', { text: 'Or argue for something the moves do not cover (matrix argument, 2 AP)' }),
      body,
    );
    this.argument = { seat: wanted, host, handle: mountArgumentForm(body, session!, wanted) };
  }

  /** The argument chooser and preview under the selected move. */
  private chooser(seat: Seat, step: ArgStep): HTMLElement {
    const info = MOVE_CATALOGUE[this.move!];
    const wrap = h('div', {
      class: 'chooser',
      attrs: { id: 'chooser', role: 'group', 'aria-label': `${info.name}: choose` },
    });
    if (step.complete) {
      const lines = previewAction(this.G, seat, step.complete);
      wrap.append(
        h('div', {
          text: `${info.name}${this.chosen.length ? ' — ' + this.chosenWords(seat).join(', ') : ''}`,
          style: { fontWeight: '700' },
        }),
      );
      wrap.append(h('p', { class: 'preview', text: info.does }));
      if (lines.length)
        wrap.append(
          h('ul', { class: 'preview', attrs: { 'aria-label': 'Preview' } }, ...lines.map((l) => h('li', { text: l }))),
        );
      const confirm = h('button', {
        class: 'primary',
        text: `Confirm ${info.name}`,
        attrs: { id: 'confirm', 'data-key': 'confirm' },
        on: { click: () => this.confirm() },
      });
      wrap.append(
        h(
          'div',
          { class: 'row' },
          confirm,
          h('button', { text: 'Cancel', attrs: { 'data-key': 'cancel' }, on: { click: () => this.cancel() } }),
        ),
      );
      queueMicrotask(() => confirm.focus());
      return wrap;
    }
    wrap.append(
      h('div', {
        text: `Choose ${step.argName}${step.options.some((o) => o.spaces.length) ? ' (or click it on the map)' : ''}:`,
      }),
    );
    const opts = h('div', { class: 'options' });
    step.options.forEach((o, i) =>
      opts.append(
        h('button', {
          text: o.label,
          attrs: { 'data-option': i, 'data-key': `opt:${i}:${o.label}` },
          on: {
            click: () => {
              this.chosen.push(o.value);
              this.render();
            },
          },
        }),
      ),
    );
    wrap.append(
      opts,
      h('button', { text: 'Cancel', attrs: { 'data-key': 'cancel' }, on: { click: () => this.cancel() } }),
    );
    queueMicrotask(() => (opts.querySelector('button') as HTMLElement | null)?.focus());
    return wrap;
  }

  private chosenWords(seat: Seat): string[] {
    return this.chosen.map((v, i) => {
      const step = nextArg(legalMoves(this.G, seat), this.move!, this.chosen.slice(0, i), this.G);
      return step.options.find((o) => o.value === v)?.label ?? String(v);
    });
  }

  private pickMove(m: MoveName): void {
    this.move = this.move === m ? null : m;
    this.chosen = [];
    this.render();
  }

  private cancel(): void {
    this.move = null;
    this.chosen = [];
    this.render();
    (this.el.actions.querySelector('button.move:not(:disabled)') as HTMLElement | null)?.focus();
  }

  private spaceClicked(id: string): void {
    const step = this.step();
    if (!step || step.complete) return;
    const o = optionForSpace(step, id);
    if (!o) return;
    this.chosen.push(o.value);
    this.render();
  }

  private confirm(): void {
    const seat = this.myTurn();
    const step = this.step();
    if (!seat || !step?.complete) return;
    const ok = this.game.act(seat, step.complete);
    this.move = null;
    this.chosen = [];
    if (!ok) this.announce(`That move was refused by the rules.`);
    this.render();
    (this.el.actions.querySelector('button.move:not(:disabled)') as HTMLElement | null)?.focus();
  }

  private renderLog(): void {
    // Rebuilt per viewer: a hot-seat screen never keeps lines drawn for the seat before it.
    this.logList.show(this.seen().log, this.projector || this.viewer === null ? 'public' : this.viewer);
    this.el.log.parentElement!.scrollTop = this.el.log.parentElement!.scrollHeight;
  }

  private announce(text: string): void {
    this.el.log.append(h('li', { text }));
  }

  private renderBotbar(): void {
    const acting = actingSeat(this.G);
    const anyBot = SEATS.some((s) => this.game.setup.controls[s].kind === 'bot');
    if (!anyBot || this.opts.seatedAs) {
      this.el.botbar.hidden = true;
      return;
    }
    this.el.botbar.hidden = false;
    const thinking = acting && this.game.setup.controls[acting].kind === 'bot' && !this.G.result;
    const speed = h(
      'select',
      {
        attrs: { 'aria-label': 'Bot speed', id: 'bot-speed' },
        on: { change: (e) => (this.speed = Number((e.target as HTMLSelectElement).value)) },
      },
      ...SPEEDS.map((s) => h('option', { text: s.label, value: String(s.ms), selected: s.ms === this.speed })),
    );
    this.el.botbar.replaceChildren(
      h('span', {
        text: thinking
          ? `${SEAT_STYLE[acting].name} (bot) ${this.paused ? 'paused' : 'is thinking…'}`
          : 'Bots wait for you',
        attrs: { id: 'bot-status' },
      }),
      speed,
      h('button', {
        text: this.paused ? 'Resume bots' : 'Pause bots',
        attrs: { id: 'bot-pause' },
        on: {
          click: () => {
            this.paused = !this.paused;
            this.render();
          },
        },
      }),
      h('button', {
        text: 'Skip to my turn',
        attrs: { id: 'bot-skip' },
        disabled: !thinking,
        on: {
          click: () => {
            this.skipping = true;
            this.paused = false;
            this.render();
          },
        },
      }),
    );
  }

  /** If a bot must act, ask the worker, wait the visible pause, and play its move. */
  private async runBot(): Promise<void> {
    const G = this.G;
    const seat = actingSeat(G);
    // Online, the server plays the bot seats.
    if (this.opts.seatedAs) return;
    if (
      this.botBusy ||
      this.paused ||
      this.whiteHolds() ||
      !seat ||
      G.result ||
      this.game.setup.controls[seat].kind !== 'bot'
    ) {
      if (seat && this.game.setup.controls[seat].kind === 'human') this.skipping = false;
      return;
    }
    this.botBusy = true;
    const at = this.game.actions.length;
    const player = this.game.playerFor(seat);
    const started = performance.now();
    try {
      // Bots see only their own player's view, and a seed derived from the game seed, seat and move number.
      const choice = await this.bots.choose(
        playerView(G, player),
        seat,
        this.game.setup.controls[seat].bot,
        SEEDS.localDecision(this.game.setup.seed, seat, at),
      );
      const wait = this.skipping ? 0 : Math.max(0, this.speed - (performance.now() - started));
      if (wait) await new Promise((r) => setTimeout(r, wait));
      if (this.destroyed || this.game.actions.length !== at) return;
      while (this.paused && !this.destroyed) await new Promise((r) => setTimeout(r, 100));
      // The White Cell took the screen (or paused, or must approve) meanwhile: the bot asks again later.
      if (this.destroyed || this.game.actions.length !== at || this.whiteHolds() || actingSeat(this.G) !== seat) return;
      if (!this.game.act(seat, choice.action, choice.why)) {
        this.announce(
          `The ${SEAT_STYLE[seat].name} bot chose an illegal move (${choice.action.move}); it passes instead.`,
        );
        const fallback =
          legalMoves(this.G, seat).find((a) => a.move === 'pass' || a.move === 'declineLambaste') ??
          legalMoves(this.G, seat)[0];
        if (fallback) this.game.act(seat, fallback, 'fallback after an illegal choice');
      }
    } catch (err) {
      this.announce(`Bot error: ${(err as Error).message}`);
      this.paused = true;
    } finally {
      this.botBusy = false;
    }
    this.render();
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

  private endScreen(G: GameState): HTMLElement {
    const r = G.result!;
    const m = r.margins ?? margins(G);
    const winner = r.winner ? SEAT_STYLE[r.winner].name : 'Nobody';
    const why =
      r.ending === 'war'
        ? `Tension reached 10: war.${r.culprit ? ` ${SEAT_STYLE[r.culprit].name} pushed it there and loses outright.` : ''}`
        : r.ending === 'sudden-death'
          ? `A margin of +5 or more at a summit after turn 4 wins at once (turn ${r.turn}).`
          : `The final summit after turn ${r.turn}: the highest margin wins.`;
    const rows = SEATS.map((s) =>
      h(
        'tr',
        {},
        h('td', {}, seatChip(SEAT_STYLE[s].css, SEAT_STYLE[s].glyph, SEAT_STYLE[s].name), ' ', SEAT_STYLE[s].name),
        h('td', { text: (m[s] >= 0 ? '+' : '') + m[s] }),
      ),
    );
    const saveText = () => JSON.stringify(this.game.toSave(), null, 2);
    const card = h(
      'div',
      { class: 'card' },
      h('h1', { text: r.winner ? `${winner} wins` : 'No winner', attrs: { id: 'end-title' } }),
      h('p', { class: 'sub', text: why }),
      h(
        'table',
        { attrs: { 'aria-label': 'Margins' } },
        h('thead', {}, h('tr', {}, h('th', { text: 'Seat' }), h('th', { text: 'Margin' }))),
        h('tbody', {}, ...rows),
      ),
      h('p', { class: 'sub', text: 'Secret priorities are now public; see the log for every move, inject and roll.' }),
      h(
        'div',
        { class: 'row' },
        h('button', { class: 'primary', text: 'Save game', on: { click: () => this.save() } }),
        reportButton(() => this.game.toSave()),
        this.whitePlayer()
          ? h('button', {
              text: 'White Cell',
              attrs: { title: 'Hand the screen to the White Cell (it may rewind a turn)' },
              on: { click: () => this.toWhiteCell() },
            })
          : null,
        h('button', {
          text: 'Watch the replay',
          on: {
            click: () => {
              this.destroy();
              this.opts.onReplay(saveText());
            },
          },
        }),
        h('button', {
          text: 'New game',
          on: {
            click: () => {
              this.destroy();
              this.opts.onExit();
            },
          },
        }),
        h('button', {
          text: 'Look at the board',
          on: {
            click: () => {
              this.endHidden = true;
              this.render();
            },
          },
        }),
      ),
    );
    return h(
      'div',
      { class: 'screen end', attrs: { role: 'dialog', 'aria-labelledby': 'end-title', id: 'end-screen' } },
      card,
    );
  }
}

function pendingText(G: GameState): string {
  const p = G.pending!;
  if (p.kind === 'lambaste') return `China may Lambaste ${p.trigger.summary}.`;
  if (p.kind === 'choice') return p.prompt;
  return 'NATO looks at the top injects and puts one at the bottom.';
}

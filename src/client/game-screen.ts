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
import { nextArg, optionForSpace, type ArgStep } from './arg-chooser';
import { BotRunner } from './bot-runner';
import { download, h, seatChip } from './dom';
import { levelName, type LocalGame } from './local-game';
import type { Action } from '../rules/state';
import { presentBoard } from './present-board';
import { previewAction } from './preview';
import { priorityText } from './priority-text';
import { openRules } from './rules-reference';

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
  /** Back to the start screen. */
  onExit: () => void;
  /** Open a saved game in the replay viewer. */
  onReplay: (saveText: string) => void;
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
  private logCount = 0;
  private destroyed = false;
  /** The end-of-game card was closed to look at the board. */
  private endHidden = false;
  private readonly el = {
    board: h('div', { class: 'board-host', attrs: { id: 'board' } }),
    actions: h('section', { class: 'actions', attrs: { 'aria-label': 'Actions' } }),
    log: h('ol', { attrs: { 'aria-live': 'polite', 'aria-relevant': 'additions', id: 'log-list' } }),
    botbar: h('section', { class: 'botbar', attrs: { 'aria-label': 'Bots' } }),
    overlay: h('div', { attrs: { id: 'overlay' } }),
  };

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
      h('button', { text: 'Rules', on: { click: () => openRules() } }),
      h('button', {
        text: 'Projector view',
        attrs: { id: 'projector', 'aria-pressed': String(this.projector) },
        on: { click: (e) => this.toggleProjector(e.currentTarget as HTMLButtonElement) },
      }),
      ...(online ? online.toolbar : [h('button', { text: 'New game', on: { click: () => this.exit() } })]),
    );
    const side = h(
      'aside',
      { class: 'side' },
      toolbar,
      ...(online?.panels ?? []),
      this.el.botbar,
      this.el.actions,
      h('section', { class: 'log' }, h('h2', { text: 'Log' }), this.el.log),
    );
    this.root.replaceChildren(h('div', { class: 'game' }, this.el.board, side), this.el.overlay);
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
    this.bots.stop();
    this.board?.destroy();
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
    if (this.projector || this.viewer === null) return null;
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
    return presentBoard(this.seen(), {
      seat: this.viewerSeat(),
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
    if (this.opts.seatedAs) {
      this.viewer = this.opts.seatedAs.playerID;
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
    } else if (this.viewer === null && this.humanPlayers().size === 1) {
      this.viewer = [...this.humanPlayers()][0]!;
    }
    this.board?.update(this.view());
    this.renderActions();
    this.renderLog();
    this.renderBotbar();
    this.renderOverlay();
    void this.runBot();
  }

  private renderOverlay(): void {
    const G = this.G;
    if (G.result) {
      this.el.overlay.replaceChildren(...(this.endHidden ? [] : [this.endScreen(G)]));
      return;
    }
    if (this.handover) {
      const roles = (this.G.players[this.handover] ?? []) as Seat[];
      const names = roles.map((r) => SEAT_STYLE[r].name).join(' + ');
      const ready = h('button', {
        class: 'primary',
        text: `I am ${names} — show my screen`,
        attrs: { id: 'handover-ready' },
        on: {
          click: () => {
            this.viewer = this.handover;
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
      box.append(h('p', { text: 'The game is over.' }));
      return;
    }
    const st = SEAT_STYLE[acting];
    const control = this.game.setup.controls[acting];
    box.append(
      h(
        'div',
        { class: 'seat-head' },
        seatChip(st.css, st.glyph, st.name),
        h('span', { text: `${st.name}${control.kind === 'bot' ? ` (bot, ${levelName(control.level)})` : ''}` }),
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
    if (keepFocus) (box.querySelector(`[data-key="${CSS.escape(keepFocus)}"]`) as HTMLElement | null)?.focus();
    else if (!this.move && (document.activeElement === document.body || !document.activeElement))
      // A new turn for the person at the screen: put the keyboard on the first move they can make.
      (box.querySelector('button.move:not(:disabled)') as HTMLElement | null)?.focus();
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
    const log = this.seen().log;
    if (log.length < this.logCount) {
      this.el.log.replaceChildren();
      this.logCount = 0;
    }
    for (const e of log.slice(this.logCount)) {
      // A bot's reason sits in brackets after the move's name: shown on its own line.
      const m = /^(.*?) \[([^\]]*)\](.*)$/.exec(e.text);
      this.el.log.append(
        h(
          'li',
          {},
          h('span', { class: 't', text: `T${e.turn}.${e.round}` }),
          m ? m[1]! + m[3]! : e.text,
          m ? h('span', { class: 'why', text: `why: ${m[2]}` }) : null,
          e.rolls?.length ? ` (rolled ${e.rolls.join(', ')})` : '',
        ),
      );
    }
    this.logCount = log.length;
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
    if (this.botBusy || this.paused || !seat || G.result || this.game.setup.controls[seat].kind !== 'bot') {
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
        this.game.setup.controls[seat].level,
        `${this.game.setup.seed}/${seat}/${at}`,
      );
      const wait = this.skipping ? 0 : Math.max(0, this.speed - (performance.now() - started));
      if (wait) await new Promise((r) => setTimeout(r, wait));
      if (this.destroyed || this.game.actions.length !== at) return;
      while (this.paused && !this.destroyed) await new Promise((r) => setTimeout(r, 100));
      if (this.destroyed || this.game.actions.length !== at) return;
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

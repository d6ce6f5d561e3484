/**
 * The action panel: the acting seat, the moves of the person at the screen with why each is closed, the
 * argument chooser with its preview, and Confirm. It holds the half-chosen move; the rules decide.
 */
import type { MoveName, Seat } from '../content/ids';
import { MOVE_CATALOGUE, costText, type MoveCategory } from '../content/moves';
import { SEAT_STYLE } from '../content/seats';
import { actingSeat, legalMoves, whyIllegal, type Action, type GameState } from '../rules';
import { nextArg, optionForSpace, type ArgStep } from './arg-chooser';
import { h, seatChip } from './dom';
import { botWords } from '../content/bot-spec';
import type { SeatControl } from './local-game';
import { previewAction } from './preview';
import { isTyping, moveShortcuts, movesOf, openShortcutHelp } from './shortcuts';
import { priorityText } from './priority-text';
import { mountArgumentForm } from './seminar/argument-form';
import { waitingWords } from './seminar/projector';
import type { SeminarHandle, SeminarSession } from './seminar/session';

const CATEGORY_NAMES: Record<MoveCategory, string> = {
  deterrence: 'Deterrence',
  naval: 'Naval deployment',
  arms: 'Arms supply',
  diplomacy: 'Diplomacy and cyber',
  china: 'China',
  flow: 'Reactions',
};

/** What the panel reads of the screen. */
export interface PanelContext {
  /** The whole state (legal moves, previews). */
  G(): GameState;
  /** The state as the person at the screen may see it. */
  seen(): GameState;
  /** The seat the person at the screen may act for now, if any. */
  myTurn(): Seat | null;
  /** The seats whose secrets the person at the screen may read (none in projector view or at a hand-over). */
  secretSeats(): Seat[];
  control(seat: Seat): SeatControl;
  /** The reaction-preferences menu of the person at the screen, when their seat may react (local games). */
  reactionMenu(): HTMLElement | null;
  /** Hot-seat with free adjudication: the session for the acting person's matrix argument form. */
  argumentSession(): SeminarSession | null;
  act(seat: Seat, action: Action): boolean;
  announce(text: string): void;
  /** Redraw the screen (the board's highlighted targets follow the chooser). */
  changed(): void;
}

export class ActionPanel {
  readonly el = h('section', { class: 'actions', attrs: { 'aria-label': 'Actions' } });
  private move: MoveName | null = null;
  private chosen: unknown[] = [];
  private argument: { seat: Seat; host: HTMLElement; handle: SeminarHandle } | null = null;

  private readonly onKey = (e: KeyboardEvent) => {
    if (this.key(e)) e.preventDefault();
  };

  constructor(private readonly ctx: PanelContext) {
    document.addEventListener('keydown', this.onKey);
  }

  /** The chooser's current step, when the person at the screen is choosing a move's arguments. */
  step(): ArgStep | null {
    const seat = this.ctx.myTurn();
    if (!seat || !this.move) return null;
    const G = this.ctx.G();
    return nextArg(legalMoves(G, seat), this.move, this.chosen, G);
  }

  /** Forget the half-chosen move (a hand-over, the White Cell took the screen). */
  reset(): void {
    this.move = null;
    this.chosen = [];
  }

  /** A click on the board picks the option that space stands for. */
  spaceClicked(id: string): void {
    const step = this.step();
    if (!step || step.complete) return;
    const o = optionForSpace(step, id);
    if (!o) return;
    this.chosen.push(o.value);
    this.ctx.changed();
  }

  /**
   * The move shortcuts (shortcuts.ts): Esc cancels the half-chosen move, a move's letter picks it, a digit
   * its numbered option, ? opens the help. True when the key was used.
   */
  key(e: KeyboardEvent): boolean {
    // A dialog, a hand-over or a typed field has the keys; the map's own keys stay the map's.
    if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e) || document.querySelector('dialog[open]')) return false;
    if (document.querySelector('#overlay > *')) return false;
    if (e.key === '?') {
      openShortcutHelp(this.ctx.myTurn());
      return true;
    }
    if (e.key === 'Escape' && this.move) {
      this.cancel();
      return true;
    }
    const seat = this.ctx.myTurn();
    if (!seat) return false;
    const step = this.step();
    if (step && !step.complete && /^[1-9]$/.test(e.key)) {
      const o = step.options[Number(e.key) - 1];
      if (!o) return false;
      this.chosen.push(o.value);
      this.ctx.changed();
      return true;
    }
    const letter = e.key.toLowerCase();
    const m = [...moveShortcuts(seat)].find(([, k]) => k === letter)?.[0];
    if (!m || !legalMoves(this.ctx.G(), seat).some((a) => a.move === m)) return false;
    this.pickMove(m);
    return true;
  }

  destroy(): void {
    document.removeEventListener('keydown', this.onKey);
    this.argument?.handle.destroy();
    this.argument = null;
  }

  render(): void {
    const G = this.ctx.G();
    const box = this.el;
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
    const control = this.ctx.control(acting);
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
        h('button', {
          class: 'keys-help',
          text: '?',
          attrs: { id: 'shortcut-help-open', title: 'Keyboard shortcuts (?)', 'aria-label': 'Keyboard shortcuts' },
          on: { click: () => openShortcutHelp(this.ctx.myTurn()) },
        }),
      ),
    );
    if (G.pending) box.append(h('p', { class: 'preview', text: pendingText(G) }));
    // The secret priority of whoever sits at the screen (never in projector view).
    for (const r of this.ctx.secretSeats()) {
      const text = priorityText(this.ctx.seen().priority[r]);
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
    const menu = this.ctx.reactionMenu();
    if (menu) box.append(menu);
    const seat = this.ctx.myTurn();
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
    box.append(this.moveList(G, seat));
    if (this.argument) box.append(this.argument.host);
    if (keepFocus) (box.querySelector(`[data-key="${CSS.escape(keepFocus)}"]`) as HTMLElement | null)?.focus();
    else if (!this.move && (document.activeElement === document.body || !document.activeElement))
      // A new turn for the person at the screen: put the keyboard on the first move they can make.
      this.focusFirstMove();
  }

  private focusFirstMove(): void {
    (this.el.querySelector('button.move:not(:disabled)') as HTMLElement | null)?.focus();
  }

  private moveList(G: GameState, seat: Seat): HTMLElement {
    const legal = legalMoves(G, seat);
    const step = this.step();
    const moves = movesOf(seat);
    const keys = moveShortcuts(seat);
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
      const key = keys.get(m);
      const btn = h(
        'button',
        {
          class: 'move',
          disabled: why !== null,
          attrs: {
            'data-move': m,
            'data-key': `move:${m}`,
            'aria-pressed': String(this.move === m),
            'aria-label': `${info.name}, ${costText(info)} AP: ${info.does}${why ? `. Not available: ${why}` : ''}`,
            'aria-keyshortcuts': key ? key.toUpperCase() : undefined,
          },
          on: { click: () => this.pickMove(m) },
        },
        h(
          'span',
          { class: 'name' },
          key ? h('kbd', { text: key.toUpperCase(), attrs: { 'aria-hidden': 'true' } }) : null,
          info.name,
        ),
        h('span', { class: 'cost', text: info.cost ? `${costText(info)} AP` : '' }),
        h('span', { class: 'does', text: info.does }),
        why ? h('span', { class: 'why', text: why }) : null,
      );
      list.append(btn);
      if (this.move === m && step) list.append(this.chooser(seat, step));
    }
    return list;
  }

  /**
   * Free adjudication: the acting person's matrix argument form (kept across redraws so that what is
   * typed stays), gone when it is not their action.
   */
  private renderArgumentForm(seat: Seat | null): void {
    const session = this.ctx.argumentSession();
    const wanted = seat && session && this.ctx.G().white?.adjudication === 'free' ? seat : null;
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
      h('summary', {
        text: `Or argue for something the moves do not cover (matrix argument, ${MOVE_CATALOGUE.proposeArgument.cost} AP)`,
      }),
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
    const cancel = h('button', {
      text: 'Cancel (Esc)',
      attrs: { 'data-key': 'cancel', 'aria-keyshortcuts': 'Escape' },
      on: { click: () => this.cancel() },
    });
    if (step.complete) {
      const lines = previewAction(this.ctx.G(), seat, step.complete);
      wrap.append(
        h('div', {
          text: `${info.name}${this.chosen.length ? ' — ' + this.chosenWords(seat).join(', ') : ''}`,
          style: { fontWeight: '700' },
        }),
        h('p', { class: 'preview', text: info.does }),
      );
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
      wrap.append(h('div', { class: 'row' }, confirm, cancel));
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
        h(
          'button',
          {
            attrs: {
              'data-option': i,
              'data-key': `opt:${i}:${o.label}`,
              'aria-label': o.label,
              'aria-keyshortcuts': i < 9 ? String(i + 1) : undefined,
            },
            on: {
              click: () => {
                this.chosen.push(o.value);
                this.ctx.changed();
              },
            },
          },
          i < 9 ? h('kbd', { text: String(i + 1), attrs: { 'aria-hidden': 'true' } }) : null,
          o.label,
        ),
      ),
    );
    wrap.append(opts, cancel);
    queueMicrotask(() => (opts.querySelector('button') as HTMLElement | null)?.focus());
    return wrap;
  }

  private chosenWords(seat: Seat): string[] {
    const G = this.ctx.G();
    return this.chosen.map((v, i) => {
      const step = nextArg(legalMoves(G, seat), this.move!, this.chosen.slice(0, i), G);
      return step.options.find((o) => o.value === v)?.label ?? String(v);
    });
  }

  private pickMove(m: MoveName): void {
    this.move = this.move === m ? null : m;
    this.chosen = [];
    this.ctx.changed();
  }

  cancel(): void {
    this.reset();
    this.ctx.changed();
    this.focusFirstMove();
  }

  private confirm(): void {
    const seat = this.ctx.myTurn();
    const step = this.step();
    if (!seat || !step?.complete) return;
    const ok = this.ctx.act(seat, step.complete);
    this.reset();
    if (!ok) this.ctx.announce(`That move was refused by the rules.`);
    this.ctx.changed();
    this.focusFirstMove();
  }
}

function pendingText(G: GameState): string {
  const p = G.pending!;
  if (p.kind === 'lambaste') return `China may Lambaste ${p.trigger.summary}.`;
  if (p.kind === 'choice') return p.prompt;
  return 'NATO looks at the top injects and puts one at the bottom.';
}

/**
 * The replay viewer: a saved game (or a simulated one) replayed through the rules from its seed, with
 * step forward/back, jump to a turn and autoplay. Replays show everything (the file holds the seed anyway),
 * White Cell acts included: each is one step, with its reason in the log.
 */
import type { MoveName } from '../content/ids';
import { MOVE_CATALOGUE } from '../content/moves';
import { SEAT_STYLE } from '../content/seats';
import type { BoardHandle } from '../render/board-view';
import { mountBoard } from '../render/mount-board';
import { hashState, type SaveAction, type SaveFile } from '../content/save-file';
import { createDice } from '../random';
import { replaySaved, type GameState } from '../rules';
import { h } from './dom';
import { logLine } from './log-line';
import { presentBoard } from './present-board';

export class ReplayViewer {
  private states: GameState[] = [];
  private at = 0;
  private board: BoardHandle | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly pos = h('span', { attrs: { id: 'replay-pos', 'aria-live': 'polite' } });
  private readonly log = h('ol', {});
  private readonly turnSel = h('select', { attrs: { id: 'replay-turn', 'aria-label': 'Jump to turn' } });
  private readonly check = h('p', { class: 'sub', attrs: { id: 'replay-check' } });
  private readonly play = h('button', { text: 'Autoplay', attrs: { id: 'replay-play', 'aria-pressed': 'false' } });

  constructor(
    private readonly root: HTMLElement,
    private readonly save: SaveFile,
    private readonly opts: { scenarioName: string; onExit: () => void },
  ) {}

  async start(): Promise<void> {
    // Every state along the way, so stepping back is instant.
    const keep = (G: GameState) => this.states.push(structuredClone(G));
    replaySaved(this.save, createDice(this.save.seed), { start: keep, after: keep });
    this.at = this.states.length - 1;
    const final = this.states[this.at]!;
    if (this.save.finalHash) {
      const got = hashState(final);
      this.check.textContent =
        got === this.save.finalHash
          ? '✓ The replay reaches the recorded final state (hash matches).'
          : `✗ The replay's final state differs from the recorded one (hash ${got.slice(0, 12)}… vs ${this.save.finalHash.slice(0, 12)}…).`;
      this.check.dataset['match'] = String(got === this.save.finalHash);
    }
    const turns = [...new Set(this.states.map((s) => s.turn))];
    this.turnSel.replaceChildren(...turns.map((t) => h('option', { value: String(t), text: `Turn ${t}` })));
    this.turnSel.addEventListener('change', () =>
      this.go(this.states.findIndex((s) => s.turn === Number(this.turnSel.value))),
    );
    this.play.addEventListener('click', () => this.toggleAutoplay());
    const bar = h(
      'section',
      { class: 'replay-bar', attrs: { 'aria-label': 'Replay controls' } },
      h('button', {
        text: '⏮ Start',
        attrs: { id: 'replay-first', 'aria-label': 'First position' },
        on: { click: () => this.go(0) },
      }),
      h('button', {
        text: '◀ Back',
        attrs: { id: 'replay-back', 'aria-label': 'Step back' },
        on: { click: () => this.go(this.at - 1) },
      }),
      h('button', {
        text: 'Forward ▶',
        attrs: { id: 'replay-forward', 'aria-label': 'Step forward' },
        on: { click: () => this.go(this.at + 1) },
      }),
      h('button', {
        text: 'End ⏭',
        attrs: { id: 'replay-last', 'aria-label': 'Last position' },
        on: { click: () => this.go(this.states.length - 1) },
      }),
      this.turnSel,
      this.play,
      this.pos,
    );
    const side = h(
      'aside',
      { class: 'side' },
      h(
        'section',
        { class: 'toolbar' },
        h('strong', { text: `Replay — ${this.opts.scenarioName}, seed ${this.save.seed}` }),
        h('button', { text: 'Close replay', on: { click: () => this.exit() } }),
      ),
      bar,
      h('section', {}, this.check),
      h('section', { class: 'log', style: { flex: '1 1 auto' } }, h('h2', { text: 'Log up to here' }), this.log),
    );
    const boardEl = h('div', { class: 'board-host', attrs: { id: 'board' } });
    this.root.replaceChildren(h('div', { class: 'game replay' }, boardEl, side));
    (window as unknown as { __eatBoardDrawn?: boolean }).__eatBoardDrawn = false;
    this.board = await mountBoard(boardEl, this.view(), {
      intents: { spaceClicked: () => undefined, spaceHovered: () => undefined },
      onDrawn: () => ((window as unknown as { __eatBoardDrawn?: boolean }).__eatBoardDrawn = true),
    });
    this.go(this.at);
    this.root.addEventListener('keydown', (e) => {
      if ((e.target as HTMLElement).closest('.board-host')) return;
      if (e.key === 'PageDown') this.go(this.at + 1);
      else if (e.key === 'PageUp') this.go(this.at - 1);
    });
  }

  /** The current state (for tests and tools). */
  state(): GameState {
    return this.states[this.at]!;
  }

  private view() {
    return presentBoard(this.states[this.at]!, {
      seat: 'white',
      legalTargets: [],
      selected: null,
      scenarioName: this.opts.scenarioName,
    });
  }

  private go(i: number): void {
    this.at = Math.max(0, Math.min(this.states.length - 1, i));
    const G = this.states[this.at]!;
    this.board?.update(this.view());
    const a = this.at > 0 ? this.save.actions[this.at - 1] : null;
    this.pos.textContent = `Position ${this.at} of ${this.states.length - 1}${a ? ` — last: ${actionWords(a, G)}` : ''}; turn ${G.turn}, round ${G.round}${G.result ? ' — game over' : ''}`;
    this.turnSel.value = String(G.turn);
    this.log.replaceChildren(...G.log.map(logLine));
    const box = this.log.parentElement;
    if (box) box.scrollTop = box.scrollHeight;
    if (this.at === this.states.length - 1) this.stopAutoplay();
  }

  private toggleAutoplay(): void {
    if (this.timer) return this.stopAutoplay();
    if (this.at === this.states.length - 1) this.go(0);
    this.play.setAttribute('aria-pressed', 'true');
    this.play.textContent = 'Stop';
    this.timer = setInterval(() => this.go(this.at + 1), 600);
  }

  private stopAutoplay(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.play.setAttribute('aria-pressed', 'false');
    this.play.textContent = 'Autoplay';
  }

  private exit(): void {
    this.stopAutoplay();
    this.board?.destroy();
    this.opts.onExit();
  }
}

/** "Japan — Defence build-up" or the White Cell's act as its log line says it: names, never ids. */
function actionWords(a: SaveAction, G: GameState): string {
  if (a.seat === 'white') return G.log.findLast((e) => e.seat === 'white')?.text ?? 'White Cell';
  return `${SEAT_STYLE[a.seat].name} — ${MOVE_CATALOGUE[a.move as MoveName]?.name ?? a.move}`;
}

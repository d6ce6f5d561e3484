/** The hot-seat White Cell's console over the whole screen while the White Cell has it, with its way back. */
import { awaitingWhiteCell, type GameState } from '../rules';
import { h } from './dom';
import { reportButton } from './seminar/report-button';
import type { SeminarHandle, SeminarSession } from './seminar/session';
import { mountWhiteCellConsole } from './seminar/white-cell-console';
import type { SaveFile } from '../content/save-file';

export interface WhiteCellLayerOptions {
  session: SeminarSession;
  save(): void;
  toSave(): SaveFile;
  /** Hand the screen back to the seats. */
  giveBack(): void;
}

export class WhiteCellLayer {
  private console: SeminarHandle | null = null;

  constructor(
    readonly el: HTMLElement,
    private readonly opts: WhiteCellLayerOptions,
  ) {}

  /** Show the console (open) or hide it; `back` names who the White Cell hands the screen to. */
  render(G: GameState, open: boolean, back: string): void {
    const layer = this.el;
    if (!open) {
      this.destroy();
      layer.hidden = true;
      return;
    }
    if (!this.console) {
      const host = h('div', { class: 'wc-host', attrs: { id: 'white-cell-host' } });
      const bar = h(
        'header',
        { class: 'white-bar', attrs: { 'aria-label': 'White Cell at this screen' } },
        h('strong', { text: 'White Cell — hot-seat' }),
        h('span', {
          class: 'sub',
          text: 'Bots wait while the White Cell has the screen. Every act needs a reason.',
        }),
        h('button', { text: 'Save game', attrs: { id: 'white-save' }, on: { click: () => this.opts.save() } }),
        reportButton(() => this.opts.toSave()),
        h('button', { class: 'primary', attrs: { id: 'white-return' }, on: { click: () => this.opts.giveBack() } }),
      );
      layer.replaceChildren(bar, host);
      this.console = mountWhiteCellConsole(host, this.opts.session);
      queueMicrotask(() => (layer.querySelector('#wc-reason') as HTMLElement | null)?.focus());
    }
    const ret = layer.querySelector('#white-return') as HTMLButtonElement;
    ret.textContent = `Return to ${back}`;
    // While the game waits on the White Cell, there is nobody to hand back to yet.
    ret.disabled = awaitingWhiteCell(G);
    ret.title = ret.disabled ? 'The game waits on the White Cell (paused, or an approval or rating to give)' : '';
    layer.hidden = false;
  }

  destroy(): void {
    if (!this.console) return;
    this.console.destroy();
    this.console = null;
    this.el.replaceChildren();
  }
}

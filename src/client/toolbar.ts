/** The game screen's toolbar: save, rules, the brief, the White Cell, the projector views, and leaving the game. */
import { h } from './dom';
import { openRules } from './rules-reference';

export interface ToolbarActions {
  /** Online: the match's own buttons, in place of Save game and New game. */
  online?: HTMLElement[];
  save?: () => void;
  newGame?: () => void;
  /** Hot-seat with a White Cell: hand it the screen. */
  whiteCell?: () => void;
  projector: boolean;
  toggleProjector: (btn: HTMLButtonElement) => void;
  /** Hot-seat: open the room's projector window. */
  projectorWindow?: () => void;
  /** Open the red-team brief of the person at the screen. */
  brief?: () => void;
}

export function gameToolbar(a: ToolbarActions): HTMLElement {
  return h(
    'section',
    { class: 'toolbar', attrs: { 'aria-label': 'Game' } },
    a.save ? h('button', { text: 'Save game', attrs: { id: 'save-game' }, on: { click: () => a.save!() } }) : null,
    h('button', { text: 'Rules', on: { click: () => void openRules() } }),
    a.brief
      ? h('button', {
          text: 'Brief',
          attrs: { id: 'brief-open', title: 'Your red-team brief: your stakes, fears and costs (printable)' },
          on: { click: () => a.brief!() },
        })
      : null,
    a.whiteCell
      ? h('button', {
          text: 'White Cell',
          attrs: { id: 'open-white-cell', title: 'Hand the screen to the White Cell (umpire)' },
          on: { click: () => a.whiteCell!() },
        })
      : null,
    h('button', {
      text: 'Projector view',
      attrs: { id: 'projector', 'aria-pressed': String(a.projector) },
      on: { click: (e) => a.toggleProjector(e.currentTarget as HTMLButtonElement) },
    }),
    a.projectorWindow
      ? h('button', {
          text: 'Projector window',
          attrs: {
            id: 'projector-window-open',
            title: 'A second window for the projector: the public board and the latest events, live',
          },
          on: { click: () => a.projectorWindow!() },
        })
      : null,
    ...(a.online ?? [h('button', { text: 'New game', on: { click: () => a.newGame?.() } })]),
  );
}

/** The hot-seat hand-over card: the screen is blank of secrets until the next person confirms it is them. */
import { awaitingWhiteCell, type GameState } from '../rules';
import { h } from './dom';
import { waitingWords } from './seminar/projector';

export function handoverCard(G: GameState, names: string, toWhite: boolean, onReady: () => void): HTMLElement {
  const ready = h('button', {
    class: 'primary',
    text: toWhite ? 'I am the White Cell — show the console' : `I am ${names} — show my screen`,
    attrs: { id: 'handover-ready' },
    on: { click: onReady },
  });
  queueMicrotask(() => ready.focus());
  return h(
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
}

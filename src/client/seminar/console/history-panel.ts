/** Rewind and reopen: back to the start of an earlier turn (also after the end), or on along a kept branch. */
import type { GameState } from '../../../rules';
import { h } from '../../dom';
import { button, panel, type ConsoleContext, type ConsolePanel } from './context';

export function historyPanel(ctx: ConsoleContext): ConsolePanel {
  const rewindTurn = h('select', { attrs: { id: 'wc-rewind-turn', 'aria-label': 'Turn to rewind to' } });
  const rewindBtn = button('Rewind to the start of this turn', 'wc-rewind', () => {
    const turn = Number(rewindTurn.value);
    if (!turn) return;
    void ctx.act(
      'whiteRewind',
      [turn],
      `Rewound to the start of turn ${turn} (its inject kept); the abandoned line is kept as a branch.`,
    );
  });
  const branches = h('div', { attrs: { id: 'wc-history' } });
  const ended = h('p', { class: 'wc-sub', attrs: { id: 'wc-after-end' } });
  return {
    el: panel('Rewind and branches', 'wc-rewind-panel', ended, h('p', {}, rewindTurn, ' ', rewindBtn), branches),
    render(G: GameState) {
      const W = G.white!;
      ended.textContent = G.result
        ? 'The game is over: you may still rewind to an earlier turn, or reopen a branch, and play on.'
        : '';
      ended.hidden = !G.result;
      const keep = rewindTurn.value;
      rewindTurn.replaceChildren(
        ...W.snapshots
          .filter((s) => s.turn <= G.turn)
          .map((s) => h('option', { text: `turn ${s.turn}`, attrs: { value: s.turn } })),
      );
      if (keep && Array.from(rewindTurn.options).some((o) => o.value === keep)) rewindTurn.value = keep;
      rewindBtn.disabled = rewindTurn.options.length === 0;
      branches.replaceChildren(
        ...(W.branches.length
          ? [
              h('p', {
                class: 'wc-sub',
                text: 'Abandoned branches (reopen one to continue it; the line you leave is kept):',
              }),
            ]
          : []),
        h(
          'ul',
          { class: 'wc-branches' },
          ...W.branches.map((b, i) =>
            h(
              'li',
              {},
              `Branch ${i}: left at turn ${b.leftAtTurn} — “${b.reason}” `,
              button('Reopen', `wc-reopen-${i}`, () => void ctx.act('whiteReopenBranch', [i], `Branch ${i} reopened.`)),
            ),
          ),
        ),
      );
    },
  };
}

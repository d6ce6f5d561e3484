/**
 * The White Cell console: the umpire's screen. It sees the whole state and drives every White Cell
 * power as an ordinary logged move with a written reason. It only composes: each group of powers is
 * its own panel in ./console/ (game control, tracks and dice, rewind, injects, what waits, the whole
 * state). Nothing here decides rules: the rules refuse what is not allowed and the console says so.
 */
import { SEAT_NAMES } from '../../content/seats';
import { awaitingWhiteCell } from '../../rules';
import { h } from '../dom';
import { consoleContext, type ConsolePanel } from './console/context';
import { controlPanel } from './console/control-panel';
import { debriefPanel } from './console/debrief-panel';
import { historyPanel } from './console/history-panel';
import { injectPanel } from './console/inject-panel';
import { pendingPanel } from './console/pending-panel';
import { statePanel } from './console/state-panel';
import { trackPanel } from './console/track-panel';
import { keepDrawn, type SeminarHandle, type SeminarSession } from './session';
import './seminar.css';

export { ratingOdds } from './console/pending-panel';

export function mountWhiteCellConsole(root: HTMLElement, session: SeminarSession): SeminarHandle {
  const status = h('div', { class: 'wc-status', attrs: { id: 'wc-status' } });
  const ctx = consoleContext(session, () => refresh());
  const pending = pendingPanel(ctx);
  const columns: ConsolePanel[][] = [
    [controlPanel(ctx), trackPanel(ctx), historyPanel(ctx)],
    [injectPanel(ctx)],
    [debriefPanel(ctx), statePanel()],
  ];
  const panels = [pending, ...columns.flat()];
  root.replaceChildren(
    h(
      'div',
      { class: 'wc-console', attrs: { id: 'white-cell-console', role: 'region', 'aria-label': 'White Cell console' } },
      h('header', { class: 'wc-head' }, h('h2', { text: 'White Cell' }), status),
      h('label', { class: 'wc-reason' }, h('span', { text: 'Reason (required for every act)' }), ctx.reason),
      ctx.message,
      pending.el,
      h('div', { class: 'wc-grid' }, ...columns.map((col) => h('div', { class: 'wc-col' }, ...col.map((p) => p.el)))),
    ),
  );

  function refresh(): void {
    const G = session.state();
    if (!G) {
      status.textContent = 'Waiting for the match to start…';
      return;
    }
    if (!G.white) {
      status.textContent = 'This match has no White Cell.';
      return;
    }
    const who = G.result
      ? `Game over — ${G.result.winner ? SEAT_NAMES[G.result.winner] : 'nobody'} wins`
      : G.white.paused
        ? 'Paused'
        : awaitingWhiteCell(G)
          ? 'Waiting for you'
          : `${SEAT_NAMES[(G.pending && 'seat' in G.pending ? G.pending.seat : null) ?? G.active]} to act`;
    status.textContent = `Turn ${G.turn} of ${G.lastTurn} · round ${G.round} · ${who}`;
    for (const p of panels) p.render(G);
  }

  return keepDrawn(session, root, refresh);
}

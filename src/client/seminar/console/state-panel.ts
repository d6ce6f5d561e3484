/** The whole state as only the White Cell sees it: tracks, each seat's points, margin and secret priority, the full log. */
import { SEATS, TRACK_IDS } from '../../../content/ids';
import { priorityById } from '../../../content/priorities';
import { SEAT_NAMES } from '../../../content/seats';
import { margins, trackTitle, type GameState } from '../../../rules';
import { h } from '../../dom';
import { panel, signed, type ConsolePanel } from './context';

function priorityTitle(id: string): string {
  try {
    return priorityById(id)?.title ?? id;
  } catch {
    return id;
  }
}

export function statePanel(): ConsolePanel {
  const state = h('div', { class: 'wc-state', attrs: { id: 'wc-state' } });
  const logList = h('ol', { class: 'wc-log', attrs: { id: 'wc-log' } });
  return {
    el: panel(
      'The whole state',
      'wc-whole-state',
      state,
      h('h4', { text: 'Log (everything, hidden moves included)' }),
      logList,
    ),
    render(G: GameState) {
      const m = margins(G);
      const W = G.white!;
      state.replaceChildren(
        h(
          'table',
          { class: 'wc-tracks' },
          ...TRACK_IDS.map((t) =>
            h('tr', {}, h('th', { text: trackTitle(t) }), h('td', { text: String(G.tracks[t]) })),
          ),
        ),
        h(
          'table',
          { class: 'wc-seats' },
          h('tr', {}, h('th', { text: 'Seat' }), h('th', { text: 'AP' }), h('th', { text: 'Margin' })),
          // Each seat's secret priority on a row of its own under it: the console's column is narrow.
          ...SEATS.flatMap((s) => [
            h(
              'tr',
              {},
              h('td', { text: SEAT_NAMES[s] }),
              h('td', { text: String(G.ap[s]) }),
              h('td', { text: signed(m[s]) }),
            ),
            // The priority's title: the umpire reads it aloud at the debrief.
            h(
              'tr',
              { class: 'wc-priority' },
              h('td', { attrs: { colspan: 3 }, text: `Secret priority: ${priorityTitle(G.priority[s])}` }),
            ),
          ]),
        ),
        h('p', {
          class: 'wc-sub',
          text: `Hidden material aid on the map: ${G.aid.filter((a) => !a.revealed).length}. Fixed rolls waiting: ${W.forcedRolls.length ? W.forcedRolls.join(', ') : 'none'}.`,
        }),
      );
      logList.replaceChildren(
        ...G.log
          .slice(-30)
          .reverse()
          .map((e) =>
            h(
              'li',
              { class: e.visibleTo ? 'wc-hidden' : e.seat === 'white' ? 'wc-white' : '' },
              `T${e.turn}.${e.round} ${e.text}${e.rolls?.length ? ` 🎲 ${e.rolls.join(' ')}` : ''}${e.reason ? ` — reason: ${e.reason}` : ''}${e.visibleTo ? ' (hidden)' : ''}`,
            ),
          ),
      );
    },
  };
}

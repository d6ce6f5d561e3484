/**
 * The projector view: the room's big screen during a seminar — turn, tracks, theaters, ports, margins
 * and the last events in large type. It shows only what a spectator may see: whatever the session
 * hands it goes through playerView(G, null) first, so no secret reaches the wall.
 */
import { PORTS, SEATS, THEATERS, TRACK_IDS, TRACKS } from '../../content/ids';
import { MOVE_CATALOGUE } from '../../content/moves';
import { SEAT_STYLE } from '../../content/seats';
import {
  PORT_NAMES,
  THEATER_NAMES,
  TRACK_NAMES,
  deterrence,
  margins,
  portController,
  pressure,
  playerView,
  type GameState,
} from '../../rules';
import { ENDING_LABEL } from '../../report/format/ending';
import { h } from '../dom';
import { DANGER } from '../present-board';
import { latestInject } from './inject-story';
import { projectorNotes } from './projector-notes';
import { keepDrawn, type SeminarHandle, type SeminarSession } from './session';
import './seminar.css';

export interface ProjectorOptions {
  /** How many of the latest public log lines to show. */
  events?: number;
  /** Mount the map board into this host (main.ts may pass the Phaser board here). */
  board?: (host: HTMLElement) => void;
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** The turn in words: `Turn 3 of 8 · 2024, first half`. */
export function turnWords(G: GameState): string {
  return `Turn ${G.turn} of ${G.lastTurn} · ${2023 + Math.floor((G.turn - 1) / 2)}, ${G.turn % 2 ? 'first' : 'second'} half · round ${G.round}`;
}

/** Who the room is waiting for, in words (never what a covert move is). */
export function waitingWords(G: GameState): string {
  if (G.result)
    return `Game over — ${G.result.winner ? SEAT_STYLE[G.result.winner].name : 'nobody'} wins (${ENDING_LABEL[G.result.ending]})`;
  if (G.white?.paused) return 'Paused by the White Cell';
  const p = G.pending;
  if (p?.kind === 'approval')
    return `The White Cell is considering ${SEAT_STYLE[p.seat].name}'s ${p.covert ? 'covert move' : MOVE_CATALOGUE[p.action.move].name}`;
  if (p?.kind === 'adjudication')
    return `The White Cell is rating ${SEAT_STYLE[p.seat].name}'s argument: “${p.argument.action}”`;
  if (p?.kind === 'reading') return `The White Cell is choosing how to read “${p.source}”`;
  if (p) return `${SEAT_STYLE[p.seat].name} decides`;
  return `${SEAT_STYLE[G.active].name} to act`;
}

export function mountProjector(root: HTMLElement, session: SeminarSession, opts: ProjectorOptions = {}): SeminarHandle {
  const headline = h('h1', { class: 'pj-turn', attrs: { id: 'pj-turn' } });
  const waiting = h('p', { class: 'pj-waiting', attrs: { id: 'pj-waiting', 'aria-live': 'polite' } });
  const tracks = h('div', { class: 'pj-tracks', attrs: { id: 'pj-tracks' } });
  const theaters = h('table', { class: 'pj-theaters', attrs: { id: 'pj-theaters' } });
  const seats = h('div', { class: 'pj-seats', attrs: { id: 'pj-seats' } });
  const events = h('ol', { class: 'pj-events', attrs: { id: 'pj-events' } });
  const storyTitle = h('h2', { class: 'pj-story-title' });
  const storyText = h('p', { class: 'pj-story-text' });
  const story = h(
    'section',
    { class: 'pj-story', attrs: { id: 'pj-story', 'aria-label': 'The latest inject', 'aria-live': 'polite' } },
    storyTitle,
    storyText,
  );
  const notes = projectorNotes();
  const boardHost = opts.board ? h('div', { class: 'pj-board', attrs: { id: 'pj-board' } }) : null;
  root.replaceChildren(
    h(
      'div',
      { class: 'pj', attrs: { id: 'projector-view', role: 'region', 'aria-label': 'Projector view' } },
      h('header', {}, headline, waiting),
      notes.el,
      story,
      h('div', { class: 'pj-main' }, boardHost, h('div', { class: 'pj-side' }, seats, tracks, theaters)),
      h('section', { attrs: { 'aria-label': 'Latest events' } }, h('h2', { text: 'Latest events' }), events),
    ),
  );
  if (boardHost) opts.board!(boardHost);

  function refresh(): void {
    notes.render(session.notes?.get());
    const full = session.state();
    if (!full) {
      headline.textContent = 'Waiting for the match to start…';
      return;
    }
    const G = playerView(full, null);
    headline.textContent = turnWords(G);
    waiting.textContent = waitingWords(G);
    // The inject's story as it is read to the room (its effects are in the events below).
    const inject = latestInject(G);
    story.hidden = !inject;
    storyTitle.textContent = inject ? `Turn ${inject.turn} inject — ${inject.title}` : '';
    storyText.textContent = inject?.text ?? '';
    const m = G.result?.margins ?? margins(G);
    const scored = G.variant === 2 ? (['china', 'nato'] as const) : SEATS;
    seats.replaceChildren(
      ...scored.map((s) =>
        h(
          'div',
          {
            class: `pj-seat${!G.result && (G.pending ? 'seat' in G.pending && G.pending.seat : G.active) === s ? ' pj-active' : ''}`,
            style: { borderColor: SEAT_STYLE[s].css },
          },
          h('span', { class: 'pj-glyph', text: SEAT_STYLE[s].glyph, style: { background: SEAT_STYLE[s].css } }),
          h('span', { class: 'pj-name', text: G.variant === 2 && s === 'nato' ? 'The West' : SEAT_STYLE[s].name }),
          h('span', { class: 'pj-margin', text: signed(m[s]) }),
        ),
      ),
    );
    tracks.replaceChildren(
      ...TRACK_IDS.filter((t) => t !== 'vp' || G.variant === 2).map((t) => {
        const [lo, hi] = TRACKS[t];
        const share = (G.tracks[t] - lo) / (hi - lo);
        return h(
          'div',
          {
            class: `pj-track${t === 'tension' && G.tracks.tension >= DANGER.tension!.at ? ' pj-danger' : ''}`,
            attrs: { 'data-track': t },
          },
          h('span', { class: 'pj-track-name', text: TRACK_NAMES[t] }),
          h(
            'span',
            {
              class: 'pj-bar',
              attrs: {
                role: 'meter',
                'aria-valuemin': lo,
                'aria-valuemax': hi,
                'aria-valuenow': G.tracks[t],
                'aria-label': TRACK_NAMES[t],
              },
            },
            h('span', { style: { width: `${Math.round(share * 100)}%` } }),
          ),
          h('span', { class: 'pj-track-value', text: String(G.tracks[t]) }),
        );
      }),
    );
    theaters.replaceChildren(
      h('tr', {}, h('th', { text: 'Theater' }), h('th', { text: 'Deterrence' }), h('th', { text: 'Pressure' })),
      ...THEATERS.map((th) => {
        const d = deterrence(G, th);
        const p = pressure(G, th);
        return h(
          'tr',
          { class: d > p ? 'pj-held' : p > d ? 'pj-pressed' : '' },
          h('td', { text: THEATER_NAMES[th] }),
          h('td', { text: String(d) }),
          h('td', { text: String(p) }),
        );
      }),
      ...PORTS.map((port) => {
        const c = portController(G, port);
        return h(
          'tr',
          {},
          h('td', { text: PORT_NAMES[port] }),
          h('td', {
            attrs: { colspan: 2 },
            text: c === 'china' ? 'China controls' : c === 'west' ? 'The West controls' : 'Contested',
          }),
        );
      }),
    );
    const shown = opts.events ?? 8;
    events.replaceChildren(
      ...G.log
        .slice(-shown)
        .reverse()
        .map((e) =>
          h(
            'li',
            { class: e.seat === 'white' ? 'pj-white' : '' },
            e.text,
            e.rolls?.length ? h('span', { class: 'pj-rolls', text: ` 🎲 ${e.rolls.join(' ')}` }) : null,
          ),
        ),
    );
  }

  return keepDrawn(session, root, refresh);
}

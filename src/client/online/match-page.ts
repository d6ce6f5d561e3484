/**
 * A match's room: every seat with who holds it and whether they are connected, joining a seat with a
 * name, an invite link per open seat, the spectator link, this browser's own seats (play, seat key),
 * the creator's stand-in controls, and the saved game once the match is over.
 */
import { h } from '../dom';
import type { ScenarioInfo } from '../start-screen';
import { lobbyApi, type MatchInfo, type SeatInfo } from './api';
import { copyButton } from './copy';
import { clockWords, holderWords, presenceDot, seatChips, seatKind, seatLabel, seatRoles } from './match-words';
import { go, routeLink } from './routes';
import { seatKeys } from './seat-keys';
import { download } from '../dom';

export interface MatchPageOptions {
  scenarios: readonly ScenarioInfo[];
  matchID: string;
  /** The seat an invite link points at. */
  invitedSeat: string | null;
}

export function showMatchPage(root: HTMLElement, opts: MatchPageOptions): () => void {
  document.body.classList.remove('projector');
  const { matchID } = opts;
  const title = h('h1', { text: 'Match', attrs: { id: 'match-title' } });
  const sub = h('p', { class: 'sub', attrs: { id: 'match-sub' } });
  const seats = h('div', { class: 'seat-table', attrs: { id: 'seat-table' } });
  const extra = h('div', { class: 'match-extra' });
  const error = h('p', { class: 'error', attrs: { role: 'alert', id: 'match-error' } });
  const nameInput = h('input', {
    type: 'text',
    value: seatKeys.lastName(),
    attrs: {
      id: 'player-name',
      maxlength: 40,
      placeholder: 'Your name',
      'aria-label': 'Your name',
      autocomplete: 'nickname',
    },
  });
  let match: MatchInfo | null = null;
  let focused = false;

  const join = async (playerID: string) => {
    const name = nameInput.value.trim();
    if (!name) {
      error.textContent = 'Write your name first: the other players see it.';
      nameInput.focus();
      return;
    }
    try {
      const r = await lobbyApi.join(matchID, playerID, name);
      seatKeys.keepSeat(matchID, r.playerID, { credentials: r.playerCredentials, name });
      seatKeys.keepName(name);
      go({ page: 'play', matchID, playerID: r.playerID });
    } catch (err) {
      error.textContent = (err as Error).message;
      void load();
    }
  };

  const seatRow = (m: MatchInfo, s: SeatInfo): HTMLElement => {
    const id = String(s.id);
    const kind = seatKind(m, s);
    const held = seatKeys.seat(matchID, id);
    const invited = opts.invitedSeat === id;
    const actions: HTMLElement[] = [];
    if (held && kind !== 'bot' && s.name) {
      actions.push(
        h('button', {
          class: 'primary',
          text: m.gameover ? 'Open' : 'Play',
          attrs: { 'data-play': id },
          on: { click: () => go({ page: 'play', matchID, playerID: id }) },
        }),
        copyButton(
          'Seat key',
          () => routeLink({ page: 'key', matchID, playerID: id, credentials: held.credentials }),
          'A private link that opens your seat on another device.',
        ),
      );
    } else if (kind === 'open' && !m.gameover) {
      actions.push(
        h('button', {
          class: invited ? 'primary' : '',
          text: 'Join this seat',
          attrs: { 'data-join': id },
          on: { click: () => void join(id) },
        }),
        copyButton(
          'Invite link',
          () => routeLink({ page: 'match', matchID, seat: id }),
          'Send this link to the person who should take this seat.',
        ),
      );
    }
    const creator = seatKeys.creatorToken(matchID);
    if (
      creator &&
      !held &&
      (kind === 'player' || kind === 'stand-in') &&
      !seatRoles(m.setupData, id).includes('white') &&
      !m.gameover
    ) {
      const on = kind === 'player';
      if (!on || !s.isConnected)
        actions.push(
          h('button', {
            class: 'small',
            text: on ? 'Bot stands in' : 'Give the seat back',
            on: {
              click: async () => {
                try {
                  await lobbyApi.standIn(matchID, { playerID: id, on, level: '3', creatorToken: creator });
                  await load();
                } catch (err) {
                  error.textContent = (err as Error).message;
                }
              },
            },
          }),
        );
    }
    return h(
      'div',
      { class: `seat-row${invited ? ' invited' : ''}${held ? ' mine' : ''}`, attrs: { 'data-seat': id } },
      h('span', { class: 'chips' }, ...seatChips(m.setupData, id)),
      h(
        'span',
        { class: 'who' },
        h('strong', { text: seatLabel(m.setupData, id) }),
        h('span', { class: 'sub', text: holderWords(m, s) + (held ? ' (you)' : '') }),
      ),
      kind === 'bot'
        ? h('span', { class: 'presence bot', text: 'bot' })
        : kind === 'open'
          ? h('span', {})
          : presenceDot(s.isConnected),
      h('span', { class: 'seat-actions' }, ...actions),
    );
  };

  const render = (m: MatchInfo) => {
    const scenario = opts.scenarios.find((s) => s.id === m.setupData.scenario);
    title.textContent = scenario?.name ?? m.setupData.scenario;
    sub.textContent = `${m.setupData.variant} players${m.setupData.whiteCell ? ' + White Cell' : ''} · ${clockWords(m.options.clock)} · ${m.gameover ? 'finished' : m.unlisted ? 'unlisted' : 'listed in the lobby'}`;
    seats.replaceChildren(...m.players.map((s) => seatRow(m, s)));
    const watch = h(
      'div',
      { class: 'row' },
      h('button', {
        text: 'Watch as a spectator',
        attrs: { id: 'watch' },
        on: { click: () => go({ page: 'watch', matchID }) },
      }),
      copyButton(
        'Spectator link',
        () => routeLink({ page: 'watch', matchID }),
        'Anyone with this link can watch: public information only.',
      ),
    );
    const save = m.gameover
      ? h('button', {
          text: 'Download the saved game',
          attrs: { id: 'download-save' },
          on: {
            click: async () => {
              try {
                download(`east-asia-tomorrow-${m.setupData.scenario}-${matchID}.json`, await lobbyApi.replay(matchID));
              } catch (err) {
                error.textContent = (err as Error).message;
              }
            },
          },
        })
      : null;
    extra.replaceChildren(watch, ...(save ? [h('div', { class: 'row' }, save)] : []));
    if (
      !focused &&
      opts.invitedSeat !== null &&
      seatKind(m, m.players[Number(opts.invitedSeat)] ?? { id: -1 }) === 'open'
    ) {
      focused = true;
      nameInput.focus();
    }
  };

  const load = async () => {
    try {
      match = await lobbyApi.get(matchID);
      error.textContent = '';
      render(match);
    } catch (err) {
      error.textContent = (err as Error).message;
    }
  };
  const timer = setInterval(() => void load(), 3000);

  const invitedLine =
    opts.invitedSeat !== null
      ? h('p', {
          class: 'invite-note',
          attrs: { id: 'invite-note' },
          text: 'You were invited to a seat: write your name and press “Join this seat”.',
        })
      : null;
  const card = h(
    'div',
    { class: 'card match-room' },
    h(
      'div',
      { class: 'title-row' },
      title,
      h('button', { text: '← Lobby', attrs: { id: 'to-lobby' }, on: { click: () => go({ page: 'lobby' }) } }),
    ),
    sub,
    invitedLine,
    h('label', { class: 'row name-row' }, h('span', { text: 'Your name' }), nameInput),
    h('fieldset', {}, h('legend', { text: 'Seats' }), seats),
    extra,
    error,
    h('p', {
      class: 'sub small-print',
      text: 'Your seat’s key stays in this browser, so a reload or a return later puts you back in your seat. To play on another device, open your seat key link there.',
    }),
  );
  root.replaceChildren(h('div', { class: 'screen online', attrs: { id: 'match-room' } }, card));
  void load();
  return () => clearInterval(timer);
}

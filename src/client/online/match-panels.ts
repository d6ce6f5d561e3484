/**
 * The panels an online seat shows beside the board (or the White Cell console): the clock with the
 * creator's controls, who holds each seat and whether they are connected (with replace-by-bot and
 * take-back), and the match chat.
 */
import { h } from '../dom';
import { lobbyApi, type BotLevel } from './api';
import {
  countdown,
  durationWords,
  holderWords,
  presenceDot,
  seatChips,
  seatKind,
  seatLabel,
  seatRoles,
} from './match-words';
import type { OnlineGame } from './online-game';
import { routeLink } from './routes';
import { seatKeys } from './seat-keys';
import { copyButton } from './copy';

export interface MatchPanels {
  /** The panels, in order: status line, clock, players, chat. */
  elements: HTMLElement[];
  update(): void;
  destroy(): void;
}

export function matchPanels(game: OnlineGame): MatchPanels {
  const matchID = game.match.matchID;
  const creatorToken = seatKeys.creatorToken(matchID);
  const status = h('p', {
    class: 'online-status',
    attrs: { id: 'online-status', role: 'status', 'aria-live': 'polite' },
  });
  const clockBox = h('section', { class: 'clock-panel', attrs: { id: 'clock', 'aria-label': 'Clock' } });
  const players = h('ul', { class: 'player-list', attrs: { id: 'players' } });
  const chatList = h('ol', { class: 'chat-list', attrs: { id: 'chat-list', 'aria-live': 'polite' } });
  const chatInput = h('input', {
    type: 'text',
    attrs: { id: 'chat-input', maxlength: 1000, placeholder: 'Message to the table…', 'aria-label': 'Chat message' },
  });
  const chatSend = h('button', { text: 'Send', attrs: { id: 'chat-send' } });
  const chatForm = h('form', { class: 'chat-form' }, chatInput, chatSend);
  chatForm.addEventListener('submit', (e) => {
    e.preventDefault();
    game.sendChat(chatInput.value);
    chatInput.value = '';
  });
  const chatSummary = h('summary', { text: 'Chat' });
  const olderChat = h('button', {
    class: 'small',
    text: 'Earlier messages',
    attrs: { id: 'chat-older' },
    on: { click: () => game.loadOlderChat() },
  });
  const chat = h(
    'details',
    { class: 'chat', attrs: { id: 'chat' } },
    chatSummary,
    olderChat,
    chatList,
    game.playerID !== null
      ? chatForm
      : h('p', { class: 'sub', text: 'Spectators read the chat; only seated players write.' }),
  );
  const playersBox = h(
    'details',
    { class: 'players', attrs: { id: 'players-panel', open: true } },
    h('summary', { text: 'Players' }),
    players,
  );
  let noteTimer: ReturnType<typeof setTimeout> | undefined;
  /** A passing message (a problem stays until the next update clears it). */
  const note = (text: string, problem = false) => {
    status.textContent = text;
    status.classList.toggle('bad', problem);
    clearTimeout(noteTimer);
    if (text && !problem) noteTimer = setTimeout(() => note(''), 6000);
  };

  const standIn = async (playerID: string, on: boolean, own: boolean) => {
    const held = seatKeys.seat(matchID, playerID);
    try {
      await lobbyApi.standIn(matchID, {
        playerID,
        on,
        level: '3' as BotLevel,
        ...(own && held ? { credentials: held.credentials } : creatorToken ? { creatorToken } : {}),
      });
      await game.reloadMatch();
      note(
        on
          ? `A bot now plays ${seatLabel(game.match.setupData, playerID)}.`
          : `${seatLabel(game.match.setupData, playerID)} is back in a person’s hands.`,
      );
    } catch (err) {
      note((err as Error).message, true);
    }
  };

  const isWhite = (id: string) => seatRoles(game.match.setupData, id).includes('white');
  const renderPlayers = () => {
    const m = game.match;
    const presence = game.presence;
    players.replaceChildren(
      ...m.players.map((s) => {
        const id = String(s.id);
        const kind = seatKind(m, s);
        const mine = id === game.playerID;
        const connected = kind === 'bot' ? undefined : (presence[id] ?? s.isConnected);
        const actions: (HTMLElement | null)[] = [];
        if (mine && kind === 'player' && !isWhite(id) && !game.over)
          actions.push(
            h('button', {
              class: 'small',
              text: 'Let a bot play for me',
              attrs: { 'data-stand-in': id },
              on: { click: () => void standIn(id, true, true) },
            }),
          );
        if (mine && kind === 'stand-in' && !game.over)
          actions.push(
            h('button', {
              class: 'small primary',
              text: 'Take my seat back',
              attrs: { 'data-take-back': id },
              on: { click: () => void standIn(id, false, true) },
            }),
          );
        if (!mine && creatorToken && kind === 'player' && !connected && !isWhite(id) && !game.over)
          actions.push(
            h('button', {
              class: 'small',
              text: 'Bot stands in',
              attrs: { 'data-stand-in': id },
              on: { click: () => void standIn(id, true, false) },
            }),
          );
        if (!mine && creatorToken && kind === 'stand-in' && !game.over)
          actions.push(
            h('button', {
              class: 'small',
              text: 'Give the seat back',
              attrs: { 'data-take-back': id },
              on: { click: () => void standIn(id, false, false) },
            }),
          );
        if (mine && game.credentials)
          actions.push(
            copyButton(
              'Seat key',
              () => routeLink({ page: 'key', matchID, playerID: id, credentials: game.credentials! }),
              'A link that opens this seat on another device. Keep it private.',
            ),
          );
        return h(
          'li',
          { class: mine ? 'mine' : '', attrs: { 'data-seat': id } },
          h('span', { class: 'chips' }, ...seatChips(m.setupData, id)),
          h(
            'span',
            { class: 'who' },
            h('strong', { text: seatLabel(m.setupData, id) }),
            h('span', { class: 'sub', text: holderWords(m, s) + (mine ? ' (you)' : '') }),
          ),
          kind === 'bot' ? h('span', { class: 'presence bot', text: 'bot' }) : presenceDot(connected),
          actions.length ? h('span', { class: 'seat-actions' }, ...actions) : null,
        );
      }),
    );
  };

  const renderClock = () => {
    const c = game.clock;
    // The clock ends with the game.
    if (!c || game.over) {
      clockBox.hidden = true;
      return;
    }
    clockBox.hidden = false;
    const left =
      c.actor === null
        ? null
        : c.paused || c.deadline === null
          ? (c.remaining[c.actor] ?? c.seconds * 1000)
          : c.deadline - Date.now();
    const who = c.actor === null ? 'nobody' : seatLabel(game.match.setupData, c.actor);
    const low = left !== null && left < 30_000 && !c.paused;
    const controls = creatorToken
      ? h(
          'span',
          { class: 'clock-controls' },
          h('button', {
            class: 'small',
            text: c.paused ? 'Resume' : 'Pause',
            attrs: { id: 'clock-pause' },
            on: { click: () => void clockAct(c.paused ? 'resume' : 'pause') },
          }),
          h('button', {
            class: 'small',
            text: '+1 min',
            attrs: { id: 'clock-extend' },
            on: { click: () => void clockAct('extend', 60) },
          }),
          h('button', { class: 'small', text: '+5 min', on: { click: () => void clockAct('extend', 300) } }),
        )
      : null;
    clockBox.replaceChildren(
      h('span', {
        class: `clock-time${low ? ' low' : ''}`,
        text: left === null ? '—' : countdown(left),
        attrs: { id: 'clock-time' },
      }),
      h('span', { class: 'clock-who', text: c.paused ? `paused · ${who}` : `${who} to act` }),
      h('span', { class: 'sub', text: `${durationWords(c.seconds)} ${c.mode === 'turn' ? 'per turn' : 'per player'}` }),
      ...(controls ? [controls] : []),
    );
  };
  const clockAct = async (action: 'pause' | 'resume' | 'extend', seconds?: number) => {
    try {
      game.clock = await lobbyApi.clock(matchID, creatorToken!, action, seconds);
      renderClock();
    } catch (err) {
      note((err as Error).message, true);
    }
  };

  let chatCount = -1;
  let chatFirst: string | undefined;
  const renderChat = () => {
    const lines = game.chat;
    // Only seats may page back (spectators get no history); the button goes once the server has no more.
    olderChat.hidden = game.playerID === null || game.chatMore === false || lines.length === 0;
    if (lines.length === chatCount) return;
    const pagedBack = chatCount >= 0 && lines[0]?.id !== chatFirst;
    chatCount = lines.length;
    chatFirst = lines[0]?.id;
    chatSummary.textContent = lines.length ? `Chat (${lines.length})` : 'Chat';
    chatList.replaceChildren(
      ...lines.map((l) => {
        const who =
          game.match.players.find((p) => String(p.id) === l.sender)?.name ?? seatLabel(game.match.setupData, l.sender);
        return h(
          'li',
          {},
          h('strong', { text: `${who}: ` }),
          typeof l.payload === 'string' ? l.payload : JSON.stringify(l.payload),
        );
      }),
    );
    // New messages scroll into view; a page of earlier ones keeps the reader at the top, where they are.
    chatList.scrollTop = pagedBack ? 0 : chatList.scrollHeight;
  };

  const update = () => {
    if (!game.connected) note('Connection lost — reconnecting…', true);
    else if (game.refusal && Date.now() - game.refusal.at < 15_000)
      note(`The server refused: ${game.refusal.message}`, true);
    else if (status.textContent?.startsWith('Connection lost') || status.textContent?.startsWith('The server refused'))
      note('');
    renderPlayers();
    renderClock();
    renderChat();
  };
  const tick = setInterval(renderClock, 1000);
  return {
    elements: [
      h('section', { class: 'online-panels', attrs: { 'aria-label': 'Match' } }, status, clockBox, playersBox, chat),
    ],
    update,
    destroy: () => {
      clearInterval(tick);
      clearTimeout(noteTimer);
    },
  };
}

/**
 * An online seat's screen: the local game screen (board, actions, log) over the match's socket, with
 * the match panels beside it; the White Cell's seat gets the seminar console instead; a spectator
 * (no seat) sees public information only.
 */
import { GameScreen } from '../game-screen';
import { h } from '../dom';
import { mountWhiteCellConsole } from '../seminar/white-cell-console';
import type { ScenarioInfo } from '../start-screen';
import { lobbyApi } from './api';
import { matchPanels } from './match-panels';
import { OnlineGame, onlineSeminarSession } from './online-game';
import { seatLabel, seatRoles } from './match-words';
import { go } from './routes';
import { seatKeys } from './seat-keys';
import { download } from '../dom';

export interface PlayPageOptions {
  scenarios: readonly ScenarioInfo[];
  matchID: string;
  /** null: watch as a spectator. */
  playerID: string | null;
  onReplay: (saveText: string) => void;
}

/** Read-only hooks for the end-to-end tests (like `window.__eat` of local games). */
interface OnlineHooks {
  state: () => unknown;
  playerID: string | null;
  connected: () => boolean;
}

export async function showPlayPage(root: HTMLElement, opts: PlayPageOptions): Promise<() => void> {
  const { matchID, playerID } = opts;
  const message = h('p', { class: 'sub', text: 'Connecting to the match…', attrs: { id: 'connecting' } });
  root.replaceChildren(
    h(
      'div',
      { class: 'screen online' },
      h('div', { class: 'card narrow' }, h('h1', { text: 'East Asia Tomorrow' }), message),
    ),
  );
  const fail = (text: string) => {
    message.textContent = text;
    message.classList.add('error');
    message.after(
      h('button', { text: '← Match room', on: { click: () => go({ page: 'match', matchID, seat: null }) } }),
    );
  };
  let game: OnlineGame;
  try {
    const match = await lobbyApi.get(matchID);
    const held = playerID !== null ? seatKeys.seat(matchID, playerID) : null;
    if (playerID !== null && !held) {
      fail(
        `This browser holds no key for seat ${seatLabel(match.setupData, playerID)}. Join it from the match room, or open your seat key link.`,
      );
      return () => undefined;
    }
    game = new OnlineGame(match, playerID, held?.credentials ?? null);
    await game.ready();
  } catch (err) {
    fail((err as Error).message);
    return () => undefined;
  }
  (window as unknown as { __eatOnline?: OnlineHooks }).__eatOnline = {
    state: () => game.client.store.getState()?.G ?? null,
    playerID,
    connected: () => game.connected,
  };
  const panels = matchPanels(game);
  const toolbar = [
    h('button', {
      text: 'Match room',
      attrs: { id: 'to-room' },
      on: { click: () => go({ page: 'match', matchID, seat: null }) },
    }),
    h('button', { text: 'Lobby', on: { click: () => go({ page: 'lobby' }) } }),
  ];
  const scenarioName =
    opts.scenarios.find((s) => s.id === game.match.setupData.scenario)?.name ?? game.match.setupData.scenario;

  if (playerID !== null && seatRoles(game.match.setupData, playerID).includes('white')) {
    // The White Cell: the umpire's console with the match panels beside it.
    const host = h('div', { class: 'wc-host' });
    const save = h('button', {
      text: 'Download the game so far',
      attrs: { id: 'wc-download' },
      on: {
        click: async () => {
          try {
            download(`east-asia-tomorrow-${game.match.setupData.scenario}-${matchID}.json`, await game.saveText());
          } catch (err) {
            game.refusal = { event: 'replay', code: 'http', message: (err as Error).message, at: Date.now() };
            panels.update();
          }
        },
      },
    });
    root.replaceChildren(
      h(
        'div',
        { class: 'wc-online' },
        host,
        h('aside', { class: 'side' }, h('section', { class: 'toolbar' }, ...toolbar, save), ...panels.elements),
      ),
    );
    const consoleHandle = mountWhiteCellConsole(host, onlineSeminarSession(game));
    const off = game.onChange(() => panels.update());
    panels.update();
    return () => {
      off();
      consoleHandle.destroy();
      panels.destroy();
      game.stop();
    };
  }

  const screen = new GameScreen(root, game, {
    scenarioName,
    seatedAs: { playerID, toolbar, panels: panels.elements },
    onExit: () => go({ page: 'lobby' }),
    onReplay: (text) => opts.onReplay(text),
  });
  await document.fonts.load('700 16px Inter');
  await screen.start();
  const off = game.onChange(() => {
    screen.refresh();
    panels.update();
  });
  panels.update();
  return () => {
    off();
    screen.destroy();
    panels.destroy();
    game.stop();
  };
}

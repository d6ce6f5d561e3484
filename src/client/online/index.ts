/**
 * The online part of the client: a router over the URL fragment (routes.ts) that shows the lobby, a
 * match room, a seat's game screen or a spectator's, and turns a seat-key link into a held seat.
 */
import type { ScenarioInfo } from '../start-screen';
import { lobbyApi } from './api';
import { showLobby } from './lobby-page';
import { showMatchPage } from './match-page';
import { showPlayPage } from './play-page';
import { parseRoute, routeHash, type Route } from './routes';
import { seatKeys } from './seat-keys';
import './online.css';

export interface OnlineOptions {
  scenarios: readonly ScenarioInfo[];
  /** The start screen (local games). */
  home: () => void;
  /** Open a saved game's text in the replay viewer. */
  replay: (saveText: string) => void;
}

export interface OnlineRouter {
  /** Shows the page of the current location; false when it is not an online route. */
  route(): boolean;
  /** Leaves the online pages (stops any live connection). */
  leave(): void;
}

export function onlineRouter(root: HTMLElement, opts: OnlineOptions): OnlineRouter {
  let cleanup: (() => void) | null = null;
  let generation = 0;
  const leave = () => {
    generation++;
    cleanup?.();
    cleanup = null;
  };
  const home = () => {
    leave();
    history.replaceState(null, '', location.pathname);
    opts.home();
  };
  const show = async (r: Route) => {
    leave();
    const mine = generation;
    const keep = (fn: () => void) => {
      // A page that finished loading after the user moved on is closed at once.
      if (mine === generation) cleanup = fn;
      else fn();
    };
    switch (r.page) {
      case 'lobby':
        keep(showLobby(root, { scenarios: opts.scenarios, onHome: home }));
        return;
      case 'match':
        keep(showMatchPage(root, { scenarios: opts.scenarios, matchID: r.matchID, invitedSeat: r.seat }));
        return;
      case 'play':
      case 'watch':
        keep(
          await showPlayPage(root, {
            scenarios: opts.scenarios,
            matchID: r.matchID,
            playerID: r.page === 'play' ? r.playerID : null,
            onReplay: (text) => {
              leave();
              history.replaceState(null, '', location.pathname);
              opts.replay(text);
            },
          }),
        );
        return;
      case 'key': {
        // A seat key: keep the seat in this browser, then open it (the key leaves the address bar and history).
        let name = 'me';
        try {
          const m = await lobbyApi.get(r.matchID);
          name = m.players[Number(r.playerID)]?.name ?? name;
        } catch {
          // The play page reports a missing match.
        }
        seatKeys.keepSeat(r.matchID, r.playerID, { credentials: r.credentials, name });
        location.replace(routeHash({ page: 'play', matchID: r.matchID, playerID: r.playerID }));
        return;
      }
    }
  };
  const route = () => {
    const r = parseRoute(location.hash, location.search);
    if (!r) return false;
    void show(r);
    return true;
  };
  window.addEventListener('hashchange', () => {
    if (!route()) home();
  });
  return { route, leave };
}

/**
 * The hot-seat projector window: a second browser window (dragged to the projector) that follows the
 * game live. The game's tab posts only the public view — playerView(G, null) — on a BroadcastChannel,
 * so no secret ever reaches the window; the window draws it with mountProjector and the map board.
 */
import type { BoardHandle } from '../../render/board-view';
import { mountBoard } from '../../render/mount-board';
import { playerView, type GameState } from '../../rules';
import { h } from '../dom';
import { presentBoard } from '../present-board';
import { NotesStore, type SeminarNotes } from './notes';
import { mountProjector } from './projector';
import type { SeminarSession } from './session';

const CHANNEL = 'east-asia-tomorrow/projector';
/** The window's address (main.ts routes it). */
export const PROJECTOR_QUERY = 'projector-window';

type Message = { kind: 'hello' } | { kind: 'state'; G: GameState; scenarioName: string; notes: SeminarNotes };

/** The game tab's side: post the public view on every change and to every window that says hello. */
export function broadcastProjector(session: SeminarSession, scenarioName: string): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  const post = () => {
    const G = session.state();
    if (G)
      channel.postMessage({
        kind: 'state',
        G: playerView(G, null),
        scenarioName,
        notes: session.notes?.get() ?? {},
      } satisfies Message);
  };
  channel.onmessage = (e: MessageEvent<Message>) => {
    if (e.data?.kind === 'hello') post();
  };
  const off = session.subscribe(post);
  post();
  return () => {
    off();
    channel.close();
  };
}

/** Opens (or brings forward) the projector window; call from a click so the browser allows it. */
export function openProjectorWindow(): void {
  const url = new URL(location.href);
  url.search = `?${PROJECTOR_QUERY}=1`;
  url.hash = '';
  window.open(url.href, 'east-asia-tomorrow-projector', 'popup,width=1280,height=800');
}

/** The window's side: the room's view of whatever game tab is broadcasting. */
export function showProjectorWindow(root: HTMLElement): void {
  document.title = 'East Asia Tomorrow — projector';
  document.body.classList.add('projector');
  let latest: { G: GameState; scenarioName: string } | null = null;
  const listeners = new Set<() => void>();
  let board: BoardHandle | null = null;
  const view = () =>
    presentBoard(latest!.G, {
      seat: null,
      legalTargets: [],
      selected: null,
      projector: true,
      scenarioName: latest!.scenarioName,
    });
  const notes = new NotesStore();
  const session: SeminarSession = {
    state: () => latest?.G ?? null,
    notes,
    // The room's screen makes no moves.
    white: () => false,
    subscribe: (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
  const host = h('div', { attrs: { id: 'projector-window' } });
  root.replaceChildren(host);
  let boardHost: HTMLElement | null = null;
  mountProjector(host, session, { board: (el) => (boardHost = el) });
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (e: MessageEvent<Message>) => {
    if (e.data?.kind !== 'state') return;
    // Again through playerView: the window shows public information whatever it is sent.
    latest = { G: playerView(e.data.G, null), scenarioName: e.data.scenarioName };
    notes.set({ study: e.data.notes.study, hotwash: e.data.notes.hotwash });
    for (const fn of listeners) fn();
    if (board) board.update(view());
    else if (boardHost && !boardHost.dataset['mounting']) {
      boardHost.dataset['mounting'] = '1';
      void mountBoard(boardHost, view(), {
        intents: { spaceClicked: () => undefined, spaceHovered: () => undefined },
        onDrawn: () => ((window as unknown as { __eatBoardDrawn?: boolean }).__eatBoardDrawn = true),
      }).then((b) => {
        board = b;
        b.update(view());
      });
    }
  };
  channel.postMessage({ kind: 'hello' } satisfies Message);
}

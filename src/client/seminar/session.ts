/**
 * The seam between the seminar screens and whatever runs the match (a hot-seat LocalGame or an online
 * boardgame.io client). The browser's composition root (src/client/main.ts) builds one and mounts:
 *
 *   mountWhiteCellConsole(root, session)   — the umpire's console (the White Cell player's screen)
 *   mountProjector(root, session)          — the room's big screen (public information only)
 *   mountArgumentForm(root, session, seat) — a seat's matrix argument, when adjudication is free
 *
 * Each returns a handle whose `destroy()` unsubscribes and empties the root. For a boardgame.io
 * Client (hot-seat LocalGame or online), `clientSession(client, { record })` in client-session.ts
 * builds the session; `reportButton(() => save)` in report-button.ts is the end-of-game report button.
 */
import type { MoveName, Seat, WhiteMoveName } from '../../content/ids';
import type { GameState } from '../../rules';
import type { SaveFile } from '../../content/save-file';
import type { NotesStore } from './notes';

export interface SeminarSession {
  /**
   * The current state as this screen may see it: the full state for the White Cell (playerView for
   * the White Cell's playerID returns everything), any view for the projector (it filters again).
   * Null before the match has started.
   */
  state(): GameState | null;
  /** Make a White Cell move (the last argument is always the reason); false if the rules refused it. */
  white(move: WhiteMoveName, args: unknown[]): boolean | Promise<boolean>;
  /** Make a seat's move (the argument form); false if the rules refused it. */
  seatMove?(seat: Seat, move: MoveName, args: unknown[]): boolean | Promise<boolean>;
  /** Call `listener` after every state change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** The study question and hotwash prompts, where the table keeps them (hot-seat). */
  notes?: NotesStore;
  /** The game so far as a saved file (hot-seat), for the hotwash proposals. */
  save?: () => SaveFile;
}

export interface SeminarHandle {
  /** Redraw now (also happens on every session change). */
  refresh(): void;
  destroy(): void;
}

/** Draw `refresh` now and on every session change; `destroy()` unsubscribes and empties `root`. */
export function keepDrawn(session: SeminarSession, root: HTMLElement, refresh: () => void): SeminarHandle {
  const unsubscribe = session.subscribe(refresh);
  refresh();
  return {
    refresh,
    destroy: () => {
      unsubscribe();
      root.replaceChildren();
    },
  };
}

/**
 * A session over anything with a boardgame.io-like store: `getState()` and `subscribe()` plus two
 * move senders. LocalGame and an online client both fit with a few lines in main.ts.
 */
export function sessionOf(source: {
  getState: () => GameState | null;
  subscribe: (fn: () => void) => () => void;
  white: SeminarSession['white'];
  seatMove?: SeminarSession['seatMove'];
}): SeminarSession {
  return {
    state: source.getState,
    subscribe: source.subscribe,
    white: source.white,
    ...(source.seatMove ? { seatMove: source.seatMove } : {}),
  };
}

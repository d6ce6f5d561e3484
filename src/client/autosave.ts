/**
 * Autosave of local games (solo and hot-seat) in the browser: after every change the game's save file
 * goes to localStorage, so a reload (F5) in the same tab resumes it exactly and the start screen offers
 * to continue it later; leaving an unfinished game asks first.
 */
import type { BySeat } from '../content/ids';
import { parseSaveFile, type SaveFile } from '../content/save-file';
import type { LocalGame, SeatControl } from './local-game';
import type { ReactionPreference } from './reactions';

/** The one autosave slot (the game in progress), and the tab marker that a reload should resume it. */
export const AUTOSAVE_KEY = 'eat-autosave/1';
const TAB_KEY = 'eat-autosave-tab';

/** What a resumed game needs beyond its save file: who played each seat, their preferences, the view. */
export interface Autosave {
  save: SaveFile;
  controls: BySeat<SeatControl>;
  reactions?: Partial<BySeat<ReactionPreference>>;
  freeAdjudication?: boolean;
  projector: boolean;
  /** When it was written (shown on the start screen). */
  savedAt: string;
  turn: number;
  finished: boolean;
}

/** The autosave, checked like any save file; a damaged one is an error naming what is wrong. */
export function readAutosave(storage: Storage): Autosave | null {
  const text = storage.getItem(AUTOSAVE_KEY);
  if (text === null) return null;
  let raw: Partial<Autosave> & { save?: unknown };
  try {
    raw = JSON.parse(text) as typeof raw;
  } catch (err) {
    throw new Error(`The autosaved game in this browser is damaged (${(err as Error).message}).`);
  }
  if (!raw || typeof raw !== 'object' || !raw.controls || !raw.save)
    throw new Error('The autosaved game in this browser is damaged (no save file or seat controls).');
  const save = parseSaveFile(JSON.stringify(raw.save), 'the autosaved game');
  return { ...(raw as Autosave), save, projector: raw.projector === true, finished: raw.finished === true };
}

/** Did this tab have a game running before a reload? */
export const resumeOnLoad = (): boolean => sessionStorage.getItem(TAB_KEY) === '1';

export function forgetAutosave(): void {
  sessionStorage.removeItem(TAB_KEY);
  localStorage.removeItem(AUTOSAVE_KEY);
}

/**
 * Keep `game` autosaved after every change and warn before the page is left while it is unfinished.
 * Returns the stop function (leaving the game for the start screen or a replay).
 */
export function keepAutosaved(game: LocalGame, projector: () => boolean): () => void {
  let queued = false;
  const write = () => {
    queued = false;
    const entry: Autosave = {
      save: game.toSave(),
      controls: game.setup.controls,
      ...(game.setup.reactions ? { reactions: game.setup.reactions } : {}),
      ...(game.setup.freeAdjudication ? { freeAdjudication: true } : {}),
      projector: projector(),
      savedAt: new Date().toISOString(),
      turn: game.G.turn,
      finished: game.G.result !== null,
    };
    try {
      localStorage.setItem(AUTOSAVE_KEY, JSON.stringify(entry));
      sessionStorage.setItem(TAB_KEY, '1');
    } catch {
      // Storage full or disabled (private mode): the game goes on; Save game still works.
    }
  };
  const off = game.subscribe(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(write);
  });
  const warn = (e: BeforeUnloadEvent) => {
    if (game.G.result || game.actions.length === 0) return;
    // The browser shows its own "Leave site?" question; the autosave resumes the game if they do.
    e.preventDefault();
    e.returnValue = '';
  };
  window.addEventListener('beforeunload', warn);
  return () => {
    off();
    window.removeEventListener('beforeunload', warn);
    sessionStorage.removeItem(TAB_KEY);
  };
}

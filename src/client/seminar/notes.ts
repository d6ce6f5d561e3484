/**
 * The seminar's notes beside the game: the study question and the hotwash prompts (with the one the
 * projector shows). They are not rules: they change no state, travel in the saved game, and are
 * public — the room sees them on the projector.
 */
import type { HotwashPrompt } from '../../content/save-file';

export interface SeminarNotes {
  /** The study question, chosen or written at setup, edited by the White Cell. */
  study?: string;
  /** Hotwash prompts as the facilitator edited them, each citing its action; `showing` is on the projector (null: none). */
  hotwash?: { prompts: HotwashPrompt[]; showing: number | null };
}

export class NotesStore {
  private notes: SeminarNotes;
  private readonly listeners = new Set<() => void>();

  constructor(initial: SeminarNotes = {}) {
    this.notes = structuredClone(initial);
  }

  get(): SeminarNotes {
    return this.notes;
  }

  /** Replace some of the notes and tell every listener (autosave, projector, console). */
  set(patch: Partial<SeminarNotes>): void {
    const next = { ...this.notes, ...patch };
    for (const key of Object.keys(next) as (keyof SeminarNotes)[]) if (next[key] === undefined) delete next[key];
    this.notes = next;
    for (const fn of this.listeners) fn();
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
}

/** The current hotwash prompt on the projector, if any. */
export function shownPrompt(notes: SeminarNotes): { index: number; of: number; prompt: HotwashPrompt } | null {
  const h = notes.hotwash;
  const prompt = h && h.showing !== null ? h.prompts[h.showing] : undefined;
  return h && prompt !== undefined ? { index: h.showing!, of: h.prompts.length, prompt } : null;
}

/**
 * Log lines on screen, shared by the game screen and the replay viewer. What a line may say is decided
 * before it gets here (playerView in src/rules/view.ts); this module draws it as text (never HTML) and
 * keeps one screen's list from showing another viewer's lines.
 */
import { splitReason, type LogEntry } from '../rules';
import { h } from './dom';

export function logLine(e: LogEntry): HTMLLIElement {
  // A reason sits in brackets after the move's name: shown on its own line, as the mover's declared why.
  const { text, reason } = e.kind === 'move' ? splitReason(e.text) : { text: e.text, reason: null };
  return h(
    'li',
    { class: e.seat === 'white' ? 'white-act' : '', attrs: e.seat === 'white' ? { 'data-white': '' } : {} },
    h('span', { class: 't', text: `T${e.turn}.${e.round}` }),
    text,
    e.rolls?.length ? ` (rolled ${e.rolls.join(', ')})` : '',
    reason !== null ? h('span', { class: 'why', text: `why: ${reason}` }) : null,
    // The White Cell's written reason for its act (public, like the act itself, unless it names a secret).
    e.reason ? h('span', { class: 'why reason', text: `reason: ${e.reason}` }) : null,
  );
}

const keyOf = (e: LogEntry) => `${e.turn}.${e.round}.${e.text}`;

/**
 * A log list drawn for one viewer at a time. New lines are appended as the game goes on; when the
 * viewer changes (the hot-seat hand-over) or the log is not a continuation of what is shown (a
 * rewind), the list is rebuilt, so no line drawn for one seat stays on the next seat's screen.
 */
export class LogList {
  private viewer: string | null = null;
  private shown: string[] = [];

  constructor(readonly el: HTMLElement) {}

  show(entries: readonly LogEntry[], viewer: string): void {
    const n = this.shown.length;
    if (viewer !== this.viewer || entries.length < n || (n > 0 && keyOf(entries[n - 1]!) !== this.shown[n - 1])) {
      this.el.replaceChildren();
      this.shown = [];
      this.viewer = viewer;
    }
    for (const e of entries.slice(this.shown.length)) {
      this.el.append(logLine(e));
      this.shown.push(keyOf(e));
    }
  }
}

/**
 * What every White Cell console panel shares: the required reason, the message line, and `act`, which
 * sends one White Cell move with the reason and says in words what happened. Each panel is one group
 * of powers (game control, tracks and rolls, rewind, injects, what waits, the whole state).
 */
import type { WhiteMoveName } from '../../../content/ids';
import type { GameState } from '../../../rules';
import { h } from '../../dom';
import type { SeminarSession } from '../session';

export interface ConsoleContext {
  readonly session: SeminarSession;
  /** The reason field (every act is logged with it). */
  readonly reason: HTMLTextAreaElement;
  /** The status line under the reason. */
  readonly message: HTMLElement;
  /** Send one White Cell move with the reason; `done` is said when the rules accept it. */
  act(move: WhiteMoveName, args: unknown[], done: string): Promise<boolean>;
  /** Say something on the message line (an error when `ok` is false). */
  say(text: string, ok: boolean): void;
}

/** One group of powers: its element, redrawn from the whole state after every change. */
export interface ConsolePanel {
  readonly el: HTMLElement;
  render(G: GameState): void;
}

export const button = (text: string, id: string, onClick: () => void, extra: Record<string, string> = {}) =>
  h('button', { text, attrs: { type: 'button', id, ...extra }, on: { click: onClick } });

export const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** A titled section of the console. */
export const panel = (title: string, id: string, ...children: (Node | string | null)[]) =>
  h('section', { class: 'wc-panel', attrs: { id, 'aria-label': title } }, h('h3', { text: title }), ...children);

export function consoleContext(session: SeminarSession, refresh: () => void): ConsoleContext {
  const reason = h('textarea', {
    attrs: {
      id: 'wc-reason',
      rows: 2,
      maxlength: 500,
      placeholder: 'Why? Every White Cell act is logged with its reason.',
      'aria-label': 'Reason for the next White Cell act',
    },
  });
  const message = h('p', { class: 'wc-message', attrs: { id: 'wc-message', role: 'status', 'aria-live': 'polite' } });
  let busy = false;
  const say = (text: string, ok: boolean) => {
    message.textContent = text;
    message.className = `wc-message ${ok ? 'wc-ok' : 'wc-error'}`;
  };
  return {
    session,
    reason,
    message,
    say,
    async act(move, args, done) {
      const why = reason.value.trim();
      if (!why) {
        say('Write a reason first: every White Cell act is logged with its reason.', false);
        reason.focus();
        return false;
      }
      if (busy) return false;
      busy = true;
      try {
        const ok = await session.white(move, [...args, why]);
        say(ok ? done : `The rules refused this now (${move}). Nothing changed.`, ok);
        if (ok) reason.value = '';
        return ok;
      } finally {
        busy = false;
        refresh();
      }
    },
  };
}

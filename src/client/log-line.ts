/** One log entry as a list item, shared by the game screen and the replay viewer. */
import type { LogEntry } from '../rules/state';
import { h } from './dom';

export function logLine(e: LogEntry): HTMLLIElement {
  // A bot's reason sits in brackets after the move's name: shown on its own line.
  const m = /^(.*?) \[([^\]]*)\](.*)$/.exec(e.text);
  return h(
    'li',
    { class: e.seat === 'white' ? 'white-act' : '', attrs: e.seat === 'white' ? { 'data-white': '' } : {} },
    h('span', { class: 't', text: `T${e.turn}.${e.round}` }),
    m ? m[1]! + m[3]! : e.text,
    e.rolls?.length ? ` (rolled ${e.rolls.join(', ')})` : '',
    m ? h('span', { class: 'why', text: `why: ${m[2]}` }) : null,
    // The White Cell's written reason for its act (public, like the act itself).
    e.reason ? h('span', { class: 'why reason', text: `reason: ${e.reason}` }) : null,
  );
}

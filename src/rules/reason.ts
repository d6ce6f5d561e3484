/**
 * A reason — a bot's one-line *why* or a player's free text — as it may enter the log: plain text,
 * bounded, unable to fake the log line's shape, and known to name a secret or not. The gate
 * (`view.ts`) decides who reads it; this module only knows its text.
 */
import { INJECTS } from '../content/injects';
import { PRIORITIES } from '../content/priorities';

/** The longest reason a log line keeps. */
export const REASON_MAX = 200;

/**
 * Control characters, line and paragraph separators, bidi overrides and square brackets become
 * spaces: a reason cannot break a log line, reorder what follows it, or close its own brackets.
 */
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069[\]]/g;

/** Free text made safe to log: unsafe characters as spaces, at most `max` characters. */
export function plainText(text: string, max = REASON_MAX): string {
  return text.slice(0, max).replace(UNSAFE, ' ');
}

/** A move's log line is `head [reason]: outcome`; this splits the reason out (null when there is none). */
export function splitReason(text: string): { text: string; reason: string | null } {
  const m = /^([^[]*) \[([^\]]*)\](.*)$/s.exec(text);
  return m ? { text: m[1]! + m[3]!, reason: m[2]! } : { text, reason: null };
}

// Phrases that only a secret puts into a reason: a national priority (the word, a title or an id) and
// any inject (a reason naming a card may come from NATO's peek at the deck or the White Cell's schedule).
const SECRET = new RegExp(
  [
    '\\bpriorit',
    ...[...PRIORITIES, ...INJECTS].flatMap((x) => [x.title, x.id]).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
  ].join('|'),
  'i',
);

/** Whether a reason names a secret (its seat's national priority, an inject): then only its own seat reads it. */
export function namesSecret(reason: string): boolean {
  return SECRET.test(reason);
}

/**
 * Keyboard shortcuts for moves: one letter per move of a seat (the first free initial of its name, from
 * the move catalogue, so a seat's keys never shift with what is legal now), digits for a move's options,
 * Enter to confirm, Esc to cancel; and the "?" help that lists them with the board's own keys.
 */
import type { MoveName, Seat } from '../content/ids';
import { MOVE_CATALOGUE } from '../content/moves';
import { SEAT_STYLE } from '../content/seats';
import { h } from './dom';

/** A seat's moves in catalogue order. */
export const movesOf = (seat: Seat): MoveName[] =>
  (Object.keys(MOVE_CATALOGUE) as MoveName[]).filter((m) => MOVE_CATALOGUE[m].seats.includes(seat));

/** A move's letters in order of preference: its words' initials, then the rest of its name. */
function candidates(m: MoveName): string[] {
  const name = MOVE_CATALOGUE[m].name.toLowerCase();
  const initials = name.split(/[^a-z]+/).map((w) => w.charAt(0));
  return [...new Set([...initials, ...name])].filter((c) => /^[a-z]$/.test(c));
}

/**
 * Each of the seat's moves and its letter, a different one each: first come, first served (the reactions
 * and Pass first, so they keep one letter for every seat); a move left without one may then take a
 * letter from another move that has a different one to go to (a matching), never from Pass or a reaction.
 */
export function moveShortcuts(seat: Seat): Map<MoveName, string> {
  const owner = new Map<string, MoveName>();
  const moves = movesOf(seat);
  const flow = (m: MoveName) => MOVE_CATALOGUE[m].category === 'flow';
  // Shortest chains first (depth 0, 1, …), so as few moves as possible give up their first letter.
  const place = (m: MoveName, seen: Set<string>, depth: number): boolean =>
    candidates(m).some((c) => {
      if (seen.has(c)) return false;
      const other = owner.get(c);
      if (other && (flow(other) || depth === 0)) return false;
      seen.add(c);
      if (other && !place(other, seen, depth - 1)) return false;
      owner.set(c, m);
      return true;
    });
  const order = [...moves.filter(flow), ...moves.filter((m) => !flow(m))];
  for (const m of order) {
    const free = candidates(m).find((c) => !owner.has(c));
    if (free) owner.set(free, m);
  }
  const placed = new Set(owner.values());
  for (const m of order)
    for (let depth = 1; !placed.has(m) && depth <= order.length; depth++) if (place(m, new Set(), depth)) placed.add(m);
  const keyOf = new Map([...owner].map(([c, m]) => [m, c] as const));
  // In catalogue order, as the panel lists them.
  return new Map(moves.flatMap((m) => (keyOf.has(m) ? [[m, keyOf.get(m)!] as const] : [])));
}

/** Keys that never belong to a move (typed into a field, or the board's own). */
export const isTyping = (e: KeyboardEvent): boolean => {
  const t = e.target as HTMLElement | null;
  return !!t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));
};

/** The board's keys, as the map's own help states them (phaser-board.ts). */
const GENERAL: [string, string][] = [
  ['1–9', 'choose the numbered option of the move being chosen'],
  ['Enter', 'confirm the move (or activate the focused button)'],
  ['Esc', 'cancel the half-chosen move'],
  ['?', 'this help'],
  ['Arrows', 'pan the map (when the map has the focus)'],
  ['+ / −', 'zoom the map; 0 resets it'],
  [', / .', 'step through the spaces on the map; Enter picks the focused space'],
];

/** The "?" help: the moves of the seat at the screen (if any) and the general keys. */
export function openShortcutHelp(seat: Seat | null): HTMLDialogElement {
  document.getElementById('shortcut-help')?.remove();
  const row = ([k, what]: [string, string]) => h('tr', {}, h('th', {}, h('kbd', { text: k })), h('td', { text: what }));
  const moves = seat
    ? [...moveShortcuts(seat)].map(([m, k]): [string, string] => [k.toUpperCase(), MOVE_CATALOGUE[m].name])
    : [];
  const close = h('button', { class: 'primary', text: 'Close', attrs: { id: 'shortcut-help-close' } });
  const dlg = h(
    'dialog',
    { class: 'shortcut-help', attrs: { id: 'shortcut-help', 'aria-labelledby': 'shortcut-help-title' } },
    h('h2', { text: 'Keyboard shortcuts', attrs: { id: 'shortcut-help-title' } }),
    seat ? h('h3', { text: `${SEAT_STYLE[seat].name}'s moves` }) : null,
    seat ? h('table', { attrs: { id: 'shortcut-moves' } }, ...moves.map(row)) : null,
    h('h3', { text: 'Everywhere' }),
    h('table', {}, ...GENERAL.map(row)),
    close,
  );
  close.addEventListener('click', () => dlg.close());
  dlg.addEventListener('close', () => dlg.remove());
  document.body.append(dlg);
  dlg.showModal();
  close.focus();
  return dlg;
}

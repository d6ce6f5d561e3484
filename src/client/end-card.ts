/**
 * The end-of-game card: who won and why (in words made from the rules' constants), each seat's national
 * priority, whether it was met and what it added, and how every final margin is made up.
 */
import { BALANCE } from '../content/balance';
import { SEATS, type Seat } from '../content/ids';
import { priorityById } from '../content/priorities';
import { SEAT_STYLE } from '../content/seats';
import { isConditionMet, marginParts, type ScorePart, type GameResult, type GameState } from '../rules';
import { WAR_AT } from '../report/format/ending';
import { h, seatChip } from './dom';

export interface EndCardActions {
  save(): void;
  /** The after-action report button (seminar/report-button.ts). */
  report: HTMLElement;
  /** Hand the screen to the White Cell (hot-seat with one), which may rewind. */
  whiteCell?: () => void;
  replay(): void;
  newGame(): void;
  lookAtBoard(): void;
}

export const signed = (n: number): string => (n >= 0 ? `+${n}` : String(n));

/** Why the game ended, from the result and the rules' constants (BALANCE) — never a restated number. */
export function endingSentence(r: GameResult, variant: number): string {
  if (r.ending === 'war')
    return `Tension reached ${WAR_AT}: war.${r.culprit ? ` ${SEAT_STYLE[r.culprit].name} pushed it there and loses outright.` : ''}`;
  if (r.ending === 'sudden-death')
    return variant === 2
      ? `A lead of ${BALANCE.vpSuddenDeath} victory points or more at a summit from turn ${BALANCE.suddenDeathFromTurn} on wins at once (turn ${r.turn}).`
      : `A margin of +${BALANCE.suddenDeath} or more at a summit from turn ${BALANCE.suddenDeathFromTurn} on wins at once (turn ${r.turn}).`;
  return variant === 2
    ? `The final summit after turn ${r.turn}: the side ahead on victory points wins.`
    : `The final summit after turn ${r.turn}: the highest margin wins.`;
}

export interface PriorityOutcome {
  title: string;
  met: boolean;
  /** Margin points it added (0 when unmet, or when a sudden death ended the game before priorities count). */
  added: number;
}

/** A seat's national priority at the end: met or not, and what it added to the final margin. */
export function priorityOutcome(G: GameState, seat: Seat): PriorityOutcome | null {
  const p = priorityById(G.priority[seat]);
  if (!p) return null;
  const met = isConditionMet(G, p.condition);
  // Sudden death scores the margins as they stand (rules/flow.ts endGame): priorities count only at the end.
  return { title: p.title, met, added: met && G.result?.ending !== 'sudden-death' ? p.value : 0 };
}

/** "NATO cohesion 6 + Ukraine front 5 − constant 10 = 1": a margin term by term. */
export function partsSentence(parts: readonly ScorePart[], total: number): string {
  const terms = parts.filter((p) => p.value !== 0);
  const body = terms
    .map((p, i) => `${i === 0 ? (p.value < 0 ? '−' : '') : p.value < 0 ? ' − ' : ' + '}${p.label} ${Math.abs(p.value)}`)
    .join('');
  return `${body || '0'} = ${signed(total)}`;
}

export function endCard(G: GameState, act: EndCardActions): HTMLElement {
  const r = G.result!;
  const winner = r.winner ? SEAT_STYLE[r.winner].name : 'Nobody';
  const parts = marginParts(G);
  const rows = SEATS.map((s) => {
    const pr = priorityOutcome(G, s);
    const explained = [...parts[s], ...(pr?.added ? [{ label: 'priority', value: pr.added }] : [])];
    return h(
      'tr',
      { attrs: { 'data-seat': s } },
      h('td', {}, seatChip(SEAT_STYLE[s].css, SEAT_STYLE[s].glyph, SEAT_STYLE[s].name), ' ', SEAT_STYLE[s].name),
      h('td', {
        class: 'margin',
        text: signed(r.margins[s]),
        attrs: { title: partsSentence(explained, r.margins[s]) },
      }),
      h('td', { class: 'priority', text: pr ? pr.title : '—' }),
      h('td', { class: 'met', text: pr ? (pr.met ? 'met' : 'not met') : '' }),
      h('td', { class: 'added', text: pr ? signed(pr.added) : '' }),
      h('td', { class: 'made-up sub', text: partsSentence(explained, r.margins[s]) }),
    );
  });
  const vp = G.variant === 2 ? `Victory points ${signed(G.tracks.vp)} (positive favours the West). ` : '';
  const card = h(
    'div',
    { class: 'card' },
    h('h1', { text: r.winner ? `${winner} wins` : 'No winner', attrs: { id: 'end-title' } }),
    h('p', { class: 'sub', text: endingSentence(r, G.variant), attrs: { id: 'end-why' } }),
    h(
      'table',
      { attrs: { 'aria-label': 'Margins', id: 'end-margins' } },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Seat', 'Margin', 'National priority', 'Met', 'Added', 'How it is made up'].map((t) =>
            h('th', { text: t }),
          ),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
    h('p', {
      class: 'sub',
      text: `${vp}${r.ending === 'sudden-death' ? 'A sudden death scores margins as they stand: national priorities add nothing. ' : ''}Secret priorities are now public; see the log for every move, inject and roll.`,
    }),
    h(
      'div',
      { class: 'row' },
      h('button', { class: 'primary', text: 'Save game', on: { click: () => act.save() } }),
      act.report,
      act.whiteCell
        ? h('button', {
            text: 'White Cell',
            attrs: { title: 'Hand the screen to the White Cell (it may rewind a turn)' },
            on: { click: () => act.whiteCell!() },
          })
        : null,
      h('button', { text: 'Watch the replay', on: { click: () => act.replay() } }),
      h('button', { text: 'New game', on: { click: () => act.newGame() } }),
      h('button', { text: 'Look at the board', on: { click: () => act.lookAtBoard() } }),
    ),
  );
  return h(
    'div',
    { class: 'screen end', attrs: { role: 'dialog', 'aria-labelledby': 'end-title', id: 'end-screen' } },
    card,
  );
}

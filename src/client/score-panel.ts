/**
 * The score panel, always on screen: the turn track with its summits, each seat's margin now (two-seat:
 * the victory-point track and what the next summit would swing) against the sudden-death line, and on
 * hover how each number is made up — all read from the rules' scoring and constants, never restated.
 */
import { BALANCE } from '../content/balance';
import { SEATS } from '../content/ids';
import { SEAT_STYLE } from '../content/seats';
import { marginParts, margins, summitParts, summitVictoryPoints, type GameState } from '../rules';
import { h, seatChip } from './dom';
import { partsSentence, signed } from './end-card';
import { openRules } from './rules-reference';

/** The rules reference section every number of the panel comes from. */
const VICTORY_SECTION = 'rules-8-victory';

/** Summits come every `summitTurns` turns and after the last (rules/flow.ts advance). */
export const isSummitTurn = (G: GameState, turn: number): boolean =>
  turn % BALANCE.summitTurns === 0 || turn >= G.lastTurn;

/** The sudden-death rule in words, from the constants. */
export function suddenDeathWords(variant: number): string {
  return variant === 2
    ? `Sudden death: a lead of ${BALANCE.vpSuddenDeath} victory points at a summit from turn ${BALANCE.suddenDeathFromTurn} on`
    : `Sudden death: a margin of +${BALANCE.suddenDeath} at a summit from turn ${BALANCE.suddenDeathFromTurn} on`;
}

function turnTrack(G: GameState): HTMLElement {
  const cells = [];
  for (let t = 1; t <= G.lastTurn; t++) {
    const summit = isSummitTurn(G, t);
    const sudden = summit && t >= BALANCE.suddenDeathFromTurn && t < G.lastTurn;
    const what = [
      `Turn ${t}`,
      summit ? (t >= G.lastTurn ? 'final summit' : 'summit') : '',
      sudden ? 'sudden death possible' : '',
    ]
      .filter(Boolean)
      .join(': ');
    cells.push(
      h('li', {
        class: ['turn', summit ? 'summit' : '', sudden ? 'sudden' : '', t === G.turn ? 'now' : ''].join(' ').trim(),
        text: String(t),
        attrs: { title: what, 'aria-label': what, ...(t === G.turn ? { 'aria-current': 'step' } : {}) },
      }),
    );
  }
  return h(
    'ol',
    { class: 'turn-track', attrs: { 'aria-label': 'Turn track (summits marked)', id: 'turn-track' } },
    ...cells,
  );
}

/** A bar from the worst to the sudden-death line: how far a number is from winning at once. */
function bar(value: number, line: number, css: string): HTMLElement {
  const pct = Math.max(0, Math.min(100, ((value + line) / (2 * line)) * 100));
  return h(
    'span',
    { class: 'score-bar', attrs: { 'aria-hidden': 'true' } },
    h('span', { class: 'fill', style: { width: `${pct}%`, background: css } }),
  );
}

function seatRows(G: GameState): HTMLElement[] {
  const m = margins(G);
  const parts = marginParts(G);
  return SEATS.map((s) => {
    const st = SEAT_STYLE[s];
    const how = `${st.name}: ${partsSentence(parts[s], m[s])} (national priorities are secret until the end)`;
    return h(
      'li',
      { class: 'score-row', attrs: { 'data-seat': s, title: how, tabindex: 0, 'aria-label': how } },
      seatChip(st.css, st.glyph, st.name),
      h('span', { class: 'name', text: st.name }),
      bar(m[s], BALANCE.suddenDeath, st.css),
      h('strong', { class: 'value', text: signed(m[s]) }),
    );
  });
}

function vpRows(G: GameState): HTMLElement[] {
  const swing = summitVictoryPoints(G);
  const parts = summitParts(G);
  const how = `Next summit: ${parts.map((p) => `${p.label} ${signed(p.value)}`).join('; ')} = ${signed(swing)} for the West`;
  const track = `Victory points ${signed(G.tracks.vp)}: positive favours the West, negative China`;
  return [
    h(
      'li',
      { class: 'score-row', attrs: { 'data-track': 'vp', title: track, tabindex: 0, 'aria-label': track } },
      h('span', { class: 'name', text: 'Victory points' }),
      bar(G.tracks.vp, BALANCE.vpSuddenDeath, SEAT_STYLE.nato.css),
      h('strong', { class: 'value', text: signed(G.tracks.vp) }),
    ),
    h(
      'li',
      { class: 'score-row', attrs: { 'data-track': 'summit', title: how, tabindex: 0, 'aria-label': how } },
      h('span', { class: 'name', text: 'Next summit would swing' }),
      h('strong', { class: 'value', text: signed(swing) }),
    ),
  ];
}

/** Redraw the panel from the state the person at the screen may see. */
export function renderScorePanel(el: HTMLElement, G: GameState): void {
  // A click on a number, a bar or a turn opens the rules where it is explained (the tooltips say so).
  if (!el.dataset['rules']) {
    el.dataset['rules'] = VICTORY_SECTION;
    el.addEventListener('click', (e) => {
      if ((e.target as Element).closest('.score-row, .turn, #score-rules')) void openRules(VICTORY_SECTION);
    });
  }
  el.replaceChildren(
    h('h2', { text: `Score — turn ${G.turn} of ${G.lastTurn}, round ${G.round}` }),
    turnTrack(G),
    h('ul', { class: 'score-rows', attrs: { id: 'score-rows' } }, ...(G.variant === 2 ? vpRows(G) : seatRows(G))),
    h(
      'p',
      { class: 'sub sudden-line', attrs: { id: 'sudden-line' } },
      `${suddenDeathWords(G.variant)}. `,
      h('button', { class: 'link', text: 'How victory works', attrs: { id: 'score-rules', type: 'button' } }),
    ),
  );
}

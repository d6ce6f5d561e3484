/**
 * What waits on the White Cell: a seat's action to approve — shown with what it would do, from the
 * same preview the players get before they confirm — a matrix argument to rate, or the reading of an
 * inject open to interpretation.
 */
import { MOVE_CATALOGUE } from '../../../content/moves';
import { RULE_NUMBERS } from '../../../content/rule-numbers';
import { SEAT_NAMES } from '../../../content/seats';
import { actionWords, type GameState } from '../../../rules';
import { h } from '../../dom';
import { previewAction } from '../../preview';
import { effectText } from '../effects-form';
import { button, type ConsoleContext, type ConsolePanel } from './context';

const MATRIX = RULE_NUMBERS.matrix;
const FACES = 6;

/** Odds of a matrix rating: success on d6 ≥ target − rating. */
export function ratingOdds(rating: number): string {
  const need = MATRIX.target - rating;
  const faces = Math.min(FACES, Math.max(0, FACES + 1 - need));
  return `needs ${need}+ (${Math.round((faces / FACES) * 100)}%)`;
}

const RATING_WORDS = ['very unlikely', 'unlikely', 'even', 'likely', 'very likely'];

/** What the asked action would change if approved: the preview on a copy where it is not waiting. */
export function approvalPreview(G: GameState): string[] {
  const p = G.pending;
  if (p?.kind !== 'approval') return [];
  const copy = structuredClone(G);
  copy.pending = null;
  copy.active = p.seat;
  if (copy.white) copy.white.requireApproval = false;
  return previewAction(copy, p.seat, p.action);
}

export function pendingPanel(ctx: ConsoleContext): ConsolePanel {
  const el = h('section', {
    class: 'wc-pending',
    attrs: { id: 'wc-pending', 'aria-label': 'Waiting for the White Cell' },
  });
  return {
    el,
    render(G) {
      const p = G.pending;
      if (p?.kind === 'approval') {
        const lines = approvalPreview(G);
        el.replaceChildren(
          h('h3', { text: `${SEAT_NAMES[p.seat]} asks for approval` }),
          h('p', { class: 'wc-asked', text: actionWords(p.action) }),
          h('p', { class: 'wc-sub', text: MOVE_CATALOGUE[p.action.move]?.does ?? '' }),
          h(
            'ul',
            { class: 'preview', attrs: { id: 'wc-approval-preview', 'aria-label': 'What it would do' } },
            ...(lines.length
              ? lines.map((l) => h('li', { text: l }))
              : [h('li', { text: 'No track, marker or unit would change.' })]),
          ),
          h(
            'p',
            {},
            button('Approve', 'wc-approve', () => void ctx.act('whiteDecide', [true], 'Approved.')),
            ' ',
            button('Refuse', 'wc-refuse', () => void ctx.act('whiteDecide', [false], 'Refused.')),
          ),
        );
        el.hidden = false;
      } else if (p?.kind === 'adjudication') {
        const a = p.argument;
        el.replaceChildren(
          h('h3', { text: `${SEAT_NAMES[p.seat]} argues` }),
          h(
            'dl',
            {},
            h('dt', { text: 'Action' }),
            h('dd', { text: a.action }),
            h('dt', { text: 'Intended result' }),
            h('dd', { text: a.result }),
            h('dt', { text: 'Reasons' }),
            h('dd', { text: a.reasons }),
            h('dt', { text: 'If it succeeds' }),
            h('dd', { text: a.effects.map(effectText).join(', ') }),
          ),
          h('p', { class: 'wc-sub', text: `Rate it: a die decides (success on d6 ≥ ${MATRIX.target} − rating).` }),
          h(
            'p',
            { class: 'wc-rates' },
            ...Array.from({ length: MATRIX.ratings }, (_, i) => i + 1).map((r) =>
              button(
                `${r} — ${RATING_WORDS[r - 1] ?? ''} (${ratingOdds(r)})`,
                `wc-rate-${r}`,
                () => void ctx.act('whiteRate', [r], `Rated ${r}/${MATRIX.ratings}; the die has decided.`),
              ),
            ),
          ),
        );
        el.hidden = false;
      } else if (p?.kind === 'reading') {
        el.replaceChildren(
          h('h3', { text: `How is “${p.source}” read?` }),
          h('p', { class: 'wc-asked', text: p.prompt }),
          h(
            'ul',
            { class: 'wc-readings', attrs: { id: 'wc-readings', 'aria-label': 'Readings' } },
            ...p.options.map((o, i) =>
              h(
                'li',
                {},
                button(o.label, `wc-reading-${i}`, () => void ctx.act('whiteInterpret', [i], `Read as “${o.label}”.`)),
                h('span', {
                  class: 'wc-sub',
                  text: ` ${o.effects.map(effectText).join(', ') || 'no change'} · the table's faces ${o.faces.join(', ')}`,
                }),
              ),
            ),
          ),
        );
        el.hidden = false;
      } else {
        el.replaceChildren();
        el.hidden = true;
      }
    },
  };
}

/**
 * The start screen's study question: one the scenario proposes, one written on the spot, or none. The
 * report answers it, the projector shows it, the White Cell may reword it during the game.
 */
import { h } from '../dom';

const NONE = '';
const OWN = '(own)';

export function studyField(): { el: HTMLElement; setProposals(questions: readonly string[]): void; value(): string } {
  const pick = h('select', { attrs: { id: 'study-pick', 'aria-label': 'Study question' } });
  const own = h('textarea', {
    attrs: {
      id: 'study-own',
      rows: 2,
      maxlength: 500,
      'aria-label': 'Your study question',
      placeholder: 'Write the question this seminar studies',
    },
  });
  const sync = () => {
    own.hidden = pick.value !== OWN;
  };
  pick.addEventListener('change', sync);
  return {
    el: h(
      'div',
      { class: 'study-field' },
      h('label', { class: 'row' }, h('span', { text: 'Study question' }), pick),
      own,
    ),
    setProposals(questions) {
      pick.replaceChildren(
        h('option', { value: NONE, text: 'None' }),
        ...questions.map((q) => h('option', { value: q, text: q })),
        h('option', { value: OWN, text: 'Write my own…' }),
      );
      sync();
    },
    value: () => (pick.value === OWN ? own.value.trim() : pick.value),
  };
}

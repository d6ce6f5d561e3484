/**
 * The facilitator's seminar notes in the White Cell console: the study question (reworded at any
 * time) and the hotwash — proposed from the game so far by the report's own rules, edited here, and
 * put on the projector one question at a time. Notes are not moves: they change no state and travel
 * in the saved game.
 */
import { citation } from '../../../content/save-file';
import { buildReport, proposeHotwash } from '../../../report/game/index';
import { createDice } from '../../../random';
import { h } from '../../dom';
import type { SeminarNotes } from '../notes';
import { button, panel, type ConsoleContext, type ConsolePanel } from './context';

export function debriefPanel(ctx: ConsoleContext): ConsolePanel {
  const notes = ctx.session.notes;
  const question = h('textarea', {
    attrs: { id: 'wc-study', rows: 2, maxlength: 500, 'aria-label': 'Study question' },
  });
  const prompts = h('ol', { class: 'wc-hotwash', attrs: { id: 'wc-hotwash' } });
  const hotwash = (): NonNullable<SeminarNotes['hotwash']> => notes!.get().hotwash ?? { prompts: [], showing: null };
  const show = (showing: number | null) => notes!.set({ hotwash: { ...hotwash(), showing } });
  const propose = () => {
    const save = ctx.session.save?.();
    if (!save) return ctx.say('The hotwash needs the saved game, which this table does not keep.', false);
    const report = buildReport(save, createDice(save.seed));
    const list = proposeHotwash(report, notes!.get().study ?? null);
    notes!.set({ hotwash: { prompts: list, showing: null } });
    ctx.say(`${list.length} hotwash questions proposed from the game so far; edit them below.`, true);
  };
  const el = notes
    ? panel(
        'Study question and hotwash',
        'wc-debrief',
        h('label', {}, h('span', { text: 'Study question (on the projector)' }), question),
        button('Save the question', 'wc-study-save', () => {
          notes.set({ study: question.value.trim() || undefined });
          ctx.say('Study question saved.', true);
        }),
        h(
          'p',
          {},
          button('Propose hotwash questions', 'wc-hotwash-propose', propose),
          ' ',
          button('Previous', 'wc-hotwash-prev', () => show(Math.max(0, (hotwash().showing ?? 1) - 1))),
          ' ',
          button('Next on the projector', 'wc-hotwash-next', () =>
            show(Math.min(hotwash().prompts.length - 1, (hotwash().showing ?? -1) + 1)),
          ),
          ' ',
          button('Clear the projector', 'wc-hotwash-clear', () => show(null)),
        ),
        prompts,
      )
    : h('section', { attrs: { hidden: '' } });
  return {
    el,
    render() {
      if (!notes) return;
      if (document.activeElement !== question) question.value = notes.get().study ?? '';
      const { prompts: list, showing } = hotwash();
      if (prompts.contains(document.activeElement)) return;
      prompts.replaceChildren(
        ...list.map((prompt, i) => {
          const area = h('textarea', {
            attrs: { id: `wc-hotwash-${i}`, rows: 2, maxlength: 1000, 'aria-label': `Hotwash question ${i + 1}` },
          });
          area.value = prompt.text;
          // Rewording keeps the turning point the prompt cites.
          area.addEventListener('change', () => {
            const next = [...hotwash().prompts];
            next[i] = { ...prompt, text: area.value.trim() || prompt.text };
            notes.set({ hotwash: { ...hotwash(), prompts: next } });
          });
          const cites = citation(prompt);
          return h(
            'li',
            { class: i === showing ? 'wc-showing' : '' },
            area,
            cites
              ? h('span', { class: 'wc-cites', attrs: { id: `wc-hotwash-cites-${i}` }, text: `cites ${cites}` })
              : '',
          );
        }),
      );
    },
  };
}

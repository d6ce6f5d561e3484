/** The projector's seminar lines: the study question all game long, and the hotwash prompt being discussed. */
import { h } from '../dom';
import { citation } from '../../content/save-file';
import { shownPrompt, type SeminarNotes } from './notes';

export function projectorNotes(): { el: HTMLElement; render(notes: SeminarNotes | undefined): void } {
  const question = h('p', { class: 'pj-study-text', attrs: { id: 'pj-study-text' } });
  const study = h(
    'section',
    { class: 'pj-study', attrs: { id: 'pj-study', 'aria-label': 'Study question' } },
    h('h2', { text: 'Study question' }),
    question,
  );
  const promptHead = h('h2', { attrs: { id: 'pj-hotwash-head' } });
  const promptText = h('p', { class: 'pj-hotwash-text', attrs: { id: 'pj-hotwash-text' } });
  const hotwash = h(
    'section',
    { class: 'pj-hotwash', attrs: { id: 'pj-hotwash', 'aria-label': 'Hotwash question', 'aria-live': 'polite' } },
    promptHead,
    promptText,
  );
  return {
    el: h('div', { class: 'pj-notes' }, study, hotwash),
    render(notes) {
      study.hidden = !notes?.study;
      question.textContent = notes?.study ?? '';
      const shown = notes ? shownPrompt(notes) : null;
      hotwash.hidden = !shown;
      const cites = shown ? citation(shown.prompt) : '';
      promptHead.textContent = shown
        ? `Hotwash — question ${shown.index + 1} of ${shown.of}${cites ? ` (${cites})` : ''}`
        : '';
      promptText.textContent = shown?.prompt.text ?? '';
    },
  };
}

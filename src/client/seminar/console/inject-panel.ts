/** Injects: the upcoming deck and the seminar cards (force now, schedule for a turn), hold the next one, write one's own. */
import { INJECTS, injectById } from '../../../content/injects';
import type { GameState } from '../../../rules';
import { h } from '../../dom';
import { effectsForm } from '../effects-form';
import { button, panel, type ConsoleContext, type ConsolePanel } from './context';

/** How many upcoming injects the console lists. */
const DECK_SHOWN = 6;
const SEMINAR_CARDS = INJECTS.filter((c) => c.deck === 'seminar').map((c) => c.id);

export function cardTitle(G: GameState, id: string): string {
  return injectById(id)?.title ?? G.white?.written[id]?.title ?? id;
}

export function injectPanel(ctx: ConsoleContext): ConsolePanel {
  const deck = h('ol', { class: 'wc-deck', attrs: { id: 'wc-deck' } });
  const scheduled = h('p', { class: 'wc-sub', attrs: { id: 'wc-scheduled' } });
  const holdBtn = button(
    'Hold the next inject',
    'wc-hold',
    () => void ctx.act('whiteHoldInject', [], 'Next inject: toggled.'),
  );
  const wTitle = h('input', {
    attrs: { id: 'wc-write-title', maxlength: 120, placeholder: 'Title', 'aria-label': 'Inject title' },
  });
  const wText = h('textarea', {
    attrs: {
      id: 'wc-write-text',
      rows: 2,
      maxlength: 1000,
      placeholder: 'What happens, in the words read to the room',
      'aria-label': 'Inject text',
    },
  });
  const wEffects = effectsForm('wc-write');
  const writeBtn = button('Play this inject now', 'wc-write', () => {
    const title = wTitle.value.trim();
    const text = wText.value.trim();
    if (!title || !text) {
      ctx.say('A written inject needs a title and a text.', false);
      return;
    }
    void ctx
      .act('whiteWriteInject', [{ title, text, effects: wEffects.effects() }], `Inject “${title}” played.`)
      .then((ok) => {
        if (ok) {
          wTitle.value = '';
          wText.value = '';
          wEffects.clear();
        }
      });
  });
  const writeBox = h(
    'div',
    { class: 'wc-write' },
    h('h4', { text: 'Write an inject' }),
    wTitle,
    wText,
    wEffects.el,
    h('p', {}, writeBtn),
  );

  function renderDeck(G: GameState): void {
    const W = G.white!;
    const turns: number[] = [];
    for (let t = G.turn + 1; t <= G.lastTurn; t++) turns.push(t);
    // The seminar cards are never in the deck: the White Cell brings them in from here.
    const seminar = SEMINAR_CARDS.filter((id) => !G.discard.includes(id) && !G.deck.includes(id));
    deck.replaceChildren(
      ...[...G.deck.slice(0, DECK_SHOWN), ...seminar].map((id, i) => {
        const when = h(
          'select',
          { attrs: { 'aria-label': `Turn to schedule ${cardTitle(G, id)} for`, 'data-card': id } },
          ...turns.map((t) => h('option', { text: `turn ${t}`, attrs: { value: t } })),
        );
        return h(
          'li',
          { attrs: { 'data-card': id, title: injectById(id)?.text ?? '' } },
          h('strong', { text: cardTitle(G, id) }),
          i === 0 ? h('span', { class: 'wc-sub', text: W.hold ? ' (next — held)' : ' (next)' }) : null,
          seminar.includes(id) ? h('span', { class: 'wc-sub', text: ' (seminar card, not in the deck)' }) : null,
          h(
            'div',
            {},
            button(
              'Force now',
              `wc-force-${id}`,
              () => void ctx.act('whiteForceInject', [id], `“${cardTitle(G, id)}” forced now.`),
            ),
            turns.length
              ? h(
                  'span',
                  {},
                  ' or ',
                  when,
                  ' ',
                  button(
                    'Schedule',
                    `wc-schedule-${id}`,
                    () =>
                      void ctx.act(
                        'whiteScheduleInject',
                        [id, Number(when.value)],
                        `“${cardTitle(G, id)}” scheduled for turn ${when.value}.`,
                      ),
                  ),
                )
              : null,
          ),
        );
      }),
    );
    const sched = Object.entries(W.schedule);
    scheduled.textContent = `${sched.length ? `Scheduled: ${sched.map(([t, id]) => `turn ${t} — ${cardTitle(G, id)}`).join('; ')}. ` : ''}${G.deck.length} cards left in the deck.`;
    holdBtn.textContent = W.hold ? 'Release the held inject' : 'Hold the next inject';
    holdBtn.setAttribute('aria-pressed', String(W.hold));
  }

  return {
    el: panel('Injects', 'wc-injects', deck, scheduled, h('p', {}, holdBtn), writeBox),
    render(G) {
      renderDeck(G);
      for (const b of [holdBtn, writeBtn]) b.disabled = !!G.result;
    },
  };
}

/**
 * A seat's matrix argument (free adjudication): the action, the result it wants, its reasons and the
 * typed effects if it succeeds. Sent as `proposeArgument`; the White Cell then rates it and a die decides.
 * Shown only while the White Cell allows free adjudication and it is this seat's action.
 */
import type { Seat } from '../../content/ids';
import { MOVE_CATALOGUE } from '../../content/moves';
import { SEAT_NAMES } from '../../content/seats';
import { h } from '../dom';
import { effectsForm } from './effects-form';
import { keepDrawn, type SeminarHandle, type SeminarSession } from './session';
import './seminar.css';

export function mountArgumentForm(root: HTMLElement, session: SeminarSession, seat: Seat): SeminarHandle {
  const field = (id: string, label: string, rows: number, max: number) => {
    const el = h('textarea', { attrs: { id, rows, maxlength: max, 'aria-label': label, placeholder: label } });
    return { el, wrap: h('label', { class: 'arg-field' }, h('span', { text: label }), el) };
  };
  const action = field(`arg-${seat}-action`, 'What we do', 2, 500);
  const result = field(`arg-${seat}-result`, 'The result we want', 2, 500);
  const reasons = field(`arg-${seat}-reasons`, 'Why it would work', 3, 1500);
  const effects = effectsForm(`arg-${seat}`);
  const message = h('p', { class: 'wc-message', attrs: { role: 'status', 'aria-live': 'polite' } });
  const send = h('button', {
    text: `Argue (${MOVE_CATALOGUE.proposeArgument.cost} AP)`,
    attrs: { type: 'button', id: `arg-${seat}-send` },
  });
  const form = h(
    'section',
    {
      class: 'arg-form',
      attrs: { id: `argument-form-${seat}`, 'aria-label': `${SEAT_NAMES[seat]}'s matrix argument` },
    },
    h('h3', { text: `${SEAT_NAMES[seat]} — matrix argument` }),
    h('p', {
      class: 'wc-sub',
      text: 'State an action, its intended result and your reasons; the White Cell rates it and a die decides. If it succeeds, these changes happen:',
    }),
    action.wrap,
    result.wrap,
    reasons.wrap,
    effects.el,
    h('p', {}, send),
    message,
  );
  root.replaceChildren(form);

  send.addEventListener('click', () => {
    const arg = {
      action: action.el.value.trim(),
      result: result.el.value.trim(),
      reasons: reasons.el.value.trim(),
      effects: effects.effects(),
    };
    if (!arg.action || !arg.result || !arg.reasons) {
      message.textContent = 'Fill in the action, the result and the reasons.';
      return;
    }
    if (!arg.effects.length) {
      message.textContent = 'Add at least one change that happens if the argument succeeds.';
      return;
    }
    if (!session.seatMove) {
      message.textContent = 'This screen cannot send moves.';
      return;
    }
    void Promise.resolve(session.seatMove(seat, 'proposeArgument', [arg])).then((ok) => {
      message.textContent = ok
        ? 'Sent: the White Cell will rate it.'
        : `The rules refused it now (is it your action, with ${MOVE_CATALOGUE.proposeArgument.cost} AP, and free adjudication on?).`;
      if (ok) {
        action.el.value = result.el.value = reasons.el.value = '';
        effects.clear();
      }
      refresh();
    });
  });

  function refresh(): void {
    const G = session.state();
    const open =
      !!G &&
      !G.result &&
      G.white?.adjudication === 'free' &&
      !G.pending &&
      G.active === seat &&
      G.ap[seat] >= MOVE_CATALOGUE.proposeArgument.cost &&
      !G.white.paused;
    form.hidden = !(G?.white?.adjudication === 'free');
    send.disabled = !open;
  }
  return keepDrawn(session, root, refresh);
}

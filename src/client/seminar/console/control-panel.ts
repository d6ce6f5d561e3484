/** Game control: pause and resume, approvals at high tension, rigid or free adjudication. */
import { APPROVAL_TENSION, type GameState } from '../../../rules';
import { h } from '../../dom';
import { button, panel, type ConsoleContext, type ConsolePanel } from './context';

export function controlPanel(ctx: ConsoleContext): ConsolePanel {
  const pauseBtn = button('Pause', 'wc-pause', () => {
    const G = ctx.session.state();
    if (!G?.white) return;
    void (G.white.paused
      ? ctx.act('whiteResume', [], 'The game resumes.')
      : ctx.act('whitePause', [], 'The game is paused.'));
  });
  const approvalBox = h('input', { attrs: { id: 'wc-approval', type: 'checkbox' } });
  approvalBox.addEventListener('change', () => {
    const want = approvalBox.checked;
    void ctx
      .act(
        'whiteRequireApproval',
        [want],
        want ? `Actions at tension ${APPROVAL_TENSION}+ now need your approval.` : 'Approvals are off.',
      )
      .then((ok) => {
        if (!ok) approvalBox.checked = !want;
      });
  });
  const adjudication = h(
    'select',
    { attrs: { id: 'wc-adjudication', 'aria-label': 'Adjudication' } },
    h('option', { text: 'Rigid (the rules only)', attrs: { value: 'rigid' } }),
    h('option', { text: 'Free (matrix arguments allowed)', attrs: { value: 'free' } }),
  );
  let shown: string | null = null;
  adjudication.addEventListener('change', () => {
    const mode = adjudication.value as 'rigid' | 'free';
    void ctx.act('whiteSetAdjudication', [mode], `Adjudication is ${mode}.`).then((ok) => {
      if (!ok && shown) adjudication.value = shown;
    });
  });
  return {
    el: panel(
      'Game control',
      'wc-control',
      h('p', {}, pauseBtn),
      h('p', {}, h('label', {}, approvalBox, ` Approve every action at tension ${APPROVAL_TENSION} or more`)),
      h('p', {}, h('label', {}, 'Adjudication ', adjudication)),
    ),
    render(G: GameState) {
      const W = G.white!;
      pauseBtn.textContent = W.paused ? 'Resume' : 'Pause';
      pauseBtn.setAttribute('aria-pressed', String(W.paused));
      pauseBtn.disabled = !!G.result;
      approvalBox.checked = W.requireApproval;
      shown = W.adjudication;
      if (document.activeElement !== adjudication) adjudication.value = W.adjudication;
    },
  };
}

/**
 * The rules reference (docs/RULES.md) in a dialog: an index beside the text, rendered by `marked`.
 * The Markdown library and the text load only when the dialog opens, to keep the page's first load
 * small; `openRules(id)` opens it at a section (the tooltips link here).
 */
import { h } from './dom';

/** Open the rules reference, scrolled to the heading with this id (see ruleId) if given. */
export async function openRules(section?: string): Promise<HTMLDialogElement> {
  const body = h('div', { class: 'rules-body', attrs: { id: 'rules-body' } }, h('p', { text: 'Loading the rules…' }));
  const nav = h('nav', { class: 'rules-index', attrs: { 'aria-label': 'Rules index', id: 'rules-index' } });
  const close = h('button', { text: 'Close', class: 'primary', attrs: { id: 'rules-close' } });
  const dlg = h(
    'dialog',
    { class: 'rules', attrs: { 'aria-label': 'Rules reference', id: 'rules-dialog' } },
    h('div', { class: 'row' }, h('strong', { text: 'Rules reference' }), close),
    h('div', { class: 'rules-layout' }, nav, body),
  );
  close.addEventListener('click', () => dlg.close());
  dlg.addEventListener('close', () => dlg.remove());
  // In-page links scroll inside the dialog; they never touch the page's own address.
  dlg.addEventListener('click', (e) => {
    const a = (e.target as Element).closest('a[href^="#"]');
    if (!a) return;
    e.preventDefault();
    go(a.getAttribute('href')!.slice(1));
  });
  const go = (id: string) => {
    const target = body.querySelector(`[id="${CSS.escape(id)}"]`);
    if (target) target.scrollIntoView({ block: 'start' });
  };
  document.body.append(dlg);
  dlg.showModal();
  const [{ renderRules }, text] = await Promise.all([
    import('./rules-markdown'),
    import('../../docs/RULES.md?raw').then((m) => m.default),
  ]);
  const { html, index } = renderRules(text);
  body.innerHTML = html;
  nav.replaceChildren(
    h('h2', { text: 'Index' }),
    h(
      'ol',
      {},
      ...index.map((e) =>
        h('li', { class: `rules-depth-${e.depth}` }, h('a', { text: e.text, attrs: { href: `#${e.id}` } })),
      ),
    ),
  );
  dlg.dataset['ready'] = 'true';
  if (section) go(section);
  return dlg;
}

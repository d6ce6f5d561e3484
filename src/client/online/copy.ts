/** A button that copies a link, with a visible fallback (the link in a text field) where the clipboard is refused. */
import { h } from '../dom';

export function copyButton(label: string, text: () => string, title?: string): HTMLElement {
  const btn = h('button', { class: 'small copy', text: label, attrs: { title: title ?? 'Copy the link' } });
  btn.addEventListener('click', async () => {
    const value = text();
    btn.dataset['link'] = value;
    try {
      await navigator.clipboard.writeText(value);
      flash(btn, 'Copied ✓', label);
    } catch {
      // No clipboard (plain http, or refused): show the link selected, to copy by hand.
      const field = h('input', {
        type: 'text',
        value,
        attrs: { readonly: true, 'aria-label': label, class: 'link-field' },
      });
      btn.after(field);
      field.select();
      flash(btn, 'Select and copy', label);
    }
  });
  return btn;
}

function flash(btn: HTMLElement, text: string, back: string): void {
  btn.textContent = text;
  setTimeout(() => (btn.textContent = back), 1600);
}

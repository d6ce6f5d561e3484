/** The phone layout's drawer handle (layout.css shows it on narrow screens only): lifts the panel over the board. */
import { h } from './dom';

export function drawerHandle(): HTMLButtonElement {
  const button = h('button', {
    class: 'drawer-handle',
    text: 'Open the panel',
    attrs: { id: 'drawer-handle', 'aria-expanded': 'false' },
    on: {
      click: () => {
        const open = button.closest('.game')?.classList.toggle('drawer-open') ?? false;
        button.setAttribute('aria-expanded', String(open));
        button.textContent = open ? 'Show more of the map' : 'Open the panel';
      },
    },
  });
  return button;
}

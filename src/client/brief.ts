/**
 * The red-team brief: one page per seat for the person at the screen — its own view of its stakes,
 * fears and costs, and the national priority it drew — printable on its own. The briefs come from
 * the one gate (`briefsFor` in src/rules/view.ts), and the brief closes whenever the screen changes
 * hands, so a seat's page never shows to the next person.
 */
import { SEAT_AIMS, SEAT_NAMES } from '../content/seats';
import type { SeatBrief } from '../rules';
import { h } from './dom';
import './brief.css';

export class BriefLayer {
  readonly el = h('div', { attrs: { id: 'brief-layer' } });
  /** The viewer the open brief was drawn for (undefined: closed). */
  private openFor: string | null | undefined;

  /** Show `briefs`, the ones `viewer` may read. */
  show(briefs: readonly SeatBrief[], viewer: string | null): void {
    this.openFor = viewer;
    const close = h('button', { text: 'Close', attrs: { id: 'brief-close' }, on: { click: () => this.close() } });
    this.el.replaceChildren(
      h(
        'div',
        { class: 'screen brief-screen' },
        h(
          'section',
          {
            class: 'card brief',
            attrs: { id: 'brief', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'brief-title' },
          },
          h('h1', { text: 'Red-team brief', attrs: { id: 'brief-title' } }),
          ...(briefs.length ? briefs.map(briefPage) : [h('p', { text: 'A spectator has no brief.' })]),
          h(
            'p',
            { class: 'brief-actions' },
            h('button', { text: 'Print', attrs: { id: 'brief-print' }, on: { click: () => window.print() } }),
            ' ',
            close,
          ),
        ),
      ),
    );
    queueMicrotask(() => close.focus());
  }

  close(): void {
    this.openFor = undefined;
    this.el.replaceChildren();
  }

  /** Close the brief unless `viewer` is still the one it was drawn for (called on every redraw). */
  keepFor(viewer: string | null): void {
    if (this.openFor !== undefined && this.openFor !== viewer) this.close();
  }
}

function briefPage(b: SeatBrief): HTMLElement {
  const list = (title: string, lines: readonly string[]) =>
    h('div', {}, h('h3', { text: title }), h('ul', {}, ...lines.map((l) => h('li', { text: l }))));
  return h(
    'article',
    { class: 'brief-page', attrs: { id: `brief-${b.seat}`, 'data-secret': b.seat } },
    h('h2', { text: SEAT_NAMES[b.seat] }),
    h('p', { class: 'brief-aim', text: SEAT_AIMS[b.seat] }),
    h('p', { text: b.perspective }),
    b.quote ? h('blockquote', {}, `“${b.quote.text}” — ${b.quote.source}`) : null,
    list('What you fear', b.fears),
    list('What each course costs you', b.costs),
    list('Your levers', b.levers),
    b.priority
      ? h(
          'p',
          { class: 'brief-priority' },
          h('strong', { text: 'Your secret priority: ' }),
          `${b.priority.title} — ${b.priority.text} (+${b.priority.value} to your margin if met at the end)`,
        )
      : null,
  );
}

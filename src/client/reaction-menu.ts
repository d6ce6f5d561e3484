/**
 * The reaction-preferences menu in a seat's panel: the person at the screen sets a standing order for
 * the reactions the rules put to their seat (reactions.ts), so a hot-seat screen is not handed to them
 * for a Lambaste their order answers. Kept open across redraws; the choice is saved with the game.
 */
import type { Seat } from '../content/ids';
import { MOVE_CATALOGUE } from '../content/moves';
import { SEAT_STYLE } from '../content/seats';
import { h } from './dom';
import { prefValue, REACTION_CHOICES, type ReactionPreference } from './reactions';

/** The seats the rules may ask to react (from the move catalogue: who may Lambaste). */
export const REACTING_SEATS: readonly Seat[] = MOVE_CATALOGUE.lambaste.seats;

export class ReactionMenu {
  readonly el: HTMLDetailsElement;
  private readonly current: HTMLElement;
  private readonly radios: HTMLInputElement[];

  constructor(
    readonly seat: Seat,
    onChange: (pref: ReactionPreference) => void,
  ) {
    const name = `reaction-${seat}`;
    this.current = h('span', { class: 'current' });
    this.radios = REACTION_CHOICES.map((c) =>
      h('input', {
        attrs: {
          type: 'radio',
          name,
          value: c.value,
          id: `${name}-${c.value.replace(':', '-')}`,
          'data-key': `${name}:${c.value}`,
        },
        on: { change: () => onChange(c.pref) },
      }),
    );
    this.el = h(
      'details',
      { class: 'reaction-prefs', attrs: { id: `reaction-prefs-${seat}`, 'data-seat': seat } },
      h('summary', {}, `${SEAT_STYLE[seat].name}'s reactions: `, this.current),
      h(
        'fieldset',
        {},
        h('legend', {
          text: `${MOVE_CATALOGUE.lambaste.name}: ${MOVE_CATALOGUE.lambaste.does}. When a Western gain opens the window:`,
        }),
        ...REACTION_CHOICES.map((c, i) =>
          h('label', { attrs: { for: this.radios[i]!.id } }, this.radios[i]!, ` ${c.label}`),
        ),
      ),
    );
  }

  /** Show the seat's preference now (the radios follow it; nothing else is rebuilt, so the menu stays open). */
  show(pref: ReactionPreference): void {
    const value = prefValue(pref);
    for (const r of this.radios) r.checked = r.value === value;
    this.current.textContent = REACTION_CHOICES.find((c) => c.value === value)?.label ?? '';
  }
}

/** Each reacting seat's menu, kept across redraws so it stays open while the person chooses. */
export class ReactionMenus {
  private readonly menus = new Map<Seat, ReactionMenu>();

  constructor(private readonly set: (seat: Seat, pref: ReactionPreference) => void) {}

  /** The seat's menu, showing its preference now. */
  menu(seat: Seat, pref: ReactionPreference): HTMLElement {
    let menu = this.menus.get(seat);
    if (!menu) {
      menu = new ReactionMenu(seat, (p) => this.set(seat, p));
      this.menus.set(seat, menu);
    }
    menu.show(pref);
    return menu.el;
  }
}

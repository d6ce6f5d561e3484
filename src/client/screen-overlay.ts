/**
 * The card over the game screen: the end card once the game is over (until it is closed to look at the
 * board), else the hot-seat hand-over card while the screen changes hands, else nothing.
 */
import type { GameState } from '../rules';
import { h } from './dom';
import { endCard, type EndCardActions } from './end-card';
import { handoverCard } from './handover-card';

export interface OverlayShows {
  /** The game is over and its end card may cover the screen (not while the White Cell holds it). */
  ended: boolean;
  /** The names of the player the screen is being passed to, if it is changing hands. */
  handoverTo: string | null;
  /** The screen is being passed to the White Cell. */
  toWhite: boolean;
}

export class ScreenOverlay {
  readonly el = h('div', { attrs: { id: 'overlay' } });
  /** The end card was closed to look at the board. */
  private endHidden = false;

  constructor(
    /** The end card's actions, made when it is drawn. */
    private readonly end: () => Omit<EndCardActions, 'lookAtBoard'>,
    private readonly on: {
      /** The person the screen was passed to confirms they sit at it. */
      ready(): void;
      /** Redraw (the end card was closed). */
      changed(): void;
    },
  ) {}

  render(G: GameState, shows: OverlayShows): void {
    if (shows.ended) {
      this.el.replaceChildren(...(this.endHidden ? [] : [this.endCard(G)]));
      return;
    }
    if (shows.handoverTo !== null) {
      this.el.replaceChildren(handoverCard(G, shows.handoverTo, shows.toWhite, () => this.on.ready()));
      return;
    }
    this.el.replaceChildren();
  }

  private endCard(G: GameState): HTMLElement {
    return endCard(G, {
      ...this.end(),
      lookAtBoard: () => {
        this.endHidden = true;
        this.on.changed();
      },
    });
  }
}

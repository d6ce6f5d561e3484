/**
 * The story of the latest inject — its title and the words read to the room — for the projector and
 * the players' screens. It reads only what any viewer holds: the public discard pile (the last card
 * played) and the card text in the content, or a White Cell card the viewer's state carries.
 */
import { injectById } from '../../content/injects';
import type { GameState } from '../../rules';

export interface InjectStory {
  id: string;
  title: string;
  text: string;
  /** The turn whose log first names it (the turn it was played). */
  turn: number;
}

export function latestInject(G: GameState): InjectStory | null {
  const id = G.discard[G.discard.length - 1];
  if (id === undefined) return null;
  const card = injectById(id) ?? G.white?.written[id];
  if (!card) return null;
  const line = [...G.log].reverse().find((e) => e.kind === 'inject' && e.text.startsWith(`Inject — ${card.title}`));
  return { id, title: card.title, text: card.text, turn: line?.turn ?? G.turn };
}

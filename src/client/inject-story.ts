/** The story of the latest inject, shown to the players when it resolves (the log holds only its title). */
import { injectById } from '../content/injects';
import type { GameState } from '../rules';
import { h } from './dom';

export interface InjectStory {
  id: string;
  turn: number;
  title: string;
  /** The card's text; null for a White Cell card whose text this viewer may not read. */
  text: string | null;
}

/** The last inject resolved in the state the viewer sees, or null before the first. */
export function latestInject(G: GameState): InjectStory | null {
  const id = G.discard.at(-1);
  if (id === undefined) return null;
  const card = injectById(id) ?? G.white?.written[id];
  const entry = G.log.findLast((e) => e.kind === 'inject' && e.text.startsWith('Inject — '));
  const title = card?.title ?? entry?.text.slice('Inject — '.length);
  if (!title) return null;
  return { id, turn: entry?.turn ?? G.turn, title, text: card?.text ?? null };
}

export function renderInjectStory(el: HTMLElement, G: GameState): void {
  const story = latestInject(G);
  el.hidden = story === null;
  if (!story || el.dataset['inject'] === `${story.id}@${story.turn}`) return;
  el.dataset['inject'] = `${story.id}@${story.turn}`;
  el.replaceChildren(h('strong', { text: `Turn ${story.turn} inject — ${story.title}` }));
  if (story.text) el.append(h('p', { text: story.text }));
}

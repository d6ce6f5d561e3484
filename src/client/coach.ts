/**
 * The coach of the guided first game: a small panel over the board that teaches one idea per step —
 * the map, a track and its orange tick, a theater bar, your move and its preview, the inject, how a
 * margin wins. A step that asks for something (make a move, reach the next turn) moves on by itself
 * when the game shows it done; the others have Next. Each links to its section of the rules reference.
 */
import type { Seat } from '../content/ids';
import { SEAT_NAMES } from '../content/seats';
import type { GameState } from '../rules';
import { h } from './dom';
import { apWords, dangerHelp, theaterHelp, trackHelp, victoryWords } from './help-text';
import { DANGER } from './present-board';
import { openRules } from './rules-reference';

export interface CoachStep {
  title: string;
  text: string;
  section: string;
  /** When this returns true the step is done and the coach moves on (steps without it wait for Next). */
  done?: (G: GameState) => boolean;
}

/** The steps for a player of `seat` (the tutorial scenario's human seat). */
export function coachSteps(seat: Seat, G: GameState): CoachStep[] {
  const name = SEAT_NAMES[seat];
  const movesAtStart = G.log.filter((e) => e.seat === seat && e.kind === 'move').length;
  return [
    {
      title: 'Your first game',
      text: `You play ${name}; bots play the other seats. This game lasts ${G.lastTurn} half-year turns. The coach shows one idea at a time — read it, then press Next.`,
      section: 'rules-1-seats-and-players',
    },
    {
      title: 'The map',
      text: 'The board shows the theaters where the contest happens, from the Euro-Atlantic to Korea. Point at a space to read everything on it: ships, markers, who controls a port.',
      section: 'rules-2-the-board',
    },
    {
      title: 'Tracks and the orange tick',
      text: `${trackHelp('tension').text} ${dangerHelp('tension', DANGER.tension!.at, DANGER.tension!.high).text} Point at any track under the map for what it measures.`,
      section: 'rules-3-tracks',
    },
    {
      title: 'Theaters',
      text: theaterHelp('taiwan-ecs').text,
      section: 'rules-3-tracks',
    },
    {
      title: 'Your move',
      text: `When it is ${name}’s turn you have ${apWords(seat)}. Choose a move on the right, then its target; the preview lists what will change before you confirm. Make one move now.`,
      section: 'rules-5-moves',
      done: (now) => now.log.filter((e) => e.seat === seat && e.kind === 'move').length > movesAtStart,
    },
    {
      title: 'Injects',
      text: 'Each turn begins with an inject: a piece of news read to the table that moves the tracks. Spend or pass your points; when turn 2 begins, read its inject in the log.',
      section: 'rules-6-injects',
      done: (now) => now.turn > G.turn || now.result !== null,
    },
    {
      title: 'Winning',
      text: victoryWords(),
      section: 'rules-8-victory',
    },
    {
      title: 'On your own',
      text: 'That is the whole game. Play on to the end; the Rules button has the full reference with an index.',
      section: 'rules-4-the-turn',
    },
  ];
}

export interface CoachSource {
  getState(): GameState | null;
  subscribe(fn: () => void): () => void;
}

export function mountCoach(root: HTMLElement, source: CoachSource, seat: Seat): { destroy(): void } {
  const first = source.getState();
  if (!first) throw new Error('the coach needs a started game');
  const steps = coachSteps(seat, first);
  let at = 0;
  const count = h('span', { class: 'coach-count', attrs: { id: 'coach-count' } });
  const title = h('h2', { attrs: { id: 'coach-title' } });
  const text = h('p', { attrs: { id: 'coach-text' } });
  const more = h('button', { class: 'link', text: 'Read more in the rules', attrs: { id: 'coach-more' } });
  const back = h('button', { text: 'Back', attrs: { id: 'coach-back' } });
  const next = h('button', { class: 'primary', attrs: { id: 'coach-next' } });
  const close = h('button', { text: '×', attrs: { id: 'coach-close', 'aria-label': 'Close the coach' } });
  const panel = h(
    'aside',
    { class: 'coach', attrs: { id: 'coach', role: 'complementary', 'aria-label': 'Coach', 'aria-live': 'polite' } },
    h('header', {}, count, close),
    title,
    text,
    h('div', { class: 'row' }, more, back, next),
  );
  const draw = () => {
    const step = steps[at]!;
    const G = source.getState();
    const waiting = !!step.done && !(G && step.done(G));
    count.textContent = `Step ${at + 1} of ${steps.length}`;
    title.textContent = step.title;
    text.textContent = step.text;
    back.disabled = at === 0;
    next.textContent = at === steps.length - 1 ? 'Finish' : waiting ? 'Waiting for you…' : 'Next';
    next.disabled = waiting;
    panel.dataset['step'] = String(at + 1);
  };
  const go = (to: number) => {
    if (to >= steps.length) return destroy();
    at = Math.max(0, to);
    draw();
  };
  more.addEventListener('click', () => void openRules(steps[at]!.section));
  back.addEventListener('click', () => go(at - 1));
  next.addEventListener('click', () => go(at + 1));
  close.addEventListener('click', () => destroy());
  // A step that waits for the game moves on as soon as the game shows it done.
  const unsubscribe = source.subscribe(() => {
    const step = steps[at]!;
    const G = source.getState();
    if (step.done && G && step.done(G)) go(at + 1);
    else draw();
  });
  const destroy = () => {
    unsubscribe();
    panel.remove();
  };
  root.append(panel);
  draw();
  return { destroy };
}

/**
 * The solo-bot machinery in the style of the COIN and Labyrinth bots: a seat's flowchart is an ordered
 * list of steps; the first step whose condition holds and that has a legal, war-safe move decides.
 * Its targets are narrowed by priority filters (a filter that would leave nothing is skipped), and
 * the bot's own seeded stream breaks what ties remain.
 */
import type { MoveName, Seat } from '../content/ids';
import type { Action, GameState } from '../rules';
import { worstTension } from './read';

export interface Decision {
  action: Action;
  /** One line, shown to players and written to the log. */
  why: string;
}

/** What a flowchart step sees. */
export interface BotCtx {
  view: GameState;
  seat: Seat;
  legal: Action[];
  rng: () => number;
  /** 2-seat game, Western seat: play for the shared track. */
  team: boolean;
  /** Highest tension the bot will risk reaching with its own move (war at 10). */
  maxTension: number;
  /** Did this seat already make `move` this round / this turn (read from the public log)? */
  doneThisRound: (move: MoveName) => boolean;
  doneThisTurn: (move: MoveName) => boolean;
}

/** Narrows candidate actions; the runner skips a filter that leaves nothing. */
export type Filter = (cands: Action[], c: BotCtx) => Action[];

export interface Step {
  /** A short name for tests and the why trace. */
  id: string;
  when?: (c: BotCtx) => boolean;
  moves: readonly MoveName[];
  /** A hard restriction on the step's candidates (unlike `prefer`, never skipped). */
  only?: (a: Action, c: BotCtx) => boolean;
  /** Priority filters, applied in order. */
  prefer?: readonly Filter[];
  why: (c: BotCtx, a: Action) => string;
  /** The step's own war guard, when its move's risk differs from what the shared ceiling assumes. */
  ceiling?: (c: BotCtx) => number;
  /** When the condition holds but no move is found, pass instead of reading on (e.g. tension 8+). */
  orPass?: (c: BotCtx) => string;
}

/** Keep the candidates for which `pred` holds. */
export const where =
  (pred: (a: Action, c: BotCtx) => boolean): Filter =>
  (cands, c) =>
    cands.filter((a) => pred(a, c));

/** Keep the candidates with the highest score. */
export const best =
  (score: (a: Action, c: BotCtx) => number): Filter =>
  (cands, c) => {
    const scores = cands.map((a) => score(a, c));
    const top = Math.max(...scores);
    return cands.filter((_, i) => scores[i] === top);
  };

/** Keep the candidates whose first argument comes earliest in `order` (e.g. South China Sea, then Taiwan Strait). */
export const inOrder = (order: readonly unknown[]): Filter =>
  best((a) => -Math.max(0, order.indexOf(a.args[0])) - (order.includes(a.args[0]) ? 0 : 99));

/** Is the action safe from starting a war that the bot would lose? */
export function isWarSafe(c: BotCtx, a: Action): boolean {
  const add = worstTension(c.view, c.seat, a);
  return add === 0 || c.view.tracks.tension + add <= c.maxTension;
}

/** A uniform pick from the bot's own stream (no draw when there is nothing to choose). */
export function pickOne<T>(items: readonly T[], rng: () => number): T {
  if (items.length === 1) return items[0]!;
  return items[Math.floor(rng() * items.length)]!;
}

/** Apply filters in order, skipping any that would leave nothing. */
export function narrow(cands: Action[], filters: readonly Filter[], c: BotCtx): Action[] {
  let out = cands;
  for (const f of filters) {
    const next = f(out, c);
    if (next.length > 0) out = next;
  }
  return out;
}

export interface Trace {
  decision: Decision;
  /** The step that decided, or `pass`. */
  step: string;
}

/** Run a flowchart; passes (with a reason) when no step finds a move. */
export function runFlowchart(steps: readonly Step[], c: BotCtx): Trace {
  for (const step of steps) {
    if (step.when && !step.when(c)) continue;
    const guard = step.ceiling ? { ...c, maxTension: step.ceiling(c) } : c;
    const cands = c.legal.filter(
      (a) => step.moves.includes(a.move as MoveName) && isWarSafe(guard, a) && (!step.only || step.only(a, c)),
    );
    if (cands.length === 0) {
      if (step.orPass) {
        const pass = c.legal.find((a) => a.move === 'pass');
        if (pass) return { decision: { action: pass, why: step.orPass(c) }, step: step.id };
      }
      continue;
    }
    const action = pickOne(narrow(cands, step.prefer ?? [], c), c.rng);
    return { decision: { action, why: step.why(c, action) }, step: step.id };
  }
  const pass = c.legal.find((a) => a.move === 'pass') ?? c.legal[0];
  if (!pass) throw new Error(`bot: ${c.seat} has no legal move on turn ${c.view.turn}`);
  return { decision: { action: pass, why: 'Nothing worth the action points: passing' }, step: 'pass' };
}

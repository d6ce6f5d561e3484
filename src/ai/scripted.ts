/** The scripted bot: pending decisions first, then the seat's flowchart, from the seat's view only. */
import type { MoveName, Seat } from '../content/ids';
import { legalMoves, type GameState } from '../rules';
import { tensionCeiling } from './ceiling';
import { CHINA_FLOWCHART } from './china';
import { runFlowchart, type BotCtx, type Decision, type Step, type Trace } from './flowchart';
import { GAMBLE_STEP, gambling } from './gamble';
import { JAPAN_FLOWCHART } from './japan';
import { KOREA_FLOWCHART } from './korea';
import { NATO_FLOWCHART } from './nato';
import { PRIORITY_STEP } from './priority';
import { decidePending } from './reactions';
import { isTeamPlay, movesMade } from './read';

/** The seat's priority step goes after its first (most urgent) step. */
const withPriority = (steps: readonly Step[]): readonly Step[] => [steps[0]!, PRIORITY_STEP, ...steps.slice(1)];

export const FLOWCHARTS: Record<Seat, readonly Step[]> = {
  china: withPriority(CHINA_FLOWCHART),
  nato: withPriority(NATO_FLOWCHART),
  japan: withPriority(JAPAN_FLOWCHART),
  korea: withPriority(KOREA_FLOWCHART),
};

/** The context a flowchart reads. */
export function botContext(view: GameState, seat: Seat, rng: () => number, maxTension = tensionCeiling(view)): BotCtx {
  let round: MoveName[] | null = null;
  let turn: MoveName[] | null = null;
  return {
    view,
    seat,
    legal: legalMoves(view, seat),
    rng,
    team: isTeamPlay(view, seat),
    maxTension,
    doneThisRound: (m) => (round ??= movesMade(view, seat, view.round)).includes(m),
    doneThisTurn: (m) => (turn ??= movesMade(view, seat)).includes(m),
  };
}

/** The scripted decision with the step that made it (for tests and the after-action report). */
export function scriptedTrace(view: GameState, seat: Seat, rng: () => number, fast = false): Trace {
  const c = botContext(view, seat, rng);
  if (c.legal.length === 0) throw new Error(`bot: ${seat} has no legal move on turn ${view.turn} (not its decision?)`);
  const pending = decidePending(view, seat, c.legal, rng, fast);
  if (pending) return { decision: pending, step: `pending:${view.pending!.kind}` };
  if (gambling(c)) {
    const gamble = runFlowchart([GAMBLE_STEP], { ...c, maxTension: 10 });
    if (gamble.step === GAMBLE_STEP.id) return gamble;
  }
  return runFlowchart(FLOWCHARTS[seat], c);
}

/** `fast`: the cheaper rules of thumb used inside the Expert's rollouts. */
export function scriptedDecision(view: GameState, seat: Seat, rng: () => number, fast = false): Decision {
  return scriptedTrace(view, seat, rng, fast).decision;
}

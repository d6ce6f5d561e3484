/** The scripted bot: pending decisions first, then the seat's flowchart, from the seat's view only. */
import type { MoveName, Seat } from '../content/ids';
import { legalMoves, type GameState } from '../rules';
import { CHINA_FLOWCHART } from './china';
import { runFlowchart, type BotCtx, type Decision, type Step, type Trace } from './flowchart';
import { GAMBLE_STEP, gambling } from './gamble';
import { JAPAN_FLOWCHART } from './japan';
import { KOREA_FLOWCHART } from './korea';
import { NATO_FLOWCHART } from './nato';
import { PRIORITY_STEP } from './priority';
import { decidePending } from './reactions';
import { isTeamPlay, movesMade } from './read';
import { TUNING } from './tuning';

/** The seat's priority step goes after its first (most urgent) step. */
const withPriority = (steps: readonly Step[]): readonly Step[] => [steps[0]!, PRIORITY_STEP, ...steps.slice(1)];

export const FLOWCHARTS: Record<Seat, readonly Step[]> = {
  china: withPriority(CHINA_FLOWCHART),
  nato: withPriority(NATO_FLOWCHART),
  japan: withPriority(JAPAN_FLOWCHART),
  korea: withPriority(KOREA_FLOWCHART),
};

/**
 * The highest tension a bot's own move may reach: room must be left for what this upkeep and the next
 * may add (nothing but upkeep's −1 lowers tension; each North Korean roll can add 1, a Taiwan
 * quarantine 1), or the table pushes a war over that the seats parked at the edge are charged with.
 */
export function tensionCeiling(view: GameState): number {
  const nkRolls = view.specials.includes('dprk-rolls-twice') ? 2 : 1;
  const quarantine = view.specials.includes('quarantine-at-crisis-5') && view.tracks.taiwanCrisis >= 4 ? 1 : 0;
  const upkeeps = view.turn < view.lastTurn ? 2 : 1;
  // The 2-seat side leaves one more step of room for the upkeeps (a war charged to any seat loses the whole side); the cap stays.
  const margin = view.variant === 2 ? TUNING.teamTensionMargin : 0;
  return Math.min(TUNING.maxTension, 9 - upkeeps * (nkRolls + quarantine) + (upkeeps - 1) + TUNING.upkeepRisk - margin);
}

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

/**
 * The rules' public entry: everything outside src/rules imports the rules from here and nowhere else
 * (eslint.config.js refuses deep imports), so the files behind it can be split or renamed freely.
 * Grouped by what a caller does with the game.
 */

// The boardgame.io Game and the state it holds.
export { EastAsiaTomorrow, seatFor, splitWhy, type SetupData } from './game';
export { RULES_VERSION } from '../content/rules-version';
export type {
  Action,
  AnyAction,
  Ending,
  GameResult,
  GameState,
  Handicap,
  HandicapInput,
  LogEntry,
  Pending,
  Unit,
  WarCause,
  WhiteAction,
} from './state';
export type { Dice } from './dice';

// Playing headless: set up, list what is legal, apply an action.
export { bySeat, setupState } from './setup';
export { playerOf, rolesOf } from './players';
export { actingSeat, legalMoves, whyIllegal } from './legal-moves';
export { applyAction } from './engine';
export { applySaved, describeSaved, replaySaved, ReplayError, setupSaved, type ReplayHooks } from './replay';
export { awaitingWhiteCell, AFTER_END_MOVES, APPROVAL_TENSION, readPendingByTable } from './white-cell';

// Reading the board: scores, fronts, geography (bots, reports and the screens all read these).
export {
  basesDenied,
  deterrence,
  finalMargins,
  priorityValue,
  isConditionMet,
  marginParts,
  margins,
  PARTNERS_IN,
  portController,
  pressure,
  summitParts,
  summitVictoryPoints,
  type ScorePart,
} from './scoring';
export { coercionModifier, credibility, plaInBackyard } from './fronts';
export { INDO_PACIFIC, theaterOfSpace } from './geo';
export { exportCostsHome, RECIPIENT_THEATER } from './moves/arms';
export { fonopEscort, fonopIsTransit } from './moves/naval';
export { BACKYARD_PORT, portGuarded } from './moves/china';
export { isUsed, QUARANTINE_HELD } from './moves/rule';
export { chargeableSeat } from './changes';

// Estimating a move's outcome on a copy of the state (the bots' reactions).
export { resolution } from './context';
export { applyEffects } from './effects';

// Hidden information: the one gate (view.ts).
export { HIDDEN, actionLogView, briefsFor, playerView, type SeatBrief } from './view';
export { splitReason } from './reason';

// Words for the state, and its canonical form.
export {
  actionWords,
  named,
  spaceName,
  PARTNER_NAMES,
  PORT_NAMES,
  SEAT_NAMES,
  SHELL_ROUTE_NAMES,
  THEATER_NAMES,
  TRACK_NAMES,
  trackTitle,
} from './labels';
export { canonicalJson } from '../content/canonical-json';

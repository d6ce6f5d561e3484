/** The one list of legal moves: the interface's highlights, the bots' choices, the fuzzer and the engine all read it. */
import { MOVES, type MoveName, type Seat } from '../content/ids';
import { MOVE_CATALOGUE, moveCost } from '../content/moves';
import { SEAT_NAMES } from '../content/seats';
import { RULES } from './moves';
import type { Action, GameState } from './state';

const PENDING_MOVES: Record<NonNullable<GameState['pending']>['kind'], MoveName[]> = {
  lambaste: ['lambaste', 'declineLambaste'],
  choice: ['chooseOption'],
  futures: ['chooseOption'],
  approval: [],
  adjudication: [],
  reading: [],
};
const FLOW: ReadonlySet<MoveName> = new Set(['lambaste', 'declineLambaste', 'chooseOption']);

/** The seat the game waits for now, or null when it is over. */
export function actingSeat(G: GameState): Seat | null {
  if (G.result || G.white?.paused) return null;
  if (!G.pending) return G.active;
  const p = G.pending;
  return p.kind === 'approval' || p.kind === 'adjudication' || p.kind === 'reading' ? null : p.seat;
}

/** Move names `seat` may use right now (before arguments). */
function candidateMoves(G: GameState, seat: Seat): MoveName[] {
  if (actingSeat(G) !== seat) return [];
  if (G.pending) return PENDING_MOVES[G.pending.kind];
  return MOVES.filter(
    (m) => !FLOW.has(m) && MOVE_CATALOGUE[m].seats.includes(seat) && MOVE_CATALOGUE[m].cost <= G.ap[seat],
  );
}

/** The move's legal argument lists whose price (a route's, say) `seat` can still pay this round. */
function affordable(G: GameState, seat: Seat, move: MoveName): unknown[][] {
  return RULES[move].options(G, seat).filter((args) => moveCost(move, args) <= G.ap[seat]);
}

/** Every legal `{ move, args }` for `seat` now; empty when it is not that seat's decision. */
export function legalMoves(G: GameState, seat: Seat): Action[] {
  const out: Action[] = [];
  for (const move of candidateMoves(G, seat)) for (const args of affordable(G, seat, move)) out.push({ move, args });
  return out;
}

/** Why a catalogue move is not available to `seat` now, or null if some arguments make it legal. */
export function whyIllegal(G: GameState, seat: Seat, move: MoveName): string | null {
  const info = MOVE_CATALOGUE[move];
  if (G.result) return 'The game is over';
  if (!info.seats.includes(seat)) return `Only ${info.seats.map((s) => SEAT_NAMES[s]).join(', ')} may use this`;
  if (actingSeat(G) !== seat) return 'Not your action';
  if (G.pending && !PENDING_MOVES[G.pending.kind].includes(move)) return 'A decision is pending';
  if (!G.pending && FLOW.has(move)) return 'Nothing to react to';
  if (info.cost > G.ap[seat]) return `Needs ${info.cost} AP; you have ${G.ap[seat]}`;
  if (!RULES[move].parse && RULES[move].options(G, seat).length === 0) return info.needs;
  if (!RULES[move].parse && affordable(G, seat, move).length === 0) return `Needs more AP; you have ${G.ap[seat]}`;
  if (RULES[move].parse && G.white?.adjudication !== 'free') return info.needs;
  return null;
}

/** Deep equality for small plain-JSON argument lists. */
function sameArgs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Is this untrusted action legal for `seat`? Never throws, whatever it is given. */
export function isLegal(G: GameState, seat: Seat, move: unknown, args: unknown): args is unknown[] {
  if (typeof move !== 'string' || !Object.prototype.hasOwnProperty.call(RULES, move)) return false;
  if (!Array.isArray(args) || args.length > 4) return false;
  if (!candidateMoves(G, seat).includes(move as MoveName)) return false;
  const rule = RULES[move as MoveName];
  if (rule.parse) return rule.parse(G, seat, args) !== null;
  return affordable(G, seat, move as MoveName).some((o) => sameArgs(o, args));
}

/**
 * What a bot reads off its seat's view: derived values, what it already did this round, and how much
 * tension an action could add. Everything here uses only public fields (or the bot's own secrets).
 */
import { BALANCE } from '../content/balance';
import { MOVES, PORTS, SEATS, type MoveName, type Port, type Seat, type Theater } from '../content/ids';
import { MOVE_CATALOGUE } from '../content/moves';
import { MOVE_NUMBERS } from '../content/move-numbers';
import { SEAT_NAMES } from '../content/seats';
import {
  deterrence,
  margins,
  portController,
  pressure,
  summitVictoryPoints,
  chargeableSeat,
  fonopIsTransit,
  type Action,
  type GameState,
} from '../rules';
import { TUNING } from './tuning';

export const GRAY_ZONES = ['south-china-sea', 'taiwan-strait', 'east-china-sea'] as const;
export type GrayZone = (typeof GRAY_ZONES)[number];

/** A Western unit (any Western seat's) in a sea zone. */
export function westernUnitIn(view: GameState, zone: string): boolean {
  return view.units.some((u) => u.owner !== 'china' && u.space === zone);
}

/** Gray-zone zones with markers and no Western unit: they harden into faits accomplis at upkeep. */
export function exposedGrayZones(view: GameState): GrayZone[] {
  return GRAY_ZONES.filter((z) => (view.grayZone[z] ?? 0) > 0 && !westernUnitIn(view, z));
}

/** Deterrence minus pressure in a theater: above 0 the West holds it. */
export function balanceIn(view: GameState, theater: Theater): number {
  return deterrence(view, theater) - pressure(view, theater);
}

export const portsHeldBy = (view: GameState, side: 'china' | 'west'): Port[] =>
  PORTS.filter((p) => portController(view, p) === side);

/** The move names in a log line's head (`China — Gray-zone pressure (…)`), by catalogue name. */
const MOVE_BY_NAME = new Map<string, MoveName>(MOVES.map((m) => [MOVE_CATALOGUE[m].name, m]));

/** Moves `seat` made in the current turn (and round, if given), read from the log lines it may see. */
export function movesMade(view: GameState, seat: Seat, round?: 1 | 2): MoveName[] {
  const head = `${SEAT_NAMES[seat]} — `;
  const out: MoveName[] = [];
  for (let i = view.log.length - 1; i >= 0; i--) {
    const e = view.log[i]!;
    if (e.turn !== view.turn) break;
    if (e.kind !== 'move' || e.seat !== seat || (round !== undefined && e.round !== round)) continue;
    if (e.visibleTo && !e.visibleTo.includes(seat)) continue;
    if (!e.text.startsWith(head)) continue;
    const rest = e.text.slice(head.length);
    const name = rest.split(/ \(|: | \[/)[0] ?? '';
    const move = MOVE_BY_NAME.get(name);
    if (move) out.push(move);
  }
  return out.reverse();
}

/**
 * The most tension `seat`'s action may add when it resolves (FONOP: an incident adds 2 more, Japan's
 * transit risks none; Intelligence that exposes hidden aid adds 2). The war guard compares it with the
 * room left below 10.
 */
export function worstTension(view: GameState, seat: Seat, action: Action): number {
  switch (action.move) {
    case 'exercise':
    case 'summit':
    case 'projectBackyardPresence':
    case 'pressStrait':
    case 'deployCarrierGroup':
      return 1;
    case 'quarantineTaiwan':
      // A defied quarantine is a climb-down: the declaration's tension is all it adds.
      return BALANCE.quarantine.tension;
    case 'armPartner':
      return action.args[0] === 'taiwan' ? 2 : 1;
    case 'shellsForUkraine':
      return action.args[0] === 'to-kyiv' ? MOVE_NUMBERS.shellsForUkraine.toKyiv.tension : 0;
    case 'freedomOfNavigation':
      return fonopIsTransit(seat) ? 1 : 3;
    case 'gatherIntelligence':
      return view.aid.some((a) => !a.revealed) ? 2 : 0;
    default:
      return 0;
  }
}

/**
 * Parking tension high is a gamble: a war an inject or North Korea pushes over is charged to the seat
 * that added the most tension lately, so that seat weighs each step above 7 as a risk of losing outright.
 */
function warRisk(view: GameState, seat: Seat): number {
  if (view.result || view.tracks.tension <= TUNING.riskFromTension) return 0;
  return chargeableSeat(view) === seat ? TUNING.riskPerTension * (view.tracks.tension - TUNING.riskFromTension) : 0;
}

/**
 * How a seat judges a state: its margin less `rivalWeight` times the best rival's, or the shared track in
 * the 2-seat game. `m`: the margins to read (the Expert passes the ones its leaf projects, and its own weight).
 */
export function standing(view: GameState, seat: Seat, m = margins(view), rivalWeight = TUNING.rivalWeight): number {
  if (view.result?.ending === 'war') {
    if (view.result.culprit === seat) return -100;
    if (view.variant === 2 && view.result.culprit && (view.result.culprit === 'china') !== (seat === 'china'))
      return 100;
  }
  if (view.variant === 2) {
    const vp = view.tracks.vp + summitVictoryPoints(view);
    return seat === 'china' ? -vp : vp;
  }
  const rival = Math.max(...SEATS.filter((s) => s !== seat).map((s) => m[s]));
  return m[seat] - rival * rivalWeight - warRisk(view, seat);
}

/** In the 2-seat game the three Western seats play one side. */
export const isTeamPlay = (view: GameState, seat: Seat) => view.variant === 2 && seat !== 'china';

/** Margins of every seat (public: no priorities). */
export const publicMargins = margins;

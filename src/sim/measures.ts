/**
 * What the sweep lab reads off one game beyond its result (docs/BALANCE.md "How to measure"): the end
 * state's signature, how a war came, and how often each scenario special rule fired. The rules' own
 * records are used where the state carries them (`G.fired`, `result.cause`); until then they are
 * derived from the log headings and the rules' own scoring functions.
 */
import { MOVE_CATALOGUE } from '../content/moves';
import { PORTS, THEATERS, type MoveName, type Port, type Seat, type Theater } from '../content/ids';
import type { SpecialId } from '../content/specials';
import { SEAT_NAMES } from '../rules/labels';
import { deterrence, portController, pressure, westernPresence } from '../rules/scoring';
import type { GameState, LogEntry } from '../rules/state';

/** Who holds a theater (deterrence against pressure) or a port (influence) at the end. */
export type Holder = 'west' | 'china' | 'even';

/** Ukraine's front as a credibility signal: failing at 3 or less, holding at 7 or more. */
export type UkraineBand = 'failing' | 'middling' | 'holding';
export const UKRAINE_BANDS: readonly UkraineBand[] = ['failing', 'middling', 'holding'];
export const UKRAINE_FAILING_AT_MOST = 3;
export const UKRAINE_HOLDING_AT_LEAST = 7;

export interface EndState {
  theaters: Record<Theater, Holder>;
  ports: Record<Port, Holder>;
  ukraine: UkraineBand;
  taiwanCrisis: number;
  dprkThreat: number;
}

export function ukraineBand(front: number): UkraineBand {
  return front <= UKRAINE_FAILING_AT_MOST ? 'failing' : front >= UKRAINE_HOLDING_AT_LEAST ? 'holding' : 'middling';
}

export function endState(G: GameState): EndState {
  const theaters = {} as Record<Theater, Holder>;
  for (const t of THEATERS) {
    const balance = deterrence(G, t) - pressure(G, t);
    theaters[t] = balance > 0 ? 'west' : balance < 0 ? 'china' : 'even';
  }
  const ports = {} as Record<Port, Holder>;
  for (const p of PORTS) ports[p] = portController(G, p) ?? 'even';
  return {
    theaters,
    ports,
    ukraine: ukraineBand(G.tracks.ukraine),
    taiwanCrisis: G.tracks.taiwanCrisis,
    dprkThreat: G.tracks.dprkThreat,
  };
}

const THEATER_CODE: Record<Theater, string> = {
  'euro-atlantic': 'EA',
  'indian-ocean': 'IO',
  'south-china-sea': 'SCS',
  'taiwan-ecs': 'TW',
  korea: 'KO',
};
const HOLDER_CODE: Record<Holder, string> = { west: 'W', china: 'C', even: '=' };

/**
 * One line per end state, the key of the signature distribution, e.g.
 * `EA:W IO:W SCS:C TW:W KO:W · ports CCW · Ukraine holding · Taiwan 3 · DPRK 2`.
 */
export function signature(e: EndState): string {
  const theaters = THEATERS.map((t) => `${THEATER_CODE[t]}:${HOLDER_CODE[e.theaters[t]]}`).join(' ');
  const ports = PORTS.map((p) => HOLDER_CODE[e.ports[p]]).join('');
  return `${theaters} · ports ${ports} · Ukraine ${e.ukraine} · Taiwan ${e.taiwanCrisis} · DPRK ${e.dprkThreat}`;
}

/** The rules' own cause of a war when the result records one (a string, or an object with a kind). */
function recordedCause(G: GameState): string | undefined {
  const cause = (G.result as { cause?: unknown } | null)?.cause;
  if (typeof cause === 'string') return cause;
  if (cause && typeof cause === 'object' && typeof (cause as { kind?: unknown }).kind === 'string')
    return (cause as { kind: string }).kind;
  return undefined;
}

/** A log line's heading: the part before its first colon (`Upkeep — North Korea`). */
const heading = (e: LogEntry) => e.text.split(':')[0]!.trim();

/**
 * How a war came (null when the game did not end in war): the rules' record, else "own move" when a
 * seat's move pushed tension to 10, else the heading of the log line that did (an inject, an upkeep step).
 */
export function warCause(G: GameState): string | null {
  if (G.result?.ending !== 'war') return null;
  const recorded = recordedCause(G);
  if (recorded !== undefined) return recorded;
  if (G.result.culprit) return 'own move';
  for (let i = G.log.length - 1; i >= 0; i--) {
    const e = G.log[i]!;
    if (e.kind !== 'end') return e.kind === 'inject' ? 'inject' : heading(e);
  }
  return 'unknown';
}

/** Log lines starting with `head`; a move's line starts `Seat — Move name`. */
const linesStarting = (G: GameState, head: string) => G.log.filter((e) => e.text.startsWith(head)).length;
const movesBy = (G: GameState, seat: Seat, move: MoveName) =>
  linesStarting(G, `${SEAT_NAMES[seat]} — ${MOVE_CATALOGUE[move].name}`);

/** Derived firing counts, over the whole game, for specials whose firing the log shows. */
const FIRED_FROM_LOG: Record<SpecialId, ((G: GameState) => number) | null> = {
  'quarantine-at-crisis-5': (G) => linesStarting(G, 'Upkeep — Taiwan quarantine'),
  // The second North Korean roll of each upkeep.
  'dprk-rolls-twice': (G) => linesStarting(G, 'Upkeep — North Korea') - linesStarting(G, 'Upkeep — Ukraine front'),
  'direct-transfer-costs-korea-deterrence': (G) => movesBy(G, 'korea', 'transferDirect'),
  'nonproliferation-counts-double': (G) => movesBy(G, 'korea', 'holdNonproliferationConference'),
  'two-seat-tie-to-west': (G) => twoSeatTie(G),
  'two-seat-tie-roll-off': (G) => twoSeatTie(G),
  'two-seat-tie-to-china': (G) => twoSeatTie(G),
  // Read from the state at each turn instead (basesDeniedNow).
  'japan-bases-essential': null,
};

function twoSeatTie(G: GameState): number {
  return G.log.some((e) => e.kind === 'end' && e.text.includes('(a tie')) ? 1 : 0;
}

/** Japanese-bases rule: does it take US presence out of the Taiwan theater right now? */
export function basesDeniedNow(G: GameState): boolean {
  if (!G.specials.includes('japan-bases-essential')) return false;
  return westernPresence(G, 'taiwan-ecs') < westernPresence({ ...G, specials: [] }, 'taiwan-ecs');
}

/**
 * Times each special rule in force fired. `G.fired` (the rules' own count) wins where present;
 * `basesDeniedTurns` is how many turns began with the Japanese-bases rule denying US presence.
 */
export function firedSpecials(G: GameState, basesDeniedTurns: number): Record<string, number> {
  const own = (G as { fired?: Record<string, number> }).fired;
  if (own) return { ...Object.fromEntries(G.specials.map((s) => [s, 0])), ...own };
  const out: Record<string, number> = {};
  for (const id of G.specials) {
    const count = FIRED_FROM_LOG[id as SpecialId];
    out[id] = count ? count(G) : id === 'japan-bases-essential' ? basesDeniedTurns : 0;
  }
  return out;
}

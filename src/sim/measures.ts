/**
 * What the sweep lab reads off one game beyond its result (docs/BALANCE.md "How to measure"): the end
 * state and its one-line signature, which war causes are a seat's own doing, and how often each special
 * rule fired (the rules count firings in `G.fired`).
 */
import { PORTS, THEATERS, type Port, type Theater } from '../content/ids';
import { deterrence, portController, pressure, type GameState, type WarCause } from '../rules';

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

/** War causes that are a seat's own doing: its action, or an incident its FONOP drew. */
export const OWN_ACTION_CAUSES: readonly WarCause[] = ['seat', 'incident'];

/** Times each special rule in force fired (0 for one that never did), and every v2 mechanism the rules counted. */
export function firedSpecials(G: GameState): Record<string, number> {
  return { ...Object.fromEntries(G.specials.map((s) => [s, 0])), ...G.fired };
}

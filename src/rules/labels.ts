/** Plain-words names for log lines. */
import type { Partner, Port, ShellRoute, SpaceId, Theater, Track, UnitKind } from '../content/ids';
import { isSpaceId, spaceById } from '../content/map';
import { MOVE_CATALOGUE } from '../content/moves';
import type { Action } from './state';
import { UNIT_TYPES } from '../content/seats';

export { SEAT_NAMES } from '../content/seats';
export const TRACK_NAMES: Record<Track, string> = {
  tension: 'tension',
  internationalization: 'internationalization',
  cohesion: 'NATO cohesion',
  ukraine: 'Ukraine front',
  stockpile: 'Western stockpile',
  taiwanCrisis: 'Taiwan Crisis',
  dprkThreat: 'DPRK Threat',
  exposure: 'South Korean exposure',
  exports: 'South Korean exports',
  vp: 'victory points',
};
/** A track's name as a line or a label starts it: "Tension", "NATO cohesion". */
export const trackTitle = (t: Track): string => TRACK_NAMES[t].charAt(0).toUpperCase() + TRACK_NAMES[t].slice(1);
export const THEATER_NAMES: Record<Theater, string> = {
  'euro-atlantic': 'Euro-Atlantic',
  'indian-ocean': 'Indian Ocean',
  'south-china-sea': 'South China Sea',
  'taiwan-ecs': 'Taiwan & East China Sea',
  korea: 'Korea',
};
export const PARTNER_NAMES: Record<Partner, string> = {
  japan: 'Japan',
  korea: 'South Korea',
  'australia-nz': 'Australia–NZ',
  india: 'India',
};
export const PORT_NAMES: Record<Port, string> = {
  'north-sea-ports': 'North Sea ports',
  'mediterranean-ports': 'Mediterranean ports',
  'malaysia-singapore': 'Malaysia–Singapore',
};
/** South Korea's shell routes, as a log line names them: "Shells for Ukraine (via Europe)". */
export const SHELL_ROUTE_NAMES: Record<ShellRoute, string> = {
  'via-europe': 'via Europe',
  'to-kyiv': 'to Kyiv',
};

/** A space's name on the map (`east-china-sea` → `East China Sea`). */
export function spaceName(id: SpaceId): string {
  return spaceById(id).name;
}

/** The plain name of a partner, port, shell route, space, theater or unit a move names; else the value itself. */
export function named(x: unknown): string {
  const id = String(x);
  if (Object.hasOwn(PARTNER_NAMES, id)) return PARTNER_NAMES[id as Partner];
  if (Object.hasOwn(PORT_NAMES, id)) return PORT_NAMES[id as Port];
  if (Object.hasOwn(SHELL_ROUTE_NAMES, id)) return SHELL_ROUTE_NAMES[id as ShellRoute];
  if (isSpaceId(id)) return spaceName(id);
  if (Object.hasOwn(THEATER_NAMES, id)) return THEATER_NAMES[id as Theater];
  return Object.hasOwn(UNIT_TYPES, id) ? UNIT_TYPES[id as UnitKind].name : id;
}

/** "Exercise — Taiwan & East China Sea, Korea": the move's name and its arguments in words. */
export function actionWords(action: Action): string {
  const name = MOVE_CATALOGUE[action.move]?.name ?? action.move;
  return action.args.length ? `${name} — ${action.args.map(named).join(', ')}` : name;
}

/** Plain-words names for log lines. */
import type { Partner, Port, SpaceId, Theater, Track } from '../content/ids';

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

/** `east-china-sea` → `East China Sea`, for spaces without a special name. */
export function spaceName(id: SpaceId): string {
  return id
    .split('-')
    .map((w) => (w === 'nz' || w === 'us' || w === 'nato' ? w.toUpperCase() : w[0]?.toUpperCase() + w.slice(1)))
    .join(' ');
}

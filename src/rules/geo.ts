/** Naval geography from the map's links: sea zones per theater and how far a unit can sail. */
import { SEA_ZONES, type SeaZone, type SpaceId, type Theater } from '../content/ids';
import { areAdjacent, isSpaceId, seaDistance, spaceById, THEATER_SPACES } from '../content/map';

export const INDO_PACIFIC: readonly Theater[] = ['indian-ocean', 'south-china-sea', 'taiwan-ecs', 'korea'];

/** The theater of a space, or null (also for an id that is no space). */
export function theaterOfSpace(id: string): Theater | null {
  return isSpaceId(id) ? spaceById(id).theater : null;
}

export function seaZonesIn(theaters: readonly Theater[]): SeaZone[] {
  return SEA_ZONES.filter((z) => {
    const t = theaterOfSpace(z);
    return t !== null && theaters.includes(t);
  });
}

/**
 * Sea zones within `budget` moves of any start, where reaching a start itself costs `entry` (1 for a
 * unit coming out of a home port). US units may change oceans through the US-East — US-West link.
 */
export function zonesWithin(
  starts: readonly SpaceId[],
  budget: number,
  { entry = 0, usHomePort = false }: { entry?: number; usHomePort?: boolean } = {},
): SeaZone[] {
  return SEA_ZONES.filter((z) => starts.some((s) => entry + seaDistance(s, z, { usHomePort }) <= budget));
}

/** True if `space` is `target` or next to it. */
export function isNextTo(space: SpaceId, target: SpaceId): boolean {
  return space === target || areAdjacent(space, target);
}

export function spacesIn(theater: Theater): SpaceId[] {
  return THEATER_SPACES[theater];
}

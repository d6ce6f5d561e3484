/** Naval geography from the map's links: sea zones per theater and how far a unit can sail. */
import { SEA_ZONES, type SeaZone, type SpaceId, type Theater } from '../content/ids';
import { areAdjacent, isSpaceId, MAP, spaceById, THEATER_SPACES } from '../content/map';

const SEA = new Set<string>(SEA_ZONES);

/** Sea-to-sea links with their costs, both ways. */
const seaLinks = new Map<string, { to: SeaZone; cost: number }[]>();
for (const l of MAP.links) {
  if (!SEA.has(l.a) || !SEA.has(l.b)) continue;
  for (const [from, to] of [
    [l.a, l.b],
    [l.b, l.a],
  ] as const) {
    const list = seaLinks.get(from) ?? [];
    list.push({ to: to as SeaZone, cost: l.cost });
    seaLinks.set(from, list);
  }
}

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
 * Sea zones reachable from `starts` spending at most `budget` movement, where entering a start zone
 * itself costs `entryCost` (1 for a unit coming out of a home port, 0 for a unit already at sea).
 */
export function reachable(starts: readonly SeaZone[], budget: number, entryCost: number): Map<SeaZone, number> {
  const best = new Map<SeaZone, number>();
  const queue: [SeaZone, number][] = starts.map((s) => [s, entryCost]);
  while (queue.length) {
    queue.sort((a, b) => a[1] - b[1]);
    const [zone, cost] = queue.shift()!;
    if (cost > budget || (best.get(zone) ?? Infinity) <= cost) continue;
    best.set(zone, cost);
    for (const { to, cost: c } of seaLinks.get(zone) ?? []) queue.push([to, cost + c]);
  }
  return best;
}

/** True if `space` is `target` or next to it. */
export function isNextTo(space: SpaceId, target: SpaceId): boolean {
  return space === target || areAdjacent(space, target);
}

export function spacesIn(theater: Theater): SpaceId[] {
  return THEATER_SPACES[theater];
}

/**
 * The 29-space board (docs/DESIGN.md §2): one data file feeds the rules (links) and the renderer (outlines).
 * Outlines are [longitude, latitude] rings, clockwise with north up (d3-geo's convention for
 * polygons smaller than a hemisphere); longitudes east of the date line are written above 180.
 */
import mapData from './data/map.json';
import { SEA_ZONES, SPACES, THEATERS, type SpaceId, type Theater } from './ids';
import { MapSchema, type GameMap, type Link, type Space } from './schemas';

function loadMap(raw: unknown): GameMap {
  const parsed = MapSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  $.${i.path.join('.')}: ${i.message}`);
    throw new Error(`src/content/data/map.json is not a valid map:\n${lines.join('\n')}`);
  }
  const map = parsed.data;
  // Cross-checks a schema cannot express: every space exactly once, links between distinct known spaces.
  const seen = new Set<string>();
  for (const s of map.spaces) {
    if (seen.has(s.id)) throw new Error(`map.json: space "${s.id}" appears twice`);
    seen.add(s.id);
  }
  const missing = SPACES.filter((id) => !seen.has(id));
  if (missing.length) throw new Error(`map.json: missing spaces ${missing.join(', ')}`);
  const linkKeys = new Set<string>();
  for (const l of map.links) {
    if (l.a === l.b) throw new Error(`map.json: link from "${l.a}" to itself`);
    const key = [l.a, l.b].sort().join('|');
    if (linkKeys.has(key)) throw new Error(`map.json: link ${l.a} — ${l.b} listed twice`);
    linkKeys.add(key);
  }
  return map;
}

export const MAP: GameMap = loadMap(mapData);

const byId = new Map<string, Space>(MAP.spaces.map((s) => [s.id, s]));

/** The space with this id; throws on an unknown id (ids come from ids.ts, so that is a bug). */
export function spaceById(id: SpaceId): Space {
  const s = byId.get(id);
  if (!s) throw new Error(`Unknown space "${String(id)}"`);
  return s;
}

export function isSpaceId(id: unknown): id is SpaceId {
  return typeof id === 'string' && byId.has(id);
}

const SEA = new Set<string>(SEA_ZONES);

export interface Neighbour {
  id: SpaceId;
  cost: number;
  kind: Link['kind'];
}

const adjacency = new Map<SpaceId, Neighbour[]>(SPACES.map((id) => [id, []]));
for (const l of MAP.links) {
  adjacency.get(l.a)!.push({ id: l.b, cost: l.cost, kind: l.kind });
  adjacency.get(l.b)!.push({ id: l.a, cost: l.cost, kind: l.kind });
}

/** Every space linked to `id`, with the link's movement cost and kind (links go both ways). */
export function neighbours(id: SpaceId): readonly Neighbour[] {
  return adjacency.get(id) ?? [];
}

export function areAdjacent(a: SpaceId, b: SpaceId): boolean {
  return neighbours(a).some((n) => n.id === b);
}

/** The spaces of each theater (spaces outside every theater are in none). */
export const THEATER_SPACES: Record<Theater, SpaceId[]> = Object.fromEntries(
  THEATERS.map((t) => [t, MAP.spaces.filter((s) => s.theater === t).map((s) => s.id)]),
) as Record<Theater, SpaceId[]>;

const HOME_PORTS = new Set<string>(['us-east', 'us-west']);

export interface SeaRouteOptions {
  /** US units may sail into a US home port and out of the other one (US-East — US-West). */
  usHomePort?: boolean;
}

/**
 * Shortest naval path cost from one space to another through sea zones only (Dijkstra over link
 * costs). With `usHomePort`, the path may also pass US-East and US-West: in from a coast sea zone,
 * across the home-port link, out to a coast sea zone. Infinity when no naval path exists.
 */
export function seaDistance(from: SpaceId, to: SpaceId, options: SeaRouteOptions = {}): number {
  // The map never changes, so each route is searched once (the rules ask for every legal move).
  const key = `${from} ${to} ${options.usHomePort === true}`;
  let d = routeCache.get(key);
  if (d === undefined) routeCache.set(key, (d = searchSeaRoute(from, to, options)));
  return d;
}

const routeCache = new Map<string, number>();

function searchSeaRoute(from: SpaceId, to: SpaceId, options: SeaRouteOptions): number {
  if (from === to) return 0;
  const passable = (id: SpaceId) => SEA.has(id) || (options.usHomePort === true && HOME_PORTS.has(id));
  const usable = (n: Neighbour) =>
    n.kind === 'sea' ||
    (options.usHomePort === true &&
      (n.kind === 'home-port' || (n.kind === 'coast' && (HOME_PORTS.has(n.id) || SEA.has(n.id)))));
  const best = new Map<SpaceId, number>([[from, 0]]);
  const open: SpaceId[] = [from];
  while (open.length) {
    open.sort((a, b) => best.get(a)! - best.get(b)!);
    const here = open.shift()!;
    const d = best.get(here)!;
    if (here === to) return d;
    if (here !== from && !passable(here)) continue;
    for (const n of neighbours(here)) {
      if (!usable(n)) continue;
      // A coast link only counts when it joins a sea zone to a home port (never into other land).
      if (n.kind === 'coast' && !(HOME_PORTS.has(here) || HOME_PORTS.has(n.id))) continue;
      if (!passable(n.id) && n.id !== to) continue;
      const nd = d + n.cost;
      if (nd < (best.get(n.id) ?? Infinity)) {
        if (!best.has(n.id)) open.push(n.id);
        best.set(n.id, nd);
      }
    }
  }
  return Infinity;
}

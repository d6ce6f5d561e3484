import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoArea, geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { LAND_SPACES, SEA_ZONES, SPACES, THEATERS, type SpaceId } from '../../src/content/ids';
import { MAP, THEATER_SPACES, areAdjacent, neighbours, seaDistance, spaceById } from '../../src/content/map';

type LL = [number, number];
const rings = (id: SpaceId): LL[][] => {
  const s = spaceById(id);
  return [s.polygon as LL[], ...((s.islands ?? []) as LL[][])];
};
/** Planar point-in-polygon in lon/lat (ray casting). */
function inside([x, y]: LL, ring: LL[]): boolean {
  let c = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}
const closed = (ring: LL[]) => [...ring, ring[0]!];

/** docs/DESIGN.md §2, written out again independently of map.json. */
const EXPECTED_LINKS = `
north-atlantic us-east coast; north-atlantic nato-europe coast; north-atlantic north-sea-baltic sea; north-atlantic mediterranean sea; north-atlantic west-indian-ocean sea 2
north-sea-baltic nato-europe coast; north-sea-baltic north-sea-ports coast; north-sea-baltic russia coast
mediterranean nato-europe coast; mediterranean mediterranean-ports coast; mediterranean west-indian-ocean sea
west-indian-ocean east-indian-ocean sea; west-indian-ocean india coast
east-indian-ocean india coast; east-indian-ocean malacca sea; east-indian-ocean australia-nz coast; east-indian-ocean southwest-pacific sea
malacca south-china-sea sea; malacca malaysia-singapore coast
south-china-sea taiwan-strait sea; south-china-sea western-pacific sea; south-china-sea china coast; south-china-sea asean-claimants coast
taiwan-strait east-china-sea sea; taiwan-strait taiwan coast; taiwan-strait china coast
east-china-sea sea-of-japan sea; east-china-sea western-pacific sea; east-china-sea china coast; east-china-sea japan coast; east-china-sea south-korea coast
sea-of-japan japan coast; sea-of-japan south-korea coast; sea-of-japan north-korea coast; sea-of-japan russia coast
western-pacific taiwan coast; western-pacific japan coast; western-pacific asean-claimants coast; western-pacific southwest-pacific sea; western-pacific east-pacific sea
southwest-pacific australia-nz coast; east-pacific us-west coast
nato-europe ukraine border; nato-europe north-sea-ports border; nato-europe mediterranean-ports border; ukraine russia border
russia china border; russia north-korea border; north-korea south-korea border; north-korea china border
china india border; china asean-claimants border; malaysia-singapore asean-claimants border; us-east us-west home-port`;

describe('the map', () => {
  it('has every space of ids.ts exactly once, with the right kind', () => {
    expect(MAP.spaces.map((s) => s.id).sort()).toEqual([...SPACES].sort());
    for (const id of SEA_ZONES) expect(spaceById(id).kind).toBe('sea');
    for (const id of LAND_SPACES) expect(spaceById(id).kind).toBe('land');
  });

  it('has exactly the links of docs/DESIGN.md §2, each listed once, with kinds matching the spaces', () => {
    const expected = EXPECTED_LINKS.split(/[;\n]/)
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => {
        const [a, b, kind, cost] = l.split(' ');
        return `${[a, b].sort().join(' ')} ${kind} ${cost ?? 1}`;
      })
      .sort();
    const actual = MAP.links.map((l) => `${[l.a, l.b].sort().join(' ')} ${l.kind} ${l.cost}`).sort();
    expect(actual).toEqual(expected);
    for (const l of MAP.links) {
      const kinds = [spaceById(l.a).kind, spaceById(l.b).kind].sort().join('-');
      const want = {
        'sea-sea': 'sea',
        'land-sea': 'coast',
        'land-land': l.kind === 'home-port' ? 'home-port' : 'border',
      }[kinds];
      expect(l.kind, `${l.a} — ${l.b}`).toBe(want);
    }
  });

  it('is symmetric: b is a neighbour of a exactly when a is a neighbour of b, with the same cost', () => {
    for (const a of SPACES) {
      for (const n of neighbours(a)) {
        const back = neighbours(n.id).find((m) => m.id === a);
        expect(back, `${n.id} → ${a}`).toBeDefined();
        expect(back!.cost).toBe(n.cost);
        expect(back!.kind).toBe(n.kind);
      }
    }
    expect(areAdjacent('ukraine', 'russia')).toBe(true);
    expect(areAdjacent('ukraine', 'china')).toBe(false);
  });

  it('is connected, and the sea zones are connected by sea alone', () => {
    const reach = (start: SpaceId, ok: (kind: string) => boolean) => {
      const seen = new Set<SpaceId>([start]);
      const todo = [start];
      while (todo.length) {
        for (const n of neighbours(todo.pop()!)) {
          if (!ok(n.kind) || seen.has(n.id)) continue;
          seen.add(n.id);
          todo.push(n.id);
        }
      }
      return seen;
    };
    expect(reach('china', () => true).size).toBe(SPACES.length);
    expect([...reach('north-atlantic', (k) => k === 'sea')].sort()).toEqual([...SEA_ZONES].sort());
  });

  it('assigns theaters as the brief says', () => {
    expect(THEATER_SPACES['euro-atlantic'].sort()).toEqual([
      'mediterranean',
      'mediterranean-ports',
      'nato-europe',
      'north-atlantic',
      'north-sea-baltic',
      'north-sea-ports',
      'ukraine',
      'us-east',
    ]);
    expect(THEATER_SPACES['indian-ocean'].sort()).toEqual([
      'australia-nz',
      'east-indian-ocean',
      'india',
      'malacca',
      'southwest-pacific',
      'west-indian-ocean',
    ]);
    expect(THEATER_SPACES['south-china-sea'].sort()).toEqual([
      'asean-claimants',
      'malaysia-singapore',
      'south-china-sea',
    ]);
    expect(THEATER_SPACES['taiwan-ecs'].sort()).toEqual([
      'east-china-sea',
      'japan',
      'taiwan',
      'taiwan-strait',
      'western-pacific',
    ]);
    expect(THEATER_SPACES.korea.sort()).toEqual(['north-korea', 'sea-of-japan', 'south-korea']);
    for (const id of ['russia', 'china', 'us-west', 'east-pacific'] as const) expect(spaceById(id).theater).toBeNull();
    for (const t of THEATERS) expect(THEATER_SPACES[t].length).toBeGreaterThan(0);
  });

  it('throws on an unknown space id', () => {
    expect(() => spaceById('atlantis' as SpaceId)).toThrow(/Unknown space "atlantis"/);
  });
});

describe('outlines for the renderer', () => {
  const atlas = JSON.parse(
    readFileSync(createRequire(import.meta.url).resolve('world-atlas/land-110m.json'), 'utf8'),
  ) as Topology;
  const land = feature(atlas, atlas.objects.land!);

  it.each([...SPACES])('%s: label inside its outline; rings clockwise and smaller than a hemisphere', (id) => {
    const s = spaceById(id);
    expect(inside(s.label as LL, s.polygon as LL[])).toBe(true);
    for (const ring of rings(id)) {
      // d3-geo reads a counter-clockwise ring as "the whole globe but this"; its area would exceed 2π.
      expect(geoArea({ type: 'Polygon', coordinates: [closed(ring)] })).toBeLessThan(2 * Math.PI);
      for (const [lon] of ring) expect(lon).toBeGreaterThan(-80); // the projection centred on 100°E cuts at 80°W
    }
    expect(geoContains({ type: 'Polygon', coordinates: [closed(s.polygon as LL[])] }, s.label as LL)).toBe(true);
  });

  it('puts land labels on land and sea labels at sea (Natural Earth 1:110m)', () => {
    const wrong = MAP.spaces.filter((s) => geoContains(land, s.label as LL) !== (s.kind === 'land')).map((s) => s.id);
    expect(wrong).toEqual([]);
  });

  it('does not overlap badly: no label lies inside another space', () => {
    const clashes: string[] = [];
    for (const s of MAP.spaces)
      for (const o of MAP.spaces)
        if (o !== s && rings(o.id).some((r) => inside(s.label as LL, r))) clashes.push(`${s.id} in ${o.id}`);
    expect(clashes).toEqual([]);
  });
});

describe('seaDistance', () => {
  it.each<[SpaceId, SpaceId, boolean, number]>([
    ['western-pacific', 'western-pacific', false, 0],
    ['south-china-sea', 'taiwan-strait', false, 1],
    ['north-atlantic', 'west-indian-ocean', false, 2],
    ['mediterranean', 'west-indian-ocean', false, 1],
    ['mediterranean', 'south-china-sea', false, 4],
    ['north-atlantic', 'east-pacific', false, 6],
    ['north-atlantic', 'east-pacific', true, 3],
    ['north-sea-baltic', 'western-pacific', true, 5],
    ['east-pacific', 'sea-of-japan', false, 3],
  ])('%s → %s (US home port: %s) = %i', (from, to, usHomePort, d) => {
    expect(seaDistance(from, to, { usHomePort })).toBe(d);
    expect(seaDistance(to, from, { usHomePort })).toBe(d);
  });

  it('never sails over land, except US units through their home ports', () => {
    expect(seaDistance('north-atlantic', 'china')).toBe(Infinity);
    expect(seaDistance('north-atlantic', 'us-west', { usHomePort: true })).toBe(2);
    expect(seaDistance('north-atlantic', 'us-west')).toBe(Infinity);
    // Round the world by sea alone, or through the US home ports: the link saves two moves, nothing more.
    expect(seaDistance('north-sea-baltic', 'sea-of-japan')).toBe(8); // via Suez and the Southwest Pacific
    expect(seaDistance('north-sea-baltic', 'sea-of-japan', { usHomePort: true })).toBe(7);
    expect(seaDistance('east-pacific', 'north-atlantic', { usHomePort: true })).toBe(3);
  });
});

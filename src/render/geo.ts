/**
 * Map geometry helpers: Natural Earth coastlines turned into projected rings (through a panel's clipped
 * projection, see theatre.ts), point-in-ring and bounds.
 */
import { geoPath, type GeoProjection } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';

export type XY = [number, number];
export type Ring = XY[];

/** A d3 path context that records rings instead of drawing (d3 clips and projects for us). */
class RingRecorder {
  rings: Ring[] = [];
  lines: Ring[] = [];
  private current: Ring | null = null;
  beginPath(): void {}
  moveTo(x: number, y: number): void {
    this.flush(false);
    this.current = [[x, y]];
  }
  lineTo(x: number, y: number): void {
    this.current?.push([x, y]);
  }
  closePath(): void {
    this.flush(true);
  }
  arc(): void {}
  flush(closed: boolean): void {
    if (this.current && this.current.length > 1) (closed ? this.rings : this.lines).push(this.current);
    this.current = null;
  }
}

/** Signed area in screen space (y down): positive = clockwise on screen. */
export function signedArea(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    a += (xj - xi) * (yj + yi);
  }
  return a / 2;
}

export interface Coastlines {
  /** Outer land rings. */
  land: Ring[];
  /** Holes in the land (inland seas such as the Caspian). */
  holes: Ring[];
  /** Country borders as open polylines. */
  borders: Ring[];
  /** The outline of the projected globe (the sphere). */
  sphere: Ring[];
}

/** Natural Earth countries (world-atlas topojson) → projected, clipped rings. */
export function coastlines(projection: GeoProjection, topology: Topology): Coastlines {
  const objects = topology.objects as Record<string, GeometryCollection>;
  const landObj = objects['land'];
  const countriesObj = objects['countries'];
  if (!landObj || !countriesObj)
    throw new Error('coastlines: the atlas needs "land" and "countries" objects (world-atlas countries-*.json)');
  const land = new RingRecorder();
  geoPath(projection, land)(feature(topology, landObj));
  const orientation = Math.sign(land.rings.reduce((s, r) => s + signedArea(r), 0)) || 1;
  const outer: Ring[] = [];
  const holes: Ring[] = [];
  for (const ring of land.rings) (Math.sign(signedArea(ring)) === orientation ? outer : holes).push(ring);
  const borders = new RingRecorder();
  geoPath(projection, borders)(mesh(topology, countriesObj, (a, b) => a !== b));
  borders.flush(false);
  const sphere = new RingRecorder();
  geoPath(projection, sphere)({ type: 'Sphere' });
  return { land: outer, holes, borders: [...borders.lines, ...borders.rings], sphere: sphere.rings };
}

/** Ray-casting point-in-polygon. */
export function contains(ring: readonly XY[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function bounds(rings: readonly (readonly XY[])[]): { x0: number; y0: number; x1: number; y1: number } {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const r of rings)
    for (const [x, y] of r) {
      if (x < x0) x0 = x;
      if (y < y0) y0 = y;
      if (x > x1) x1 = x;
      if (y > y1) y1 = y;
    }
  return { x0, y0, x1, y1 };
}

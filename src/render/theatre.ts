/**
 * The theatre map's layout, computed once per board: three Mercator panels laid out like a published
 * wargame map (the Indo-Pacific filling the board, the Euro-Atlantic and the East Pacific as insets in
 * its empty corners), every space's outline clipped to its panel, and one label box per space placed
 * inside the space where it fits, else next to it on a short leader. Pure (no Phaser): the scene draws
 * what this returns and never moves a label afterwards, so nothing drifts between redraws or zooms.
 */
import { geoMercator, type GeoProjection } from 'd3-geo';
import type { LonLat } from './board-view';
import { bounds, contains, signedArea, type Ring, type XY } from './geo';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface PanelSpec {
  id: string;
  name: string;
  /** West and east edges (east may exceed 180). */
  lon: [number, number];
  /** South and north edges. */
  lat: [number, number];
  width: number;
  /** Top-left corner in world units. */
  at: XY;
}

/** World width of the main panel; the camera zooms this to the canvas. */
const WORLD_WIDTH = 2400;

/**
 * The panels, main first. The insets cover what no space needs: the far south of the Indian Ocean (where the
 * route round the Cape arrives) and the open North Pacific.
 */
const PANELS: readonly PanelSpec[] = [
  { id: 'indo-pacific', name: 'Indo-Pacific', lon: [40, 186], lat: [-43, 52], width: WORLD_WIDTH, at: [0, 0] },
  { id: 'euro-atlantic', name: 'Euro-Atlantic', lon: [-82, 46], lat: [14, 67], width: 1100, at: [0, 1126] },
  { id: 'east-pacific', name: 'East Pacific', lon: [195, 246], lat: [14, 51], width: 420, at: [WORLD_WIDTH - 420, 0] },
];

/** Sizes in screen pixels at the reference zoom, where the map is drawn at its designed size. */
export const REF_ZOOM = 0.4;
export const TOKEN_PX = 22;
export const TOKEN_GAP_PX = 4;
export const NAME_PX = { sea: 11, land: 12 } as const;
export const NAME_LINE_PX = 15;
/** Token places reserved in every box, so a box never grows when units arrive. */
const RESERVED_TOKENS = { sea: 3, land: 2 } as const;

export interface Panel {
  id: string;
  name: string;
  frame: Rect;
  /** d3 projection clipped to the frame (coastlines). */
  projection: GeoProjection;
  /** The same projection without wrapping, for the spaces' own outlines. */
  project(p: LonLat): XY;
}

export interface SpaceShape {
  id: string;
  name: string;
  kind: 'sea' | 'land';
  polygon: readonly LonLat[];
  islands: readonly (readonly LonLat[])[];
  label: LonLat;
}

export interface PlacedSpace {
  id: string;
  kind: 'sea' | 'land';
  /** The panel holding the label and tokens. */
  panel: string;
  /** Outlines in world units, clipped to their panels (a space may show in two panels). */
  rings: { panel: string; ring: Ring }[];
  /** The label's anchor: a point inside the space (the box centre when the box fits inside). */
  anchor: XY;
  /** Name and tokens, in world units at the reference zoom. */
  box: Rect;
  /** True when the box sits outside the space, joined to the anchor by a leader line. */
  leader: boolean;
  shape: BoxShape;
  /** Name-only labels where the space shows in another panel (Russia beside the Sea of Japan). */
  echoes: { panel: string; at: XY }[];
}

export interface TheatreLayout {
  panels: Panel[];
  spaces: Map<string, PlacedSpace>;
  bounds: Rect;
}

const RAD = Math.PI / 180;
const merc = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * RAD) / 2));

function makePanel(spec: PanelSpec): Panel {
  const [w, e] = spec.lon;
  const lon0 = (w + e) / 2;
  const k = spec.width / ((e - w) * RAD);
  const yTop = merc(spec.lat[1]);
  const h = k * (yTop - merc(spec.lat[0]));
  const cx = spec.at[0] + spec.width / 2;
  const ty = spec.at[1] + k * yTop;
  const frame = { x: spec.at[0], y: spec.at[1], w: spec.width, h };
  const projection = geoMercator()
    .rotate([-lon0, 0])
    .scale(k)
    .translate([cx, ty])
    .clipExtent([
      [frame.x, frame.y],
      [frame.x + frame.w, frame.y + frame.h],
    ])
    .precision(0.3);
  const clampLat = (lat: number) => Math.max(-85, Math.min(85, lat));
  return {
    id: spec.id,
    name: spec.name,
    frame,
    projection,
    project: ([lon, lat]) => [cx + k * (lon - lon0) * RAD, ty - k * merc(clampLat(lat))],
  };
}

/** Sutherland–Hodgman: the part of a ring inside a rectangle. */
export function clipRing(ring: readonly XY[], r: Rect): Ring {
  const edges: [(p: XY) => boolean, (a: XY, b: XY) => XY][] = [
    [(p) => p[0] >= r.x, (a, b) => at(a, b, b[0] === a[0] ? 0 : (r.x - a[0]) / (b[0] - a[0]))],
    [(p) => p[0] <= r.x + r.w, (a, b) => at(a, b, b[0] === a[0] ? 0 : (r.x + r.w - a[0]) / (b[0] - a[0]))],
    [(p) => p[1] >= r.y, (a, b) => at(a, b, b[1] === a[1] ? 0 : (r.y - a[1]) / (b[1] - a[1]))],
    [(p) => p[1] <= r.y + r.h, (a, b) => at(a, b, b[1] === a[1] ? 0 : (r.y + r.h - a[1]) / (b[1] - a[1]))],
  ];
  let out: XY[] = [...ring];
  for (const [inside, cross] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i]!;
      const prev = input[(i + input.length - 1) % input.length]!;
      if (inside(cur)) {
        if (!inside(prev)) out.push(cross(prev, cur));
        out.push(cur);
      } else if (inside(prev)) out.push(cross(prev, cur));
    }
    if (!out.length) break;
  }
  return out;
}

const at = (a: XY, b: XY, t: number): XY => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];

export const overlaps = (a: Rect, b: Rect, margin = 0): boolean =>
  a.x < b.x + b.w + margin && b.x < a.x + a.w + margin && a.y < b.y + b.h + margin && b.y < a.y + a.h + margin;

const inRect = (r: Rect, p: XY, margin = 0): boolean =>
  p[0] >= r.x - margin && p[0] <= r.x + r.w + margin && p[1] >= r.y - margin && p[1] <= r.y + r.h + margin;

const within = (outer: Rect, inner: Rect): boolean =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.w <= outer.x + outer.w &&
  inner.y + inner.h <= outer.y + outer.h;

/** A box lies inside a ring when points along its edges do and no vertex of the ring pokes into it. */
function boxInside(ring: Ring, b: Rect): boolean {
  for (let i = 0; i <= 4; i++) {
    const fx = b.x + (b.w * i) / 4;
    const fy = b.y + (b.h * i) / 4;
    if (!contains(ring, fx, b.y) || !contains(ring, fx, b.y + b.h)) return false;
    if (!contains(ring, b.x, fy) || !contains(ring, b.x + b.w, fy)) return false;
  }
  return !ring.some((p) => inRect(b, p, -0.5));
}

/** Distance from a point to a ring's edges. */
function clearance(ring: Ring, p: XY): number {
  let best = Infinity;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [ax, ay] = ring[j]!;
    const [bx, by] = ring[i]!;
    const dx = bx - ax;
    const dy = by - ay;
    const t = dx || dy ? Math.max(0, Math.min(1, ((p[0] - ax) * dx + (p[1] - ay) * dy) / (dx * dx + dy * dy))) : 0;
    best = Math.min(best, Math.hypot(p[0] - ax - t * dx, p[1] - ay - t * dy));
  }
  return best;
}

/** Points inside a ring on a grid, with their clearance (the deepest first is the pole of inaccessibility). */
function interior(ring: Ring, usable: (p: XY) => boolean): { p: XY; depth: number }[] {
  const b = bounds([ring]);
  const span = Math.max(b.x1 - b.x0, b.y1 - b.y0);
  // A coarse grid, finer only for slivers the coarse one misses entirely.
  for (const step of [Math.max(8, span / 45), Math.max(1, span / 200)]) {
    const pts: { p: XY; depth: number }[] = [];
    let insideRing = 0;
    for (let y = b.y0 + step / 2; y < b.y1; y += step)
      for (let x = b.x0 + step / 2; x < b.x1; x += step)
        if (contains(ring, x, y)) {
          insideRing++;
          if (usable([x, y])) pts.push({ p: [x, y], depth: clearance(ring, [x, y]) });
        }
    if (insideRing) return pts;
  }
  return [];
}

const area = (ring: Ring) => Math.abs(signedArea(ring));

/** How a label box is arranged: the name on one or two lines over the reserved tokens in `cols` columns. */
export interface BoxShape {
  lines: string[];
  cols: number;
  rows: number;
}

/** Splits a name at the space nearest its middle. */
function twoLines(text: string): string[] {
  const spaces = [...text.matchAll(/ /g)].map((m) => m.index);
  if (!spaces.length) return [text];
  const cut = spaces.sort((a, b) => Math.abs(a - text.length / 2) - Math.abs(b - text.length / 2))[0]!;
  return [text.slice(0, cut), text.slice(cut + 1)];
}

/** The box shapes a space may take, widest first, with their sizes in world units. */
function boxShapes(
  s: SpaceShape,
  measure: (text: string, kind: 'sea' | 'land') => number,
): (BoxShape & { w: number; h: number })[] {
  const text = s.kind === 'sea' ? s.name.toUpperCase() : s.name;
  const reserved = RESERVED_TOKENS[s.kind];
  const out: (BoxShape & { w: number; h: number })[] = [];
  for (const cols of [reserved, Math.ceil(reserved / 2)])
    for (const lines of [[text], twoLines(text)]) {
      const rows = Math.ceil(reserved / cols);
      const nameW = Math.max(...lines.map((l) => measure(l, s.kind)));
      const wPx = Math.max(nameW + 8, cols * (TOKEN_PX + TOKEN_GAP_PX) + 2);
      const hPx = lines.length * NAME_LINE_PX + rows * (TOKEN_PX + TOKEN_GAP_PX) + 2;
      out.push({ lines, cols, rows, w: wPx / REF_ZOOM, h: hPx / REF_ZOOM });
    }
  return out;
}

/** A text-width estimate for Inter bold (tests and Node; the scene measures with the real font). */
export const estimateWidth = (text: string, kind: 'sea' | 'land'): number =>
  text.length * NAME_PX[kind] * (kind === 'sea' ? 0.7 : 0.62) + 4;

/** Lays the spaces out on the panels: outlines, anchors and label boxes, once. */
export function layoutTheatre(
  shapes: readonly SpaceShape[],
  measure: (text: string, kind: 'sea' | 'land') => number = estimateWidth,
): TheatreLayout {
  const panels = PANELS.map(makePanel);
  const main = panels[0]!;
  const insets = panels.slice(1).map((p) => p.frame);
  /** Where a label of the given panel may go: inside the frame and, in the main panel, off the insets. */
  const free = (panel: Panel, r: Rect): boolean =>
    within(panel.frame, r) && (panel !== main || insets.every((i) => !overlaps(i, r, 4)));
  const visible = (panel: Panel, p: XY): boolean =>
    inRect(panel.frame, p) && (panel !== main || insets.every((i) => !inRect(i, p, 2)));

  const spaces = new Map<string, PlacedSpace>();
  const pending: { s: SpaceShape; panel: Panel; ring: Ring; size: { w: number; h: number }; anchor: XY }[] = [];
  const placed: Rect[] = [];
  const anchors: XY[] = [];
  for (const s of shapes) {
    const rings: { panel: string; ring: Ring }[] = [];
    const areaBy = new Map<Panel, number>();
    for (const panel of panels)
      for (const lonlat of [s.polygon, ...s.islands]) {
        const ring = clipRing(lonlat.map(panel.project), panel.frame);
        if (ring.length < 3 || area(ring) < 1) continue;
        rings.push({ panel: panel.id, ring });
        const seen = panel === main ? ring.filter((p) => visible(main, p)).length / ring.length : 1;
        areaBy.set(panel, (areaBy.get(panel) ?? 0) + area(ring) * seen);
      }
    const panel = [...areaBy.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? main;
    const own = rings.filter((r) => r.panel === panel.id).map((r) => r.ring);
    const label = panel.project(s.label);
    const ring = own.find((r) => contains(r, label[0], label[1])) ??
      [...own].sort((a, b) => area(b) - area(a))[0] ?? [label];
    const shapesOf = boxShapes(s, measure);
    const inside = interior(ring, (p) => visible(panel, p));
    const prefer = contains(ring, label[0], label[1]) && visible(panel, label) ? label : null;
    // Inside: the fitting spot nearest the map's own label point (else the deepest one), widest shape first.
    const dist = (c: { p: XY; depth: number }) =>
      prefer ? Math.hypot(c.p[0] - prefer[0], c.p[1] - prefer[1]) : -c.depth;
    const ranked = inside.map((c) => ({ ...c, d: dist(c) })).sort((a, b) => a.d - b.d);
    let fit: { p: XY; box: Rect; shape: BoxShape } | undefined;
    for (const shape of shapesOf) {
      // Only deep-enough points can hold the box; the nearest few hundred are plenty to try.
      const half = Math.min(shape.w, shape.h) / 2;
      const sure = Math.hypot(shape.w, shape.h) / 2;
      for (const { p, depth } of ranked.filter((c) => c.depth >= half).slice(0, 250)) {
        const box = { x: p[0] - shape.w / 2, y: p[1] - shape.h / 2, w: shape.w, h: shape.h };
        if (!free(panel, box) || placed.some((q) => overlaps(q, box, 4))) continue;
        if (depth >= sure || boxInside(ring, box)) {
          fit = { p, box, shape };
          break;
        }
      }
      if (fit) break;
    }
    const echoes = panels
      .filter((p) => p !== panel && (areaBy.get(p) ?? 0) > 120 * 60)
      .flatMap((p) => {
        const big = rings.filter((r) => r.panel === p.id).sort((a, b) => area(b.ring) - area(a.ring))[0];
        const deepest = big ? interior(big.ring, (q) => visible(p, q)).sort((a, b) => b.depth - a.depth)[0] : undefined;
        return deepest && deepest.depth > 20 ? [{ panel: p.id, at: deepest.p }] : [];
      });
    if (fit) {
      placed.push(fit.box);
      anchors.push(fit.p);
      spaces.set(s.id, {
        id: s.id,
        kind: s.kind,
        panel: panel.id,
        rings,
        anchor: fit.p,
        box: fit.box,
        leader: false,
        shape: fit.shape,
        echoes,
      });
      continue;
    }
    const deepest = [...inside].sort((a, b) => b.depth - a.depth)[0]?.p;
    const anchor = prefer && (!deepest || clearance(ring, prefer) > 4) ? prefer : (deepest ?? label);
    anchors.push(anchor);
    // A leader box is flat: the name on one line over one row of tokens.
    const shape = shapesOf[0]!;
    const size = { w: shape.w, h: shape.h };
    spaces.set(s.id, {
      id: s.id,
      kind: s.kind,
      panel: panel.id,
      rings,
      anchor,
      box: { x: 0, y: 0, ...size },
      leader: true,
      shape,
      echoes,
    });
    pending.push({ s, panel, ring, size, anchor });
  }
  // Leaders, smallest spaces first: the nearest free spot around the anchor, clear of every box and anchor.
  pending.sort((a, b) => area(a.ring) - area(b.ring));
  for (const { s, panel, size, anchor } of pending) {
    let best: Rect | null = null;
    search: for (let r = 40; r <= 900; r += 20)
      for (let k = 0; k < 24; k++) {
        const a = (k * Math.PI * 2) / 24;
        const box = {
          x: anchor[0] + Math.cos(a) * (r + size.w / 2) - size.w / 2,
          y: anchor[1] + Math.sin(a) * (r + size.h / 2) - size.h / 2,
          ...size,
        };
        if (!free(panel, box)) continue;
        if (placed.some((q) => overlaps(q, box, 6))) continue;
        if (anchors.some((p) => inRect(box, p, 10))) continue;
        best = box;
        break search;
      }
    const box = best ?? { x: anchor[0] - size.w / 2, y: anchor[1] + 20, ...size };
    placed.push(box);
    spaces.get(s.id)!.box = box;
  }
  const all = panels.map((p) => p.frame);
  const b = bounds(all.map((f) => [[f.x, f.y] as XY, [f.x + f.w, f.y + f.h] as XY]));
  return { panels, spaces, bounds: { x: b.x0, y: b.y0, w: b.x1 - b.x0, h: b.y1 - b.y0 } };
}

/** The space under a world point: insets over the main panel, land over sea, smaller over larger. */
export function spaceUnder(layout: TheatreLayout, x: number, y: number): string | null {
  const panel = [...layout.panels].reverse().find((p) => inRect(p.frame, [x, y]));
  if (!panel) return null;
  const hits: { id: string; area: number; land: boolean }[] = [];
  for (const s of layout.spaces.values())
    for (const { panel: id, ring } of s.rings)
      if (id === panel.id && contains(ring, x, y)) hits.push({ id: s.id, area: area(ring), land: s.kind === 'land' });
  hits.sort((a, b) => (a.land === b.land ? a.area - b.area : a.land ? -1 : 1));
  return hits[0]?.id ?? null;
}

/**
 * A route between two spaces as a polyline from anchor to anchor through those of its waypoints that a
 * panel shows (the Cape of Good Hope lies off the board, so the route round Africa is drawn straight).
 */
export function routeLine(layout: TheatreLayout, a: string, b: string, via: readonly LonLat[]): XY[] | null {
  const sa = layout.spaces.get(a);
  const sb = layout.spaces.get(b);
  if (!sa || !sb) return null;
  const shown = via.flatMap((p): XY[] => {
    const panel = [...layout.panels].reverse().find((q) => inRect(q.frame, q.project(p)));
    return panel ? [panel.project(p)] : [];
  });
  return [sa.anchor, ...shown, sb.anchor];
}

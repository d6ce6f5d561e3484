/**
 * The map layer, drawn once: the theatre panels, coastlines and borders, the spaces' outlines, echo
 * labels, inset titles and the sea routes the map alone does not show; then baked into one texture.
 */
import type Phaser from 'phaser';
import type { Topology } from 'topojson-specification';
import type { BoardView } from './board-view';
import { BORDER, FONT, FRAME, INSET_SEA, LAND, OCEAN, nameStyle } from './board-style';
import { coastlines, type XY } from './geo';
import { REF_ZOOM, routeLine, type TheatreLayout } from './theatre';
import { vecs } from './tokens';

/** Resolution of the baked static map relative to world units. */
const BAKE_SCALE = 1.5;

/** World bounds of the drawn map. */
export interface Bounds {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Panels, coastlines, spaces, routes and titles: the objects that never change. */
export function drawMap(
  scene: Phaser.Scene,
  layout: TheatreLayout,
  view: BoardView,
  atlas: Topology,
): Phaser.GameObjects.GameObject[] {
  const objs: Phaser.GameObjects.GameObject[] = [];
  const poly = (ring: XY[], colour: number, alpha: number) =>
    objs.push(scene.add.polygon(0, 0, ring.flat(), colour, alpha).setOrigin(0, 0));
  const line = (g: Phaser.GameObjects.Graphics, ring: XY[], closed: boolean) =>
    g.strokePoints(vecs(ring.map(([x, y]) => ({ x, y }))), closed, closed);
  const spaces = [...layout.spaces.values()].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'sea' ? -1 : 1));
  layout.panels.forEach((panel, i) => {
    const f = panel.frame;
    if (i > 0) {
      // An inset's drop shadow, so it reads as a card laid on the main map.
      const shadow = scene.add.graphics();
      shadow.fillStyle(0x000000, 0.45);
      shadow.fillRect(f.x + 6, f.y + 6, f.w, f.h);
      objs.push(shadow);
    }
    objs.push(scene.add.rectangle(f.x, f.y, f.w, f.h, i === 0 ? OCEAN : INSET_SEA).setOrigin(0, 0));
    const coast = coastlines(panel.projection, atlas);
    for (const r of coast.land) poly(r, LAND, 1);
    for (const r of coast.holes) poly(r, i === 0 ? OCEAN : INSET_SEA, 1);
    const g = scene.add.graphics();
    objs.push(g);
    g.lineStyle(0.8, BORDER, 0.9);
    for (const l of coast.borders) line(g, l, false);
    g.lineStyle(1.2, 0x7f9c95, 0.8);
    for (const r of coast.land) line(g, r, true);
    const fills = scene.add.graphics();
    for (const s of spaces) {
      const sv = view.spaces.find((v) => v.id === s.id);
      for (const { panel: p, ring } of s.rings) {
        if (p !== panel.id) continue;
        poly(ring, sv?.fill ?? LAND, s.kind === 'sea' ? 0.4 : 0.5);
      }
    }
    objs.push(fills);
    for (const s of spaces)
      for (const { panel: p, ring } of s.rings) {
        if (p !== panel.id) continue;
        fills.lineStyle(
          s.kind === 'sea' ? 1.5 : 2.2,
          s.kind === 'sea' ? 0x9fd3f0 : 0xf2e6c9,
          s.kind === 'sea' ? 0.75 : 0.95,
        );
        line(fills, ring, true);
      }
    // Echo labels: a space's name where it shows in a second panel.
    for (const s of spaces)
      for (const e of s.echoes)
        if (e.panel === panel.id) {
          const name = view.spaces.find((v) => v.id === s.id)?.name ?? s.id;
          objs.push(
            scene.add
              .text(e.at[0], e.at[1], name, nameStyle(s.kind, 10 / REF_ZOOM, 0.75))
              .setOrigin(0.5)
              .setResolution(1),
          );
        }
    const frame = scene.add.graphics();
    frame.lineStyle(i === 0 ? 3 : 4, FRAME, 1);
    frame.strokeRect(f.x, f.y, f.w, f.h);
    objs.push(frame);
    if (i > 0) {
      const title = scene.add
        .text(f.x + 10, f.y + f.h - 8, panel.name.toUpperCase(), {
          fontFamily: FONT,
          fontSize: `${Math.round(11 / REF_ZOOM)}px`,
          fontStyle: '800',
          color: '#d8cfa8',
          backgroundColor: '#0a1824',
          padding: { x: 6, y: 2 },
        })
        .setOrigin(0, 1);
      objs.push(title);
    }
  });
  drawRoutes(scene, layout, view, objs);
  return objs;
}

/** Sea routes the map alone does not show (round the Cape, Suez, across the Pacific), dashed, with their cost. */
function drawRoutes(
  scene: Phaser.Scene,
  layout: TheatreLayout,
  view: BoardView,
  objs: Phaser.GameObjects.GameObject[],
): void {
  const g = scene.add.graphics();
  objs.push(g);
  for (const l of view.links) {
    const a = layout.spaces.get(l.a);
    const b = layout.spaces.get(l.b);
    // Only routes that leave a panel or have waypoints need a line; neighbours touch on the map.
    if (!a || !b || (a.panel === b.panel && !l.via.length)) continue;
    const pts = routeLine(layout, l.a, l.b, l.via);
    if (!pts) continue;
    g.lineStyle(5, 0xe6e0c8, 0.9);
    for (let i = 0; i < pts.length - 1; i++) {
      const [x0, y0] = pts[i]!;
      const [x1, y1] = pts[i + 1]!;
      const n = Math.max(1, Math.floor(Math.hypot(x1 - x0, y1 - y0) / 22));
      for (let k = 0; k < n; k += 2) {
        const t0 = k / n;
        const t1 = Math.min(1, (k + 1) / n);
        g.lineBetween(x0 + (x1 - x0) * t0, y0 + (y1 - y0) * t0, x0 + (x1 - x0) * t1, y0 + (y1 - y0) * t1);
      }
    }
    if (!l.label) continue;
    // The label sits on the longest leg.
    let best = 0;
    for (let i = 1; i < pts.length - 1; i++)
      if (
        Math.hypot(pts[i + 1]![0] - pts[i]![0], pts[i + 1]![1] - pts[i]![1]) >
        Math.hypot(pts[best + 1]![0] - pts[best]![0], pts[best + 1]![1] - pts[best]![1])
      )
        best = i;
    const [x0, y0] = pts[best]!;
    const [x1, y1] = pts[best + 1]!;
    objs.push(
      scene.add
        .text((x0 + x1) / 2 + 10, (y0 + y1) / 2, l.label, {
          fontFamily: FONT,
          fontSize: `${Math.round(11 / REF_ZOOM)}px`,
          fontStyle: 'italic 700',
          color: '#e6e0c8',
          stroke: '#07131d',
          strokeThickness: 8,
        })
        .setOrigin(0, 0.5),
    );
  }
}

/**
 * The map as vectors and, when the GPU allows the size, baked into one texture: one textured quad a
 * frame instead of tens of thousands of path segments. Close in, the vectors come back so edges stay sharp.
 */
export class MapLayer {
  private readonly vectors: Phaser.GameObjects.Container;
  private readonly baked: Phaser.GameObjects.RenderTexture | null = null;

  constructor(scene: Phaser.Scene, objects: Phaser.GameObjects.GameObject[], b: Bounds) {
    const S = BAKE_SCALE;
    this.vectors = scene.add.container(0, 0, objects).setDepth(0);
    const w = Math.ceil((b.x1 - b.x0) * S);
    const h = Math.ceil((b.y1 - b.y0) * S);
    const max = (scene.renderer as Phaser.Renderer.WebGL.WebGLRenderer).getMaxTextureSize?.() ?? 4096;
    if (w > max || h > max) return;
    const rt = scene.add
      .renderTexture(b.x0, b.y0, w, h)
      .setOrigin(0, 0)
      .setScale(1 / S)
      .setDepth(0);
    this.vectors.setScale(S).setPosition(-b.x0 * S, -b.y0 * S);
    rt.draw(this.vectors);
    rt.render();
    this.vectors.setScale(1).setPosition(0, 0);
    this.baked = rt;
  }

  /** Baked texture at normal zoom, vectors when close. */
  showDetailFor(zoom: number): void {
    if (!this.baked) return;
    const vector = zoom > BAKE_SCALE * 1.3;
    this.vectors.setVisible(vector);
    this.baked.setVisible(!vector);
  }
}

/**
 * The map scene: the theatre map (theatre.ts) with its coastlines, the spaces, their labels and tokens.
 * Pans and zooms; emits intents. It draws a BoardView and nothing else (docs/ARCHITECTURE.md). Every label
 * box keeps the place the layout gave it; zooming only scales it about that place.
 *
 * Over 400 lines for now: one Phaser scene whose drawing methods share its display lists and camera; the
 * split (labels/leaders, tokens, camera input) is named in the issue-10/12 follow-up, not yet done.
 */
import Phaser from 'phaser';
import type { Topology } from 'topojson-specification';
import type { BoardView, Intents, SpaceView } from './board-view';
import { coastlines, type XY } from './geo';
import {
  NAME_LINE_PX,
  NAME_PX,
  REF_ZOOM,
  TOKEN_GAP_PX,
  TOKEN_PX,
  layoutTheatre,
  routeLine,
  spaceUnder,
  type PlacedSpace,
  type Rect,
  type TheatreLayout,
} from './theatre';
import { drawToken, inkFor, vecs } from './tokens';

const OCEAN = 0x0b2236;
const INSET_SEA = 0x0d2a42;
const LAND = 0x3b4a45;
const BORDER = 0x5d6e68;
const FRAME = 0xd8cfa8;
const FOCUS = 0x56b4e9;
const TARGET = 0xffffff;
const SELECTED = 0xf0e442;
const FONT = 'Inter, system-ui, sans-serif';
/** Resolution of the baked static map relative to world units. */
const BAKE_SCALE = 1.5;
/** The default view on a small screen: East Asia from the Bay of Bengal to Japan, in world units of the main panel. */
const FOCUS_LONLAT: [[number, number], [number, number]] = [
  [92, 46],
  [150, -12],
];

export interface BoardSceneOptions {
  intents: Intents;
  atlas: Topology;
  /** Called once the first view has been drawn (for the client's "board drawn" mark). */
  onDrawn?: () => void;
  /** Map area height is the canvas minus this (the HUD band). */
  hudHeight: () => number;
}

/** Canvas text widths with the real font, for the layout's box sizes. */
function measurer(): (text: string, kind: 'sea' | 'land') => number {
  const ctx = document.createElement('canvas').getContext('2d');
  return (text, kind) => {
    if (!ctx) return text.length * NAME_PX[kind] * 0.68;
    ctx.font = `${kind === 'sea' ? 'italic 600' : '700'} ${NAME_PX[kind]}px ${FONT}`;
    // Plus the text's stroke on both sides.
    return ctx.measureText(text).width + 4;
  };
}

export class BoardScene extends Phaser.Scene {
  private view: BoardView | null = null;
  private layout: TheatreLayout | null = null;
  private emphasis!: Phaser.GameObjects.Graphics;
  private leaders!: Phaser.GameObjects.Graphics;
  private staticObjects: Phaser.GameObjects.GameObject[] = [];
  /** Everything that never changes (panels, coastlines, spaces, routes), as vectors… */
  private staticLayer: Phaser.GameObjects.Container | null = null;
  /** …and baked into one texture, drawn instead of the vectors unless zoomed in close. */
  private baked: Phaser.GameObjects.RenderTexture | null = null;
  private boxes = new Map<string, Phaser.GameObjects.Container>();
  private worldBounds = { x0: 0, y0: 0, x1: 1, y1: 1 };
  private fitZoom = 1;
  private focused: string | null = null;
  private hovered: string | null = null;
  private drawnOnce = false;
  private created = false;
  private drag: { x: number; y: number; scrollX: number; scrollY: number; moved: boolean } | null = null;
  private pinch: { dist: number; zoom: number } | null = null;

  constructor(private readonly opts: BoardSceneOptions) {
    super({ key: 'board' });
  }

  create(): void {
    this.created = true;
    this.cameras.main.setBackgroundColor(0x061320);
    // Depths: static map 0, emphasis 5, leaders 6, label boxes 7.
    this.emphasis = this.add.graphics().setDepth(5);
    this.leaders = this.add.graphics().setDepth(6);
    this.input.addPointer(1);
    this.setupInput();
    this.scale.on('resize', () => this.layoutCamera(false));
    if (this.view) this.draw();
  }

  /** Replace the drawn state. */
  setView(view: BoardView): void {
    this.view = view;
    if (!this.created) return;
    this.draw();
  }

  /** Keyboard focus on a space (the client's keyboard navigation); null clears it. */
  focusSpace(id: string | null): void {
    this.focused = id;
    this.drawEmphasis();
    if (id) this.ensureVisible(id);
  }

  focusedSpace(): string | null {
    return this.focused;
  }

  private toScreen([x, y]: XY): XY {
    const cam = this.cameras.main;
    return [
      (x - cam.scrollX - cam.width / 2) * cam.zoom + cam.width / 2 + cam.x,
      (y - cam.scrollY - cam.height / 2) * cam.zoom + cam.height / 2 + cam.y,
    ];
  }

  private toWorld(sx: number, sy: number): XY {
    const cam = this.cameras.main;
    return [
      (sx - cam.x - cam.width / 2) / cam.zoom + cam.scrollX + cam.width / 2,
      (sy - cam.y - cam.height / 2) / cam.zoom + cam.scrollY + cam.height / 2,
    ];
  }

  /** Screen position (canvas pixels) of a space's label anchor, for tooltips and tests. */
  screenPoint(id: string): XY | null {
    const s = this.layout?.spaces.get(id);
    return s ? this.toScreen(s.anchor) : null;
  }

  /** Every space's label anchor on screen (tests check each lies inside its own space). */
  labelAnchors(): { id: string; x: number; y: number; leader: boolean; visible: boolean }[] {
    const cam = this.cameras.main;
    return [...(this.layout?.spaces.values() ?? [])].map((s) => {
      const [x, y] = this.toScreen(s.anchor);
      const visible = x >= cam.x && y >= cam.y && x <= cam.x + cam.width && y <= cam.y + cam.height;
      return { id: s.id, x, y, leader: s.leader, visible };
    });
  }

  /** The space whose outline is under a canvas point (the map itself, not the label boxes). */
  outlineAt(sx: number, sy: number): string | null {
    const cam = this.cameras.main;
    if (!this.layout || sx < cam.x || sy < cam.y || sx > cam.x + cam.width || sy > cam.y + cam.height) return null;
    return spaceUnder(this.layout, ...this.toWorld(sx, sy));
  }

  panBy(dx: number, dy: number): void {
    const cam = this.cameras.main;
    cam.scrollX += dx / cam.zoom;
    cam.scrollY += dy / cam.zoom;
    this.clampScroll();
  }

  zoomBy(factor: number, sx?: number, sy?: number): void {
    const cam = this.cameras.main;
    const px = sx ?? cam.x + cam.width / 2;
    const py = sy ?? cam.y + cam.height / 2;
    // Keep the world point under (px, py) fixed while zooming.
    const [wx, wy] = this.toWorld(px, py);
    const z = Phaser.Math.Clamp(cam.zoom * factor, this.fitZoom * 0.8, this.fitZoom * 12);
    cam.setZoom(z);
    const lx = px - cam.x - cam.width / 2;
    const ly = py - cam.y - cam.height / 2;
    cam.scrollX = wx - cam.width / 2 - lx / z;
    cam.scrollY = wy - cam.height / 2 - ly / z;
    this.clampScroll();
    this.scaleBoxes();
  }

  resetView(): void {
    this.layoutCamera(true);
  }

  private layoutCamera(reset: boolean): void {
    const cam = this.cameras.main;
    const w = this.scale.width;
    const h = Math.max(100, this.scale.height - this.opts.hudHeight());
    const oldFit = this.fitZoom;
    const oldZoom = cam.zoom;
    cam.setViewport(0, 0, w, h);
    const b = this.worldBounds;
    this.fitZoom = Math.min(w / (b.x1 - b.x0), h / (b.y1 - b.y0));
    if (reset || !this.drawnOnce) {
      // The whole board when it is legible; on a small screen, East Asia (pan and pinch for the rest).
      const main = this.layout?.panels[0];
      if (main && this.fitZoom < REF_ZOOM * 0.7) {
        const [x0, y0] = main.project(FOCUS_LONLAT[0]);
        const [x1, y1] = main.project(FOCUS_LONLAT[1]);
        cam.setZoom(Math.max(this.fitZoom, Math.min(w / (x1 - x0), h / (y1 - y0))));
        cam.centerOn((x0 + x1) / 2, (y0 + y1) / 2);
      } else {
        cam.setZoom(this.fitZoom);
        cam.centerOn((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2);
      }
    } else {
      cam.setZoom((oldZoom / oldFit) * this.fitZoom);
    }
    this.clampScroll();
    this.scaleBoxes();
  }

  private clampScroll(): void {
    const cam = this.cameras.main;
    const b = this.worldBounds;
    const halfW = cam.width / 2 / cam.zoom;
    const halfH = cam.height / 2 / cam.zoom;
    const cx = Phaser.Math.Clamp(cam.scrollX + cam.width / 2, b.x0 - halfW * 0.5, b.x1 + halfW * 0.5);
    const cy = Phaser.Math.Clamp(cam.scrollY + cam.height / 2, b.y0 - halfH * 0.5, b.y1 + halfH * 0.5);
    cam.scrollX = cx - cam.width / 2;
    cam.scrollY = cy - cam.height / 2;
  }

  private ensureVisible(id: string): void {
    const p = this.screenPoint(id);
    const cam = this.cameras.main;
    if (!p) return;
    if (p[0] < cam.x + 40 || p[0] > cam.x + cam.width - 40 || p[1] < cam.y + 40 || p[1] > cam.y + cam.height - 40) {
      const s = this.layout!.spaces.get(id)!;
      cam.centerOn(s.anchor[0], s.anchor[1]);
      this.clampScroll();
      this.scaleBoxes();
    }
  }

  private draw(): void {
    const view = this.view!;
    if (!this.layout) {
      this.layout = layoutTheatre(view.spaces, measurer());
      const b = this.layout.bounds;
      const pad = 16;
      this.worldBounds = { x0: b.x - pad, y0: b.y - pad, x1: b.x + b.w + pad, y1: b.y + b.h + pad };
      this.drawStatic();
      this.bakeStatic();
    }
    this.buildBoxes();
    if (!this.drawnOnce) {
      this.layoutCamera(true);
      this.drawnOnce = true;
      // Wait one rendered frame so the mark means "pixels on screen".
      this.game.events.once('postrender', () => this.opts.onDrawn?.());
    } else {
      this.scaleBoxes();
    }
  }

  /** Panels, coastlines, spaces, routes and titles: drawn once. */
  private drawStatic(): void {
    const layout = this.layout!;
    const view = this.view!;
    const objs = this.staticObjects;
    const poly = (ring: XY[], colour: number, alpha: number) =>
      objs.push(this.add.polygon(0, 0, ring.flat(), colour, alpha).setOrigin(0, 0));
    const line = (g: Phaser.GameObjects.Graphics, ring: XY[], closed: boolean) =>
      g.strokePoints(vecs(ring.map(([x, y]) => ({ x, y }))), closed, closed);
    const spaces = [...layout.spaces.values()].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'sea' ? -1 : 1));
    layout.panels.forEach((panel, i) => {
      const f = panel.frame;
      if (i > 0) {
        // An inset's drop shadow, so it reads as a card laid on the main map.
        const shadow = this.add.graphics();
        shadow.fillStyle(0x000000, 0.45);
        shadow.fillRect(f.x + 6, f.y + 6, f.w, f.h);
        objs.push(shadow);
      }
      objs.push(this.add.rectangle(f.x, f.y, f.w, f.h, i === 0 ? OCEAN : INSET_SEA).setOrigin(0, 0));
      const coast = coastlines(panel.projection, this.opts.atlas);
      for (const r of coast.land) poly(r, LAND, 1);
      for (const r of coast.holes) poly(r, i === 0 ? OCEAN : INSET_SEA, 1);
      const g = this.add.graphics();
      objs.push(g);
      g.lineStyle(0.8, BORDER, 0.9);
      for (const l of coast.borders) line(g, l, false);
      g.lineStyle(1.2, 0x7f9c95, 0.8);
      for (const r of coast.land) line(g, r, true);
      const fills = this.add.graphics();
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
              this.add
                .text(e.at[0], e.at[1], name, this.nameStyle(s.kind, 10 / REF_ZOOM, 0.75))
                .setOrigin(0.5)
                .setResolution(1),
            );
          }
      const frame = this.add.graphics();
      frame.lineStyle(i === 0 ? 3 : 4, FRAME, 1);
      frame.strokeRect(f.x, f.y, f.w, f.h);
      objs.push(frame);
      if (i > 0) {
        const title = this.add
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
    this.drawRoutes();
  }

  private nameStyle(kind: 'sea' | 'land', size: number, alpha = 1): Phaser.Types.GameObjects.Text.TextStyle {
    return {
      fontFamily: FONT,
      fontSize: `${Math.round(size)}px`,
      fontStyle: kind === 'sea' ? 'italic 600' : '700',
      color: kind === 'sea' ? `rgba(207,233,251,${alpha})` : `rgba(255,247,230,${alpha})`,
      stroke: '#07131d',
      strokeThickness: Math.max(3, size / 4),
      align: 'center',
    };
  }

  /** Sea routes the map alone does not show (round the Cape, Suez, across the Pacific), dashed, with their cost. */
  private drawRoutes(): void {
    const layout = this.layout!;
    const g = this.add.graphics();
    this.staticObjects.push(g);
    for (const l of this.view!.links) {
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
      this.staticObjects.push(
        this.add
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
   * Bakes the static layers into one texture: one textured quad a frame instead of tens of thousands of
   * path segments. Close in, the vectors come back so edges stay sharp.
   */
  private bakeStatic(): void {
    const b = this.worldBounds;
    const S = BAKE_SCALE;
    const layer = this.add.container(0, 0, this.staticObjects).setDepth(0);
    this.staticLayer = layer;
    const w = Math.ceil((b.x1 - b.x0) * S);
    const h = Math.ceil((b.y1 - b.y0) * S);
    const max = (this.renderer as Phaser.Renderer.WebGL.WebGLRenderer).getMaxTextureSize?.() ?? 4096;
    if (w > max || h > max) return;
    const rt = this.add
      .renderTexture(b.x0, b.y0, w, h)
      .setOrigin(0, 0)
      .setScale(1 / S)
      .setDepth(0);
    layer.setScale(S).setPosition(-b.x0 * S, -b.y0 * S);
    rt.draw(layer);
    rt.render();
    layer.setScale(1).setPosition(0, 0);
    this.baked = rt;
    this.chooseDetail();
  }

  /** Baked texture at normal zoom, vectors when close. */
  private chooseDetail(): void {
    if (!this.baked || !this.staticLayer) return;
    const vector = this.cameras.main.zoom > BAKE_SCALE * 1.3;
    this.staticLayer.setVisible(vector);
    this.baked.setVisible(!vector);
  }

  /** Legal targets, the selection, keyboard focus and hover: redrawn on every change, zoom-independent widths. */
  private drawEmphasis(): void {
    const view = this.view;
    const g = this.emphasis;
    g.clear();
    if (!view || !this.layout) return;
    const z = this.cameras.main.zoom || 1;
    for (const s of view.spaces) {
      const placed = this.layout.spaces.get(s.id);
      if (!placed) continue;
      const emphasised =
        s.highlighted || s.selected || view.selected === s.id || this.focused === s.id || this.hovered === s.id;
      if (!emphasised) continue;
      const rings = placed.rings.map(({ ring }) => vecs(ring.map(([x, y]) => ({ x, y }))));
      const outline = (width: number, colour: number) => {
        g.lineStyle(width / z, colour, 1);
        for (const r of rings) g.strokePoints(r, true, true);
      };
      if (s.highlighted) {
        g.fillStyle(TARGET, 0.16);
        for (const r of rings) g.fillPoints(r, true);
        outline(4, TARGET);
      }
      if (s.selected || view.selected === s.id) outline(6, SELECTED);
      if (this.focused === s.id || this.hovered === s.id) outline(3, FOCUS);
    }
  }

  /** One container per space at its layout box: the name, then its tokens, drawn in reference pixels. */
  private buildBoxes(): void {
    const view = this.view!;
    const big = view.projector ? 1.25 : 1;
    for (const s of view.spaces) {
      const placed = this.layout!.spaces.get(s.id);
      if (!placed) continue;
      // Text is costly to rasterise: a box is rebuilt only when what it shows has changed.
      const sig = JSON.stringify([s.name, s.units, s.markers, big]);
      const old = this.boxes.get(s.id);
      if (old?.getData('sig') === sig) continue;
      old?.destroy();
      const box = this.add.container(placed.box.x + placed.box.w / 2, placed.box.y + placed.box.h / 2).setDepth(7);
      box.setName(s.id).setData('sig', sig);
      this.fillBox(box, s, placed, big);
      this.boxes.set(s.id, box);
    }
  }

  private fillBox(box: Phaser.GameObjects.Container, s: SpaceView, placed: PlacedSpace, big: number): void {
    const wPx = placed.box.w * REF_ZOOM;
    const hPx = placed.box.h * REF_ZOOM;
    const { lines, cols, rows } = placed.shape;
    const name = this.add
      .text(0, -hPx / 2 + 1, lines.join('\n'), { ...this.nameStyle(s.kind, NAME_PX[s.kind] * big), lineSpacing: -3 })
      .setOrigin(0.5, 0)
      .setResolution(2);
    // A long name in projector type is squeezed into the box the layout reserved.
    if (name.width > wPx) name.setScale(wPx / name.width);
    const items = [
      ...s.units.map((u) => ({ ...u, token: 'unit' as const })),
      ...s.markers.map((m) => ({ ...m, token: 'marker' as const })),
    ];
    if (placed.leader) {
      // A label off its space gets a plate behind what it shows, so it reads over any coast.
      const bg = this.add.graphics();
      const w =
        Math.max(name.displayWidth, items.length ? Math.min(wPx, items.length * (TOKEN_PX + TOKEN_GAP_PX)) : 0) + 6;
      const h = items.length ? hPx : lines.length * NAME_LINE_PX + 3;
      bg.fillStyle(0x07131d, 0.72);
      bg.fillRoundedRect(-w / 2, -hPx / 2, w, h, 4);
      box.add(bg);
    }
    box.add(name);
    if (!items.length) return;
    // Tokens fill the reserved rows; more than fit are drawn smaller, never outside the box.
    const perRow = Math.max(cols, Math.ceil(items.length / rows));
    const size = Math.min(TOKEN_PX, (wPx - 2) / perRow - TOKEN_GAP_PX);
    const top = -hPx / 2 + lines.length * NAME_LINE_PX + 2;
    const gfx = this.add.graphics();
    box.add(gfx);
    items.forEach((it, i) => {
      const row = Math.floor(i / perRow);
      const inRow = Math.min(perRow, items.length - row * perRow);
      const rowW = inRow * size + (inRow - 1) * TOKEN_GAP_PX;
      const x = -rowW / 2 + size / 2 + (i % perRow) * (size + TOKEN_GAP_PX);
      const y = top + size / 2 + row * (size + TOKEN_GAP_PX);
      drawToken(gfx, it.shape, x, y, size, it.colour, 0x07131d);
      box.add(
        this.add
          .text(x, y, it.glyph, {
            fontFamily: FONT,
            fontSize: `${Math.round(size * 0.5)}px`,
            fontStyle: '800',
            color: inkFor(it.colour),
          })
          .setOrigin(0.5)
          .setResolution(2),
      );
      const n =
        it.token === 'unit' && it.presence > 1
          ? `${it.count > 1 ? it.count + '×' : ''}${it.presence}`
          : it.count > 1
            ? String(it.count)
            : '';
      if (n)
        box.add(
          this.add
            .text(x + size / 2 + 1, y + size / 2 + 1, n, {
              fontFamily: FONT,
              fontSize: `${Math.round(size * 0.46)}px`,
              fontStyle: '800',
              color: '#111111',
              backgroundColor: '#ffffff',
              padding: { x: 2, y: 0 },
            })
            .setOrigin(1, 1)
            .setResolution(2),
        );
    });
  }

  /**
   * Boxes keep their layout centre; zooming in they grow slower than the map (so they never meet), zooming
   * out they shrink with it. Leaders are redrawn to the box's current edge.
   */
  private boxScale(): number {
    const z = this.cameras.main.zoom;
    const k = z > REF_ZOOM ? Math.sqrt(REF_ZOOM / z) : 1;
    return k / REF_ZOOM;
  }

  /** The box of a space as drawn now (world units). */
  private currentBox(p: PlacedSpace): Rect {
    const k = this.boxScale() * REF_ZOOM;
    const cx = p.box.x + p.box.w / 2;
    const cy = p.box.y + p.box.h / 2;
    return { x: cx - (p.box.w * k) / 2, y: cy - (p.box.h * k) / 2, w: p.box.w * k, h: p.box.h * k };
  }

  private scaleBoxes(): void {
    if (!this.layout) return;
    const s = this.boxScale();
    for (const b of this.boxes.values()) b.setScale(s);
    const lg = this.leaders;
    lg.clear();
    const z = this.cameras.main.zoom;
    for (const p of this.layout.spaces.values()) {
      if (!p.leader) continue;
      const r = this.currentBox(p);
      const tx = Phaser.Math.Clamp(p.anchor[0], r.x, r.x + r.w);
      const ty = Phaser.Math.Clamp(p.anchor[1], r.y, r.y + r.h);
      lg.lineStyle(1.6 / z, 0xffffff, 0.8);
      lg.lineBetween(p.anchor[0], p.anchor[1], tx, ty);
      lg.fillStyle(0xffffff, 0.95);
      lg.fillCircle(p.anchor[0], p.anchor[1], 3.5 / z);
      lg.lineStyle(1 / z, 0x07131d, 1);
      lg.strokeCircle(p.anchor[0], p.anchor[1], 3.5 / z);
    }
    this.drawEmphasis();
    this.chooseDetail();
  }

  /** The space under a canvas point: a label box counts as its space, then the outlines. */
  spaceAt(sx: number, sy: number): string | null {
    const cam = this.cameras.main;
    if (!this.layout || sx < cam.x || sy < cam.y || sx > cam.x + cam.width || sy > cam.y + cam.height) return null;
    const [wx, wy] = this.toWorld(sx, sy);
    for (const p of this.layout.spaces.values()) {
      const r = this.currentBox(p);
      if (wx >= r.x && wx <= r.x + r.w && wy >= r.y && wy <= r.y + r.h) return p.id;
    }
    return spaceUnder(this.layout, wx, wy);
  }

  private setupInput(): void {
    this.input.on('wheel', (p: Phaser.Input.Pointer, _o: unknown, _dx: number, dy: number) => {
      this.zoomBy(dy > 0 ? 1 / 1.15 : 1.15, p.x, p.y);
    });
    this.input.on('pointerdown', (p: Phaser.Input.Pointer) => {
      const cam = this.cameras.main;
      const p1 = this.input.pointer1;
      const p2 = this.input.pointer2;
      if (p1.isDown && p2.isDown) {
        this.pinch = { dist: Phaser.Math.Distance.Between(p1.x, p1.y, p2.x, p2.y), zoom: cam.zoom };
        this.drag = null;
        return;
      }
      this.drag = { x: p.x, y: p.y, scrollX: cam.scrollX, scrollY: cam.scrollY, moved: false };
    });
    this.input.on('pointermove', (p: Phaser.Input.Pointer) => {
      const cam = this.cameras.main;
      if (this.pinch) {
        const p1 = this.input.pointer1;
        const p2 = this.input.pointer2;
        if (p1.isDown && p2.isDown) {
          const d = Phaser.Math.Distance.Between(p1.x, p1.y, p2.x, p2.y);
          const target = (this.pinch.zoom * d) / Math.max(1, this.pinch.dist);
          this.zoomBy(target / cam.zoom, (p1.x + p2.x) / 2, (p1.y + p2.y) / 2);
        }
        return;
      }
      if (this.drag && p.isDown) {
        const dx = p.x - this.drag.x;
        const dy = p.y - this.drag.y;
        if (Math.hypot(dx, dy) > 5) this.drag.moved = true;
        if (this.drag.moved) {
          cam.scrollX = this.drag.scrollX - dx / cam.zoom;
          cam.scrollY = this.drag.scrollY - dy / cam.zoom;
          this.clampScroll();
          this.scaleBoxes();
        }
        return;
      }
      const id = this.spaceAt(p.x, p.y);
      if (id !== this.hovered) {
        this.hovered = id;
        this.drawEmphasis();
        this.opts.intents.spaceHovered(id);
      }
    });
    this.input.on('pointerup', (p: Phaser.Input.Pointer) => {
      if (this.pinch) {
        if (!this.input.pointer1.isDown || !this.input.pointer2.isDown) this.pinch = null;
        return;
      }
      const wasDrag = this.drag?.moved;
      this.drag = null;
      if (wasDrag) return;
      const id = this.spaceAt(p.x, p.y);
      if (id) this.opts.intents.spaceClicked(id);
    });
    this.input.on('gameout', () => {
      if (this.hovered) {
        this.hovered = null;
        this.drawEmphasis();
        this.opts.intents.spaceHovered(null);
      }
    });
  }

  spaceView(id: string): SpaceView | undefined {
    return this.view?.spaces.find((s) => s.id === id);
  }
}

/**
 * The map scene: real coastlines, the 29 spaces, their labels and tokens. Pans and zooms; emits intents.
 * It draws a BoardView and nothing else (ARCHITECTURE.md convention 8).
 */
import Phaser from 'phaser';
import type { GeoProjection } from 'd3-geo';
import type { Topology } from 'topojson-specification';
import type { BoardView, Intents, SpaceView } from './board-view';
import { bounds, coastlines, contains, makeProjection, project, type XY } from './geo';
import { drawToken, inkFor, vecs } from './tokens';

const OCEAN = 0x0b2236;
const LAND = 0x3b4a45;
const BORDER = 0x5d6e68;
const FOCUS = 0x56b4e9;
const TARGET = 0xffffff;
const SELECTED = 0xf0e442;
const FONT = 'Inter, system-ui, sans-serif';
/** Resolution of the baked static map relative to world units. */
const BAKE_SCALE = 2;

interface SpaceGeom {
  /** The main outline first, then islands. */
  rings: XY[][];
  label: XY;
  kind: 'sea' | 'land';
}

/** Where a space's label box sits on screen after collision avoidance. */
interface Placed {
  id: string;
  anchor: XY;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface BoardSceneOptions {
  intents: Intents;
  atlas: Topology;
  /** Called once the first view has been drawn (for the client's "board drawn" mark). */
  onDrawn?: () => void;
  /** Map area height is the canvas minus this (the HUD band). */
  hudHeight: () => number;
}

export class BoardScene extends Phaser.Scene {
  private view: BoardView | null = null;
  private projection: GeoProjection | null = null;
  private geoms = new Map<string, SpaceGeom>();
  private base!: Phaser.GameObjects.Graphics;
  private fills!: Phaser.GameObjects.Graphics;
  private routes!: Phaser.GameObjects.Graphics;
  private emphasis!: Phaser.GameObjects.Graphics;
  private routeLabels: Phaser.GameObjects.Text[] = [];
  private coastPolys: Phaser.GameObjects.Polygon[] = [];
  private spacePolys: Phaser.GameObjects.Polygon[] = [];
  /** Everything that never changes (sea, land, borders, space fills, routes), as vectors… */
  private staticLayer: Phaser.GameObjects.Container | null = null;
  /** …and baked into one texture, drawn instead of the vectors unless zoomed in close. */
  private baked: Phaser.GameObjects.RenderTexture | null = null;
  private leaders!: Phaser.GameObjects.Graphics;
  private boxes: Phaser.GameObjects.Container[] = [];
  private worldBounds = { x0: 0, y0: 0, x1: 1, y1: 1 };
  private globeBounds = { x0: 0, y0: 0, x1: 1, y1: 1 };
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
    this.cameras.main.setBackgroundColor(OCEAN);
    // Depths: coastlines 0–1, space fills 2, space borders 3, routes 4, emphasis 5, leaders 6, label boxes 7.
    this.base = this.add.graphics().setDepth(1);
    this.fills = this.add.graphics().setDepth(3);
    this.routes = this.add.graphics().setDepth(4);
    this.emphasis = this.add.graphics().setDepth(5);
    this.leaders = this.add.graphics().setDepth(6);
    this.input.addPointer(1);
    this.setupInput();
    this.scale.on('resize', () => this.layoutCamera(false));
    if (this.view) this.draw();
  }

  /** Replace the drawn state. */
  setView(view: BoardView): void {
    const fontChanged = this.view?.projector !== view.projector;
    this.view = view;
    if (!this.created) return;
    if (fontChanged) this.layoutCamera(false);
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

  /** Screen position (canvas pixels) of a space's label point, for tooltips and tests. */
  screenPoint(id: string): XY | null {
    const g = this.geoms.get(id);
    if (!g) return null;
    const cam = this.cameras.main;
    return [
      (g.label[0] - cam.scrollX - cam.width / 2) * cam.zoom + cam.width / 2 + cam.x,
      (g.label[1] - cam.scrollY - cam.height / 2) * cam.zoom + cam.height / 2 + cam.y,
    ];
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
    const lx = px - cam.x - cam.width / 2;
    const ly = py - cam.y - cam.height / 2;
    const wx = lx / cam.zoom + cam.scrollX + cam.width / 2;
    const wy = ly / cam.zoom + cam.scrollY + cam.height / 2;
    const z = Phaser.Math.Clamp(cam.zoom * factor, this.fitZoom * 0.8, this.fitZoom * 10);
    cam.setZoom(z);
    cam.scrollX = wx - cam.width / 2 - lx / z;
    cam.scrollY = wy - cam.height / 2 - ly / z;
    this.clampScroll();
    this.placeBoxes();
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
    const bw = this.worldBounds.x1 - this.worldBounds.x0;
    const bh = this.worldBounds.y1 - this.worldBounds.y0;
    this.fitZoom = Math.min(w / bw, h / bh);
    if (reset || !this.drawnOnce) {
      cam.setZoom(this.fitZoom);
      cam.centerOn((this.worldBounds.x0 + this.worldBounds.x1) / 2, (this.worldBounds.y0 + this.worldBounds.y1) / 2);
    } else {
      cam.setZoom((oldZoom / oldFit) * this.fitZoom);
    }
    this.clampScroll();
    this.placeBoxes();
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
      const g = this.geoms.get(id)!;
      cam.centerOn(g.label[0], g.label[1]);
      this.clampScroll();
      this.placeBoxes();
    }
  }

  private draw(): void {
    const view = this.view!;
    if (!this.projection) this.buildGeometry(view);
    this.drawEmphasis();
    if (!this.drawnOnce) {
      this.drawRoutes();
      this.bakeStatic();
    }
    this.buildBoxes();
    if (!this.drawnOnce) {
      this.layoutCamera(true);
      this.drawnOnce = true;
      // Wait one rendered frame so the mark means "pixels on screen".
      this.game.events.once('postrender', () => this.opts.onDrawn?.());
    } else {
      this.placeBoxes();
    }
  }

  private buildGeometry(view: BoardView): void {
    const all = view.spaces.flatMap((s) => [...s.polygon, ...s.islands.flat()]);
    const projection = makeProjection(all);
    this.projection = projection;
    for (const s of view.spaces) {
      const rings = [s.polygon, ...s.islands].map((r) => r.map((p) => project(projection, p)));
      this.geoms.set(s.id, { rings, label: project(projection, s.label), kind: s.kind });
    }
    const coast = coastlines(projection, this.opts.atlas);
    this.worldBounds = bounds([...this.geoms.values()].flatMap((g) => g.rings));
    const pad = 40;
    this.worldBounds = {
      x0: this.worldBounds.x0 - pad,
      y0: this.worldBounds.y0 - pad,
      x1: this.worldBounds.x1 + pad,
      y1: this.worldBounds.y1 + pad,
    };
    // Filled areas are Polygon shapes: they triangulate once, where Graphics would redo it every frame.
    const poly = (ring: XY[], colour: number, alpha: number, depth: number) =>
      this.coastPolys.push(this.add.polygon(0, 0, ring.flat(), colour, alpha).setOrigin(0, 0).setDepth(depth));
    for (const r of coast.sphere) poly(r, 0x0f2d47, 1, 0);
    this.globeBounds = bounds(coast.sphere);
    for (const r of coast.land) poly(r, LAND, 1, 0);
    for (const r of coast.holes) poly(r, 0x0f2d47, 1, 0);
    const g = this.base;
    g.clear();
    g.lineStyle(0.8, BORDER, 0.9);
    for (const l of coast.borders) g.strokePoints(vecs(l.map(([x, y]) => ({ x, y }))), false);
    g.lineStyle(1.2, 0x7f9c95, 0.8);
    for (const r of coast.land) g.strokePoints(vecs(r.map(([x, y]) => ({ x, y }))), true, true);
    this.drawFills();
  }

  /**
   * Bakes the static layers into a texture at twice world resolution: one textured quad a frame instead
   * of tens of thousands of path segments. Close in, the vectors come back so edges stay sharp.
   */
  private bakeStatic(): void {
    const b = this.globeBounds;
    const S = BAKE_SCALE;
    const layer = this.add.container(0, 0).setDepth(0);
    layer.add([...this.coastPolys, this.base, ...this.spacePolys, this.fills, this.routes, ...this.routeLabels]);
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
    const vector = this.cameras.main.zoom > this.fitZoom * (BAKE_SCALE * 1.6);
    this.staticLayer.setVisible(vector);
    this.baked.setVisible(!vector);
  }

  /** Long routes as dashed lines through their waypoints, with their cost. */
  private drawRoutes(): void {
    const view = this.view!;
    const g = this.routes;
    g.clear();
    for (const t of this.routeLabels) t.destroy();
    this.routeLabels = [];
    for (const l of view.links) {
      const a = this.geoms.get(l.a);
      const b = this.geoms.get(l.b);
      if (!a || !b || !this.projection) continue;
      const pts: XY[] = [a.label, ...l.via.map((p) => project(this.projection!, p)), b.label];
      g.lineStyle(3, 0xe6e0c8, 0.85);
      for (let i = 0; i < pts.length - 1; i++) {
        const [x0, y0] = pts[i]!;
        const [x1, y1] = pts[i + 1]!;
        const len = Math.hypot(x1 - x0, y1 - y0);
        const n = Math.max(1, Math.floor(len / 18));
        for (let k = 0; k < n; k += 2) {
          const t0 = k / n;
          const t1 = Math.min(1, (k + 1) / n);
          g.lineBetween(x0 + (x1 - x0) * t0, y0 + (y1 - y0) * t0, x0 + (x1 - x0) * t1, y0 + (y1 - y0) * t1);
        }
      }
      const mid = pts[Math.floor(pts.length / 2)]!;
      this.routeLabels.push(
        this.add
          .text(mid[0], mid[1] + 8, l.label, {
            fontFamily: FONT,
            fontSize: '22px',
            fontStyle: 'italic 700',
            color: '#e6e0c8',
            stroke: '#07131d',
            strokeThickness: 5,
          })
          .setOrigin(0.5, 0)
          .setResolution(2)
          .setDepth(4),
      );
    }
  }

  /** The spaces' fills and borders: drawn once (triangulating detailed outlines is costly). */
  private drawFills(): void {
    const view = this.view!;
    const g = this.fills;
    g.clear();
    const ordered = [...view.spaces].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'sea' ? -1 : 1));
    for (const s of ordered) {
      const geom = this.geoms.get(s.id);
      if (!geom) continue;
      const sea = s.kind === 'sea';
      for (const ring of geom.rings) {
        this.spacePolys.push(
          this.add
            .polygon(0, 0, ring.flat(), s.fill, sea ? 0.4 : 0.5)
            .setOrigin(0, 0)
            .setDepth(2),
        );
        g.lineStyle(sea ? 1.5 : 2.2, sea ? 0x9fd3f0 : 0xf2e6c9, sea ? 0.75 : 0.95);
        g.strokePoints(vecs(ring.map(([x, y]) => ({ x, y }))), true, true);
      }
    }
  }

  /** Legal targets, the selection, keyboard focus and hover: redrawn on every change, zoom-independent widths. */
  private drawEmphasis(): void {
    const view = this.view;
    const g = this.emphasis;
    g.clear();
    if (!view) return;
    const z = this.cameras.main.zoom || 1;
    for (const s of view.spaces) {
      const geom = this.geoms.get(s.id);
      if (!geom) continue;
      const emphasised =
        s.highlighted || s.selected || view.selected === s.id || this.focused === s.id || this.hovered === s.id;
      if (!emphasised) continue;
      const rings = geom.rings.map((ring) => vecs(ring.map(([x, y]) => ({ x, y }))));
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

  /** One container per space: name, then its tokens; sized in screen pixels, counter-scaled by zoom. */
  private buildBoxes(): void {
    const view = this.view!;
    const big = view.projector ? 1.3 : 1;
    const keep = new Map(this.boxes.map((b) => [b.name, b]));
    this.boxes = [];
    for (const s of view.spaces) {
      // Text is costly to rasterise: a box is rebuilt only when what it shows has changed.
      const sig = JSON.stringify([s.name, s.kind, s.units, s.markers, big]);
      const old = keep.get(s.id);
      if (old && old.getData('sig') === sig) {
        this.boxes.push(old);
        keep.delete(s.id);
        continue;
      }
      const box = this.add.container(0, 0).setDepth(7);
      box.setName(s.id);
      box.setData('sig', sig);
      const nameSize = Math.round((s.kind === 'sea' ? 12 : 13) * big);
      const name = this.add
        .text(0, 0, s.kind === 'sea' ? s.name.toUpperCase() : s.name, {
          fontFamily: FONT,
          fontSize: `${nameSize}px`,
          fontStyle: s.kind === 'sea' ? 'italic 600' : '700',
          color: s.kind === 'sea' ? '#cfe9fb' : '#fff7e6',
          stroke: '#07131d',
          strokeThickness: 4,
          align: 'center',
        })
        .setOrigin(0.5, 0)
        .setResolution(2);
      box.add(name);
      const size = Math.round(24 * big);
      const items = [
        ...s.units.map((u) => ({ ...u, token: 'unit' as const })),
        ...s.markers.map((m) => ({ ...m, token: 'marker' as const })),
      ];
      const gap = 4;
      const rowW = items.length * size + Math.max(0, items.length - 1) * gap;
      const y = name.height + size / 2 + 1;
      const gfx = this.add.graphics();
      box.add(gfx);
      items.forEach((it, i) => {
        const x = -rowW / 2 + size / 2 + i * (size + gap);
        drawToken(gfx, it.shape, x, y, size, it.colour, 0x07131d);
        const glyph = this.add
          .text(x, y, it.glyph, {
            fontFamily: FONT,
            fontSize: `${Math.round(size * 0.5)}px`,
            fontStyle: '800',
            color: inkFor(it.colour),
          })
          .setOrigin(0.5)
          .setResolution(2);
        box.add(glyph);
        const n =
          it.token === 'unit' && it.presence > 1
            ? `${it.count > 1 ? it.count + '×' : ''}${it.presence}`
            : it.count > 1
              ? String(it.count)
              : '';
        if (n) {
          const badge = this.add
            .text(x + size / 2 + 1, y + size / 2 + 1, n, {
              fontFamily: FONT,
              fontSize: `${Math.round(size * 0.46)}px`,
              fontStyle: '800',
              color: '#111111',
              backgroundColor: '#ffffff',
              padding: { x: 2, y: 0 },
            })
            .setOrigin(1, 1)
            .setResolution(2);
          box.add(badge);
        }
      });
      const w = Math.max(name.width, rowW) + 6;
      const h = name.height + (items.length ? size + 4 : 0);
      box.setData('w', w).setData('h', h);
      this.boxes.push(box);
    }
    for (const b of keep.values()) b.destroy();
  }

  /** Counter-scale label boxes and push overlapping ones apart, with leader lines to their spaces. */
  private placeBoxes(): void {
    if (!this.view || !this.boxes.length) return;
    const cam = this.cameras.main;
    // Labels grow slowly when zooming in, so they stay readable without flooding the map.
    const screenScale = Math.min(1.8, Math.sqrt(cam.zoom / this.fitZoom));
    const placed: Placed[] = this.boxes.map((b) => {
      const g = this.geoms.get(b.name)!;
      const w = (b.getData('w') as number) * screenScale;
      const h = (b.getData('h') as number) * screenScale;
      const ax = (g.label[0] - cam.scrollX - cam.width / 2) * cam.zoom + cam.width / 2;
      const ay = (g.label[1] - cam.scrollY - cam.height / 2) * cam.zoom + cam.height / 2;
      return { id: b.name, anchor: [ax, ay], x: ax, y: ay - h / 2, w, h };
    });
    // Greedy placement: boxes with tokens first, each at the nearest free spot around its anchor.
    const order = [...placed].sort((a, b) => this.weight(b.id) - this.weight(a.id) || (a.id < b.id ? -1 : 1));
    const done: Placed[] = [];
    const overlap = (p: Placed, q: Placed) =>
      Math.max(0, Math.min(p.x + p.w / 2, q.x + q.w / 2) - Math.max(p.x - p.w / 2, q.x - q.w / 2) + 2) *
      Math.max(0, Math.min(p.y + p.h, q.y + q.h) - Math.max(p.y, q.y) + 2);
    for (const p of order) {
      const x0 = p.x;
      const y0 = p.y;
      let best = { x: x0, y: y0, cost: Infinity };
      search: for (let ring = 0; ring <= 6; ring++) {
        const dirs =
          ring === 0
            ? [[0, 0]]
            : [
                [0, -1],
                [0, 1],
                [1, 0],
                [-1, 0],
                [1, -1],
                [-1, -1],
                [1, 1],
                [-1, 1],
              ];
        for (const [dx, dy] of dirs) {
          p.x = x0 + dx! * ring * (p.w * 0.5 + 4);
          p.y = y0 + dy! * ring * (p.h * 0.55 + 3);
          let cost = 0;
          for (const q of done) cost += overlap(p, q);
          if (cost === 0) {
            best = { x: p.x, y: p.y, cost: 0 };
            break search;
          }
          if (cost < best.cost) best = { x: p.x, y: p.y, cost };
        }
      }
      p.x = best.x;
      p.y = best.y;
      done.push(p);
    }
    const lg = this.leaders;
    lg.clear();
    const s = screenScale / cam.zoom;
    for (const p of placed) {
      const box = this.boxes.find((b) => b.name === p.id)!;
      const wx = (p.x - cam.width / 2) / cam.zoom + cam.scrollX + cam.width / 2;
      const wy = (p.y - cam.height / 2) / cam.zoom + cam.scrollY + cam.height / 2;
      box.setPosition(wx, wy).setScale(s);
      const dist = Math.hypot(p.x - p.anchor[0], p.y + p.h / 2 - p.anchor[1]);
      if (dist > p.h * 0.75) {
        const g = this.geoms.get(p.id)!;
        lg.lineStyle(1.5 / cam.zoom, 0xffffff, 0.7);
        lg.lineBetween(g.label[0], g.label[1], wx, wy + p.h / 2 / cam.zoom);
        lg.fillStyle(0xffffff, 0.9);
        lg.fillCircle(g.label[0], g.label[1], 3 / cam.zoom);
      }
    }
    this.drawEmphasis();
    this.chooseDetail();
  }

  /** Placement priority: spaces with more tokens keep their place first, land before sea. */
  private weight(id: string): number {
    const s = this.view?.spaces.find((x) => x.id === id);
    if (!s) return 0;
    return (s.units.length + s.markers.length) * 10 + (s.kind === 'land' ? 1 : 0);
  }

  /** The space under a canvas point (land before sea, smallest first: small islands sit inside big zones). */
  spaceAt(sx: number, sy: number): string | null {
    const cam = this.cameras.main;
    if (sx < cam.x || sy < cam.y || sx > cam.x + cam.width || sy > cam.y + cam.height) return null;
    const wx = (sx - cam.x - cam.width / 2) / cam.zoom + cam.scrollX + cam.width / 2;
    const wy = (sy - cam.y - cam.height / 2) / cam.zoom + cam.scrollY + cam.height / 2;
    // A click on a label box counts as its space.
    for (const b of this.boxes) {
      const w = (b.getData('w') as number) * b.scaleX;
      const h = (b.getData('h') as number) * b.scaleY;
      if (wx >= b.x - w / 2 && wx <= b.x + w / 2 && wy >= b.y && wy <= b.y + h) return b.name;
    }
    const hits: { id: string; area: number; land: boolean }[] = [];
    for (const [id, g] of this.geoms) {
      const ring = g.rings.find((r) => contains(r, wx, wy));
      if (ring) {
        const bb = bounds([ring]);
        hits.push({ id, area: (bb.x1 - bb.x0) * (bb.y1 - bb.y0), land: g.kind === 'land' });
      }
    }
    hits.sort((a, b) => (a.land === b.land ? a.area - b.area : a.land ? -1 : 1));
    return hits[0]?.id ?? null;
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
          this.placeBoxes();
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

/**
 * The map scene: composes the map layer (board-map.ts), the label boxes with their counters and leaders
 * (board-labels.ts), the highlights (board-highlights.ts) and the camera with its pointer input
 * (board-camera.ts). It draws a BoardView and emits intents, nothing else (docs/ARCHITECTURE.md).
 */
import Phaser from 'phaser';
import type { Topology } from 'topojson-specification';
import type { BoardView, Intents, SpaceView } from './board-view';
import { BoardCamera } from './board-camera';
import { drawHighlights } from './board-highlights';
import { boxAt, boxSignature, boxScale, buildLabelBox, drawLeaders } from './board-labels';
import { drawMap, MapLayer } from './board-map';
import { measurer } from './board-style';
import type { XY } from './geo';
import { layoutTheatre, spaceUnder, type TheatreLayout } from './theatre';

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
  private layout: TheatreLayout | null = null;
  private map: MapLayer | null = null;
  private emphasis!: Phaser.GameObjects.Graphics;
  private leaders!: Phaser.GameObjects.Graphics;
  private boxes = new Map<string, Phaser.GameObjects.Container>();
  private readonly camera: BoardCamera;
  private focused: string | null = null;
  private hovered: string | null = null;
  private drawnOnce = false;
  private created = false;

  constructor(private readonly opts: BoardSceneOptions) {
    super({ key: 'board' });
    this.camera = new BoardCamera(this, opts.hudHeight, () => this.followZoom());
  }

  create(): void {
    this.created = true;
    this.cameras.main.setBackgroundColor(0x061320);
    // Depths: static map 0, emphasis 5, leaders 6, label boxes 7.
    this.emphasis = this.add.graphics().setDepth(5);
    this.leaders = this.add.graphics().setDepth(6);
    this.camera.listen(
      (sx, sy) => this.spaceAt(sx, sy),
      (id) => {
        if (id === this.hovered) return;
        this.hovered = id;
        this.drawEmphasis();
        this.opts.intents.spaceHovered(id);
      },
      (id) => this.opts.intents.spaceClicked(id),
    );
    this.scale.on('resize', () => this.fitCamera(false));
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
    const s = id ? this.layout?.spaces.get(id) : undefined;
    if (s) this.camera.ensureVisible(s.anchor);
  }

  focusedSpace(): string | null {
    return this.focused;
  }

  /** Screen position (canvas pixels) of a space's label anchor, for tooltips and tests. */
  screenPoint(id: string): XY | null {
    const s = this.layout?.spaces.get(id);
    return s ? this.camera.toScreen(s.anchor) : null;
  }

  /** Every space's label anchor on screen (tests check each lies inside its own space). */
  labelAnchors(): { id: string; x: number; y: number; leader: boolean; visible: boolean }[] {
    return [...(this.layout?.spaces.values() ?? [])].map((s) => {
      const [x, y] = this.camera.toScreen(s.anchor);
      return { id: s.id, x, y, leader: s.leader, visible: this.camera.shows(x, y) };
    });
  }

  /** The space whose outline is under a canvas point (the map itself, not the label boxes). */
  outlineAt(sx: number, sy: number): string | null {
    if (!this.layout || !this.camera.shows(sx, sy)) return null;
    return spaceUnder(this.layout, ...this.camera.toWorld(sx, sy));
  }

  /** The space under a canvas point: a label box counts as its space, then the outlines. */
  spaceAt(sx: number, sy: number): string | null {
    if (!this.layout || !this.camera.shows(sx, sy)) return null;
    const [wx, wy] = this.camera.toWorld(sx, sy);
    return boxAt(this.layout, this.camera.zoom, wx, wy) ?? spaceUnder(this.layout, wx, wy);
  }

  panBy(dx: number, dy: number): void {
    this.camera.panBy(dx, dy);
  }

  zoomBy(factor: number, sx?: number, sy?: number): void {
    this.camera.zoomBy(factor, sx, sy);
  }

  resetView(): void {
    this.fitCamera(true);
  }

  spaceView(id: string): SpaceView | undefined {
    return this.view?.spaces.find((s) => s.id === id);
  }

  private fitCamera(reset: boolean): void {
    this.camera.fit(reset || !this.drawnOnce, this.layout?.panels[0]);
  }

  private draw(): void {
    const view = this.view!;
    if (!this.layout) {
      this.layout = layoutTheatre(view.spaces, measurer());
      const b = this.layout.bounds;
      const pad = 16;
      this.camera.bounds = { x0: b.x - pad, y0: b.y - pad, x1: b.x + b.w + pad, y1: b.y + b.h + pad };
      this.map = new MapLayer(this, drawMap(this, this.layout, view, this.opts.atlas), this.camera.bounds);
      this.map.showDetailFor(this.camera.zoom);
    }
    this.buildBoxes();
    if (!this.drawnOnce) {
      this.fitCamera(true);
      this.drawnOnce = true;
      // Wait one rendered frame so the mark means "pixels on screen".
      this.game.events.once('postrender', () => this.opts.onDrawn?.());
    } else {
      this.followZoom();
    }
  }

  /** One label box per space; a box is rebuilt only when what it shows has changed. */
  private buildBoxes(): void {
    const view = this.view!;
    const big = view.projector ? 1.25 : 1;
    for (const s of view.spaces) {
      const placed = this.layout!.spaces.get(s.id);
      if (!placed) continue;
      const old = this.boxes.get(s.id);
      if (old?.getData('sig') === boxSignature(s, big)) continue;
      old?.destroy();
      this.boxes.set(s.id, buildLabelBox(this, s, placed, big));
    }
  }

  /** After a zoom: label boxes rescale about their centres, leaders, highlights and the map's detail follow. */
  private followZoom(): void {
    if (!this.layout) return;
    const zoom = this.camera.zoom;
    const s = boxScale(zoom);
    for (const b of this.boxes.values()) b.setScale(s);
    drawLeaders(this.leaders, this.layout, zoom);
    this.drawEmphasis();
    this.map?.showDetailFor(zoom);
  }

  private drawEmphasis(): void {
    if (!this.view || !this.layout) this.emphasis.clear();
    else
      drawHighlights(this.emphasis, this.view, this.layout, this.camera.zoom, {
        focused: this.focused,
        hovered: this.hovered,
      });
  }
}

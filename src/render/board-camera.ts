/**
 * The map's camera: world ↔ screen, pan and zoom within the board's bounds, the first view (the whole
 * board when legible, else East Asia), and mouse, wheel and two-finger input that drive it.
 */
import Phaser from 'phaser';
import type { Bounds } from './board-map';
import type { XY } from './geo';
import { REF_ZOOM, type Panel } from './theatre';

/** The default view on a small screen: East Asia from the Bay of Bengal to Japan, in world units of the main panel. */
const FOCUS_LONLAT: [[number, number], [number, number]] = [
  [92, 46],
  [150, -12],
];

export class BoardCamera {
  bounds: Bounds = { x0: 0, y0: 0, x1: 1, y1: 1 };
  private fitZoom = 1;

  /** `changed` runs after every zoom (label boxes, leaders and highlights follow it). */
  constructor(
    private readonly scene: Phaser.Scene,
    private readonly hudHeight: () => number,
    private readonly changed: () => void,
  ) {}

  private get cam(): Phaser.Cameras.Scene2D.Camera {
    return this.scene.cameras.main;
  }

  get zoom(): number {
    return this.cam.zoom;
  }

  toScreen([x, y]: XY): XY {
    const cam = this.cam;
    return [
      (x - cam.scrollX - cam.width / 2) * cam.zoom + cam.width / 2 + cam.x,
      (y - cam.scrollY - cam.height / 2) * cam.zoom + cam.height / 2 + cam.y,
    ];
  }

  toWorld(sx: number, sy: number): XY {
    const cam = this.cam;
    return [
      (sx - cam.x - cam.width / 2) / cam.zoom + cam.scrollX + cam.width / 2,
      (sy - cam.y - cam.height / 2) / cam.zoom + cam.scrollY + cam.height / 2,
    ];
  }

  /** A canvas point lies in the map's viewport (not in the HUD band). */
  shows(sx: number, sy: number): boolean {
    const cam = this.cam;
    return sx >= cam.x && sy >= cam.y && sx <= cam.x + cam.width && sy <= cam.y + cam.height;
  }

  panBy(dx: number, dy: number): void {
    const cam = this.cam;
    cam.scrollX += dx / cam.zoom;
    cam.scrollY += dy / cam.zoom;
    this.clampScroll();
  }

  zoomBy(factor: number, sx?: number, sy?: number): void {
    const cam = this.cam;
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
    this.changed();
  }

  /**
   * Fits the viewport to the canvas above the HUD. `reset`: back to the first view (`main` is the main
   * panel, for East Asia on a small screen); otherwise the zoom keeps its ratio to the fitting zoom.
   */
  fit(reset: boolean, main: Panel | undefined): void {
    const cam = this.cam;
    const w = this.scene.scale.width;
    const h = Math.max(100, this.scene.scale.height - this.hudHeight());
    const oldFit = this.fitZoom;
    const oldZoom = cam.zoom;
    cam.setViewport(0, 0, w, h);
    const b = this.bounds;
    this.fitZoom = Math.min(w / (b.x1 - b.x0), h / (b.y1 - b.y0));
    if (reset) {
      // The whole board when it is legible; on a small screen, East Asia (pan and pinch for the rest).
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
    this.changed();
  }

  /** Centres on `anchor` (world) when `screen`, its place on the canvas, is within 40 px of the edge or off it. */
  ensureVisible(anchor: XY): void {
    const cam = this.cam;
    const [sx, sy] = this.toScreen(anchor);
    if (sx < cam.x + 40 || sx > cam.x + cam.width - 40 || sy < cam.y + 40 || sy > cam.y + cam.height - 40) {
      cam.centerOn(anchor[0], anchor[1]);
      this.clampScroll();
      this.changed();
    }
  }

  private clampScroll(): void {
    const cam = this.cam;
    const b = this.bounds;
    const halfW = cam.width / 2 / cam.zoom;
    const halfH = cam.height / 2 / cam.zoom;
    const cx = Phaser.Math.Clamp(cam.scrollX + cam.width / 2, b.x0 - halfW * 0.5, b.x1 + halfW * 0.5);
    const cy = Phaser.Math.Clamp(cam.scrollY + cam.height / 2, b.y0 - halfH * 0.5, b.y1 + halfH * 0.5);
    cam.scrollX = cx - cam.width / 2;
    cam.scrollY = cy - cam.height / 2;
  }

  /**
   * Wheel zooms at the pointer; a drag (past 5 px) pans; two fingers pinch-zoom. A pointer that did not
   * drag hovers (`hover`) and clicks (`click`) the space `spaceAt` finds under it.
   */
  listen(
    spaceAt: (sx: number, sy: number) => string | null,
    hover: (id: string | null) => void,
    click: (id: string) => void,
  ): void {
    const input = this.scene.input;
    let drag: { x: number; y: number; scrollX: number; scrollY: number; moved: boolean } | null = null;
    let pinch: { dist: number; zoom: number } | null = null;
    input.addPointer(1);
    input.on('wheel', (p: Phaser.Input.Pointer, _o: unknown, _dx: number, dy: number) => {
      this.zoomBy(dy > 0 ? 1 / 1.15 : 1.15, p.x, p.y);
    });
    input.on('pointerdown', (p: Phaser.Input.Pointer) => {
      const cam = this.cam;
      const p1 = input.pointer1;
      const p2 = input.pointer2;
      if (p1.isDown && p2.isDown) {
        pinch = { dist: Phaser.Math.Distance.Between(p1.x, p1.y, p2.x, p2.y), zoom: cam.zoom };
        drag = null;
        return;
      }
      drag = { x: p.x, y: p.y, scrollX: cam.scrollX, scrollY: cam.scrollY, moved: false };
    });
    input.on('pointermove', (p: Phaser.Input.Pointer) => {
      const cam = this.cam;
      if (pinch) {
        const p1 = input.pointer1;
        const p2 = input.pointer2;
        if (p1.isDown && p2.isDown) {
          const d = Phaser.Math.Distance.Between(p1.x, p1.y, p2.x, p2.y);
          const target = (pinch.zoom * d) / Math.max(1, pinch.dist);
          this.zoomBy(target / cam.zoom, (p1.x + p2.x) / 2, (p1.y + p2.y) / 2);
        }
        return;
      }
      if (drag && p.isDown) {
        const dx = p.x - drag.x;
        const dy = p.y - drag.y;
        if (Math.hypot(dx, dy) > 5) drag.moved = true;
        if (drag.moved) {
          cam.scrollX = drag.scrollX - dx / cam.zoom;
          cam.scrollY = drag.scrollY - dy / cam.zoom;
          this.clampScroll();
          this.changed();
        }
        return;
      }
      hover(spaceAt(p.x, p.y));
    });
    input.on('pointerup', (p: Phaser.Input.Pointer) => {
      if (pinch) {
        if (!input.pointer1.isDown || !input.pointer2.isDown) pinch = null;
        return;
      }
      const wasDrag = drag?.moved;
      drag = null;
      if (wasDrag) return;
      const id = spaceAt(p.x, p.y);
      if (id) click(id);
    });
    input.on('gameout', () => hover(null));
  }
}

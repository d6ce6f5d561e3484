/**
 * Label boxes: one container per space at the box the layout gave it, holding the space's name and its
 * counters (units and markers), drawn in reference pixels; and the leaders from an off-space box to its
 * space. Zooming only scales a box about its own centre, so labels never drift from their spaces.
 */
import Phaser from 'phaser';
import type { SpaceView } from './board-view';
import { FONT, INK, nameStyle } from './board-style';
import {
  NAME_LINE_PX,
  NAME_PX,
  REF_ZOOM,
  TOKEN_GAP_PX,
  TOKEN_PX,
  type PlacedSpace,
  type Rect,
  type TheatreLayout,
} from './theatre';
import { drawToken, inkFor } from './tokens';

/** A box's contents change only with these (text is costly to rasterise, so an unchanged box is kept). */
export const boxSignature = (s: SpaceView, big: number): string => JSON.stringify([s.name, s.units, s.markers, big]);

/** A counter's corner figure: "2×3" for two groups of presence 3, "3" for presence 3 or three alike, else nothing. */
const counterLabel = (count: number, presence: number): string =>
  presence > 1 ? `${count > 1 ? count + '×' : ''}${presence}` : count > 1 ? String(count) : '';

/** The label box of `s` at its layout place; `big` enlarges the type (the projector). */
export function buildLabelBox(
  scene: Phaser.Scene,
  s: SpaceView,
  placed: PlacedSpace,
  big: number,
): Phaser.GameObjects.Container {
  const box = scene.add.container(placed.box.x + placed.box.w / 2, placed.box.y + placed.box.h / 2).setDepth(7);
  box.setName(s.id).setData('sig', boxSignature(s, big));
  const wPx = placed.box.w * REF_ZOOM;
  const hPx = placed.box.h * REF_ZOOM;
  const { lines, cols, rows } = placed.shape;
  const name = scene.add
    .text(0, -hPx / 2 + 1, lines.join('\n'), { ...nameStyle(s.kind, NAME_PX[s.kind] * big), lineSpacing: -3 })
    .setOrigin(0.5, 0)
    .setResolution(2);
  // A long name in projector type is squeezed into the box the layout reserved.
  if (name.width > wPx) name.setScale(wPx / name.width);
  const items = [
    ...s.units.map((u) => ({ ...u, label: counterLabel(u.count, u.presence) })),
    ...s.markers.map((m) => ({ ...m, label: counterLabel(m.count, 1) })),
  ];
  if (placed.leader) {
    // A label off its space gets a plate behind what it shows, so it reads over any coast.
    const bg = scene.add.graphics();
    const w =
      Math.max(name.displayWidth, items.length ? Math.min(wPx, items.length * (TOKEN_PX + TOKEN_GAP_PX)) : 0) + 6;
    const h = items.length ? hPx : lines.length * NAME_LINE_PX + 3;
    bg.fillStyle(INK, 0.72);
    bg.fillRoundedRect(-w / 2, -hPx / 2, w, h, 4);
    box.add(bg);
  }
  box.add(name);
  if (!items.length) return box;
  // Counters fill the reserved rows; more than fit are drawn smaller, never outside the box.
  const perRow = Math.max(cols, Math.ceil(items.length / rows));
  const size = Math.min(TOKEN_PX, (wPx - 2) / perRow - TOKEN_GAP_PX);
  const top = -hPx / 2 + lines.length * NAME_LINE_PX + 2;
  const gfx = scene.add.graphics();
  box.add(gfx);
  items.forEach((it, i) => {
    const row = Math.floor(i / perRow);
    const inRow = Math.min(perRow, items.length - row * perRow);
    const rowW = inRow * size + (inRow - 1) * TOKEN_GAP_PX;
    const x = -rowW / 2 + size / 2 + (i % perRow) * (size + TOKEN_GAP_PX);
    const y = top + size / 2 + row * (size + TOKEN_GAP_PX);
    drawToken(gfx, it.shape, x, y, size, it.colour, INK);
    box.add(
      scene.add
        .text(x, y, it.glyph, {
          fontFamily: FONT,
          fontSize: `${Math.round(size * 0.5)}px`,
          fontStyle: '800',
          color: inkFor(it.colour),
        })
        .setOrigin(0.5)
        .setResolution(2),
    );
    if (it.label)
      box.add(
        scene.add
          .text(x + size / 2 + 1, y + size / 2 + 1, it.label, {
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
  return box;
}

/**
 * Boxes keep their layout centre; zooming in they grow slower than the map (so they never meet), zooming
 * out they shrink with it.
 */
export function boxScale(zoom: number): number {
  const k = zoom > REF_ZOOM ? Math.sqrt(REF_ZOOM / zoom) : 1;
  return k / REF_ZOOM;
}

/** The box of a space as drawn at `zoom` (world units). */
export function currentBox(p: PlacedSpace, zoom: number): Rect {
  const k = boxScale(zoom) * REF_ZOOM;
  const cx = p.box.x + p.box.w / 2;
  const cy = p.box.y + p.box.h / 2;
  return { x: cx - (p.box.w * k) / 2, y: cy - (p.box.h * k) / 2, w: p.box.w * k, h: p.box.h * k };
}

/** Leaders from each off-space box's current edge to a dot on its space. */
export function drawLeaders(g: Phaser.GameObjects.Graphics, layout: TheatreLayout, zoom: number): void {
  g.clear();
  for (const p of layout.spaces.values()) {
    if (!p.leader) continue;
    const r = currentBox(p, zoom);
    const tx = Phaser.Math.Clamp(p.anchor[0], r.x, r.x + r.w);
    const ty = Phaser.Math.Clamp(p.anchor[1], r.y, r.y + r.h);
    g.lineStyle(1.6 / zoom, 0xffffff, 0.8);
    g.lineBetween(p.anchor[0], p.anchor[1], tx, ty);
    g.fillStyle(0xffffff, 0.95);
    g.fillCircle(p.anchor[0], p.anchor[1], 3.5 / zoom);
    g.lineStyle(1 / zoom, INK, 1);
    g.strokeCircle(p.anchor[0], p.anchor[1], 3.5 / zoom);
  }
}

/** The space whose label box is under a world point, if any. */
export function boxAt(layout: TheatreLayout, zoom: number, wx: number, wy: number): string | null {
  for (const p of layout.spaces.values()) {
    const r = currentBox(p, zoom);
    if (wx >= r.x && wx <= r.x + r.w && wy >= r.y && wy <= r.y + r.h) return p.id;
  }
  return null;
}

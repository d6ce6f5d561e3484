/** Highlights on the map: legal targets, the selection, keyboard focus and hover, in zoom-independent widths. */
import type Phaser from 'phaser';
import type { BoardView } from './board-view';
import { FOCUS, SELECTED, TARGET } from './board-style';
import type { TheatreLayout } from './theatre';
import { vecs } from './tokens';

/** Which space the keyboard focuses and the pointer hovers (the scene's own, not the view's). */
export interface Pointing {
  focused: string | null;
  hovered: string | null;
}

/** Redraws `g` for `view` at camera zoom `zoom`. */
export function drawHighlights(
  g: Phaser.GameObjects.Graphics,
  view: BoardView,
  layout: TheatreLayout,
  zoom: number,
  { focused, hovered }: Pointing,
): void {
  g.clear();
  const z = zoom || 1;
  for (const s of view.spaces) {
    const placed = layout.spaces.get(s.id);
    if (!placed) continue;
    const emphasised = s.highlighted || s.selected || view.selected === s.id || focused === s.id || hovered === s.id;
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
    if (focused === s.id || hovered === s.id) outline(3, FOCUS);
  }
}

/** Token shapes: seat colour plus a letter plus a shape, so colour is never the only cue. */
import type Phaser from 'phaser';
import type { TokenShape } from './board-view';

/** Phaser's types ask for Vector2, but fillPoints/strokePoints read only x and y. */
export const vecs = (points: { x: number; y: number }[]): Phaser.Math.Vector2[] =>
  points as unknown as Phaser.Math.Vector2[];

/** Draws a token outline+fill of `size` (diameter) centred on (x, y). */
export function drawToken(
  g: Phaser.GameObjects.Graphics,
  shape: TokenShape,
  x: number,
  y: number,
  size: number,
  fill: number,
  stroke: number,
): void {
  const r = size / 2;
  g.fillStyle(fill, 1);
  g.lineStyle(Math.max(1.5, size / 14), stroke, 1);
  const poly = (pts: [number, number][]): void => {
    const v = pts.map(([px, py]) => ({ x: x + px * r, y: y + py * r }));
    g.fillPoints(vecs(v), true);
    g.strokePoints(vecs(v), true, true);
  };
  switch (shape) {
    case 'circle':
      g.fillCircle(x, y, r);
      g.strokeCircle(x, y, r);
      break;
    case 'square':
      g.fillRoundedRect(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8, r * 0.25);
      g.strokeRoundedRect(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8, r * 0.25);
      break;
    case 'diamond':
      poly([
        [0, -1.1],
        [1.1, 0],
        [0, 1.1],
        [-1.1, 0],
      ]);
      break;
    case 'triangle':
      poly([
        [0, -1.15],
        [1.1, 0.85],
        [-1.1, 0.85],
      ]);
      break;
    case 'hexagon': {
      const pts: [number, number][] = [];
      for (let i = 0; i < 6; i++) pts.push([Math.cos((Math.PI / 3) * i), Math.sin((Math.PI / 3) * i)]);
      poly(pts);
      break;
    }
  }
}

/** Black or white text, whichever reads better on `colour`. */
export function inkFor(colour: number): string {
  const r = (colour >> 16) & 255;
  const g = (colour >> 8) & 255;
  const b = colour & 255;
  return 0.299 * r + 0.587 * g + 0.114 * b > 140 ? '#111111' : '#ffffff';
}

export function css(colour: number): string {
  return `#${colour.toString(16).padStart(6, '0')}`;
}

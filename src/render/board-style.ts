/** The map's colours and type, shared by the map layer, the label boxes and the highlights. */
import type Phaser from 'phaser';
import { NAME_PX } from './theatre';

export const OCEAN = 0x0b2236;
export const INSET_SEA = 0x0d2a42;
export const LAND = 0x3b4a45;
export const BORDER = 0x5d6e68;
export const FRAME = 0xd8cfa8;
export const FOCUS = 0x56b4e9;
export const TARGET = 0xffffff;
export const SELECTED = 0xf0e442;
/** The dark ink behind labels and around tokens. */
export const INK = 0x07131d;
export const FONT = 'Inter, system-ui, sans-serif';

/** A space's name: italic for seas, bold for land; `alpha` fades echoes. */
export function nameStyle(kind: 'sea' | 'land', size: number, alpha = 1): Phaser.Types.GameObjects.Text.TextStyle {
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

/** Canvas text widths with the real font, for the layout's box sizes. */
export function measurer(): (text: string, kind: 'sea' | 'land') => number {
  const ctx = document.createElement('canvas').getContext('2d');
  return (text, kind) => {
    if (!ctx) return text.length * NAME_PX[kind] * 0.68;
    ctx.font = `${kind === 'sea' ? 'italic 600' : '700'} ${NAME_PX[kind]}px ${FONT}`;
    // Plus the text's stroke on both sides.
    return ctx.measureText(text).width + 4;
  };
}

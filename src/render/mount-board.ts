/**
 * Puts the board into a DOM element. Phaser (≈ 360 kB gzip) and the coastlines are imported here on
 * demand, so the start screen and the lobby load neither; only opening a board fetches them.
 */
import type { BoardView, Intents } from './board-view';

export interface BoardHandle {
  update(view: BoardView): void;
  /** Move keyboard focus to a space (shows its tooltip); null hides it. */
  focusSpace(id: string | null): void;
  /** Canvas-pixel position of a space's label point (tests, tutorials). */
  screenPoint(id: string): [number, number] | null;
  /** Every space's label anchor in canvas pixels, whether its label hangs on a leader line, whether the map shows it now. */
  labelAnchors(): { id: string; x: number; y: number; leader: boolean; visible: boolean }[];
  /** The band's hover areas in canvas pixels (a track's row, a danger tick, a theater bar) and their text. */
  helpZones(): { x: number; y: number; w: number; h: number; text: string; section: string }[];
  /** The space whose outline lies under a canvas point (the map itself, not the label boxes). */
  outlineAt(x: number, y: number): string | null;
  panBy(dx: number, dy: number): void;
  zoomBy(factor: number): void;
  destroy(): void;
}

export interface MountOptions {
  intents: Intents;
  /** Called once the first view is on screen. */
  onDrawn?: () => void;
}

/** Mounts the board in `parent` (which should have a size). Resolves once Phaser has booted. */
export async function mountBoard(parent: HTMLElement, first: BoardView, opts: MountOptions): Promise<BoardHandle> {
  const { mountPhaserBoard } = await import('./phaser-board');
  return mountPhaserBoard(parent, first, opts);
}

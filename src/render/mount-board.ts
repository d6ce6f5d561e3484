/**
 * Puts the board into a DOM element. Phaser (≈ 360 kB gzip) and the coastlines are imported here on
 * demand, so the start screen and the lobby load neither; only opening a board fetches them.
 */
import type { BoardHandle, BoardView, MountOptions } from './board-view';

/** Mounts the board in `parent` (which should have a size). Resolves once Phaser has booted. */
export async function mountBoard(parent: HTMLElement, first: BoardView, opts: MountOptions): Promise<BoardHandle> {
  const { mountPhaserBoard } = await import('./phaser-board');
  return mountPhaserBoard(parent, first, opts);
}

/** Layouts by screen size: a 1280×720 laptop shows the moves, and a phone in portrait plays a move with the panel in a drawer. */
import { describe, expect, it } from 'vitest';
import { openPage } from './browser';
import { useBuiltClient } from './built-client';
import type { Page } from 'playwright-core';
import {
  actionCount,
  box,
  clickOneAction,
  overlaps,
  startGame,
  trackBandBox,
  turnCardBox,
  waitForHuman,
} from './game-helpers';

const env = useBuiltClient();

/** The board's turn card ends above the band of tracks (once the board has redrawn at its new size). */
async function expectCardClearOfBand(page: Page): Promise<void> {
  await expect
    .poll(async () => {
      const [card, band] = [await turnCardBox(page), await trackBandBox(page)];
      return overlaps(card, band) ? `card ${JSON.stringify(card)} over the band ${JSON.stringify(band)}` : 'clear';
    })
    .toBe('clear');
}

describe('layouts', () => {
  it('at 1280×720 shows at least five moves above the log, the board beside them', async () => {
    const { page, errors } = await openPage(env.browser, env.server.url, { width: 1280, height: 720 });
    await startGame(page, env.server.url, { humans: [1], seed: 'layout-laptop' });
    expect(await waitForHuman(page)).toBe('move');
    const logTop = (await page.locator('.side .log').boundingBox())!.y;
    const shown = await page
      .locator('button.move')
      .evaluateAll((els, top) => els.filter((e) => e.getBoundingClientRect().bottom <= top).length, logTop);
    expect(shown).toBeGreaterThanOrEqual(5);
    const board = (await page.locator('#board').boundingBox())!;
    expect(board.width).toBeGreaterThan(880);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('on a phone (390×844) puts the board on top, the panel in a drawer, and plays a move', async () => {
    const { page, errors } = await openPage(env.browser, env.server.url, { width: 390, height: 844 });
    await startGame(page, env.server.url, { humans: [1], seed: 'layout-phone' });
    const board = await box(page, '#board');
    const side = await box(page, '.side');
    // The board on top and wide, not a strip; the panel below it, off the band of tracks.
    expect(board.width).toBe(390);
    expect(board.height).toBeGreaterThanOrEqual(560);
    expect(side.y).toBeGreaterThanOrEqual(board.y + board.height - 1);
    const band = await trackBandBox(page);
    expect(overlaps(side, band), 'panel over the tracks').toBe(false);
    // The map above the band is most of the board; the turn card lies on the map, not on the tracks.
    expect(band.y - board.y).toBeGreaterThanOrEqual(350);
    await expectCardClearOfBand(page);
    // Every row of the band lies inside the screen (no label cut off at its edge).
    expect(band.x + band.width).toBeLessThanOrEqual(390);
    // The drawer's handle lifts the panel over most of the screen, and lowers it again; the board keeps
    // its turn card above the tracks meanwhile.
    await page.click('#drawer-handle');
    await expect.poll(async () => (await box(page, '.side')).height).toBeGreaterThan(500);
    await expect.poll(async () => (await box(page, '#board')).height).toBeLessThan(400);
    await expectCardClearOfBand(page);
    expect(await waitForHuman(page)).toBe('move');
    const before = await actionCount(page);
    await clickOneAction(page);
    await expect.poll(() => actionCount(page)).toBeGreaterThan(before);
    await page.click('#drawer-handle');
    await expect.poll(async () => (await box(page, '#board')).height).toBeGreaterThanOrEqual(560);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

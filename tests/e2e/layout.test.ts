/** Layouts by screen size: a 1280×720 laptop shows the moves, and a phone in portrait plays a move with the panel in a drawer. */
import { describe, expect, it } from 'vitest';
import { openPage } from './browser';
import { useBuiltClient } from './built-client';
import { actionCount, clickOneAction, startGame, waitForHuman } from './game-helpers';

const env = useBuiltClient();

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
    const board = (await page.locator('#board').boundingBox())!;
    const side = (await page.locator('.side').boundingBox())!;
    // The board on top and wide, not a strip; the panel below it.
    expect(board.width).toBe(390);
    expect(board.height).toBeGreaterThan(400);
    expect(side.y).toBeGreaterThanOrEqual(board.y + board.height - 1);
    // The drawer's handle lifts the panel over most of the screen, and lowers it again.
    await page.click('#drawer-handle');
    await expect.poll(async () => (await page.locator('.side').boundingBox())!.height).toBeGreaterThan(600);
    expect(await waitForHuman(page)).toBe('move');
    const before = await actionCount(page);
    await clickOneAction(page);
    await expect.poll(() => actionCount(page)).toBeGreaterThan(before);
    await page.click('#drawer-handle');
    await expect.poll(async () => (await page.locator('#board').boundingBox())!.height).toBeGreaterThan(400);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

/** The production build draws a real board (not blank), loads nothing from the network, and the map answers the keyboard. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, ensureBuilt } from './build';
import { launch, openPage } from './browser';
import { pngStats, startGame } from './game-helpers';
import { serveStatic, type StaticServer } from './static-server';

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  await ensureBuilt();
  server = await serveStatic(DIST);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the board', () => {
  it('is drawn: the map canvas has real variety of pixels, and nothing came from the network', async () => {
    const { page, errors } = await openPage(browser, server.url);
    await startGame(page, server.url, { humans: [1], seed: 'board-1' });
    const shot = await page.locator('#board').screenshot();
    const stats = await pngStats(page, shot);
    // A blank or single-colour canvas has ~0 variance and a handful of colours.
    expect(stats.variance).toBeGreaterThan(200);
    expect(stats.distinct).toBeGreaterThan(500);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('pans, zooms and steps through spaces by keyboard, with a tooltip naming the space', async () => {
    const { page, errors } = await openPage(browser, server.url);
    await startGame(page, server.url, { humans: [1], seed: 'board-2' });
    await page.focus('#board');
    await page.keyboard.press('.');
    const tip = page.locator('#board-tooltip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    const first = await tip.locator('strong').textContent();
    await page.keyboard.press('.');
    const second = await tip.locator('strong').textContent();
    expect(first).toBeTruthy();
    expect(second).not.toBe(first);
    const before = await page.locator('#board').screenshot();
    await page.keyboard.press('+');
    await page.keyboard.press('ArrowLeft');
    const after = await page.locator('#board').screenshot();
    expect(Buffer.compare(before, after)).not.toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

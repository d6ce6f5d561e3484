/** The production build draws a real board (not blank), loads nothing from the network, and the map answers the keyboard. */
import { describe, expect, it } from 'vitest';
import { openPage } from './browser';
import { useBuiltClient } from './built-client';
import { pngStats, startGame } from './game-helpers';

const env = useBuiltClient();

describe('the board', () => {
  it('is loaded only when a board opens: the start screen and the lobby fetch no Phaser', async () => {
    const { page, errors } = await openPage(env.browser, env.server.url);
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(r.url()));
    await page.goto(env.server.url);
    await page.waitForSelector('#start');
    await page.goto(`${env.server.url}#/lobby`);
    await page.waitForTimeout(300);
    expect(fetched.some((u) => /\/phaser/.test(u))).toBe(false);
    expect(fetched.some((u) => /\/index-[^/]*\.js$/.test(u))).toBe(true);
    await page.goto(env.server.url);
    await startGame(page, env.server.url, { humans: [1], seed: 'board-lazy' });
    expect(fetched.some((u) => /\/phaser-[^/]*\.js$/.test(u))).toBe(true);
    expect(errors.filter((e) => !e.includes('/games'))).toEqual([]);
    await page.context().close();
  });

  it('is drawn: the map canvas has real variety of pixels, and nothing came from the network', async () => {
    const { page, errors } = await openPage(env.browser, env.server.url);
    await startGame(page, env.server.url, { humans: [1], seed: 'board-1' });
    const shot = await page.locator('#board').screenshot();
    const stats = await pngStats(page, shot);
    // A blank or single-colour canvas has ~0 variance and a handful of colours.
    expect(stats.variance).toBeGreaterThan(200);
    expect(stats.distinct).toBeGreaterThan(500);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('pans, zooms and steps through spaces by keyboard, with a tooltip naming the space', async () => {
    const { page, errors } = await openPage(env.browser, env.server.url);
    await startGame(page, env.server.url, { humans: [1], seed: 'board-2' });
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

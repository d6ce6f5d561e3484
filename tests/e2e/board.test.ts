/** The production build draws a real board (not blank), loads nothing from the network, and the map answers the keyboard. */
import { describe, expect, it } from 'vitest';
import { openPage } from './browser';
import { useBuiltClient } from './built-client';
import { clickOneAction, pngStats, startGame, waitForHuman } from './game-helpers';

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

  it('anchors every label inside its own space at three zoom levels, and keeps them there across redraws', async () => {
    const { page, errors } = await openPage(env.browser, env.server.url);
    await startGame(page, env.server.url, { humans: [1], seed: 'board-anchors' });
    type Anchor = { id: string; x: number; y: number; leader: boolean; visible: boolean };
    // Each anchor on screen, and the space whose outline the board finds under it.
    const probe = () =>
      page.evaluate(() => {
        const host = document.querySelector('#board') as HTMLElement & {
          eatBoard: { labelAnchors(): Anchor[]; outlineAt(x: number, y: number): string | null };
        };
        return host.eatBoard
          .labelAnchors()
          .filter((a) => a.visible)
          .map((a) => ({ ...a, under: host.eatBoard.outlineAt(a.x, a.y) }));
      });
    const zoom = (f: number) =>
      page.evaluate(
        (f) =>
          (document.querySelector('#board') as unknown as { eatBoard: { zoomBy(f: number): void } }).eatBoard.zoomBy(f),
        f,
      );
    const seen = new Set<string>();
    const first = await probe();
    expect(first.length).toBe(29);
    for (const factor of [1, 1.8, 2.2]) {
      await zoom(factor);
      const anchors = await probe();
      expect(anchors.length).toBeGreaterThan(0);
      for (const a of anchors) {
        expect(a.under, `${a.id} at zoom step ${factor}`).toBe(a.id);
        seen.add(a.id);
      }
    }
    expect(seen.size).toBe(29);
    // A move redraws the board: the anchors stay where they were (same zoom, same place).
    expect(await waitForHuman(page)).toBe('move');
    const before = await probe();
    await clickOneAction(page);
    await page.waitForTimeout(300);
    const after = await probe();
    expect(after.map((a) => [a.id, Math.round(a.x), Math.round(a.y)])).toEqual(
      before.map((a) => [a.id, Math.round(a.x), Math.round(a.y)]),
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

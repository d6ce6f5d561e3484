/**
 * The White Cell after the end, in the real page: a bot-played guided game with a White Cell ends;
 * the end card hands the screen to the White Cell, whose console (dark, beside the full map) rewinds
 * to turn 1 — its inject kept — and writes a story inject from an empty form that moves no track,
 * which the projector window then reads to the room.
 */
import { describe, expect, it } from 'vitest';
import { boardDrawn, openPage } from './browser';
import { useBuiltClient } from './built-client';
import { state } from './game-helpers';

const env = useBuiltClient();

describe('White Cell console', () => {
  it('reopens the game after the end, beside the map, with an empty inject form', async () => {
    const { page, errors } = await openPage(env.browser, env.server.url);
    await page.goto(`${env.server.url}/?play=first-game&seed=wc-after-end&humans=&white=1&speed=0`);
    await boardDrawn(page);
    await page.waitForSelector('#end-screen', { timeout: 120_000 });
    const ended = await state(page);
    expect(ended.result).not.toBeNull();
    const turn1Inject = ended.log.find((e) => e.turn === 1 && e.text.startsWith('Inject — '))!.text;

    await page.click('#end-screen button[title^="Hand the screen to the White Cell"]');
    await page.waitForSelector('#handover');
    await page.click('#handover-ready');
    await page.waitForSelector('#white-cell-console');
    // No end card over the console, and the map stays in view beside it.
    expect(await page.locator('#end-screen').count()).toBe(0);
    const board = (await page.locator('#board').boundingBox())!;
    const layer = (await page.locator('#white-cell-layer').boundingBox())!;
    expect(board.width).toBeGreaterThan(400);
    expect(board.x + board.width).toBeLessThanOrEqual(layer.x + 2);
    const bg = await page.locator('.wc-console').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).toBe('rgb(12, 29, 43)');
    await expect.poll(() => page.locator('#wc-after-end').innerText()).toMatch(/may still rewind/);

    await page.selectOption('#wc-rewind-turn', '1');
    await page.fill('#wc-reason', 'replay the first turn with the room');
    await page.click('#wc-rewind');
    await expect.poll(async () => (await state(page)).result).toBeNull();
    const rewound = await state(page);
    expect(rewound.turn).toBe(1);
    expect(rewound.log.filter((e) => e.turn === 1 && e.text.startsWith('Inject — ')).map((e) => e.text)).toEqual([
      turn1Inject,
    ]);

    // The inject form starts empty: a story only.
    expect(await page.locator('#wc-write .effect-row, .wc-write .effect-row').count()).toBe(0);
    expect(await page.locator('#wc-write-effects-summary').textContent()).toMatch(/a story only/);
    // The room's projector window (what "Projector window" opens), listening before the inject.
    const projector = await page.context().newPage();
    await projector.goto(`${env.server.url}/?projector-window`);
    const tracks = (await state(page)).tracks;
    await page.fill('#wc-write-title', 'Fishing fleet');
    await page.fill('#wc-write-text', 'A fishing fleet gathers off the Senkakus.');
    await page.fill('#wc-reason', 'colour for the room');
    await page.click('#wc-write');
    await expect.poll(() => page.locator('#wc-message').getAttribute('class')).toContain('wc-ok');
    expect((await state(page)).tracks).toEqual(tracks);
    await expect
      .poll(() => projector.locator('#pj-story').innerText(), { timeout: 15_000 })
      .toContain('A fishing fleet gathers off the Senkakus.');
    expect(errors).toEqual([]);
  });
});

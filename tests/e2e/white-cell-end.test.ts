/**
 * The White Cell after the end (issue 12): a game ended in war still hands the screen to the White
 * Cell from the end card; it reopens a kept branch and rewinds to the start of a turn, and the game
 * plays on. A rewind replays that turn's inject exactly (the same card, the same deck after it).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { GameState } from '../../src/rules';
import { openPage } from './browser';
import { useBuiltClient } from './built-client';
import { clickOneAction, startGame, state, whiteAct } from './game-helpers';

const env = useBuiltClient();

/** The White Cell ends the game: tension to its top is war. */
async function war(page: Page): Promise<void> {
  await page.selectOption('#wc-override-track', 'tension');
  await page.fill('#wc-override-value', '10');
  await whiteAct(page, 'the room plays the worst case', () => page.click('#wc-override'));
  await expect.poll(async () => (await state(page)).result?.ending ?? null).toBe('war');
  await expect.poll(() => page.locator('#wc-after-end').isVisible()).toBe(true);
}

async function takeScreen(page: Page): Promise<void> {
  await page.waitForSelector('#handover');
  await page.click('#handover-ready');
}

/** The inject lines the log holds for a turn (the turn's card and what it did). */
const injectsOf = (G: GameState, turn: number): string[] =>
  G.log.filter((e) => e.turn === turn && e.kind === 'inject').map((e) => e.text);

describe('White Cell after the end', () => {
  it('reopens a branch and rewinds after the game ended; the rewound turn replays its inject', async () => {
    const { page, errors } = await openPage(env.browser, env.server.url);
    await startGame(page, env.server.url, { humans: [0, 1], seed: 'wc-end-e2e-1', whiteCell: true });
    // Into turn 2: the people pass, the bots play.
    for (let i = 0; i < 80 && (await state(page)).turn < 2; i++) {
      if (await page.locator('#handover').count()) await takeScreen(page);
      else if (await page.locator('button.move:not(:disabled)').count()) await clickOneAction(page, true);
      else await page.waitForTimeout(100);
    }
    const turn2 = await state(page);
    expect(turn2.turn).toBe(2);
    const inject2 = injectsOf(turn2, 2);
    expect(inject2.length).toBeGreaterThan(1);

    // Back to turn 1 (the turn-2 line is kept as branch 0), then war: the game is over.
    if (await page.locator('#handover').count()) await takeScreen(page);
    await page.click('#open-white-cell');
    await takeScreen(page);
    await page.waitForSelector('#white-cell-console');
    await page.selectOption('#wc-rewind-turn', '1');
    await whiteAct(page, 'replay turn 1', () => page.click('#wc-rewind'));
    expect((await state(page)).turn).toBe(1);
    await war(page);

    // After the end: reopen the kept turn-2 line; the game goes on from there.
    await whiteAct(page, 'back to the line we left', () => page.click('#wc-reopen-0'));
    let G = await state(page);
    expect(G.result).toBeNull();
    expect(G.turn).toBe(2);
    expect(injectsOf(G, 2)).toEqual(inject2);

    // War again; the White Cell gives the screen back and the end card offers it again.
    await war(page);
    await page.click('#white-return');
    await page.waitForSelector('#end-screen');
    await page.locator('#end-screen button', { hasText: 'White Cell' }).click();
    await takeScreen(page);
    await page.waitForSelector('#white-cell-console');

    // After the end: rewind to the start of turn 2, which replays its inject and keeps the deck after it.
    await page.selectOption('#wc-rewind-turn', '2');
    await whiteAct(page, 'turn 2 again', () => page.click('#wc-rewind'));
    G = await state(page);
    expect(G.result).toBeNull();
    expect(G.turn).toBe(2);
    expect(G.round).toBe(1);
    expect(injectsOf(G, 2)).toEqual(inject2);
    expect(G.deck).toEqual(turn2.deck);
    // Play goes on: the screen returns to the seat the game waits for.
    await page.click('#white-return');
    await takeScreen(page);
    await expect.poll(() => page.locator('button.move:not(:disabled)').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 600_000);
});

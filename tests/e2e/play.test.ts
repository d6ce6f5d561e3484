/** Whole games in the real page: solo against bots to the end, and a hot-seat hand-over that keeps secrets. */
import { describe, expect, it } from 'vitest';
import { openPage } from './browser';
import { useBuiltClient } from './built-client';
import { clickOneAction, startGame, state, waitForHuman } from './game-helpers';

const env = useBuiltClient();

describe('solo against the bots', () => {
  it('plays a whole game to the end screen by clicking actions', async () => {
    const { page, errors } = await openPage(env.browser, env.server.url);
    await startGame(page, env.server.url, { humans: [1], seed: 'solo-e2e-1' });
    let clicks = 0;
    for (;;) {
      const next = await waitForHuman(page, 90_000);
      if (next === 'end') break;
      expect(next).toBe('move');
      // Alternate real moves and passes so the game moves on at a steady pace.
      await clickOneAction(page, clicks % 3 === 2);
      clicks++;
      expect(clicks).toBeLessThan(400);
    }
    const G = await state(page);
    expect(G.result).not.toBeNull();
    await expect.poll(() => page.locator('#end-title').textContent()).toMatch(/wins|No winner/);
    expect(await page.locator('#end-screen table tbody tr').count()).toBe(4);
    expect(clicks).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 600_000);
});

describe('hot-seat', () => {
  it('hides the previous seat\u2019s secret priority at every hand-over', async () => {
    const { page, errors } = await openPage(env.browser, env.server.url);
    await startGame(page, env.server.url, { humans: [0, 1, 2, 3], seed: 'hotseat-e2e-1' });
    const secrets = new Map<string, string>();
    let handovers = 0;
    for (let i = 0; i < 24 && handovers < 8; i++) {
      const next = await waitForHuman(page);
      if (next === 'end') break;
      if (next === 'handover') {
        handovers++;
        // Behind the hand-over card: no secret element, and no seat's priority text anywhere on the page.
        expect(await page.locator('[data-secret]').count()).toBe(0);
        const text = await page.evaluate(() => document.body.innerText);
        for (const [seat, secret] of secrets)
          expect(text, `${seat}'s priority visible at a hand-over`).not.toContain(secret);
        await page.click('#handover-ready');
        const mine = page.locator('[data-secret]');
        expect(await mine.count()).toBe(1);
        secrets.set(
          (await mine.getAttribute('data-secret'))!,
          (await mine.innerText()).split(': ').slice(1).join(': '),
        );
        continue;
      }
      await clickOneAction(page, i % 2 === 1);
    }
    expect(handovers).toBeGreaterThanOrEqual(4);
    expect(secrets.size).toBeGreaterThanOrEqual(3);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 600_000);
});

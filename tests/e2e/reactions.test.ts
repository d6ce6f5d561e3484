/**
 * Hot-seat reaction preferences: China's player sets "never Lambaste" from the seat's panel; the table
 * then plays a whole round with at most one hand-over per real decision — no Lambaste window passes the
 * screen to China — and the preference survives a reload (autosave).
 */
import { describe, expect, it } from 'vitest';
import { boardDrawn, openPage } from './browser';
import { useBuiltClient } from './built-client';
import { completeMove, startGame, state, waitForHuman } from './game-helpers';
import type { Page } from 'playwright-core';

const env = useBuiltClient();

/** Western gains that open a Lambaste window, tried first; otherwise the first move that can be completed. */
const GAINS = ['statement', 'transit', 'summit'];

async function clickDecision(page: Page): Promise<string> {
  const names = await page
    .locator('button.move:not(:disabled)')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['move']!));
  const pick = GAINS.find((g) => names.includes(g)) ?? names.find((n) => n !== 'pass') ?? names[0]!;
  return completeMove(page, pick);
}

describe('hot-seat reaction preferences', () => {
  it('plays a round with at most one hand-over per real decision, and keeps the preference on reload', async () => {
    const { page, errors } = await openPage(env.browser, env.server.url);
    await startGame(page, env.server.url, { humans: [0, 1, 2, 3], seed: 'reactions-e2e-1' });
    const G0 = await state(page);
    const start = `${G0.turn}.${G0.round}`;
    let handovers = 0;
    let decisions = 0;
    let chinaSet = false;
    for (let i = 0; i < 80; i++) {
      const next = await waitForHuman(page);
      const G = await state(page);
      if (next === 'end' || `${G.turn}.${G.round}` !== start) break;
      if (next === 'handover') {
        handovers++;
        // A Lambaste window China's preference answers never passes the screen to China.
        expect(G.pending?.kind, 'a hand-over for a Lambaste window').not.toBe('lambaste');
        await page.click('#handover-ready');
        continue;
      }
      if (!chinaSet && G.active === 'china' && !G.pending) {
        // The menu sits in China's panel; its choice takes effect at once.
        await page.click('#reaction-prefs-china summary');
        await page.check('#reaction-china-decline');
        await expect.poll(() => page.locator('#reaction-prefs-china .current').textContent()).toMatch(/Never/);
        chinaSet = true;
      }
      await clickDecision(page);
      decisions++;
    }
    expect(chinaSet).toBe(true);
    const save = await page.evaluate(() =>
      (
        window as unknown as { __eat: { save: () => { actions: { seat: string; move: string; why?: string }[] } } }
      ).__eat.save(),
    );
    // Western gains opened windows, and the preference answered each of them without the screen moving.
    const auto = save.actions.filter((a) => a.move === 'declineLambaste');
    expect(auto.length).toBeGreaterThan(0);
    for (const a of auto) expect(a.why).toMatch(/^reaction preference/);
    expect(decisions).toBeGreaterThanOrEqual(4);
    expect(handovers).toBeLessThanOrEqual(decisions);

    // The preference is saved with the game: a reload resumes the game with it.
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('eat-autosave/1') ?? 'null'));
    expect(stored.reactions).toEqual({ china: { mode: 'decline' } });
    await page.reload();
    await boardDrawn(page);
    const resumed = await state(page);
    expect(resumed.turn).toBeGreaterThanOrEqual(G0.turn);
    expect(
      await page.evaluate(() => (window as unknown as { __eat: { reactions: () => unknown } }).__eat.reactions()),
    ).toEqual({ china: { mode: 'decline' } });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 600_000);
});

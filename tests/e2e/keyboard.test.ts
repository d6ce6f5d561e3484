/** A full action round played with the keyboard alone: no mouse from the start screen to the next round. */
import { describe, expect, it } from 'vitest';
import { boardDrawn, openPage } from './browser';
import { useBuiltClient } from './built-client';
import { state } from './game-helpers';

const env = useBuiltClient();

describe('keyboard only', () => {
  it('starts a game and plays a whole round for NATO with Enter and Tab', async () => {
    const { page, errors } = await openPage(env.browser, env.server.url);
    await page.goto(env.server.url);
    await page.waitForSelector('#start');
    // The Start button has the focus: the default table is NATO by a person, the rest by bots.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('start');
    await page.keyboard.press('Enter');
    await boardDrawn(page);
    const G0 = await state(page);
    const startKey = `${G0.turn}.${G0.round}`;
    let keys = 0;
    for (;;) {
      const G = await state(page);
      if (`${G.turn}.${G.round}` !== startKey && G.active !== 'nato') break;
      const focus = await page.evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        return a
          ? { tag: a.tagName, move: a.dataset['move'] ?? null, id: a.id, option: a.dataset['option'] ?? null }
          : null;
      });
      const myTurn =
        G.active === 'nato' && !G.pending && (await page.locator('button.move:not(:disabled)').count()) > 0;
      if (!myTurn) {
        await page.waitForTimeout(100);
        continue;
      }
      // Focus sits on a move, an option or Confirm: Enter activates it. Pass is reached with Tab once AP run low.
      if (focus?.move === 'pass' || focus?.move || focus?.option !== null || focus?.id === 'confirm')
        await page.keyboard.press('Enter');
      else await page.keyboard.press('Tab');
      keys++;
      expect(keys).toBeLessThan(300);
    }
    const G = await state(page);
    expect(G.log.some((e) => e.seat === 'nato' && e.kind === 'move')).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 600_000);
});

/**
 * A full action round played with the keyboard alone: no mouse from the start screen to the next round;
 * and the move shortcuts: a letter picks a move, a digit its option, Esc cancels, ? lists them.
 */
import { describe, expect, it } from 'vitest';
import { boardDrawn, openPage } from './browser';
import { useBuiltClient } from './built-client';
import { actionCount, startGame, state, waitForHuman } from './game-helpers';

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

  it('picks a move by its letter and an option by its digit, cancels with Esc, lists the keys under ?', async () => {
    const { page, errors } = await openPage(env.browser, env.server.url);
    await startGame(page, env.server.url, { humans: [1], seed: 'keys-e2e-1' });
    expect(await waitForHuman(page)).toBe('move');
    const statement = page.locator('button.move[data-move="statement"]');
    // The panel shows each move's key; the same key is in its accessible description.
    const key = (await statement.locator('kbd').textContent())!;
    expect(key).toMatch(/^[A-Z]$/);
    expect(await statement.getAttribute('aria-keyshortcuts')).toBe(key);

    await page.keyboard.press('?');
    const help = page.locator('#shortcut-help');
    await help.waitFor();
    expect(await help.locator('#shortcut-moves').innerText()).toContain(`${key}\tStatement`);
    expect(await help.innerText()).toMatch(/Esc\s+cancel the half-chosen move/);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });

    // Half-chosen, then Esc: nothing played, nothing pressed.
    const before = await actionCount(page);
    await page.keyboard.press(key.toLowerCase());
    await page.locator('#chooser').waitFor();
    expect(await statement.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#chooser [data-option="0"] kbd').textContent()).toBe('1');
    await page.keyboard.press('Escape');
    await page.locator('#chooser').waitFor({ state: 'detached' });
    expect(await statement.getAttribute('aria-pressed')).toBe('false');
    expect(await actionCount(page)).toBe(before);

    // Letter, digit, Enter: the move is played.
    await page.keyboard.press(key.toLowerCase());
    await page.keyboard.press('1');
    await page.locator('#confirm').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('confirm');
    await page.keyboard.press('Enter');
    await expect.poll(() => actionCount(page)).toBeGreaterThan(before);
    const G = await state(page);
    expect(G.log.some((e) => e.seat === 'nato' && e.text.includes('Statement'))).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 300_000);
});

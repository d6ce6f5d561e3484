/**
 * Learning in the real page: the guided first game from the start screen, its coach moving on by
 * itself once the newcomer has made a move, and the rules reference it links to — rendered Markdown
 * with an index, no raw markup and no dead link.
 */
import { describe, expect, it } from 'vitest';
import { boardDrawn, openPage } from './browser';
import { useBuiltClient } from './built-client';
import { box, clickOneAction, overlaps, state, turnCardBox } from './game-helpers';

const env = useBuiltClient();

describe('guided first game and rules reference', () => {
  it('coaches one idea per step, waits for a move, and opens the rules at the right section', async () => {
    const { page, errors } = await openPage(env.browser, env.server.url);
    await page.goto(env.server.url);
    await page.waitForSelector('#start-tutorial');
    // The tutorial is not among the scenarios people pick from.
    expect(await page.locator('#scenario option[value="first-game"]').count()).toBe(0);
    await page.click('#start-tutorial');
    await boardDrawn(page);
    if (await page.locator('#bot-speed').count()) await page.selectOption('#bot-speed', '0');
    const G = await state(page);
    expect(G.scenario).toBe('first-game');
    expect(G.lastTurn).toBe(2);
    await page.waitForSelector('#coach');
    expect(await page.locator('#coach-count').textContent()).toBe('Step 1 of 8');
    // The coach sits on the map, clear of the board's turn card and of the side panel.
    const coach = await box(page, '#coach');
    expect(overlaps(coach, await turnCardBox(page)), 'coach over the turn card').toBe(false);
    expect(overlaps(coach, await box(page, '.side')), 'coach over the side panel').toBe(false);
    for (const title of ['The map', 'Tracks and the orange tick', 'Theaters', 'Your move']) {
      await page.click('#coach-next');
      expect(await page.locator('#coach-title').textContent()).toBe(title);
    }
    expect(await page.locator('#coach-text').textContent()).toContain('2 action points each round');
    // "Your move" waits for the newcomer.
    expect(await page.locator('#coach-next').isDisabled()).toBe(true);
    await page.waitForSelector('button.move:not(:disabled)', { timeout: 60_000 });
    await clickOneAction(page, false);
    await expect.poll(() => page.locator('#coach-title').textContent(), { timeout: 15_000 }).toBe('Injects');

    // The coach's link opens the rules reference at its section.
    await page.click('#coach-more');
    await page.waitForSelector('#rules-dialog[data-ready="true"]');
    const index = await page.locator('#rules-index a').allTextContents();
    expect(index).toContain('8. Victory');
    expect(index.length).toBeGreaterThan(10);
    const body = await page.locator('#rules-body').innerText();
    expect(body).not.toContain('**');
    expect(body).not.toMatch(/(^|\s)_[A-Za-z]/);
    expect(await page.locator('#rules-body em').count()).toBeGreaterThan(0);
    // Every link inside the dialog leads to a heading in it.
    const hrefs = await page.locator('#rules-dialog a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    for (const href of hrefs) {
      expect(href.startsWith('#')).toBe(true);
      expect(await page.locator(`[id="${href.slice(1)}"]`).count()).toBe(1);
    }
    await page.click('#rules-index a:text("8. Victory")');
    await expect
      .poll(() =>
        page.evaluate(() => {
          const r = document.getElementById('rules-8-victory')!.getBoundingClientRect();
          const b = document.getElementById('rules-body')!.getBoundingClientRect();
          return r.top >= b.top - 2 && r.top < b.top + 80;
        }),
      )
      .toBe(true);
    await page.click('#rules-close');
    // The dialog's close event (which removes it) is dispatched after the click returns.
    await expect.poll(() => page.locator('#rules-dialog').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

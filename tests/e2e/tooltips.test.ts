/**
 * Tooltips under the map and in the score panel: every track, bar and danger tick explains itself on
 * hover with the rules' own numbers, and a click opens the rules reference at its section.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BALANCE } from '../../src/content/balance';
import { TRACKS } from '../../src/content/ids';
import { RULE_NUMBERS } from '../../src/content/rule-numbers';
import { openPage } from './browser';
import { useBuiltClient } from './built-client';
import { startGame } from './game-helpers';

const env = useBuiltClient();

interface Zone {
  x: number;
  y: number;
  w: number;
  h: number;
  text: string;
  section: string;
}

const zones = (page: Page): Promise<Zone[]> =>
  page.evaluate(() =>
    (document.getElementById('board') as unknown as { eatBoard: { helpZones(): Zone[] } }).eatBoard.helpZones(),
  );

/** Moves the mouse to the middle of a zone (canvas pixels are the board host's CSS pixels). */
async function hover(page: Page, z: Zone): Promise<void> {
  const box = (await page.locator('#board').boundingBox())!;
  await page.mouse.move(box.x + z.x + z.w / 2, box.y + z.y + z.h / 2);
}

/** The rules dialog is open, rendered, and scrolled to the section's heading. */
async function rulesOpenAt(page: Page, section: string): Promise<void> {
  await page.waitForSelector('#rules-dialog[data-ready="true"]');
  await expect
    .poll(() =>
      page.evaluate((id) => {
        const body = document.getElementById('rules-body')!.getBoundingClientRect();
        const head = document.getElementById(id)?.getBoundingClientRect();
        return !!head && head.top >= body.top - 2 && head.top < body.top + 60;
      }, section),
    )
    .toBe(true);
  await page.click('#rules-close');
  await page.waitForSelector('#rules-dialog', { state: 'detached' });
}

describe('tooltips', () => {
  it('explain every track, bar and tick under the map, from the rules’ numbers, and link to the rules', async () => {
    const { page, errors } = await openPage(env.browser, env.server.url);
    await page.setViewportSize({ width: 1600, height: 1000 });
    await startGame(page, env.server.url, { humans: [1], seed: 'tooltips-e2e' });
    const all = await zones(page);
    // 9 tracks, 4 partnerships, the theaters, and a tick for each of the 7 dangerous tracks.
    const ticks = all.filter((z) => z.w <= 10);
    expect(ticks.length).toBe(7);
    expect(all.length).toBeGreaterThanOrEqual(9 + 4 + 4 + 7);
    const tip = page.locator('#board-tooltip');
    for (const z of all) {
      await hover(page, z);
      await expect.poll(() => tip.innerText(), { timeout: 5000 }).toContain(z.text);
      expect(await tip.isVisible()).toBe(true);
    }
    const texts = all.map((z) => z.text);
    const drift = RULE_NUMBERS.upkeep.tension;
    expect(texts).toContain(
      `Tension runs from ${TRACKS.tension[0]} to ${TRACKS.tension[1]}. At ${TRACKS.tension[1]} the game ends in war and the seat that pushed it there loses; each upkeep moves it ${drift < 0 ? '−' : '+'}${Math.abs(drift)}.`,
    );
    expect(texts.some((t) => t.includes(`from level ${BALANCE.partnerDeterrenceFrom} it adds 1 deterrence`))).toBe(
      true,
    );
    expect(texts.some((t) => /^The orange tick marks danger: tension \d+ or more/.test(t))).toBe(true);

    // Off the band, the explanation goes.
    await page.mouse.move(5, 5);
    await expect.poll(() => tip.isVisible()).toBe(false);

    // A click on a track opens the rules at its section.
    const tension = all.find((z) => z.text.startsWith('Tension runs'))!;
    const box = (await page.locator('#board').boundingBox())!;
    await page.mouse.click(box.x + tension.x + tension.w / 2, box.y + tension.y + tension.h / 2);
    await rulesOpenAt(page, tension.section);

    // The score panel: every row and turn explains itself, and a click opens the victory rules.
    for (const el of await page.locator('#score-panel .score-row, #score-panel .turn').all())
      expect(((await el.getAttribute('title')) ?? '').length).toBeGreaterThan(5);
    expect(await page.locator('#sudden-line').innerText()).toContain(`+${BALANCE.suddenDeath}`);
    await page.locator('#score-panel .score-row').first().click();
    await rulesOpenAt(page, 'rules-8-victory');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 300_000);
});

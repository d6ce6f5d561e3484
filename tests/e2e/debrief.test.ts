/**
 * A seminar from setup to hotwash (issue 14 "Done when"), in Chromium against the built client: a
 * study question picked at setup; each cell's red-team brief, its own and printable, closed at the
 * hand-over; the White Cell brings in an inject open to interpretation and reads it (`#wc-reading-N`);
 * the console proposes hotwash questions, one is reworded and keeps its citation, the projector
 * window shows the study question and the prompt; the after-action report's `<ol id="hotwash">` cites
 * actions that really happened in this game's saved log.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BRIEFS } from '../../src/content/briefs';
import { scenarioById } from '../../src/content/scenario';
import type { SaveFile } from '../../src/content/save-file';
import { openPage } from './browser';
import { useBuiltClient } from './built-client';
import { downloadText, playIntoTurn, startGame, state, whiteAct } from './game-helpers';

const env = useBuiltClient();
const STUDY = scenarioById('baseline-2023')!.studyQuestions[0]!;

async function takeScreen(page: Page, who: RegExp): Promise<void> {
  await page.waitForSelector('#handover');
  await expect.poll(() => page.locator('#handover-title').textContent()).toMatch(who);
  // Behind the card: no brief and no secret of any seat.
  expect(await page.locator('#brief').count()).toBe(0);
  expect(await page.locator('[data-secret]').count()).toBe(0);
  await page.click('#handover-ready');
}

describe('a seminar from setup to hotwash', () => {
  it('brief, study question, an interpreted inject, a reworded hotwash citing real turning points, the projector', async () => {
    const { page, errors } = await openPage(env.browser, env.server.url);
    // China and NATO are people; Japan and South Korea bots; the White Cell a person.
    await startGame(page, env.server.url, {
      humans: [0, 1],
      seed: 'debrief-e2e-1',
      whiteCell: true,
      study: STUDY,
    });
    await takeScreen(page, /Pass to China/);
    const G0 = await state(page);

    // The projector window shows the study question from the start.
    const [projector] = await Promise.all([page.waitForEvent('popup'), page.click('#projector-window-open')]);
    projector.on('pageerror', (e) => errors.push(`projector: ${e.message}`));
    await expect.poll(() => projector.locator('#pj-study').innerText(), { timeout: 15_000 }).toContain(STUDY);

    // China's red-team brief: Beijing's own fears and costs, and its drawn priority; nobody else's.
    await page.click('#brief-open');
    await page.waitForSelector('#brief-china');
    const brief = await page.locator('#brief').innerText();
    expect(brief).toContain(BRIEFS.china.perspective);
    for (const fear of BRIEFS.china.fears) expect(brief).toContain(fear);
    expect(brief).toMatch(/Your secret priority: /);
    expect(await page.locator('#brief-nato, #brief-japan, #brief-korea').count()).toBe(0);
    // Printed, the page is the brief alone.
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => ({
      brief: getComputedStyle(document.querySelector('#brief h2')!).visibility,
      board: getComputedStyle(document.querySelector('.toolbar')!).visibility,
      actions: getComputedStyle(document.querySelector('.brief-actions')!).display,
    }));
    expect(printed).toEqual({ brief: 'visible', board: 'hidden', actions: 'none' });
    await page.emulateMedia({ media: 'screen' });

    // The screen changes hands while the brief is open (as when the game calls the White Cell by
    // itself): China's brief closes behind the hand-over card.
    await page.evaluate(() => (document.querySelector('#open-white-cell') as HTMLButtonElement).click());
    await takeScreen(page, /Pass to the White Cell/);
    await page.waitForSelector('#white-cell-console');
    // A seminar card, never in the deck, brought in from the console; the game waits for its reading.
    await whiteAct(page, 'the study question asks about Seoul', () => page.click('#wc-force-shells-for-kyiv'));
    expect((await state(page)).pending?.kind).toBe('reading');
    await whiteAct(page, 'the shells came too fast for a detour', () => page.click('#wc-reading-1'));
    const G1 = await state(page);
    expect(G1.pending?.kind).not.toBe('reading');
    expect(G1.tracks.tension).toBe(G0.tracks.tension + 1);
    await page.click('#white-return');

    // Play into turn 2 (people pass, bots play), so the game has swings to discuss.
    await playIntoTurn(page, 2, async () => {
      await page.waitForSelector('#handover-ready');
      await page.click('#handover-ready');
    });
    expect((await state(page)).turn).toBe(2);

    // The hotwash: proposed from the game so far, one reworded, the next shown on the projector.
    await page.waitForSelector('#open-white-cell:not([disabled])');
    await page.click('#open-white-cell');
    await takeScreen(page, /Pass to the White Cell/);
    await page.click('#wc-hotwash-propose');
    await page.waitForSelector('#wc-hotwash-1');
    const cites = (await page.locator('#wc-hotwash-cites-1').textContent())!;
    expect(cites).toMatch(/^cites turn \d+, action #\d+$/);
    const REWORDED = 'Which cell saw this coming, and what would it do differently?';
    await page.fill('#wc-hotwash-1', REWORDED);
    await page.locator('#wc-hotwash-1').dispatchEvent('change');
    await page.click('#wc-debrief h3'); // focus leaves the list so it redraws
    await expect.poll(() => page.locator('#wc-hotwash-cites-1').textContent()).toBe(cites);
    await page.click('#wc-hotwash-next');
    await page.click('#wc-hotwash-next');
    await expect.poll(() => projector.locator('#pj-hotwash').innerText()).toContain(REWORDED);
    expect(await projector.locator('#pj-hotwash-head').textContent()).toBe(
      `Hotwash — question 2 of ${await page.locator('#wc-hotwash li').count()} (${cites.replace(/^cites /, '')})`,
    );
    expect(await projector.locator('#pj-study').innerText()).toContain(STUDY);

    // The saved game and the report: every cited action is one this game really played.
    const save = JSON.parse(await downloadText(page, () => page.click('#white-save'))) as SaveFile;
    expect(save.study).toEqual({ question: STUDY });
    const html = await downloadText(page, () => page.click('#report-download'));
    const report = await env.browser.newPage();
    await report.setContent(html);
    const items = await report.$$eval('ol#hotwash > li', (lis) =>
      lis.map((li) => ({
        source: li.getAttribute('data-source')!,
        action: li.hasAttribute('data-action') ? Number(li.getAttribute('data-action')) : null,
        text: li.textContent!,
      })),
    );
    await report.close();
    expect(items[0]).toMatchObject({ source: 'study', action: null });
    expect(items[0]!.text).toContain(STUDY);
    expect(items[1]!.text).toContain(REWORDED);
    expect(items[1]!.text).toContain(`(${cites.replace(/^cites /, '')})`);
    const cited = items.filter((p) => p.action !== null);
    expect(cited.length).toBeGreaterThan(2);
    for (const p of cited) {
      const a = save.actions[p.action!];
      expect(a, `${p.source} prompt cites action #${p.action}`).toBeDefined();
      if (p.source === 'white-cell') expect(a!.seat).toBe('white');
      else if (p.source === 'swing') expect(a!.seat).not.toBe('white');
      // The cited turn number is the action's own.
      expect(p.text).toMatch(/[Tt]urn \d+/);
    }
    // The White Cell's reading is one of them, with its reason.
    const reading = save.actions.findIndex((a) => a.move === 'whiteInterpret');
    const readingPrompt = cited.find((p) => p.action === reading)!;
    expect(readingPrompt.source).toBe('white-cell');
    expect(readingPrompt.text).toContain('the shells came too fast for a detour');
    expect(items.some((p) => p.source === 'swing')).toBe(true);
    expect(errors).toEqual([]);
    await projector.close();
    await page.context().close();
  }, 180_000);
});

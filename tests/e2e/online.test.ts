/**
 * Online play in the real page against the real server (createServer + worker-thread bots, the
 * production client): a match created in the lobby, an invite link opened in a second browser,
 * both players moving by clicking until a round has passed, a reload that rejoins the seat, the
 * chat, and a spectator who sees no seat's secret priority.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { GameState } from '../../src/rules';
import { boardDrawn, openPage } from './browser';
import { clickOneAction } from './game-helpers';
import { useOnlineServer } from './online-server';

const env = useOnlineServer();

const onlineState = (page: Page): Promise<GameState | null> =>
  page.evaluate(
    () => (window as unknown as { __eatOnline?: { state: () => GameState | null } }).__eatOnline?.state() ?? null,
  );

/** The priority text a seat's page shows (its own secret). */
const secrets = (page: Page): Promise<string[]> =>
  page
    .locator('[data-secret]')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText.split(': ').slice(1).join(': ')));

/** Clicks one action on whichever page may move now; returns whether anyone moved. */
async function moveIfMine(page: Page, n: number): Promise<boolean> {
  if ((await page.locator('button.move:not(:disabled)').count()) === 0) return false;
  const before = (await onlineState(page))?.log.length ?? 0;
  await clickOneAction(page, n % 2 === 1);
  // The server's answer arrives as a state update.
  await page.waitForFunction(
    (b) =>
      ((window as unknown as { __eatOnline: { state: () => GameState } }).__eatOnline.state()?.log.length ?? 0) > b,
    before,
    { timeout: 10_000 },
  );
  return true;
}

describe('online play through the lobby', () => {
  it('create, invite, join, play a round, reload and rejoin, chat, spectate', async () => {
    const a = await openPage(env.browser, env.server.url);
    const alice = a.page;
    await alice.goto(env.server.url);
    await alice.click('#play-online');
    await alice.waitForSelector('#create-match');
    // China and NATO are people; Japan and South Korea are the server's bots.
    await alice.selectOption('#online-who-1', '');
    await alice.selectOption('#online-who-2', 'bot:1');
    await alice.selectOption('#online-who-3', 'bot:random');
    await alice.click('#create-match');
    await alice.waitForSelector('[data-join="1"]');
    const matchID = /#\/match\/([\w-]+)/.exec(alice.url())![1]!;

    // The invite link for NATO's seat, as the copy button hands it over.
    await alice.locator('[data-seat="1"] button.copy').click();
    const invite = (await alice.locator('[data-seat="1"] button.copy').getAttribute('data-link'))!;
    expect(invite).toContain(`#/match/${matchID}?seat=1`);

    await alice.fill('#player-name', 'Alice');
    await alice.click('[data-join="0"]');
    await boardDrawn(alice);

    const b = await openPage(env.browser, env.server.url);
    const bob = b.page;
    await bob.goto(invite);
    await bob.waitForSelector('#invite-note');
    await bob.fill('#player-name', 'Bob');
    await bob.click('[data-join="1"]');
    await boardDrawn(bob);
    await expect.poll(() => alice.locator('#players [data-seat="1"]').innerText()).toContain('Bob');

    // Both play by clicking until the first round of turn 1 is over (or the game ends).
    let moves = 0;
    for (let i = 0; i < 60; i++) {
      const G = (await onlineState(alice))!;
      if (G.result || G.turn > 1 || G.round > 1) break;
      // A real move first, then passes, so the round ends soon on a busy machine.
      const moved = (await moveIfMine(alice, moves < 1 ? 0 : 1)) || (await moveIfMine(bob, 1));
      if (moved) moves++;
      else await alice.waitForTimeout(150);
    }
    const G = (await onlineState(alice))!;
    expect(G.result !== null || G.turn > 1 || G.round > 1).toBe(true);
    expect(moves).toBeGreaterThanOrEqual(2);

    // Chat goes from one seat to the other.
    await alice.click('#chat summary');
    await alice.fill('#chat-input', 'Hello from Beijing');
    await alice.press('#chat-input', 'Enter');
    await bob.click('#chat summary');
    await expect.poll(() => bob.locator('#chat-list').innerText()).toContain('Alice: Hello from Beijing');

    // Alice reloads: the seat's key in localStorage puts her back, and she can still move.
    const aliceSecret = await secrets(alice);
    expect(aliceSecret.length).toBe(1);
    await alice.reload();
    await boardDrawn(alice);
    expect(await secrets(alice)).toEqual(aliceSecret);
    let movedAfterReload = false;
    for (let i = 0; i < 80 && !movedAfterReload; i++) {
      if ((await onlineState(alice))?.result) break;
      movedAfterReload = await moveIfMine(alice, 1);
      if (!movedAfterReload && !(await moveIfMine(bob, 1))) await alice.waitForTimeout(150);
    }
    expect(movedAfterReload || (await onlineState(alice))?.result != null).toBe(true);

    // A spectator: public information only — no secret element and no seat's priority text anywhere.
    const c = await openPage(env.browser, env.server.url);
    const watcher = c.page;
    await watcher.goto(`${env.server.url}/#/watch/${matchID}`);
    await boardDrawn(watcher);
    const seen = (await onlineState(watcher))!;
    if (!seen.result) {
      expect(Object.values(seen.priority).every((p) => p === 'hidden')).toBe(true);
      expect(await watcher.locator('[data-secret]').count()).toBe(0);
      const text = await watcher.evaluate(() => document.body.innerText);
      for (const s of [...aliceSecret, ...(await secrets(bob))]) expect(text).not.toContain(s);
    }
    expect(await watcher.locator('#chat-input').count()).toBe(0);

    expect([...a.errors, ...b.errors, ...c.errors]).toEqual([]);
    for (const p of [alice, bob, watcher]) await p.context().close();
  }, 90_000);
});

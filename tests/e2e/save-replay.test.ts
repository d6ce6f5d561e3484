/** Save → reload resumes (autosave) → load continues identically; a simulated game replays to its recorded final state. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES_VERSION } from '../../src/content/rules-version';
import { ROOT } from './build';
import { boardDrawn, openPage } from './browser';
import { useBuiltClient } from './built-client';
import { actionCount, clickOneAction, downloadText, startGame, state, waitForHuman } from './game-helpers';

const env = useBuiltClient();
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'eat-e2e-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** Plays `n` human actions (bots in between). */
async function play(page: Page, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    expect(await waitForHuman(page)).toBe('move');
    await clickOneAction(page, i % 3 === 2);
  }
  await waitForHuman(page);
}

describe('save and load', () => {
  it('a loaded game is the saved one, and the same next move gives the same result', async () => {
    const { page, errors } = await openPage(env.browser, env.server.url);
    await startGame(page, env.server.url, { humans: [1], seed: 'save-e2e-1' });
    await play(page, 4);
    const saved = await downloadText(page, () => page.click('#save-game'));
    const file = join(tmp, 'saved.json');
    writeFileSync(file, saved);
    const atSave = await state(page);
    expect(JSON.parse(saved).actions.length).toBe(await actionCount(page));
    await play(page, 2);
    const after = await state(page);

    // A reload (F5) first asks (the game is unfinished), then resumes it exactly from the autosave.
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.type());
      void d.accept();
    });
    const actions = await actionCount(page);
    await page.reload();
    await boardDrawn(page);
    expect(dialogs).toEqual(['beforeunload']);
    await page.selectOption('#bot-speed', '0');
    await waitForHuman(page);
    expect(await state(page)).toEqual(after);
    expect(await actionCount(page)).toBe(actions);

    // Leave it (confirmed) for the start screen, which offers it back, and load the file saved earlier.
    await page.getByRole('button', { name: 'New game' }).click();
    await page.waitForSelector('#load-file');
    expect(await page.locator('#resume-game').textContent()).toMatch(
      /^Continue the unfinished game: .*seed save-e2e-1/,
    );
    await page.setInputFiles('#load-file', file);
    await boardDrawn(page);
    await page.selectOption('#bot-speed', '0');
    await waitForHuman(page);
    expect(await state(page)).toEqual(atSave);
    await play(page, 2);
    expect(await state(page)).toEqual(after);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 600_000);
});

describe('a game saved under other rules', () => {
  it('is refused by the load and the replay dialogs, naming both rules versions', async () => {
    // A file saved before the rules recorded their version is rules version 1's.
    const file = join(tmp, 'v1.json');
    writeFileSync(
      file,
      JSON.stringify({ format: 'eat-save/1', scenario: 'baseline-2023', variant: 4, seed: 's', actions: [] }),
    );
    const { page, errors } = await openPage(env.browser, env.server.url);
    for (const input of ['#load-file', '#replay-file']) {
      await page.goto(env.server.url);
      await page.waitForSelector(input);
      expect(await page.locator('#start-error').textContent()).toBe('');
      await page.setInputFiles(input, file);
      await expect
        .poll(() => page.locator('#start-error').textContent())
        .toContain(
          `v1.json: this game was played under rules version 1; this build plays rules version ${RULES_VERSION}`,
        );
    }
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);
});

describe('replay viewer', () => {
  it('steps a simulated game (npm run sim) to its recorded final state, and back and forth', async () => {
    const out = join(tmp, 'sim');
    execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
        'src/cli/sim.ts',
        '--scenario',
        'baseline-2023',
        '--games',
        '1',
        '--seed',
        'replay-e2e',
        '--workers',
        '1',
        '--out',
        out,
        '--save-games',
      ],
      {
        cwd: ROOT,
        stdio: 'pipe',
      },
    );
    const games = join(out, 'games');
    const name = readdirSync(games).find((f) => f.endsWith('.json'))!;
    const save = JSON.parse(readFileSync(join(games, name), 'utf8'));
    expect(save.finalHash).toMatch(/^[0-9a-f]{64}$/);

    const { page, errors } = await openPage(env.browser, env.server.url);
    await page.goto(env.server.url);
    await page.setInputFiles('#replay-file', join(games, name));
    await boardDrawn(page);
    await expect.poll(() => page.locator('#replay-check').getAttribute('data-match')).toBe('true');
    const final = await state(page);
    expect(final.result).not.toBeNull();
    await page.click('#replay-first');
    const first = await state(page);
    expect(first.log.length).toBeLessThan(final.log.length);
    await page.click('#replay-forward');
    await page.click('#replay-forward');
    await page.click('#replay-back');
    const one = await state(page);
    expect(await page.locator('#replay-pos').textContent()).toMatch(/^Position 1 of/);
    await page.click('#replay-last');
    expect(await state(page)).toEqual(final);
    expect(one).not.toEqual(final);
    await page.selectOption('#replay-turn', '2');
    expect((await state(page)).turn).toBe(2);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 600_000);
});

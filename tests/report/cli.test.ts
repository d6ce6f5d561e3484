/** `npm run report`: the four files, and clear errors with exit 1 (bad file) or 2 (bad flags). */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultOutDir, main } from '../../src/cli/report';
import { actionsCsv, buildReport } from '../../src/report/game/index';
import { RULES_VERSION } from '../../src/content/rules-version';
import { createDice } from '../../src/random';
import { fullSeminarGame } from './seminar-game';

const dir = mkdtempSync(join(tmpdir(), 'eat-report-cli-'));
// A game played under the current rules (the pinned fixture is for the golden test).
const FIXTURE = join(dir, 'seminar-game.json');
const SAVE = fullSeminarGame();
writeFileSync(FIXTURE, JSON.stringify(SAVE));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await main(argv, (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

describe('npm run report', () => {
  it('writes report.html, report.md, report.json and actions.csv', async () => {
    const out = join(dir, 'out');
    const r = await run(FIXTURE, '--out', out, '--no-advice');
    expect(r.code).toBe(0);
    for (const f of ['report.html', 'report.md', 'report.json', 'actions.csv'])
      expect(existsSync(join(out, f)), f).toBe(true);
    expect(readFileSync(join(out, 'actions.csv'), 'utf8')).toBe(
      actionsCsv(buildReport(SAVE, createDice(SAVE.seed), { advice: false })),
    );
  });

  it('defaults the output to ./report-<name>/', () => {
    expect(defaultOutDir('games/00001-lab#1.json')).toBe('report-00001-lab_1');
  });

  it('exit 2 on bad flags', async () => {
    expect((await run()).code).toBe(2);
    expect((await run(FIXTURE, '--colour')).code).toBe(2);
    expect((await run('a.json', 'b.json')).code).toBe(2);
  });

  it('exit 1 naming a missing file', async () => {
    const r = await run(join(dir, 'nope.json'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/nope\.json: no such file/);
  });

  it('exit 1 with every problem of a malformed file', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        format: 'eat-save/1',
        rules: RULES_VERSION,
        scenario: 'baseline-2023',
        variant: 5,
        seed: 's',
        actions: [{ player: '0', seat: 'umpire', move: 'pass', args: [] }],
      }),
    );
    const r = await run(bad);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/variant/);
    expect(r.out).toMatch(/actions\.0\.seat/);
    writeFileSync(bad, '{ not json');
    expect((await run(bad)).out).toMatch(/not valid JSON/);
  });

  it('exit 1 when the file does not replay to its recorded final state', async () => {
    const save = structuredClone(SAVE);
    save.finalHash = '0'.repeat(64);
    const f = join(dir, 'hash.json');
    writeFileSync(f, JSON.stringify(save));
    const r = await run(f, '--out', join(dir, 'x'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/does not match these rules/);
  });
});

/**
 * The seminar's debrief in the report: the study question answered from this game (and an attached
 * sweep), and hotwash prompts that cite the game's real turning points; the facilitator's edits win;
 * `npm run report -- --sweep` refuses a file that is not a sensitivity.json, saying which and why.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/report';
import { buildReport, renderReportHtml, renderReportMarkdown, type SweepEvidence } from '../../src/report/game/index';
import { createDice } from '../../src/random';
import { parseSaveFile } from '../../src/content/save-file';
import { fullSeminarGame } from './seminar-game';

const QUESTION = "Does a South Korean direct transfer change China's behaviour in the Strait?";
const SAVE = { ...fullSeminarGame(), study: { question: QUESTION } };
const SWEEP: SweepEvidence = {
  scenario: 'baseline-2023',
  games: 40,
  seed: 'study',
  params: [{ name: 'tracks.ukraine', values: ['2', '6'] }],
  tornado: {
    china: [
      { param: 'tracks.ukraine', low: { value: '6', winRate: 0.2 }, high: { value: '2', winRate: 0.45 }, swing: 0.25 },
    ],
  },
};
const report = buildReport(SAVE, createDice(SAVE.seed), { advice: true, sweep: SWEEP });
const dir = mkdtempSync(join(tmpdir(), 'eat-hotwash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hotwash prompts', () => {
  it('open with the study question, then cite real swings, disagreements and every White Cell act', () => {
    expect(report.hotwash[0]).toMatchObject({ source: 'study', action: null });
    expect(report.hotwash[0]!.text).toContain(QUESTION);
    const swings = report.hotwash.filter((p) => p.source === 'swing');
    expect(swings.length).toBeGreaterThan(0);
    for (const p of swings) {
      const w = report.swings.find((s) => s.action === p.action)!;
      expect(w, `swing at #${p.action}`).toBeDefined();
      expect(p.text).toContain(`Turn ${w.turn}, action #${w.action}`);
    }
    for (const p of report.hotwash.filter((q) => q.source === 'disagreement')) {
      const a = report.actions[p.action!]!;
      expect(a.bot && !a.bot.same).toBe(true);
    }
    const white = report.hotwash.filter((p) => p.source === 'white-cell').map((p) => p.action);
    expect(white).toEqual(report.whiteCell.map((w) => w.action));
    for (const w of report.whiteCell)
      expect(report.hotwash.find((p) => p.action === w.action && p.source === 'white-cell')!.text).toContain(w.reason);
  });

  it('answers the study question with this game and the sweep, in HTML and Markdown', () => {
    expect(report.study!.question).toBe(QUESTION);
    expect(report.study!.game[0]).toMatch(/wins|stops/);
    expect(report.study!.sweep.join(' ')).toContain(
      'china: tracks.ukraine moves its win rate most, 20.0% at 6 to 45.0% at 2',
    );
    const html = renderReportHtml(report);
    expect(html).toContain('<h2>Study question</h2>');
    expect(html).toContain('<ol id="hotwash">');
    expect(renderReportMarkdown(report)).toContain('## Hotwash questions');
  });

  it("shows the facilitator's edited prompts instead of its own", () => {
    const edited = buildReport(
      { ...SAVE, hotwash: ['Why did Seoul ship shells?', 'Was the umpire fair?'] },
      createDice(SAVE.seed),
      {
        advice: false,
      },
    );
    expect(edited.hotwash.map((p) => [p.text, p.source])).toEqual([
      ['Why did Seoul ship shells?', 'facilitator'],
      ['Was the umpire fair?', 'facilitator'],
    ]);
  });
});

describe('an edited hotwash prompt', () => {
  it('keeps the turning point it cites, in the saved game and in the report', () => {
    const swing = report.hotwash.find((p) => p.source === 'swing')!;
    const reworded = { ...swing, text: 'Who in the room saw this swing coming?' };
    const save = parseSaveFile(JSON.stringify({ ...SAVE, hotwash: [reworded] }), 'edited.json');
    const edited = buildReport(save, createDice(SAVE.seed), { advice: false });
    expect(edited.hotwash).toEqual([reworded]);
    const cites = `turn ${swing.turn}, action #${swing.action}`;
    expect(renderReportHtml(edited)).toContain(
      `<li data-source="swing" data-action="${swing.action}">Who in the room saw this swing coming? <span class="sub">(${cites})</span></li>`,
    );
    expect(renderReportMarkdown(edited)).toContain(`1. Who in the room saw this swing coming? (${cites})`);
    // A prompt whose words still name its action is not cited twice.
    expect(renderReportHtml(report)).not.toContain(`<span class="sub">(${cites})</span>`);
  });

  it('refuses a citation of an action the game does not have, naming where', () => {
    const bad = { ...SAVE, hotwash: [{ text: 'What happened?', source: 'swing', action: 9999, turn: 2 }] };
    expect(() => parseSaveFile(JSON.stringify(bad), 'bad.json')).toThrow(
      `hotwash.0.action: cites action #9999, but the game has ${SAVE.actions.length} actions`,
    );
  });
});

describe('npm run report -- --sweep', () => {
  const game = join(dir, 'game.json');
  writeFileSync(game, JSON.stringify(SAVE));
  const run = async (...argv: string[]) => {
    const lines: string[] = [];
    const code = await main(argv, (l) => lines.push(l));
    return { code, out: lines.join('\n') };
  };

  it('attaches a sensitivity.json as evidence', async () => {
    const sweep = join(dir, 'sensitivity.json');
    writeFileSync(sweep, JSON.stringify(SWEEP));
    const r = await run(game, '--out', join(dir, 'out'), '--no-advice', '--sweep', sweep);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'out', 'report.md'), 'utf8')).toContain('### Evidence from the assumption sweep');
  });

  it('refuses a missing file or one that is not a sensitivity.json, naming it', async () => {
    expect(await run(game, '--sweep', join(dir, 'nope.json'))).toEqual({
      code: 1,
      out: `report: ${join(dir, 'nope.json')}: no such file`,
    });
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ scenario: 'x', games: 0 }));
    const r = await run(game, '--sweep', bad);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${bad}: not an assumption sweep's sensitivity.json (games:`);
  });
});

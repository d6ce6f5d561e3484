/**
 * The after-action report of a fixed saved game: pinned byte for byte (JSON and CSV), and checked for
 * what a debrief needs. When the rules, content or bots change on purpose, regenerate the fixture and
 * the goldens with `npm run report:golden` and read the diff.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEATS, TRACK_IDS } from '../../src/content/ids';
import {
  actionsCsv,
  ACTIONS_CSV_HEADER,
  buildReport,
  renderReportHtml,
  renderReportMarkdown,
  reportFiles,
  reportJson,
} from '../../src/report/game/index';
import { createDice } from '../../src/random';
import { replaySaved, ReplayError } from '../../src/rules';
import { hashState } from '../../src/content/save-file';
import { replayThroughEngine } from '../helpers/engine-replay';
import { engineGame, realRules } from '../../src/sim/real-rules';
import { parseSaveFile } from '../../src/content/save-file';

const FIXTURE = 'tests/report/fixtures/seminar-game.json';
const save = parseSaveFile(readFileSync(FIXTURE, 'utf8'), FIXTURE);
const build = (advice = false) => buildReport(save, createDice(save.seed), { advice });

function golden(name: string, text: string): void {
  const path = `tests/report/golden/${name}`;
  if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(path)) writeFileSync(path, text);
  expect(
    text === readFileSync(path, 'utf8'),
    `${name} differs from its golden file (see the header of this test)`,
  ).toBe(true);
}

describe('after-action report', () => {
  it('replays the fixture to its recorded final state', () => {
    expect(hashState(replaySaved(save, createDice(save.seed)).G)).toBe(save.finalHash);
  });

  it('replays exactly through boardgame.io too, White Cell acts included', () => {
    expect(replayThroughEngine(engineGame(), realRules, save).hash).toBe(save.finalHash);
  });

  it('is pinned: report.json and actions.csv match their golden files byte for byte', () => {
    const report = build();
    golden('report.json', reportJson(report));
    golden('actions.csv', actionsCsv(report));
  });

  it('is deterministic, bot advice included', () => {
    expect(reportJson(build(true))).toBe(reportJson(build(true)));
  });

  it('has one CSV row per action with every track before and after and the margins after', () => {
    const report = build();
    const lines = actionsCsv(report).trimEnd().split('\r\n');
    expect(lines).toHaveLength(save.actions.length + 1);
    const header = lines[0]!.split(',');
    expect(header).toEqual(ACTIONS_CSV_HEADER);
    for (const t of TRACK_IDS) expect(header).toEqual(expect.arrayContaining([`${t}_before`, `${t}_after`]));
    for (const s of SEATS) expect(header).toContain(`margin_${s}_after`);
    // Track values chain: each action's "before" is the previous action's "after".
    for (let i = 1; i < report.actions.length; i++)
      expect(report.actions[i]!.tracksBefore).toEqual(report.actions[i - 1]!.tracksAfter);
  });

  it('lists every White Cell act with its reason, in order', () => {
    const report = build();
    const white = save.actions.flatMap((a, i) =>
      a.seat === 'white' ? [{ i, reason: a.args[a.args.length - 1] }] : [],
    );
    expect(white.length).toBeGreaterThanOrEqual(6);
    expect(report.whiteCell.map((w) => [w.action, w.reason])).toEqual(white.map((w) => [w.i, w.reason]));
    const override = report.whiteCell.find((w) => w.move === 'whiteOverrideTrack')!;
    expect(override.args).toEqual(['cohesion', 4]);
    expect(report.actions[override.action]!.tracksAfter.cohesion).toBe(4);
  });

  it('shows a rewound turn as a second segment of that turn', () => {
    const report = build();
    const rewind = report.whiteCell.find((w) => w.move === 'whiteRewind')!;
    const turn = rewind.args[0] as number;
    const segments = report.turns.filter((t) => t.turn === turn);
    expect(segments.map((t) => t.replay)).toEqual([0, 1]);
    expect(segments[1]!.firstAction).toBe(rewind.action + 1);
  });

  it('reveals the hidden moves and every national priority', () => {
    const report = build();
    expect(report.hidden.some((e) => e.text.includes('Material aid') && e.hiddenFrom?.includes('nato'))).toBe(true);
    expect(report.priorities.map((p) => p.seat)).toEqual([...SEATS]);
  });

  it('ranks the biggest margin swings and names their causes', () => {
    const report = build();
    for (const seat of report.seats) {
      const deltas = report.swings.filter((w) => w.seat === seat).map((w) => Math.abs(w.delta));
      expect(deltas.length).toBeGreaterThan(0);
      expect([...deltas].sort((a, b) => b - a)).toEqual(deltas);
    }
    expect(report.swings.every((w) => w.text.length > 0)).toBe(true);
  });

  it("puts the scripted bot's choice next to each human decision, and only there", () => {
    const report = build(true);
    for (const a of report.actions) {
      const person = a.seat !== 'white' && !save.bots?.[a.seat as 'china'];
      expect(a.bot !== null, `action #${a.index}`).toBe(person);
      if (a.bot)
        expect(a.bot.same).toBe(a.bot.move === a.move && JSON.stringify(a.bot.args) === JSON.stringify(a.args));
    }
    expect(report.botAdvice.decisions).toBeGreaterThan(10);
  });

  it('renders Markdown and HTML with every section', () => {
    const report = build();
    const md = renderReportMarkdown(report);
    const html = renderReportHtml(report);
    for (const section of [
      'Biggest swings',
      'White Cell interventions',
      'Hidden moves revealed',
      'Human decisions and the scripted bot',
      'Timeline',
    ]) {
      expect(md).toContain(`## ${section}`);
      expect(html).toContain(section);
    }
    expect(html.match(/<svg /g)).toHaveLength(1 + TRACK_IDS.length);
  });

  it('names the action a tampered file breaks on', () => {
    const bad = structuredClone(save);
    const i = bad.actions.findIndex((a) => a.seat === 'korea');
    bad.actions[i] = { ...bad.actions[i]!, move: 'pressStrait', args: [] };
    expect(() => buildReport(bad, createDice(bad.seed))).toThrow(ReplayError);
    expect(() => buildReport(bad, createDice(bad.seed))).toThrow(new RegExp(`action #${i} \\(korea pressStrait`));
  });
});

describe('report in the browser', () => {
  it('reportFiles builds every export with the save’s own dice', () => {
    const files = reportFiles(save, { advice: false });
    expect(files['report.json']).toBe(reportJson(build()));
    expect(Object.keys(files).sort()).toEqual(['actions.csv', 'report.html', 'report.json', 'report.md']);
  });
});

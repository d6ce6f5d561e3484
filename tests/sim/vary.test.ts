import { describe, expect, it } from 'vitest';
import { parseSimArgs, UsageError } from '../../src/cli/sim';
import { DEFAULT_BOT } from '../../src/content/bot-spec';
import { formatSensitivity, renderSensitivityHtml, sensitivityCsv } from '../../src/report/sweep/sensitivity';
import { loadBranch } from '../../src/sim/branch';
import { runSweep } from '../../src/sim/sweep';
import { applyAssignment, cells, parseVary, patchScenario, VaryError } from '../../src/sim/vary';
import { runVarySweep } from '../../src/sim/vary-sweep';
import { SEATS, type Seat } from '../../src/content/ids';

const bots = Object.fromEntries(SEATS.map((s) => [s, DEFAULT_BOT])) as Record<Seat, typeof DEFAULT_BOT>;

describe('--vary PARAM=VALUES', () => {
  it.each([
    ['tracks.tension=3,5,7', { kind: 'track', track: 'tension' }, ['3', '5', '7']],
    ['partnership.india=0,2', { kind: 'partnership', partner: 'india' }, ['0', '2']],
    ['turns=6,8', { kind: 'turns' }, ['6', '8']],
    ['posture=restraint,coercion', { kind: 'posture' }, ['restraint', 'coercion']],
    ['special.dprk-rolls-twice=on,off', { kind: 'special', special: 'dprk-rolls-twice' }, ['on', 'off']],
    ['bots.china=scripted:3,expert,random', { kind: 'bot', seat: 'china' }, ['scripted:3', 'expert', 'random']],
  ])('%s', (text, target, values) => {
    expect(parseVary(text)).toEqual({ name: text.split('=')[0], target, values });
  });

  it.each([
    ['tension', /must look like PARAM=V1,V2/],
    ['tracks.heat=1,2', /unknown track "heat" \(known: tension, /],
    ['special.nukes=on,off', /unknown special rule "nukes"/],
    ['bots.usa=random,expert', /unknown seat "usa"/],
    ['weather=1,2', /unknown parameter/],
    ['tracks.tension=5', /at least two non-empty values/],
    ['tracks.tension=5,,6', /at least two non-empty values/],
    ['tracks.tension=5,5', /listed twice/],
    ['tracks.tension=5,high', /"high" is not a whole number/],
    ['special.dprk-rolls-twice=yes,no', /"yes" is not on or off/],
    ['posture=calm,coercion', /"calm" is not restraint or coercion/],
    ['bots.china=genius,random', /unknown bot kind "genius"/],
    ['turns.x=1,2', /"turns" takes no ".x"/],
  ])('%s is refused', (text, message) => {
    expect(() => parseVary(text)).toThrow(VaryError);
    expect(() => parseVary(text)).toThrow(message);
  });

  it('one at a time: the scenario as written, then each value; a grid: every combination', () => {
    const params = [parseVary('tracks.tension=3,5,7'), parseVary('bots.china=random,expert')];
    expect(cells(params, false)).toEqual([
      {},
      { 'tracks.tension': '3' },
      { 'tracks.tension': '5' },
      { 'tracks.tension': '7' },
      { 'bots.china': 'random' },
      { 'bots.china': 'expert' },
    ]);
    expect(cells(params, true)).toHaveLength(6);
    expect(cells(params, true)).toContainEqual({ 'tracks.tension': '7', 'bots.china': 'random' });
    expect(() => cells([params[0]!, params[0]!], false)).toThrow(/given twice/);
  });

  it('a cell changes the scenario and the bots, and a value out of range names the field', () => {
    const params = [
      parseVary('tracks.tension=2,11'),
      parseVary('special.dprk-rolls-twice=on,off'),
      parseVary('bots.japan=random,expert'),
    ];
    const cell = applyAssignment(
      params,
      { 'tracks.tension': '2', 'special.dprk-rolls-twice': 'on', 'bots.japan': 'random' },
      bots,
    );
    const scenario = patchScenario('baseline-2023', cell.patch);
    expect(scenario.tracks.tension).toBe(2);
    expect(scenario.specials).toContain('dprk-rolls-twice');
    expect(cell.bots.japan).toEqual({ kind: 'random' });
    expect(cell.bots.china).toEqual(DEFAULT_BOT);
    const bad = applyAssignment(params, { 'tracks.tension': '11' }, bots);
    expect(() => patchScenario('baseline-2023', bad.patch)).toThrow(/tracks.tension: tension 11 is out of range 1–10/);
  });

  it('the varied value is where the games start', async () => {
    const { summary } = await runSweep({
      scenario: 'baseline-2023',
      variant: 4,
      seed: 'vary-start',
      games: 2,
      bots,
      workers: 1,
      patch: { tracks: { tension: 2 } },
    });
    expect(summary.tracksByTurn.tension[0]).toBe(2);
  });
});

describe('an assumption sweep', () => {
  const opts = {
    scenario: 'korean-peninsula-crisis',
    variant: 4 as const,
    seed: 'vary-1',
    games: 6,
    bots,
    params: [parseVary('tracks.dprkThreat=1,5'), parseVary('bots.korea=random,scripted:3')],
    grid: false,
  };

  it('gives the same figures for 1 and 2 workers', async () => {
    const small = { ...opts, games: 4, params: [parseVary('tracks.dprkThreat=1,5')] };
    const one = await runVarySweep({ ...small, workers: 1 });
    const two = await runVarySweep({ ...small, workers: 2 });
    expect(JSON.stringify(two.sensitivity)).toBe(JSON.stringify(one.sensitivity));
  }, 120_000); // six small sweeps, half of them starting worker threads

  it('reports every cell with intervals, the tornado, CSV and HTML', async () => {
    const { sensitivity: s } = await runVarySweep({ ...opts, workers: 1 });
    expect(s.cells).toHaveLength(5);
    expect(s.tornado.korea!.map((w) => w.param).sort()).toEqual(['bots.korea', 'tracks.dprkThreat']);
    for (const cell of s.cells)
      for (const st of Object.values(cell.seats)) expect(st.ci95[0]).toBeLessThanOrEqual(st.winRate);
    const csv = sensitivityCsv(s).split('\r\n');
    expect(csv[0]).toBe('cell,param,value,seat,games,wins,win_rate,ci95_low,ci95_high,mean_margin,war_rate,mean_turns');
    expect(csv).toHaveLength(1 + 5 * 4 + 1);
    const html = renderSensitivityHtml(s);
    expect(html).toContain('aria-label="tornado chart for korea"');
    expect(html).toContain('tracks.dprkThreat=5');
    expect(formatSensitivity(s)).toMatch(/Largest swing in win rate per seat/);
  }, 60_000);

  it('a value the scenario cannot take fails before any game is played', async () => {
    await expect(runVarySweep({ ...opts, params: [parseVary('tracks.dprkThreat=1,9')] })).rejects.toThrow(
      /tracks.dprkThreat: dprkThreat 9 is out of range/,
    );
  });
});

describe('an assumption sweep from a saved game (--from GAME.json --turn N)', () => {
  const { from } = loadBranch('tests/report/fixtures/seminar-game.json', '3');
  const base = {
    scenario: from.save.scenario,
    variant: from.save.variant,
    seed: 'vary-from',
    games: 3,
    bots,
    grid: false,
    from,
    workers: 1,
  };

  it("varies the position's tracks and the bots", async () => {
    const { sensitivity } = await runVarySweep({
      ...base,
      params: [parseVary('tracks.tension=2,8'), parseVary('bots.china=random,scripted:3')],
    });
    expect(sensitivity.from).toEqual({ turn: 3 });
    expect(sensitivity.cells).toHaveLength(5);
  }, 60_000);

  it.each(['posture=restraint,coercion', 'turns=4,6', 'partnership.japan=1,2'])(
    'refuses %s: a position has no such setup',
    async (text) => {
      await expect(runVarySweep({ ...base, params: [parseVary(text)] })).rejects.toThrow(
        /cannot change a saved position/,
      );
    },
  );
});

describe('sim flags for assumption sweeps', () => {
  const ok = ['--scenario', 'baseline-2023', '--games', '4', '--seed', 's'];
  it('parses repeated --vary and --grid', () => {
    const a = parseSimArgs([...ok, '--vary', 'tracks.tension=3,4', '--vary', 'turns=6,8', '--grid']);
    expect(a.vary?.map((p) => p.name)).toEqual(['tracks.tension', 'turns']);
    expect(a.grid).toBe(true);
  });
  it.each([
    [['--grid'], /--grid needs at least one --vary/],
    [['--vary', 'tracks.tension=3,4', '--queue', 'redis://h'], /--vary cannot be used with --queue/],
    [['--vary', 'tracks.tension=3,4', '--out', 'x', '--save-games'], /--save-games cannot be used with --vary/],
    [['--vary', 'tracks.tension=3,4', '--vary', 'tracks.tension=5,6'], /given twice/],
    [['--vary', 'heat=1,2'], /unknown parameter/],
  ])('%j is refused', (argv, message) => {
    expect(() => parseSimArgs([...ok, ...argv])).toThrow(UsageError);
    expect(() => parseSimArgs([...ok, ...argv])).toThrow(message);
  });
});

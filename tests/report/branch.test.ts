/** Branch and compare: the position at a turn's start, and a branch sweep that is the same every time, whatever the workers. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSimArgs, UsageError } from '../../src/cli/sim';
import {
  actingSeat,
  applyAction,
  legalMoves,
  playerOf,
  setupSaved,
  setupState,
  type WhiteAction,
} from '../../src/rules';
import { scenarioById } from '../../src/content/scenario';
import { buildSave, type SaveAction } from '../../src/content/save-file';
import { branchComparison, BranchError, branchPosition, branchRules, loadBranch } from '../../src/sim/branch';
import { parseBotSpecs } from '../../src/content/bot-spec';
import { createDice } from '../../src/random';
import { hashState } from '../../src/content/save-file';
import { parseSaveFile } from '../../src/content/save-file';
import { runSweep } from '../../src/sim/sweep';
import { fullSeminarGame } from './seminar-game';

// A seminar game played under the current rules (the pinned fixture is for the golden test).
const dir = mkdtempSync(join(tmpdir(), 'eat-branch-'));
const FIXTURE = join(dir, 'seminar-game.json');
writeFileSync(FIXTURE, JSON.stringify(fullSeminarGame()));
const save = parseSaveFile(readFileSync(FIXTURE, 'utf8'), FIXTURE);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('branch position', () => {
  it('turn 1 is the state after setup', () => {
    const { position, atAction } = branchPosition({ save, turn: 1 });
    expect(atAction).toBe(0);
    expect(position.turn).toBe(1);
    expect(hashState(position)).toBe(hashState(setupSaved(save, createDice(save.seed))));
  });

  it('takes the turn as played last when the White Cell rewound into it', () => {
    const rewind = save.actions.findIndex((a) => a.move === 'whiteRewind');
    const turn = save.actions[rewind]!.args[0] as number;
    const { position, atAction } = branchPosition({ save, turn });
    expect(atAction).toBe(rewind + 1);
    expect(position.turn).toBe(turn);
    expect(position.white!.paused).toBe(false);
  });

  it('a later turn starts right after the action that ended the turn before', () => {
    const { position, atAction } = branchPosition({ save, turn: 2 });
    expect(position.turn).toBe(2);
    expect(position.round).toBe(1);
    expect(atAction).toBeGreaterThan(0);
  });

  it('refuses a turn the game never reached, and bad flags, by name', () => {
    expect(() => branchPosition({ save, turn: 12 })).toThrow(BranchError);
    expect(() => branchPosition({ save, turn: 12 })).toThrow(/never starts turn 12/);
    expect(() => loadBranch(FIXTURE, undefined)).toThrow(/--turn/);
    expect(() => loadBranch(FIXTURE, 'x')).toThrow(/positive integer/);
    expect(() => loadBranch('nope.json', '2')).toThrow(/nope\.json: no such file/);
  });
});

describe('branch sweep', () => {
  const branch = loadBranch(FIXTURE, '2');
  const sweep = (workers: number) =>
    runSweep({
      scenario: save.scenario,
      variant: save.variant,
      seed: 'branch-test',
      games: 6,
      bots: parseBotSpecs(undefined),
      workers,
      from: branch.from,
    });

  it('gives the same numbers twice and with different numbers of workers', async () => {
    const one = await sweep(1);
    const again = await sweep(1);
    const two = await sweep(2);
    expect(again.records).toEqual(one.records);
    expect(two.records).toEqual(one.records);
    expect(two.summary).toEqual(one.summary);
    // Every game continues the saved game from turn 2: none starts over.
    for (const r of one.records) expect(r.tracks[0]).toEqual(branchPosition(branch.from).position.tracks);
    const cmp = branchComparison(one.summary, one.records, branch);
    expect(cmp.json.games).toBe(6);
    expect(cmp.text).toMatch(/as played: /);
    expect(Object.keys(cmp.json.seats)).toEqual(['china', 'nato', 'japan', 'korea']);
  }, 60_000);
});

describe('npm run sim -- --from GAME.json --turn N', () => {
  it('takes scenario, variant and a default seed from the saved game', () => {
    const args = parseSimArgs(['--from', FIXTURE, '--turn', '2', '--games', '3', '--workers', '1']);
    expect(args.scenario).toBe(save.scenario);
    expect(args.variant).toBe(save.variant);
    expect(args.seed).toBe(`${save.seed}/branch:t2`);
    expect(args.branch?.from.turn).toBe(2);
    expect(parseSimArgs(['--from', FIXTURE, '--turn', '2', '--games', '3', '--seed', 'lab']).seed).toBe('lab');
  });

  it('refuses mixed or missing flags as usage errors', () => {
    expect(() => parseSimArgs(['--turn', '2', '--games', '3'])).toThrow(/--turn needs --from/);
    expect(() => parseSimArgs(['--from', FIXTURE, '--games', '3'])).toThrow(/--from needs --turn/);
    expect(() =>
      parseSimArgs(['--from', FIXTURE, '--turn', '2', '--games', '3', '--scenario', 'baseline-2023']),
    ).toThrow(UsageError);
    expect(() => parseSimArgs(['--from', 'missing.json', '--turn', '2', '--games', '3'])).toThrow(
      /missing\.json: no such file/,
    );
  });
});

describe('a branch from a position waiting on the White Cell to read an inject', () => {
  // The umpire schedules an inject open to interpretation for turn 2; every seat then passes (or takes
  // its first option), so the save ends with turn 2 waiting on a reading nobody will give in a branch.
  const seed = 'pending-reading';
  const dice = createDice(seed);
  const G = setupState(scenarioById('baseline-2023')!, { variant: 4, whiteCell: true }, dice);
  const actions: SaveAction[] = [];
  const schedule: WhiteAction = {
    move: 'whiteScheduleInject',
    args: ['shells-for-kyiv', 2, 'the study question asks about Seoul'],
  };
  expect(applyAction(G, 'white', schedule, dice)).toBe(true);
  actions.push({ player: '4', seat: 'white', ...schedule });
  while (G.turn < 2) {
    const seat = actingSeat(G)!;
    const legal = legalMoves(G, seat);
    const action = legal.find((a) => a.move === 'pass') ?? legal[0]!;
    expect(applyAction(G, seat, action, dice)).toBe(true);
    const player = playerOf(G, seat)!;
    actions.push({ player, seat, move: action.move, args: action.args });
  }
  const pendingSave = parseSaveFile(
    JSON.stringify(buildSave({ scenario: 'baseline-2023', variant: 4, seed, whiteCell: true, actions }, G)),
    'pending-reading.json',
  );

  it('plays on: each branch reads the inject with its own table die, the same for any number of workers', async () => {
    const from = { save: pendingSave, turn: 2 };
    expect(G.pending?.kind).toBe('reading');
    const { position } = branchPosition(from);
    expect(position.pending?.kind).toBe('reading');
    const faces = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const start = branchRules(position).setup({ scenario: 'baseline-2023', variant: 4 }, createDice(`b-${i}`));
      expect(start.pending?.kind).not.toBe('reading');
      const line = start.log.at(-1)!;
      expect(line.text).toMatch(/^Inject — Shells for Kyiv\?: read as “.+” \(the table rolled [1-6]\)/);
      faces.add(line.text);
    }
    expect(faces.size).toBeGreaterThan(1);
    const sweep = (workers: number) =>
      runSweep({
        scenario: 'baseline-2023',
        variant: 4,
        seed: 'pending-branch',
        games: 6,
        bots: parseBotSpecs(undefined),
        workers,
        from,
      });
    const one = await sweep(1);
    const two = await sweep(2);
    expect(one.records).toHaveLength(6);
    expect(two.records).toEqual(one.records);
  }, 60_000);
});

/**
 * Every command-line entry point run for real as a child process (as `npm run` starts it, through
 * tsx): `--help` prints its usage and exits 0, a bad flag is named on stderr with the usage and exit
 * code 2, and `--json` gives one parseable JSON document on stdout.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** npm script name (or the file, for a bench run with `npx tsx`) → the file it runs. */
const ENTRY_POINTS = {
  sim: 'src/cli/sim.ts',
  'sim:worker': 'src/cli/sim-worker.ts',
  replay: 'src/cli/replay.ts',
  report: 'src/cli/report.ts',
  validate: 'src/cli/validate.ts',
  'bench:sim': 'bench/sim.ts',
  'bench:targets': 'bench/targets.ts',
  'bench:server': 'bench/server.ts',
  'bench:flood': 'bench/flood.ts',
  'bench:client': 'bench/client.ts',
  'bench/balance.ts': 'bench/balance.ts',
  'bench/paired.ts': 'bench/paired.ts',
  'bench/tune.ts': 'bench/tune.ts',
  'bench/expert-strength.ts': 'bench/expert-strength.ts',
  'bench/alive.ts': 'bench/alive.ts',
  'bench/signatures.ts': 'bench/signatures.ts',
  'bench/server-target.ts': 'bench/server-target.ts',
} as const;

/** How a user starts `name`: through npm, or the file through tsx. */
const command = (name: string) => (name.startsWith('bench/') ? `(npx )?tsx ${name}` : `npm run ${name}`);

function run(file: string, args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', file, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const GAME = 'tests/report/fixtures/seminar-game.json';
const dir = mkdtempSync(join(tmpdir(), 'eat-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(Object.entries(ENTRY_POINTS))('npm run %s', (name, file) => {
  it('--help prints the usage on stdout and exits 0', () => {
    const r = run(file, ['--help']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(new RegExp(`^usage: ${command(name)}\\b`));
  });

  it('a flag it does not know is named on stderr with the usage, exit 2', () => {
    const r = run(file, ['--frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${name}: Unknown option '--frobnicate'`);
    expect(r.stderr).toMatch(new RegExp(`usage: ${command(name)}\\b`));
    expect(r.stdout).toBe('');
  });
});

describe('flags that need a value or a number', () => {
  it.each([
    ['report', [GAME, '--out'], /report: Option '--out <value>' argument missing/],
    ['replay', [GAME, 'second.json'], /replay: expected one FILE, got 2/],
    ['validate', ['--json'], /validate: FILE\.json is required/],
    ['bench:flood', ['--creates', 'many'], /bench:flood: --creates must be a positive integer, got "many"/],
    ['bench:server', ['--pace=-5'], /bench:server: --pace must be a positive integer, got "-5"/],
    ['bench:client', ['--runs', '0'], /bench:client: --runs must be a positive integer, got "0"/],
    ['bench/balance.ts', ['500'], /bench\/balance\.ts: Unexpected argument '500'/],
    [
      'bench/balance.ts',
      ['--levels', '5-1'],
      /bench\/balance\.ts: --levels must be a range FROM-TO such as 1-5, got "5-1"/,
    ],
    ['bench/balance.ts', ['--variants', '4,5'], /bench\/balance\.ts: --variants must be one of 2, 3, 4, got "5"/],
    [
      'bench/paired.ts',
      ['--mode', 'duel'],
      /bench\/paired\.ts: --mode must be one of random, levels, probe, expert, got "duel"/,
    ],
    [
      'bench/paired.ts',
      ['--scenarios', 'baseline-2023,atlantis'],
      /bench\/paired\.ts: --scenarios must be one of .*got "atlantis"/,
    ],
    [
      'bench/paired.ts',
      ['--seat', 'china', '--probe', 'ukraine'],
      /bench\/paired\.ts: --probe must be one of gray-zone, .*got "ukraine"/,
    ],
    ['bench/tune.ts', ['--knobs', 'tension,morale'], /bench\/tune\.ts: --knobs must be one of .*got "morale"/],
    [
      'bench/expert-strength.ts',
      ['--horizon=-1'],
      /bench\/expert-strength\.ts: --horizon must be a whole number \(0 or more\), got "-1"/,
    ],
    [
      'bench/expert-strength.ts',
      ['--seat', 'taiwan'],
      /bench\/expert-strength\.ts: --seat must be one of china, nato, japan, korea, got "taiwan"/,
    ],
    ['bench/alive.ts', [], /bench\/alive\.ts: give one or more sweep directories/],
    ['bench:targets', ['--size', 'huge'], /bench:targets: --size must be one of quick, full, got "huge"/],
    ['bench:targets', ['--probe-pairs', '0'], /bench:targets: --probe-pairs must be a positive integer, got "0"/],
    ['bench/signatures.ts', ['one-dir'], /bench\/signatures\.ts: give the baseline sweep directory/],
    [
      'bench/server-target.ts',
      ['postgres'],
      /bench\/server-target\.ts: KIND must be one of sqlite, sqlite-limits, memory, cluster, got "postgres"/,
    ],
  ] as const)('%s %j exits 2 naming the flag', (name, args, message) => {
    const r = run(ENTRY_POINTS[name], [...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('--json', () => {
  it('replay: the final hash, winner and turns', () => {
    const r = run(ENTRY_POINTS.replay, [GAME, '--json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const out = JSON.parse(r.stdout) as { hash: string; winner: unknown; turns: number };
    expect(out.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(out.turns).toBeGreaterThan(0);
  });

  it('report: the directory and files written, with counts', () => {
    const out = join(dir, 'report');
    const r = run(ENTRY_POINTS.report, [GAME, '--out', out, '--json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const json = JSON.parse(r.stdout) as { out: string; files: string[]; actions: number; whiteCellActs: number };
    expect(json.out).toBe(out);
    expect(json.files).toEqual(['report.html', 'report.md', 'report.json', 'actions.csv']);
    for (const f of json.files) expect(existsSync(join(out, f))).toBe(true);
    expect(json.actions).toBeGreaterThan(0);
  });

  it('validate: a verdict per file, problems with their path, exit 1 when one is bad', () => {
    const bad = 'tests/fixtures/scenarios/several-problems.json';
    const r = run(ENTRY_POINTS.validate, ['scenarios/baseline-2023.json', bad, 'no/such.json', '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const verdicts = JSON.parse(r.stdout) as { file: string; ok: boolean; unreadable?: string; problems: unknown[] }[];
    expect(verdicts.map((v) => [v.file, v.ok])).toEqual([
      ['scenarios/baseline-2023.json', true],
      [bad, false],
      ['no/such.json', false],
    ]);
    expect(verdicts[1]!.problems).toContainEqual({
      path: '$.tracks.ukraine',
      message: 'ukraine -1 is out of range 0–10',
    });
    expect(verdicts[2]!.unreadable).toBe('cannot read the file (no such file)');
  });

  it('sim: the sweep summary', () => {
    const r = run(ENTRY_POINTS.sim, [
      '--scenario',
      'baseline-2023',
      '--games',
      '2',
      '--seed',
      'json-1',
      '--workers',
      '1',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as { games: number; scenario: string };
    expect([summary.games, summary.scenario]).toEqual([2, 'baseline-2023']);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError, formatSummary, parseSimArgs } from '../../src/cli/sim';
import { parseBotSpecs } from '../../src/content/bot-spec';
import { runSweep } from '../../src/sim/sweep';
import { SEATS } from '../../src/content/ids';
import { RULES_VERSION } from '../../src/content/rules-version';

/** Runs a CLI as `npm run` would (tsx), returning its exit code and output. */
function cli(script: 'sim' | 'replay', args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ok = ['--scenario', 'baseline-2023', '--games', '4', '--seed', 'cli-1'];

describe('sim flags', () => {
  it('parses a full command line', () => {
    const a = parseSimArgs([
      ...ok,
      '--variant',
      '2',
      '--bots',
      'nato=random:2',
      '--workers',
      '3',
      '--out',
      'x',
      '--save-games',
      '--json',
    ]);
    expect(a).toMatchObject({
      scenario: 'baseline-2023',
      games: 4,
      seed: 'cli-1',
      variant: 2,
      workers: 3,
      out: 'x',
      saveGames: true,
      json: true,
    });
    expect(a.bots.nato).toEqual({ kind: 'random' });
    expect(parseSimArgs([...ok, '--bots', SEATS.map((s) => `${s}=random`).join(',')]).variant).toBe(4);
  });

  it.each([
    [['--games', '4', '--seed', 's'], /--scenario is required/],
    [['--scenario', 'baseline-2023', '--seed', 's'], /--games is required/],
    [['--scenario', 'baseline-2023', '--games', '4'], /--seed is required/],
    [[...ok, '--frobnicate'], /Unknown option '--frobnicate'/],
    [['--scenario', 'atlantis', '--games', '4', '--seed', 's'], /unknown scenario "atlantis" \(known: .*baseline-2023/],
    [['--scenario', 'baseline-2023', '--games', '0', '--seed', 's'], /--games must be a positive integer, got "0"/],
    [['--scenario', 'baseline-2023', '--games', 'ten', '--seed', 's'], /--games must be a positive integer/],
    [[...ok, '--variant', '5'], /--variant must be 2, 3 or 4, got "5"/],
    [[...ok, '--variant', '4.0'], /--variant must be 2, 3 or 4/],
    [[...ok, '--workers=0'], /--workers must be a positive integer, got "0"/],
    [[...ok, '--workers', '-1'], /argument is ambiguous/],
    [[...ok, '--bots', 'usa=random'], /unknown seat "usa"/],
    [[...ok, '--bots', 'nato=genius'], /unknown bot kind "genius"/],
    [[...ok, '--bots', 'nato=random:9'], /level "9" must be an integer from 1 to 6/],
    [
      [...ok, '--bots', 'nato=probe'],
      /--bots nato: probe needs a policy, probe:POLICY \(one of gray-zone, .*, ukraine/,
    ],
    [[...ok, '--bots', 'china=probe:ukraine'], /--bots china: unknown probe "ukraine" for china \(expected gray-zone/],
    [[...ok, '--bots', 'all=probe:ports'], /--bots all \(for nato\): unknown probe "ports" for nato/],
    [[...ok, '--bots', 'all=expert,all=random'], /seat "all" is named twice/],
    [[...ok, '--bots', 'everyone=expert'], /unknown seat "everyone" \(expected china, nato, japan, korea or all\)/],
    [[...ok, '--save-games'], /--save-games needs --out DIR/],
    [[...ok, 'stray'], /positional/i],
    [[...ok, '--queue', 'localhost:6379'], /--queue must be a Redis URL such as redis:\/\/127.0.0.1:6379/],
    [[...ok, '--queue', 'redis://h', '--workers', '2'], /--workers cannot be used with --queue/],
    [[...ok, '--queue', 'redis://h', '--out', 'x', '--save-games'], /--save-games cannot be used with --queue/],
  ])('%j is refused', (argv, message) => {
    expect(() => parseSimArgs(argv)).toThrow(UsageError);
    expect(() => parseSimArgs(argv)).toThrow(message);
  });
});

describe('the human summary', () => {
  it('shows per-seat AP, tension per seat, wars, special rules and end states', async () => {
    const { summary } = await runSweep({
      scenario: 'korean-peninsula-crisis',
      variant: 4,
      seed: 'cli-2',
      games: 3,
      bots: parseBotSpecs('korea=probe:north'),
      workers: 1,
    });
    const text = formatSummary(summary);
    expect(text).toMatch(/bots: china=scripted:3, nato=scripted:3, japan=scripted:3, korea=probe:north/);
    for (const heading of [
      /AP share per seat \(of its own AP\):\n {2}china {2}/,
      /tension added by each seat’s moves/,
      /wars \d+/,
      /special rules .*\n {2}direct-transfer-costs-korea-deterrence +\d/,
      / {2}dprk-rolls-twice +100\.0% /,
      / {2}theater taiwan-ecs +West \d/,
      / {2}Ukraine front +failing \d/,
      /different end states; the most frequent:\n +\d+\.\d% +EA:/,
    ])
      expect(text).toMatch(heading);
  });
});

describe('sim and replay commands', () => {
  it('exit 2 with the message and usage on a bad flag', () => {
    const r = cli('sim', ['--scenario', 'atlantis', '--games', '2', '--seed', 's']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/sim: unknown scenario "atlantis"/);
    expect(r.stderr).toMatch(/usage: npm run sim/);
    expect(r.stdout).toBe('');
  }, 60_000);

  it('--json --out --save-games: summary on stdout, files on disk, each game replayable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));
    const r = cli('sim', [
      ...ok,
      '--bots',
      SEATS.map((s) => `${s}=random:1`).join(','),
      '--workers',
      '2',
      '--out',
      dir,
      '--save-games',
      '--json',
    ]);
    expect(r.stderr).not.toMatch(/failed/);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ games: 4, scenario: 'baseline-2023', variant: 4, seed: 'cli-1' });
    for (const seat of SEATS)
      expect(summary.seats[seat]).toEqual(
        expect.objectContaining({
          wins: expect.any(Number),
          winRate: expect.any(Number),
          ci95: [expect.any(Number), expect.any(Number)],
        }),
      );
    expect(typeof summary.warRate).toBe('number');
    expect(typeof summary.moveShare).toBe('object');
    // The sweep lab's measures ride in the same JSON.
    expect(Object.keys(summary.moveShareBySeat)).toEqual([...SEATS]);
    for (const seat of SEATS) expect(summary.tension[seat].byTurn.length).toBeGreaterThan(0);
    expect(summary.wars).toEqual(expect.objectContaining({ count: expect.any(Number), byCause: expect.any(Object) }));
    // The scenario's tie rule, beside the v2 mechanisms that count in every scenario (e.g. overreach).
    expect(Object.keys(summary.fired)).toContain('two-seat-tie-roll-off');
    expect(summary.endStates.top.length).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'))).toEqual(summary);
    const csv = readFileSync(join(dir, 'games.csv'), 'utf8').trimEnd().split('\n');
    expect(csv).toHaveLength(5);
    expect(csv[0]).toMatch(/^seed,winner,margin_china,margin_nato,margin_japan,margin_korea,turns,ending/);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toMatch(/<svg/);
    const games = readdirSync(join(dir, 'games'));
    expect(games).toHaveLength(4);

    const file = join(dir, 'games', games[0]!);
    const replay = cli('replay', [file, '--json']);
    expect(replay.code).toBe(0);
    const out = JSON.parse(replay.stdout);
    expect(out.hash).toBe(JSON.parse(readFileSync(file, 'utf8')).finalHash);
    expect(Object.keys(out).sort()).toEqual(['hash', 'turns', 'winner']);
    expect(csv[1]!.split(',')[6]).toBe(String(out.turns));

    const save = JSON.parse(readFileSync(file, 'utf8'));
    const tampered = join(dir, 'tampered.json');
    writeFileSync(tampered, JSON.stringify({ ...save, finalHash: 'f'.repeat(64) }));
    const r2 = cli('replay', [tampered]);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/disagrees with the recorded finalHash f{64}/);
  }, 120_000);

  it('replay refuses a malformed file, an unknown scenario and an illegal action', () => {
    const dir = mkdtempSync(join(tmpdir(), 'replay-cli-'));
    const malformed = join(dir, 'm.json');
    writeFileSync(
      malformed,
      JSON.stringify({
        format: 'eat-save/1',
        rules: RULES_VERSION,
        scenario: 'baseline-2023',
        variant: 7,
        seed: 's',
        actions: [{ player: '0' }],
      }),
    );
    const unknown = join(dir, 'u.json');
    writeFileSync(
      unknown,
      JSON.stringify({
        format: 'eat-save/1',
        rules: RULES_VERSION,
        scenario: 'atlantis',
        variant: 4,
        seed: 's',
        actions: [],
      }),
    );
    const illegal = join(dir, 'i.json');
    writeFileSync(
      illegal,
      JSON.stringify({
        format: 'eat-save/1',
        rules: RULES_VERSION,
        scenario: 'baseline-2023',
        variant: 4,
        seed: 's',
        actions: [{ player: '0', seat: 'china', move: 'summit', args: [] }],
      }),
    );
    const m = cli('replay', [malformed]);
    expect(m.code).toBe(1);
    expect(m.stderr).toMatch(/variant: variant must be 2, 3 or 4/);
    expect(m.stderr).toMatch(/actions\.0\.seat/);
    const u = cli('replay', [unknown]);
    expect(u.code).toBe(1);
    expect(u.stderr).toMatch(/unknown scenario "atlantis"/);
    const i = cli('replay', [illegal]);
    expect(i.code).toBe(1);
    expect(i.stderr).toMatch(/action #0 \(china summit \[\]\): the rules refuse it at turn 1, round 1: /);
    const none = cli('replay', []);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/FILE is required/);
    // A game saved before the rules recorded their version is rules version 1's: refused by name.
    const v1 = join(dir, 'v1.json');
    writeFileSync(
      v1,
      JSON.stringify({ format: 'eat-save/1', scenario: 'baseline-2023', variant: 4, seed: 's', actions: [] }),
    );
    const old = cli('replay', [v1]);
    expect(old.code).toBe(1);
    expect(old.stderr).toContain(
      `v1.json: this game was played under rules version 1; this build plays rules version ${RULES_VERSION}`,
    );
  }, 120_000);
});

describe('sweeps across machines, without Redis', () => {
  it('a producer that cannot reach Redis exits 1 and names the address', () => {
    const r = cli('sim', [...ok, '--queue', 'redis://127.0.0.1:1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/sim: cannot reach Redis at redis:\/\/127\.0\.0\.1:1/);
  });

  it.each([
    [[], /--queue is required/],
    [['--queue', 'http://x'], /--queue must be a Redis URL/],
    [['--queue', 'redis://x', '--workers', 'all'], /--workers must be a positive integer, got "all"/],
  ])('sim:worker %j exits 2 with the message and usage', (argv, message) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim-worker.ts', ...argv], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('usage: npm run sim:worker');
  });
});

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const run = (...args: string[]) => {
  const r = spawnSync(TSX, ['src/cli/validate.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

// One process per case costs ~1 s of tsx start-up; three cases cover the exit codes.
describe('npm run validate', () => {
  it('prints OK for each good file and exits 0', () => {
    const r = run(
      'scenarios/baseline-2023.json',
      'scenarios/taiwan-strait-crisis.json',
      'scenarios/korean-peninsula-crisis.json',
    );
    expect(r.err).toBe('');
    expect(r.out).toContain('OK scenarios/baseline-2023.json');
    expect(r.out).toContain('OK scenarios/korean-peninsula-crisis.json');
    expect(r.code).toBe(0);
  });

  it('lists every problem as file: path: message, reports a missing file, and exits 1', () => {
    const bad = 'tests/fixtures/scenarios/several-problems.json';
    const r = run(
      'scenarios/baseline-2023.json',
      bad,
      'tests/fixtures/scenarios/json-syntax-error.json',
      'no/such/file.json',
    );
    expect(r.code).toBe(1);
    expect(r.out).toContain('OK scenarios/baseline-2023.json');
    const lines = r.err.split('\n').filter((l) => l.startsWith(`${bad}: `));
    expect(lines.length).toBe(8);
    expect(r.err).toContain(`${bad}: $.tracks.ukraine: ukraine -1 is out of range 0–10`);
    expect(r.err).toContain(`${bad}: $.units[1].space: uk-opv is a naval unit`);
    expect(r.err).toMatch(/json-syntax-error\.json: \$: .*line 7, column 3/);
    expect(r.err).toContain('no/such/file.json: cannot read the file (no such file)');
  });

  it('prints usage and exits 2 with no file', () => {
    const r = run();
    expect(r.code).toBe(2);
    expect(r.err).toContain('usage: npm run validate -- FILE.json');
  });
});

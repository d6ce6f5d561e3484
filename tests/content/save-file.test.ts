/** The one `eat-save/1` schema: what it accepts, and errors that name the field and the action. */
import { describe, expect, it } from 'vitest';
import { buildSave, hashState, parseSaveFile, SaveFileError } from '../../src/content/save-file';
import { RULES_VERSION } from '../../src/content/rules-version';

const base = {
  format: 'eat-save/1',
  rules: RULES_VERSION,
  scenario: 'baseline-2023',
  variant: 4,
  seed: 's',
  actions: [{ player: '0', seat: 'china', move: 'pass', args: [] }],
};
const text = (v: unknown) => JSON.stringify(v);
const problem = (v: unknown | string) => {
  try {
    parseSaveFile(typeof v === 'string' ? v : text(v), 'g.json');
  } catch (err) {
    expect(err).toBeInstanceOf(SaveFileError);
    return (err as Error).message;
  }
  throw new Error('parsed');
};

describe('parseSaveFile', () => {
  it('reads seats’ moves and White Cell powers', () => {
    const save = parseSaveFile(
      text({
        ...base,
        whiteCell: true,
        actions: [...base.actions, { player: '4', seat: 'white', move: 'whitePause', args: ['coffee'] }],
      }),
    );
    expect(save.actions.map((a) => a.seat)).toEqual(['china', 'white']);
  });

  it('names the field and the action number', () => {
    const bad = { ...base, variant: 5, actions: [base.actions[0], { player: '1', seat: 'usa', args: [] }] };
    const msg = problem(bad);
    expect(msg).toMatch(/^g\.json: not a valid eat-save\/1 file:/);
    expect(msg).toContain('variant: variant must be 2, 3 or 4');
    expect(msg).toContain('actions.1.seat (action 2): unknown seat "usa"');
    expect(msg).toContain('actions.1.move (action 2): move is missing');
  });

  it('refuses White Cell actions in a game without a White Cell', () => {
    const bad = { ...base, actions: [{ player: '4', seat: 'white', move: 'whitePause', args: ['r'] }] };
    expect(problem(bad)).toContain('actions.0.seat (action 1): a White Cell action, but the game has no White Cell');
  });

  it('gives the line and column of a JSON syntax error', () => {
    expect(problem('{\n  "format": "eat-save/1",\n  "seed": }')).toMatch(/g\.json: not valid JSON \(line 3, column 11/);
  });

  it('refuses unknown fields and a wrong format tag', () => {
    const msg = problem({ ...base, format: 'eat-save/2', extra: 1 });
    expect(msg).toContain('format: format must be "eat-save/1"');
    expect(msg).toMatch(/extra/);
  });

  it('refuses a game saved under rules version 1, naming both versions, before reading its moves', () => {
    const { rules: _, ...v1 } = { ...base, actions: [{ player: '0', seat: 'china', move: 'retiredMove', args: [] }] };
    const msg = problem(v1);
    expect(msg).toMatch(
      new RegExp(
        `^g\\.json: this game was played under rules version 1; this build plays rules version ${RULES_VERSION}\\b`,
      ),
    );
    expect(msg).not.toContain('retiredMove');
    expect(problem({ ...base, rules: 'two' })).toContain(`rules: rules must be the rules version, ${RULES_VERSION}`);
  });

  it.each([
    ['v2 (the fronts bind, before the third balance pass)', 2],
    ['v3 (South Korea’s two transfers, before Shells for Ukraine)', 3],
    ['v4 (UN Command callable on a quiet peninsula)', 4],
    ['v5 (exports before the nonproliferation conference cost nothing)', 5],
    ['the previous rules (v6: a FONOP’s cost under the missiles over Japan not counted as the special firing)', 6],
    ['rules newer than this build', RULES_VERSION + 1],
  ])('refuses a game saved under %s, naming both versions', (_what, version) => {
    expect(RULES_VERSION).toBe(7);
    expect(problem({ ...base, rules: version })).toContain(
      `g.json: this game was played under rules version ${version}; this build plays rules version 7,`,
    );
  });
});

describe('buildSave', () => {
  const input = parseSaveFile(text(base));
  it('writes the format, the rules version and the final hash, and leaves empty options out', () => {
    const final = { turn: 9 };
    const save = buildSave({ ...input, whiteCell: false, handicap: {}, bots: {} }, final);
    expect(save).toEqual({ ...base, finalHash: hashState(final) });
    expect(parseSaveFile(JSON.stringify(save))).toEqual(save);
  });

  it('copies the actions, so a game that plays on does not change a save already made', () => {
    const actions = [{ player: '0', seat: 'china' as const, move: 'pass' as const, args: ['x'] }];
    const save = buildSave({ ...input, actions });
    actions[0]!.args.push('y');
    expect(save.actions[0]!.args).toEqual(['x']);
  });
});

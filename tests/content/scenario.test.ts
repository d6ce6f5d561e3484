/* eslint-disable @typescript-eslint/no-explicit-any -- broken scenarios are built by mutating untyped JSON */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  KNOWN_SPECIALS,
  PLAYED_SCENARIOS,
  SCENARIOS,
  loadScenarioFile,
  parseScenario,
  scenarioById,
} from '../../src/content/scenario';
import { findJsonSyntaxError } from '../../src/content/json-syntax';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'scenarios');
const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');
const baseline = () => JSON.parse(read(join(ROOT, 'scenarios'), 'baseline-2023.json')) as Record<string, any>;

describe('shipped scenarios', () => {
  const files = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.json'));

  it('are the three of docs/DESIGN.md §11 and the guided first game, all registered', () => {
    expect(files.sort()).toEqual([
      'baseline-2023.json',
      'first-game.json',
      'korean-peninsula-crisis.json',
      'taiwan-strait-crisis.json',
    ]);
    expect(SCENARIOS.map((s) => s.id).sort()).toEqual([
      'baseline-2023',
      'first-game',
      'korean-peninsula-crisis',
      'taiwan-strait-crisis',
    ]);
  });

  it('flag only the guided first game as a tutorial, which the played list leaves out', () => {
    expect(SCENARIOS.filter((s) => s.tutorial).map((s) => s.id)).toEqual(['first-game']);
    expect(PLAYED_SCENARIOS.map((s) => s.id)).not.toContain('first-game');
    expect(PLAYED_SCENARIOS).toHaveLength(SCENARIOS.length - 1);
  });

  it.each(files)('%s validates with no problem', (file) => {
    const r = loadScenarioFile(read(join(ROOT, 'scenarios'), file), file);
    expect(r.ok ? [] : r.problems).toEqual([]);
    if (r.ok) {
      expect(r.scenario.id).toBe(file.replace(/\.json$/, ''));
      expect(r.scenario.variants).toEqual([2, 3, 4]);
      for (const s of r.scenario.specials) expect(KNOWN_SPECIALS).toContain(s);
    }
  });

  // Starting track values are docs/DESIGN.md §11's, tuned by measurement: docs/BALANCE.md records each change.
  it('keep the structure of docs/DESIGN.md §11 (turns, partners, forces, specials)', () => {
    const b = scenarioById('baseline-2023')!;
    expect(b.turns).toBe(8);
    expect(b.partnership).toEqual({ japan: 3, korea: 2, 'australia-nz': 2, india: 'untested' });
    expect(b.firstInjects).toEqual(['stoltenberg-visit']);
    expect(b.units.map((u) => `${u.kind}@${u.space}`)).toEqual([
      'seventh-fleet@western-pacific',
      'uk-opv@southwest-pacific',
      'french-rotation@west-indian-ocean',
    ]);
    const t = scenarioById('taiwan-strait-crisis')!;
    expect([t.turns, t.chinaPosture]).toEqual([6, 'coercion']);
    expect(t.grayZone).toEqual([{ space: 'taiwan-strait', count: 1 }]);
    expect(t.specials).toEqual(['japan-bases-essential', 'quarantine-at-crisis-5']);
    expect(t.tracks.taiwanCrisis).toBeGreaterThan(b.tracks.taiwanCrisis);
    const k = scenarioById('korean-peninsula-crisis')!;
    expect([k.turns, k.partnership.korea]).toEqual([6, 3]);
    expect(k.tracks.dprkThreat).toBeGreaterThan(b.tracks.dprkThreat);
    // A crisis never starts calmer than the 2023 baseline.
    expect(t.tracks.tension).toBeGreaterThanOrEqual(b.tracks.tension);
    expect(k.tracks.tension).toBeGreaterThanOrEqual(b.tracks.tension);
    expect(k.deterrence).toEqual([
      { theater: 'korea', value: 1, source: 'un-command' },
      { theater: 'korea', value: 1, source: 'un-command' },
    ]);
  });

  it('scenarioById answers undefined for an unknown id', () => {
    expect(scenarioById('no-such-scenario')).toBeUndefined();
  });
});

/** Each broken fixture: the problems it must produce (path and a fragment of the message). */
const BROKEN: [file: string, expected: [path: string, message: string | RegExp][]][] = [
  ['unknown-space.json', [['$.units[0].space', 'unknown space "westren-pacific" (did you mean "western-pacific"?)']]],
  ['track-out-of-range.json', [['$.tracks.tension', 'tension 12 is out of range 1–10']]],
  [
    'missing-field.json',
    [
      ['$.briefing', 'missing field "briefing"'],
      ['$.tracks.cohesion', 'missing field "cohesion"'],
    ],
  ],
  ['naval-unit-on-land.json', [['$.units[3].space', 'jmsdf is a naval unit and cannot be on the land space "japan"']]],
  [
    'gray-zone-outside-contested-zone.json',
    [['$.grayZone[2].space', /only in south-china-sea, taiwan-strait, east-china-sea, not "sea-of-japan"/]],
  ],
  [
    'unknown-special.json',
    [['$.specials[1]', 'unknown special rule "quarantine-at-crisis-six" (did you mean "quarantine-at-crisis-5"?)']],
  ],
  ['unknown-inject.json', [['$.firstInjects[1]', 'unknown inject "kishida-goes-to-kyiv"']]],
  ['bad-partnership.json', [['$.partnership.india', 'partnership must be a level 0–4 or "untested"']]],
  ['duplicate-variant.json', [['$.variants[2]', 'seat variant "4" is listed twice']]],
  ['json-syntax-error.json', [['$', /not valid JSON: line 7, column 3: expected ',' or '}'/]]],
  [
    'several-problems.json',
    [
      ['$.turns', 'below the minimum 1'],
      ['$.tracks.ukraine', 'ukraine -1 is out of range 0–10'],
      ['$.units[1].space', 'cannot be on the land space "australia-nz"'],
      ['$.units[2].kind', 'unknown unit kind "french-carrier"'],
      ['$.influence[0].port', 'unknown port "rotterdam"'],
      ['$.chinaPosture', 'unknown China posture "aggressive"'],
      ['$.specials[0]', 'did you mean "dprk-rolls-twice"?'],
      ['$.firstInjects[0]', 'unknown inject "no-such-inject"'],
    ],
  ],
];

describe('broken scenario files', () => {
  it('every fixture is in the table', () => {
    expect(readdirSync(FIXTURES).sort()).toEqual(BROKEN.map(([f]) => f).sort());
  });

  it.each(BROKEN)('%s fails with exactly the expected problems', (file, expected) => {
    const r = loadScenarioFile(read(FIXTURES, file), file);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.path).sort()).toEqual(expected.map(([p]) => p).sort());
    for (const [path, message] of expected) {
      const p = r.problems.find((x) => x.path === path)!;
      if (typeof message === 'string') expect(p.message).toContain(message);
      else expect(p.message).toMatch(message);
    }
  });
});

describe('parseScenario cross-checks', () => {
  const problemsOf = (mutate: (s: Record<string, any>) => void) => {
    const s = baseline();
    mutate(s);
    const r = parseScenario(s);
    return r.ok ? [] : r.problems;
  };

  it('accepts the baseline untouched and returns typed variants', () => {
    const r = parseScenario(baseline());
    expect(r.ok && r.scenario.variants).toEqual([2, 3, 4]);
  });

  it.each([
    ['tension below 1', (s: any) => (s.tracks.tension = 0), '$.tracks.tension', 'out of range 1–10'],
    [
      'internationalization above 20',
      (s: any) => (s.tracks.internationalization = 21),
      '$.tracks.internationalization',
      'out of range 0–20',
    ],
    ['Taiwan Crisis above 5', (s: any) => (s.tracks.taiwanCrisis = 6), '$.tracks.taiwanCrisis', 'out of range 0–5'],
    ['a non-integer track', (s: any) => (s.tracks.cohesion = 6.5), '$.tracks.cohesion', ''],
    ['a track typo', (s: any) => (s.tracks.tention = 4), '$.tracks.tention', 'did you mean "tension"?'],
    ['an unknown top-level field', (s: any) => (s.turn = 8), '$.turn', 'did you mean "turns"?'],
    ['partnership above 4', (s: any) => (s.partnership.japan = 5), '$.partnership.japan', 'above the maximum 4'],
    [
      'a second Seventh Fleet',
      (s: any) => s.units.push({ kind: 'seventh-fleet', space: 'east-pacific' }),
      '$.units[3].kind',
      'more than once',
    ],
    [
      'a unit in an unknown space',
      (s: any) => (s.units[0].space = 'atlantis'),
      '$.units[0].space',
      'unknown space "atlantis"',
    ],
    [
      'a gray-zone space listed twice',
      (s: any) => s.grayZone.push({ space: 'south-china-sea', count: 1 }),
      '$.grayZone[2].space',
      'listed twice',
    ],
    ['a gray-zone marker on land', (s: any) => (s.grayZone[0].space = 'taiwan'), '$.grayZone[0].space', 'not "taiwan"'],
    [
      'a port listed twice',
      (s: any) => s.influence.push({ port: 'north-sea-ports', china: 0, west: 1 }),
      '$.influence[3].port',
      'listed twice',
    ],
    [
      'a special listed twice',
      (s: any) => (s.specials = ['dprk-rolls-twice', 'dprk-rolls-twice']),
      '$.specials[1]',
      'listed twice',
    ],
    [
      'two contradicting two-seat tie rules',
      (s: any) => (s.specials = ['two-seat-tie-to-west', 'two-seat-tie-to-china']),
      '$.specials[1]',
      'contradicts the other two-seat tie rule',
    ],
    [
      'a first inject listed twice',
      (s: any) => s.firstInjects.push('stoltenberg-visit'),
      '$.firstInjects[1]',
      'listed twice',
    ],
    [
      'an incident card as first inject',
      (s: any) => (s.firstInjects = ['incident-hotline']),
      '$.firstInjects[0]',
      'incident deck',
    ],
    ['zero turns', (s: any) => (s.turns = 0), '$.turns', 'below the minimum 1'],
    ['no variants', (s: any) => (s.variants = []), '$.variants', 'at least 1'],
    ['an unknown variant', (s: any) => (s.variants = ['5']), '$.variants[0]', 'unknown seat variant "5"'],
    ['a numeric variant', (s: any) => (s.variants = [4]), '$.variants[0]', 'unknown seat variant 4'],
    ['a bad id', (s: any) => (s.id = 'Baseline 2023'), '$.id', 'not a valid id'],
    ['a wrong format tag', (s: any) => (s.format = 'eat-scenario/2'), '$.format', 'format must be "eat-scenario/1"'],
    [
      'an unknown deterrence theater',
      (s: any) => s.deterrence.push({ theater: 'arctic', value: 1, source: 'x' }),
      '$.deterrence[0].theater',
      'unknown theater "arctic"',
    ],
  ])('reports %s at its path', (_name, mutate, path, message) => {
    const problems = problemsOf(mutate);
    const p = problems.find((x) => x.path === path);
    expect(p, JSON.stringify(problems)).toBeDefined();
    expect(p!.message).toContain(message);
  });

  it('reports every problem at once, not just the first', () => {
    const problems = problemsOf((s) => {
      s.tracks.tension = 99;
      s.units[0].space = 'japan';
      s.specials = ['nope'];
      s.firstInjects = ['nope'];
      delete s.name;
    });
    expect(problems.map((p) => p.path).sort()).toEqual([
      '$.firstInjects[0]',
      '$.name',
      '$.specials[0]',
      '$.tracks.tension',
      '$.units[0].space',
    ]);
  });

  it('never throws, whatever it is given', () => {
    for (const junk of [
      null,
      undefined,
      42,
      'text',
      [],
      [1, 2],
      { units: 'x' },
      { tracks: [] },
      { units: [null, 3, { kind: 7 }] },
      { grayZone: [{ space: {} }] },
    ]) {
      const r = parseScenario(junk);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems.length).toBeGreaterThan(0);
    }
  });
});

describe('JSON syntax errors', () => {
  it.each([
    ['{"a": 1,}', 1, 9, "no comma before '}'"],
    ['{\n  "a": [1, 2,]\n}', 2, 14, "no comma before ']'"],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, "expected ',' or '}'"],
    ['{"a": tru}', 1, 7, 'expected a value'],
    ["{'a': 1}", 1, 2, 'field name in double quotes'],
    ['{"a": "x', 1, 9, 'unterminated string'],
    ['', 1, 1, 'expected a value but found end of file'],
    ['{} x', 1, 4, 'expected end of file'],
  ])('%j → line %i, column %i', (text, line, column, message) => {
    const e = findJsonSyntaxError(text);
    expect(e).toMatchObject({ line, column });
    expect(e!.message).toContain(message);
    const r = loadScenarioFile(text, 'f.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ path: '$', line, column });
  });

  it('finds nothing wrong in valid JSON', () => {
    for (const f of ['baseline-2023.json', 'taiwan-strait-crisis.json'])
      expect(findJsonSyntaxError(read(join(ROOT, 'scenarios'), f))).toBeNull();
    expect(findJsonSyntaxError('{"a": [1, -2.5e3, "q\\"\\u00e9", true, false, null, {}]}')).toBeNull();
  });
});

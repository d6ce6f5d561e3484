import { describe, expect, it } from 'vitest';
import { describeValue, nextArg, optionForSpace } from '../../src/client/arg-chooser';
import type { Action } from '../../src/rules';

const legal: Action[] = [
  { move: 'exercise', args: ['taiwan-ecs', 'japan'] },
  { move: 'exercise', args: ['taiwan-ecs', 'australia-nz'] },
  { move: 'exercise', args: ['korea', 'korea'] },
  { move: 'statement', args: ['korea'] },
  { move: 'shipShells', args: [] },
  { move: 'shellsForUkraine', args: ['to-kyiv'] },
  { move: 'shellsForUkraine', args: ['via-europe'] },
];

describe('argument chooser', () => {
  it.each<[string, Action['move'], unknown[], string | null, string[], boolean]>([
    ['first argument of a two-argument move', 'exercise', [], 'theater', ['Taiwan & East China Sea', 'Korea'], false],
    ['second argument narrowed by the first', 'exercise', ['taiwan-ecs'], 'partner', ['Japan', 'Australia–NZ'], false],
    ['complete once every argument is chosen', 'exercise', ['korea', 'korea'], null, [], true],
    ['a move with no arguments is complete at once', 'shipShells', [], null, [], true],
    [
      'South Korea’s shells: the route is the argument',
      'shellsForUkraine',
      [],
      'route',
      ['to Kyiv', 'via Europe'],
      false,
    ],
  ])('%s', (_n, move, chosen, argName, labels, complete) => {
    const step = nextArg(legal, move, chosen);
    expect(step.argName).toBe(argName);
    expect(step.options.map((o) => o.label)).toEqual(labels);
    expect(step.complete !== null).toBe(complete);
  });

  it('maps values to board spaces: theaters to their spaces, partners to their land', () => {
    expect(describeValue('theater', 'korea').spaces).toEqual(expect.arrayContaining(['south-korea']));
    expect(describeValue('partner', 'korea').spaces).toEqual(['south-korea']);
    expect(describeValue('zone', 'east-china-sea')).toMatchObject({
      label: 'East China Sea',
      spaces: ['east-china-sea'],
    });
    expect(describeValue('destination', 'kyiv').spaces).toEqual(['ukraine']);
    expect(describeValue('route', 'to-kyiv').spaces).toEqual(['ukraine']);
    expect(describeValue('route', 'via-europe').spaces).toEqual(['nato-europe']);
  });

  it('a board click picks the option whose spaces include it', () => {
    const step = nextArg(legal, 'exercise', ['taiwan-ecs']);
    expect(optionForSpace(step, 'japan')?.value).toBe('japan');
    expect(optionForSpace(step, 'china')).toBeNull();
  });
});

/** The log speaks in the map's and the rules' names, never in ids (and never trips on a prototype key). */
import { describe, expect, it } from 'vitest';
import { named } from '../../src/rules/labels';

describe('names in the log', () => {
  it.each([
    ['korea', 'South Korea'],
    ['north-sea-ports', 'North Sea ports'],
    ['east-china-sea', 'East China Sea'],
    ['taiwan-ecs', 'Taiwan & East China Sea'],
    ['us-csg', 'US carrier strike group'],
    ['constructor', 'constructor'],
    [3, '3'],
  ])('%s reads “%s”', (id, name) => {
    expect(named(id)).toBe(name);
  });
});

import { describe, expect, it } from 'vitest';
import { csvField } from '../../src/sim/csv';

describe('csv fields', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [3, '3'],
    [null, ''],
  ] as const)('%j → %s', (value, text) => {
    expect(csvField(value)).toBe(text);
  });
});

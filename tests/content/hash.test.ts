import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/content/canonical-json';
import { hashState } from '../../src/content/save-file';
import { sha256Hex } from '../../src/content/sha256';

describe('replay hash', () => {
  it('ignores key order at every depth', () => {
    const a = { b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } };
    const b = { a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
    expect(hashState(a)).toBe(hashState(b));
  });

  it('drops undefined properties like JSON does and keeps array order', () => {
    expect(hashState({ a: 1, b: undefined })).toBe(hashState({ a: 1 }));
    expect(hashState([1, 2])).not.toBe(hashState([2, 1]));
  });

  it('is a SHA-256 hex digest that changes with any value', () => {
    expect(hashState({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
    expect(hashState({ a: 1 })).not.toBe(hashState({ a: 2 }));
    expect(hashState({})).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
  });

  it('is the same SHA-256 as node:crypto for every padding case, multi-block and non-ASCII text', () => {
    const texts = [
      '',
      'abc',
      'x'.repeat(55),
      'x'.repeat(56),
      'x'.repeat(64),
      'x'.repeat(1000),
      '東アジア ☂ é'.repeat(300),
    ];
    for (const t of texts) expect(sha256Hex(t)).toBe(createHash('sha256').update(t).digest('hex'));
  });
});

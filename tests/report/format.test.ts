/** The shared report formats: one HTML escape, one RFC 4180 CSV writer, one set of ending words. */
import { describe, expect, it } from 'vitest';
import { csvField, csvText } from '../../src/report/format/csv';
import { ENDING_PHRASE, peacefulEndings } from '../../src/report/format/ending';
import { escapeHtml } from '../../src/report/format/escape';
import { seatColour } from '../../src/report/format/seats';
import { SEAT_STYLE } from '../../src/content/seats';

describe('csv (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
    [3, '3'],
    [false, 'false'],
    [null, ''],
  ] as const)('field %j → %s', (value, text) => {
    expect(csvField(value)).toBe(text);
  });

  it('ends every record, the last included, with CRLF and quotes a line break inside a field', () => {
    expect(
      csvText(
        ['a', 'b'],
        [
          [1, 'x,y'],
          [null, 'two\nlines'],
        ],
      ),
    ).toBe('a,b\r\n1,"x,y"\r\n,"two\nlines"\r\n');
    expect(csvText(['only'], [])).toBe('only\r\n');
  });
});

describe('html escape', () => {
  it('escapes the five characters that can break text or an attribute, and nothing else', () => {
    expect(escapeHtml(`<a href="x">Tom's & Jerry's</a> – ok`)).toBe(
      '&#60;a href=&#34;x&#34;&#62;Tom&#39;s &#38; Jerry&#39;s&#60;/a&#62; – ok',
    );
  });
});

describe('seat colours and ending words', () => {
  it('draws a seat in the board palette and anything else in grey', () => {
    expect(seatColour('china')).toBe(SEAT_STYLE.china.css);
    expect(seatColour('west')).toBe('#555');
  });

  it('names each ending once', () => {
    expect(ENDING_PHRASE['sudden-death']).toBe('sudden death at a summit');
    expect(peacefulEndings({ war: 3, 'sudden-death': 1, 'final-summit': 9 })).toBe('sudden death 1 · final summit 9');
  });
});

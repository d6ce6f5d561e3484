import { describe, expect, it } from 'vitest';
import { DEFAULT_BOT, formatBotSpec, parseBotSpecs } from '../../src/sim/bot-spec';

describe('bot specs', () => {
  it('parses seat=kind[:level] and fills the rest with the default', () => {
    const b = parseBotSpecs('nato=scripted:5, china=expert,korea=random:1');
    expect(b).toEqual({
      nato: { kind: 'scripted', level: 5 },
      china: { kind: 'expert', level: DEFAULT_BOT.level },
      korea: { kind: 'random', level: 1 },
      japan: DEFAULT_BOT,
    });
    expect(parseBotSpecs(undefined).china).toEqual(DEFAULT_BOT);
  });

  it.each([
    ['usa=random', /unknown seat "usa"/],
    ['nato=smart', /unknown bot kind "smart"/],
    ['nato=scripted:7', /level "7" must be an integer from 1 to 6/],
    ['nato=scripted:0', /level "0"/],
    ['nato=scripted:2:3', /not kind\[:level\]/],
    ['nato', /not seat=kind\[:level\]/],
    ['=random', /not seat=kind/],
    ['nato=random,nato=expert', /named twice/],
  ])('%s is refused', (text, message) => {
    expect(() => parseBotSpecs(text)).toThrow(message);
  });

  it('formats specs for labels (random has no level)', () => {
    expect(formatBotSpec({ kind: 'scripted', level: 5 })).toBe('scripted:5');
    expect(formatBotSpec({ kind: 'expert', level: 3 })).toBe('expert:3');
    expect(formatBotSpec({ kind: 'random', level: 4 })).toBe('random');
  });
});

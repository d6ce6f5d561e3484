import { describe, expect, it } from 'vitest';
import {
  BOT_CHOICES,
  botWords,
  DEFAULT_BOT,
  formatBotSpec,
  parseBotSpec,
  parseBotSpecs,
  shortBotName,
  type BotSpec,
} from '../../src/content/bot-spec';

describe('bot specs', () => {
  it('parses seat=kind[:level] and fills the rest with the default', () => {
    const b = parseBotSpecs('nato=scripted:5, china=expert,korea=random:1');
    expect(b).toEqual({
      nato: { kind: 'scripted', level: 5 },
      china: { kind: 'expert', level: 3 },
      korea: { kind: 'random' },
      japan: DEFAULT_BOT,
    });
    expect(parseBotSpecs(undefined).china).toEqual(DEFAULT_BOT);
  });

  it.each([
    ['usa=random', /unknown seat "usa"/],
    ['nato=smart', /unknown bot kind "smart"/],
    ['nato=scripted:7', /level "7" must be an integer from 1 to 6/],
    ['nato=scripted:0', /level "0"/],
    ['nato=7', /level "7"/],
    ['nato=scripted:2:3', /not kind\[:level\]/],
    ['nato', /not seat=kind\[:level\]/],
    ['=random', /not seat=kind/],
    ['nato=random,nato=expert', /named twice/],
  ])('%s is refused', (text, message) => {
    expect(() => parseBotSpecs(text)).toThrow(message);
  });

  // Every spelling in use: the CLI's, the online lobby's short names, and labels in older save files.
  it.each<[string, BotSpec]>([
    ['scripted:5', { kind: 'scripted', level: 5 }],
    ['5', { kind: 'scripted', level: 5 }],
    ['scripted', { kind: 'scripted', level: 3 }],
    ['expert', { kind: 'expert', level: 3 }],
    ['expert:5', { kind: 'expert', level: 5 }],
    ['random', { kind: 'random' }],
    ['server:4', { kind: 'scripted', level: 4 }],
    ['server:expert', { kind: 'expert', level: 3 }],
  ])('"%s" means %j', (text, spec) => {
    expect(parseBotSpec(text, 'test')).toEqual(spec);
  });

  it.each<[BotSpec, string, string, string]>([
    [{ kind: 'scripted', level: 5 }, 'scripted:5', '5', 'level 5'],
    [{ kind: 'expert', level: 3 }, 'expert:3', 'expert', 'expert'],
    [{ kind: 'expert', level: 6 }, 'expert:6', 'expert:6', 'expert, level 6'],
    [{ kind: 'random' }, 'random', 'random', 'random'],
  ])('%j is written "%s", short "%s", in words "%s"', (spec, canonical, short, words) => {
    expect(formatBotSpec(spec)).toBe(canonical);
    expect(shortBotName(spec)).toBe(short);
    expect(botWords(spec)).toBe(words);
  });

  it('every spelling reads back as the same bot', () => {
    for (const spec of BOT_CHOICES) {
      expect(parseBotSpec(formatBotSpec(spec), 'canonical')).toEqual(spec);
      expect(parseBotSpec(shortBotName(spec), 'short')).toEqual(spec);
    }
  });
});

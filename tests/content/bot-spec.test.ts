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
    ['all=random,all=expert', /seat "all" is named twice/],
    ['everyone=expert', /unknown seat "everyone" \(expected china, nato, japan, korea or all\)/],
    ['nato=probe', /--bots nato: probe needs a policy, probe:POLICY \(one of gray-zone, .*, ukraine/],
    ['nato=probe:', /probe needs a policy/],
    ['nato=probe:moon', /--bots nato: unknown probe "moon" \(known: gray-zone, .*, indo-pacific/],
    ['nato=probe:ports', /--bots nato: unknown probe "ports" for nato \(expected ukraine, indo-pacific/],
    ['china=probe:ukraine', /unknown probe "ukraine" for china \(expected gray-zone, ports, axis/],
    ['all=probe:ukraine', /--bots all \(for china\): unknown probe "ukraine" for china/],
    ['nato=probe:ukraine:2', /not kind\[:level\]/],
    ['all=scripted:9', /--bots all \(for china\): level "9"/],
  ])('%s is refused', (text, message) => {
    expect(() => parseBotSpecs(text)).toThrow(message);
  });

  it.each([
    ['all=expert', { china: 'expert:3', nato: 'expert:3', japan: 'expert:3', korea: 'expert:3' }],
    ['china=random,all=expert:5', { china: 'random', nato: 'expert:5', japan: 'expert:5', korea: 'expert:5' }],
    ['all=random, nato=scripted:2', { china: 'random', nato: 'scripted:2', japan: 'random', korea: 'random' }],
    [
      'nato=probe:indo-pacific,china=probe:gray-zone,japan=probe:fonop,korea=probe:exports',
      { china: 'probe:gray-zone', nato: 'probe:indo-pacific', japan: 'probe:fonop', korea: 'probe:exports' },
    ],
  ])('%s: all= sets every seat not named on its own; probes by policy', (text, labels) => {
    const specs = parseBotSpecs(text);
    expect(Object.fromEntries(Object.entries(specs).map(([s, b]) => [s, formatBotSpec(b)]))).toEqual(labels);
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
    ['probe:axis', { kind: 'probe', level: 3, policy: 'axis' }],
  ])('"%s" means %j', (text, spec) => {
    expect(parseBotSpec(text, 'test')).toEqual(spec);
  });

  it.each<[BotSpec, string, string, string]>([
    [{ kind: 'scripted', level: 5 }, 'scripted:5', '5', 'level 5'],
    [{ kind: 'expert', level: 3 }, 'expert:3', 'expert', 'expert'],
    [{ kind: 'expert', level: 6 }, 'expert:6', 'expert:6', 'expert, level 6'],
    [{ kind: 'random' }, 'random', 'random', 'random'],
    [{ kind: 'probe', level: 3, policy: 'axis' }, 'probe:axis', 'probe:axis', 'policy probe (axis)'],
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

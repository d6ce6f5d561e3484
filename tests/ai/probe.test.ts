import { describe, expect, it } from 'vitest';
import { SEATS, type Seat } from '../../src/content/ids';
import { probeDecision } from '../../src/ai';
import { onTrack, PROBES } from '../../src/content/probes';
import { parseBotSpecs } from '../../src/content/bot-spec';
import { resolveBots } from '../../src/sim/bots';
import { playGame } from '../../src/sim/headless';
import { realRules } from '../../src/sim/real-rules';
import { createDice } from '../../src/random';
import { isWarSafe } from '../../src/ai/flowchart';
import { botContext } from '../../src/ai/scripted';

const probes = SEATS.flatMap((seat) => Object.keys(PROBES[seat]).map((name) => [seat, name] as [Seat, string]));

/** Plays one game with the probe in `seat`, checking each of its decisions against the policy. */
function playProbe(seat: Seat, name: string): { onTrack: number; fallback: number } {
  const probe = PROBES[seat][name]!;
  const counts = { onTrack: 0, fallback: 0 };
  const bots = resolveBots(parseBotSpecs(`${seat}=probe:${name}`)).bots;
  const inner = bots[seat];
  bots[seat] = (view, s, rng) => {
    const c = botContext(view, s, rng);
    const open = c.legal.some((a) => onTrack(probe, a.move, a.args) && isWarSafe(c, a));
    const d = inner(view, s, rng);
    if (view.pending && 'seat' in view.pending && view.pending.seat === s) return d; // reactions are answered as the scripted bot does
    if (open) {
      expect(onTrack(probe, d.action.move, d.action.args)).toBe(true);
      expect(d.why.startsWith(`Probe (${probe.label}): `)).toBe(true);
      counts.onTrack += 1;
    } else {
      expect(d.why.startsWith(`Probe (${probe.label}), nothing on its track: `)).toBe(true);
      counts.fallback += 1;
    }
    return d;
  };
  playGame(realRules, { scenario: 'taiwan-strait-crisis', variant: 4, seed: `probe-${name}`, bots });
  return counts;
}

describe('policy probes', () => {
  it.each(probes)('%s probe:%s makes a move of its track whenever one is legal and war-safe', (seat, name) => {
    const { onTrack, fallback } = playProbe(seat, name);
    expect(onTrack + fallback).toBeGreaterThan(0);
  });

  it.each([
    ['holdNonproliferationConference', [], true],
    ['statement', ['korea'], true],
    ['exercise', ['korea', 'japan'], true],
    ['statement', ['south-china-sea'], false],
    ['exercise', ['taiwan-ecs', 'japan'], false],
    ['exportDefence', [], false],
  ] as const)('all North Korea: %s %j on its track is %s (its theater is Korea)', (move, args, expected) => {
    expect(onTrack(PROBES.korea.north!, move, args)).toBe(expected);
  });

  it('explains its move in the map’s words and refuses a policy its seat does not have', () => {
    const G = realRules.setup({ scenario: 'baseline-2023', variant: 4 }, createDice('probe-0'));
    const d = probeDecision(G, 'china', 'ports', () => 0);
    expect(d.action.move).toBe('investInPort');
    expect(d.why).toMatch(
      /^Probe \(all ports\): Port investment \((North Sea ports|Mediterranean ports|Malaysia–Singapore)\)$/,
    );
    expect(() => probeDecision(G, 'nato', 'ports', () => 0)).toThrow(/NATO has no policy "ports"/);
  });
});

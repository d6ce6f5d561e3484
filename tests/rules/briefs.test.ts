/** The red-team briefs: validated content, one per seat, and read only through the one gate (briefsFor). */
import { describe, expect, it } from 'vitest';
import briefData from '../../src/content/data/briefs.json';
import { BRIEFS, loadBriefs } from '../../src/content/briefs';
import { priorityById } from '../../src/content/priorities';
import { briefsFor } from '../../src/rules/view';
import { newMatch } from './helpers';
import { setupState } from '../../src/rules/setup';
import { scenarioById } from '../../src/content/scenario';
import { createDice } from '../../src/random';

describe('brief content', () => {
  it("has one brief per seat; China's gives Beijing's own fears and costs", () => {
    expect(Object.keys(BRIEFS).sort()).toEqual(['china', 'japan', 'korea', 'nato']);
    const china = BRIEFS.china;
    expect(china.fears.join(' ')).toMatch(/Internationalization/);
    expect(china.fears.join(' ')).toMatch(/no amount of complaining from Beijing will reverse it/);
    expect(china.costs.join(' ')).toMatch(/lambasting again in the same turn only internationalizes/);
  });

  it('refuses a bad brief list, naming the place and the problem', () => {
    const data = briefData as unknown[];
    expect(() => loadBriefs(data.slice(1), 'briefs.json')).toThrow('briefs.json: no brief for china');
    expect(() => loadBriefs([...data, data[0]], 'briefs.json')).toThrow(
      `briefs.json: $[${data.length}]: a second brief for china`,
    );
    const noFears = [{ ...(data[0] as object), fears: [] }, ...data.slice(1)];
    expect(() => loadBriefs(noFears, 'briefs.json')).toThrow(
      /briefs\.json is not a valid brief list:\n {2}\$\[0\.fears\]/,
    );
    const typo = [{ ...(data[0] as object), fear: ['x'] }, ...data.slice(1)];
    expect(() => loadBriefs(typo, 'briefs.json')).toThrow(/\$\[0\]: Unrecognized key: "fear"/);
  });
});

describe('briefsFor: who reads which brief', () => {
  it("gives a seat its own brief with its secret priority, and nobody else's", () => {
    const { G } = newMatch('baseline-2023', 4, 'brief');
    const china = briefsFor(G, '0');
    expect(china.map((b) => b.seat)).toEqual(['china']);
    expect(china[0]!.priority).toEqual(priorityById(G.priority.china));
    expect(china[0]!.perspective).toBe(BRIEFS.china.perspective);
    expect(briefsFor(G, '1').map((b) => b.seat)).toEqual(['nato']);
    expect(briefsFor(G, null)).toEqual([]);
    expect(briefsFor(G, '9')).toEqual([]);
  });

  it('the three-seat Japan–South Korea player reads both; the White Cell and, after the end, everyone read all', () => {
    expect(briefsFor(newMatch('baseline-2023', 3, 'brief-3').G, '2').map((b) => b.seat)).toEqual(['japan', 'korea']);
    const G = setupState(scenarioById('baseline-2023')!, { variant: 4, whiteCell: true }, createDice('brief-w'));
    expect(briefsFor(G, '4').map((b) => b.seat)).toEqual(['china', 'nato', 'japan', 'korea']);
    const over = { ...G, result: { ...(G.result ?? {}), winner: 'nato' } } as typeof G;
    expect(briefsFor(over, '0').map((b) => b.seat)).toEqual(['china', 'nato', 'japan', 'korea']);
  });
});

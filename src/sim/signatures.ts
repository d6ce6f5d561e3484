/**
 * Do the scenarios diverge (v2 mechanism 8)? Each crisis scenario's end-state distribution set beside
 * the baseline's, part by part, with the total variation distance between them: the share of games
 * that would have to end differently for the two distributions to match (0 = the same, 1 = disjoint).
 */
import type { EndStateStats, SweepSummary } from './stats';

/** A crisis scenario "ends with its crisis track in a different place" when its track's distance is at least this. */
export const DIVERGES_AT = 0.25;

/** Total variation distance between two distributions over the same keys: half the summed differences. */
export function distance(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): number {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  let sum = 0;
  for (const k of keys) sum += Math.abs((a[k] ?? 0) - (b[k] ?? 0));
  return sum / 2;
}

/** One part of the end state (a theater, a port, Ukraine's band, a crisis track) as a distribution. */
export interface SignaturePart {
  name: string;
  /** One distribution per scenario, in the order given. */
  shares: Record<string, number>[];
}

/** Every part of the end state, as distributions, for the scenarios given (the baseline first). */
export function signatureParts(stats: readonly EndStateStats[]): SignaturePart[] {
  const first = stats[0];
  if (!first) return [];
  const indexed = (xs: number[]) => Object.fromEntries(xs.map((x, i) => [String(i), x]));
  return [
    ...Object.keys(first.theaters).map((t) => ({
      name: `theater ${t}`,
      shares: stats.map((s) => s.theaters[t as keyof EndStateStats['theaters']]),
    })),
    ...Object.keys(first.ports).map((p) => ({
      name: `port ${p}`,
      shares: stats.map((s) => s.ports[p as keyof EndStateStats['ports']]),
    })),
    { name: 'Ukraine front', shares: stats.map((s) => s.ukraine) },
    { name: 'Taiwan Crisis', shares: stats.map((s) => indexed(s.taiwanCrisis.shares)) },
    { name: 'DPRK Threat', shares: stats.map((s) => indexed(s.dprkThreat.shares)) },
  ];
}

/** The crisis track each crisis scenario must move (mechanism 8), by scenario id. */
export const CRISIS_TRACK: Readonly<Record<string, string>> = {
  'taiwan-strait-crisis': 'Taiwan Crisis',
  'korean-peninsula-crisis': 'DPRK Threat',
};

/** Whether `scenario`'s own crisis track ends in a different place from the baseline's (null: no crisis track). */
export function diverges(parts: readonly SignaturePart[], scenario: string, index: number): boolean | null {
  const track = CRISIS_TRACK[scenario];
  const part = parts.find((p) => p.name === track);
  if (!part || !part.shares[0] || !part.shares[index]) return null;
  return distance(part.shares[0], part.shares[index]) >= DIVERGES_AT;
}

/** The Markdown table of docs/BALANCE.md §3 (the baseline's sweep first), then each crisis's verdict. */
export function signatureTable(sweeps: readonly SweepSummary[]): string {
  const parts = signatureParts(sweeps.map((s) => s.endStates));
  const cell = (shares: Record<string, number>) =>
    Object.entries(shares)
      .filter(([, x]) => x >= 0.005)
      .map(([k, x]) => `${k} ${Math.round(x * 100)}`)
      .join(' · ');
  const names = sweeps.map((s) => `${s.scenario} (${s.games})`);
  const crises = sweeps.slice(1).map((s) => s.scenario);
  const lines = [
    `| part | ${names.join(' | ')} | ${crises.map((c) => `distance: ${c}`).join(' | ')} |`,
    `| --- | ${names.map(() => '---').join(' | ')} | ${crises.map(() => '---').join(' | ')} |`,
  ];
  for (const p of parts) {
    const d = p.shares.slice(1).map((s) => distance(p.shares[0]!, s).toFixed(2));
    lines.push(`| ${p.name} | ${p.shares.map(cell).join(' | ')} | ${d.join(' | ')} |`);
  }
  for (const [i, scenario] of crises.entries()) {
    const v = diverges(parts, scenario, i + 1);
    lines.push(
      '',
      `${scenario}: ${v === null ? 'no crisis track of its own' : v ? 'its crisis track diverges from the baseline' : 'its crisis track does NOT diverge from the baseline'}`,
    );
  }
  return lines.join('\n');
}

/**
 * Scenario signatures side by side (docs/BALANCE.md, v2 mechanism 8): reads the `summary.json` of
 * `npm run sim -- --scenario ID … --out DIR` for the baseline first, then each crisis, and prints a
 * Markdown table — each part of the end state per scenario, and its distance from the baseline.
 *
 *   npx tsx bench/signatures.ts BASELINE_DIR CRISIS_DIR [CRISIS_DIR …]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scriptFlags, UsageError } from '../src/cli/args';
import { distance, diverges, signatureParts } from '../src/sim/signatures';
import type { SweepSummary } from '../src/sim/stats';

const USAGE = `usage: npx tsx bench/signatures.ts BASELINE_DIR CRISIS_DIR [CRISIS_DIR …]
  scenario end-state signatures side by side from the sweeps written by npm run sim -- --scenario ID … --out DIR`;
const dirs = scriptFlags(
  'bench/signatures.ts',
  USAGE,
  {},
  (_v, positionals) => {
    if (positionals.length < 2) throw new UsageError('give the baseline sweep directory, then one or more crisis ones');
    return positionals;
  },
  true,
);
const sweeps = dirs.map((d) => JSON.parse(readFileSync(join(d, 'summary.json'), 'utf8')) as SweepSummary);
const parts = signatureParts(sweeps.map((s) => s.endStates));
const pct = (x: number) => `${Math.round(x * 100)}`;
const cell = (shares: Record<string, number>) =>
  Object.entries(shares)
    .filter(([, x]) => x >= 0.005)
    .map(([k, x]) => `${k} ${pct(x)}`)
    .join(' · ');

const names = sweeps.map((s) => `${s.scenario} (${s.games})`);
console.log(
  `| part | ${names.join(' | ')} | ${names
    .slice(1)
    .map((n) => `distance: ${n.split(' ')[0]}`)
    .join(' | ')} |`,
);
console.log(
  `| --- | ${names.map(() => '---').join(' | ')} | ${names
    .slice(1)
    .map(() => '---')
    .join(' | ')} |`,
);
for (const p of parts) {
  const d = p.shares.slice(1).map((s) => distance(p.shares[0]!, s).toFixed(2));
  console.log(`| ${p.name} | ${p.shares.map(cell).join(' | ')} | ${d.join(' | ')} |`);
}
for (let i = 1; i < sweeps.length; i++) {
  const v = diverges(parts, sweeps[i]!.scenario, i);
  console.log(
    `\n${sweeps[i]!.scenario}: ${v === null ? 'no crisis track of its own' : v ? 'its crisis track diverges from the baseline' : 'its crisis track does NOT diverge from the baseline'}`,
  );
}

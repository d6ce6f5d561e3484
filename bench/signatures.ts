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
import { signatureTable } from '../src/sim/signatures';
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
console.log(signatureTable(sweeps));

/**
 * Is every move alive (issue 11)? Reads the `summary.json` of sweeps (`npm run sim -- … --out DIR`) and
 * prints, for each move of the catalogue, the largest share of one seat's own action points it took in
 * any of them, and where; a move under 1% everywhere is dead.
 *
 *   npx tsx bench/alive.ts DIR [DIR …]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scriptFlags, UsageError } from '../src/cli/args';
import { aliveMoves, aliveTable } from '../src/sim/alive';
import type { SweepSummary } from '../src/sim/stats';

const USAGE = `usage: npx tsx bench/alive.ts DIR [DIR …]
  every move's largest share of one seat's AP over the sweeps written by npm run sim -- … --out DIR`;
const dirs = scriptFlags(
  'bench/alive.ts',
  USAGE,
  {},
  (_v, positionals) => {
    if (positionals.length === 0) throw new UsageError('give one or more sweep directories');
    return positionals;
  },
  true,
);
const sweeps = dirs.map((d) => JSON.parse(readFileSync(join(d, 'summary.json'), 'utf8')) as SweepSummary);
console.log(aliveTable(aliveMoves(sweeps)));

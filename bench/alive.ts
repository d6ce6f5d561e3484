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
import { MOVES, SEATS } from '../src/content/ids';
import { MOVE_CATALOGUE } from '../src/content/moves';
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
const ALIVE_AT = 0.01;
const sweeps = dirs.map((d) => JSON.parse(readFileSync(join(d, 'summary.json'), 'utf8')) as SweepSummary);
const rows = MOVES.filter((m) => MOVE_CATALOGUE[m].cost > 0).map((m) => {
  let best = { share: 0, where: '—' };
  for (const s of sweeps)
    for (const seat of SEATS) {
      const share = s.moveShareBySeat[seat][m] ?? 0;
      if (share > best.share)
        best = { share, where: `${seat}, ${s.scenario}${s.bots[seat] === 'scripted:3' ? '' : ` (${s.bots[seat]})`}` };
    }
  return { m, ...best };
});
console.log('| move | largest share of a seat’s AP | where |\n| --- | --- | --- |');
for (const r of rows.sort((a, b) => a.share - b.share))
  console.log(
    `| ${MOVE_CATALOGUE[r.m].name} | ${(r.share * 100).toFixed(1)}%${r.share < ALIVE_AT ? ' **(under 1%)**' : ''} | ${r.where} |`,
  );
console.log(
  `\n${rows.filter((r) => r.share >= ALIVE_AT).length} of ${rows.length} moves take at least 1% of some seat's AP somewhere.`,
);

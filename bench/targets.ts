/**
 * Issue 11's targets in one command (src/sim/targets.ts): every sweep, probe, level, Expert and
 * all-Expert measurement on seed lab-1, then a Markdown table (target, figure with its 95% interval,
 * met or not, size, the command that reproduces it) and the JSON behind it. Files are rewritten after
 * each part, so a run cut short leaves what it finished. `--help` lists the flags.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listOf, oneOf, positiveInt, scriptFlags } from '../src/cli/args';
import { scenarioIds } from '../src/sim/real-rules';
import { measureTargets, PARTS, SIZES, type Measured, type Sizes } from '../src/sim/targets';
import { targetsMarkdown } from '../src/sim/targets-markdown';
import { targetRows } from '../src/sim/targets-report';

const OVERRIDES = {
  games: 'games',
  'probe-pairs': 'probePairs',
  'random-pairs': 'randomPairs',
  'level-pairs': 'levelPairs',
  'expert-games': 'expertGames',
  'all-expert-games': 'allExpertGames',
} as const satisfies Record<string, keyof Sizes>;

const USAGE = `usage: npm run bench:targets -- [--size quick|full] [--parts ${PARTS.join(',')}] [--scenarios ID,...]
                                [--workers N] [--out DIR] [--json]
                                [--games N] [--probe-pairs N] [--random-pairs N] [--level-pairs N]
                                [--expert-games N] [--all-expert-games N]
  every target of issue 11 and DESIGN.md §8 on seed lab-1, in one run; a Markdown table on stdout
  --size: quick (${Object.values(SIZES.quick).join(' / ')}) or full (${Object.values(SIZES.full).join(' / ')}) for
          games per sweep / probe pairs / random pairs / level pairs / Expert games per seat / all-Expert games
  --games etc.: override one size; --parts: only these measurements (default all, in the order above)
  --out: write README.md (the table), targets.json and each kept sweep's summary.json under DIR/sweeps/ (for
         bench/alive.ts and bench/signatures.ts), rewritten after each part
  --json: the rows as one JSON object on stdout instead of the Markdown
  defaults: --size quick, the three scenarios, every part, --workers every core`;

const flags = scriptFlags(
  'bench:targets',
  USAGE,
  {
    size: { type: 'string', default: 'quick' },
    parts: { type: 'string', default: PARTS.join(',') },
    scenarios: { type: 'string', default: 'baseline-2023,taiwan-strait-crisis,korean-peninsula-crisis' },
    workers: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean', default: false },
    ...(Object.fromEntries(Object.keys(OVERRIDES).map((k) => [k, { type: 'string' }])) as Record<
      keyof typeof OVERRIDES,
      { type: 'string' }
    >),
  },
  (v) => {
    const sizes: Sizes = { ...SIZES[oneOf('--size', v.size, Object.keys(SIZES) as (keyof typeof SIZES)[])] };
    for (const [flag, key] of Object.entries(OVERRIDES)) {
      const text = v[flag as keyof typeof OVERRIDES];
      if (text !== undefined) sizes[key] = positiveInt(`--${flag}`, text);
    }
    return {
      sizes,
      parts: listOf('--parts', v.parts, PARTS),
      scenarios: listOf('--scenarios', v.scenarios, scenarioIds()),
      workers: v.workers === undefined ? undefined : positiveInt('--workers', v.workers),
      out: v.out,
      json: v.json,
    };
  },
);

const write = (m: Measured) => {
  if (!flags.out) return;
  mkdirSync(join(flags.out, 'sweeps'), { recursive: true });
  for (const [name, summary] of Object.entries(m.sweeps)) {
    mkdirSync(join(flags.out, 'sweeps', name), { recursive: true });
    writeFileSync(join(flags.out, 'sweeps', name, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  }
  const { sweeps: _sweeps, ...cells } = m;
  writeFileSync(join(flags.out, 'targets.json'), `${JSON.stringify({ rows: targetRows(m), ...cells }, null, 2)}\n`);
  writeFileSync(join(flags.out, 'README.md'), targetsMarkdown(m));
};

let started = performance.now();
const measured = await measureTargets({
  sizes: flags.sizes,
  scenarios: flags.scenarios,
  parts: flags.parts,
  workers: flags.workers,
  onPart: (m, part, scenario) => {
    write(m);
    process.stderr.write(
      `bench:targets: ${part}, ${scenario} done in ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
    );
    started = performance.now();
  },
});
process.stdout.write(
  flags.json ? `${JSON.stringify({ rows: targetRows(measured), sizes: measured.sizes })}\n` : targetsMarkdown(measured),
);

/**
 * The seed-sweep lab: `npm run sim -- --scenario baseline-2023 --games 10000 --seed lab-1
 *   [--variant 4] [--bots nato=scripted:3,china=expert] [--workers N] [--out DIR] [--save-games] [--json]`;
 * `--bots all=expert` puts the Expert in every seat, `--bots nato=probe:ukraine` a policy probe.
 * Bad flags, an unknown scenario or seat, or a bad bot spec: a message on stderr and exit code 2.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import cliProgress from 'cli-progress';
import { SEATS, VARIANTS, type Seat, type Variant } from '../content/ids';
import { BotSpecError, parseBotSpecs, type BotSpec } from '../content/bot-spec';
import { resolveBots } from '../sim/bots';
import { peacefulEndings } from '../report/format/ending';
import { gamesCsv } from '../report/sweep/csv';
import { scenarioIds } from '../sim/real-rules';
import { renderSweepHtml } from '../report/sweep/html';
import { branchComparison, BranchError, loadBranch, type BranchArgs } from '../sim/branch';
import { scoringSeats, type SweepSummary } from '../sim/stats';
import { QueueError } from '../sim/queue';
import { formatSensitivity, renderSensitivityHtml, sensitivityCsv } from '../report/sweep/sensitivity';
import { defaultWorkers, runSweep } from '../sim/sweep';
import { cells, parseVary, VARY_USAGE, VaryError, type VaryParam } from '../sim/vary';
import { runVarySweep } from '../sim/vary-sweep';
import { parseCommandLine, positiveInt, redisUrl, UsageError, withUsage } from './args';
import { runAsScript } from './run-as-script';

export { UsageError };

export const SIM_USAGE = `usage: npm run sim -- --scenario ID --games N --seed TEXT [--variant 2|3|4] [--bots seat=kind[:level],...]
                      [--workers N] [--out DIR] [--save-games] [--json] [--queue redis://HOST:PORT]
       npm run sim -- --from GAME.json --turn N --games N [--seed TEXT] [--bots ...] [--workers N] [--out DIR] [--json]
  (branch and compare: play the saved game's position at the start of turn N forward with bots)
       npm run sim -- --scenario ID --games N --seed TEXT --vary PARAM=V1,V2 [--vary ...] [--grid] [--out DIR] [--json]
  (assumption sweep: every value on the same seeds; also with --from GAME.json --turn N)
  kinds: random | scripted[:1-6] | expert[:1-6] | probe:POLICY (one-track policy, src/content/probes.ts);
  seats: china, nato, japan, korea, or all (every seat not named), e.g. --bots all=expert,nato=probe:ukraine
  ${VARY_USAGE}
  --queue: play the games on \`npm run sim:worker -- --queue URL\` processes (any machine) through Redis
  --json: the summary (or the sensitivity table) as one JSON object on stdout instead of the text table`;

export interface SimArgs {
  scenario: string;
  games: number;
  seed: string;
  variant: Variant;
  bots: Record<Seat, BotSpec>;
  workers: number;
  out: string | undefined;
  saveGames: boolean;
  json: boolean;
  /** --queue: a Redis URL; the games are played by sim:worker processes (src/sim/queue.ts). */
  queue: string | undefined;
  /** --vary: an assumption sweep (src/sim/vary.ts); --grid plays every combination. */
  vary: VaryParam[] | undefined;
  grid: boolean;
  /** --from/--turn: a branch sweep (src/sim/branch.ts). */
  branch?: BranchArgs;
}

/** Parses and checks the command line; every problem is a UsageError (exit 2). */
export function parseSimArgs(argv: string[]): SimArgs {
  const { values } = parseCommandLine(argv, {
    scenario: { type: 'string' },
    games: { type: 'string' },
    seed: { type: 'string' },
    variant: { type: 'string' },
    bots: { type: 'string' },
    workers: { type: 'string' },
    out: { type: 'string' },
    'save-games': { type: 'boolean' },
    json: { type: 'boolean' },
    from: { type: 'string' },
    turn: { type: 'string' },
    queue: { type: 'string' },
    vary: { type: 'string', multiple: true },
    grid: { type: 'boolean' },
  });
  let branch: BranchArgs | undefined;
  if (values.from !== undefined) {
    for (const flag of ['scenario', 'variant', 'save-games'] as const)
      if (values[flag] !== undefined)
        throw new UsageError(`--${flag} cannot be used with --from (the saved game sets it)`);
    try {
      branch = loadBranch(values.from, values.turn);
    } catch (err) {
      if (err instanceof BranchError) throw new UsageError(err.message);
      throw err;
    }
    values.scenario = branch.from.save.scenario;
    values.variant = String(branch.from.save.variant);
    values.seed ??= branch.seed;
  } else if (values.turn !== undefined) throw new UsageError('--turn needs --from GAME.json');
  for (const flag of ['scenario', 'games', 'seed'] as const) {
    if (values[flag] === undefined || values[flag] === '') throw new UsageError(`--${flag} is required`);
  }
  const scenario = values.scenario as string;
  const known = scenarioIds();
  if (!known.includes(scenario)) throw new UsageError(`unknown scenario "${scenario}" (known: ${known.join(', ')})`);
  const variant = values.variant === undefined ? 4 : Number(values.variant);
  if (!(VARIANTS as readonly number[]).includes(variant) || !/^[234]$/.test(values.variant ?? '4')) {
    throw new UsageError(`--variant must be 2, 3 or 4, got "${values.variant}"`);
  }
  let bots: Record<Seat, BotSpec>;
  try {
    bots = parseBotSpecs(values.bots);
    resolveBots(bots); // a kind with no bot behind it is a bad spec too
  } catch (err) {
    if (err instanceof BotSpecError) throw new UsageError(err.message);
    throw err;
  }
  if (values['save-games'] && values.out === undefined) throw new UsageError('--save-games needs --out DIR');
  let vary: VaryParam[] | undefined;
  if (values.vary !== undefined) {
    if (values.queue !== undefined) throw new UsageError('--vary cannot be used with --queue yet (run it locally)');
    if (values['save-games']) throw new UsageError('--save-games cannot be used with --vary');
    try {
      vary = values.vary.map(parseVary);
      cells(vary, values.grid ?? false); // a parameter named twice
    } catch (err) {
      if (err instanceof VaryError) throw new UsageError(err.message);
      throw err;
    }
  } else if (values.grid) throw new UsageError('--grid needs at least one --vary');
  if (values.queue !== undefined) {
    if (values['save-games'])
      throw new UsageError('--save-games cannot be used with --queue (remote workers play the games)');
    if (values.workers !== undefined)
      throw new UsageError('--workers cannot be used with --queue (start more `npm run sim:worker` processes instead)');
    redisUrl('--queue', values.queue);
  }
  return {
    scenario,
    games: positiveInt('--games', values.games as string),
    seed: values.seed as string,
    variant: variant as Variant,
    bots,
    workers: values.workers === undefined ? defaultWorkers() : positiveInt('--workers', values.workers),
    out: values.out,
    saveGames: values['save-games'] ?? false,
    json: values.json ?? false,
    queue: values.queue,
    vary,
    grid: values.grid ?? false,
    ...(branch ? { branch } : {}),
  };
}

/** The human-readable summary table. */
export function formatSummary(s: SweepSummary): string {
  const p = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
  const lines = [
    `${s.scenario} · ${s.variant} seats · ${s.games} games · seed ${s.seed}`,
    `bots: ${Object.entries(s.bots)
      .map(([seat, b]) => `${seat}=${b}`)
      .join(', ')}`,
    '',
    'seat     wins  win rate  95% CI            mean margin',
  ];
  for (const seat of scoringSeats(s.variant)) {
    const st = s.seats[seat]!;
    const label = s.variant === 2 && seat === 'nato' ? 'west' : seat;
    lines.push(
      `${label.padEnd(7)} ${String(st.wins).padStart(5)}  ${p(st.winRate)}    [${p(st.ci95[0])}, ${p(st.ci95[1])}]  ${st.meanMargin >= 0 ? '+' : ''}${st.meanMargin.toFixed(2)}`,
    );
  }
  lines.push(
    '',
    `draws ${s.draws} · war ${p(s.warRate).trim()} [${p(s.warCi95[0]).trim()}, ${p(s.warCi95[1]).trim()}] · ${peacefulEndings(s.endings)}`,
    `mean length ${s.meanTurns.toFixed(2)} turns, ${s.meanActions.toFixed(1)} actions`,
    '',
    'AP share per move:',
  );
  for (const [move, share] of Object.entries(s.moveShare))
    lines.push(`  ${move.padEnd(32)} ${p(share ?? 0)}${(share ?? 0) > 0.4 ? '  (above 40%)' : ''}`);
  lines.push('', ...formatMeasures(s));
  return lines.join('\n');
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The sweep lab's measures (docs/BALANCE.md "How to measure"): per-seat AP, tension, wars, specials, end states. */
export function formatMeasures(s: SweepSummary): string[] {
  const lines = ['AP share per seat (of its own AP):'];
  for (const seat of SEATS) {
    const moves = Object.entries(s.moveShareBySeat[seat]).map(([m, x]) => `${m} ${pct(x ?? 0)}`);
    lines.push(`  ${seat.padEnd(6)} ${moves.length ? moves.join(', ') : '(no AP spent)'}`);
  }
  lines.push('', 'tension added by each seat’s moves (mean per game · games adding any · mean per turn):');
  for (const seat of SEATS) {
    const t = s.tension[seat];
    lines.push(
      `  ${seat.padEnd(6)} ${t.meanPerGame.toFixed(2).padStart(5)} · ${pct(t.gamesAdding).padStart(6)} · ${t.byTurn.map((x) => x.toFixed(2)).join(' ')}`,
    );
  }
  const w = s.wars;
  const list = (o: Record<string, number | undefined>) =>
    Object.entries(o)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  lines.push(
    '',
    w.count
      ? `wars ${w.count}: with a culprit ${w.withCulprit} (${pct(w.withCulprit / w.count)}), pushed by a seat's own action ${w.ownAction} (${pct(w.ownAction / w.count)}) — culprits: ${list(w.byCulprit)}; causes: ${list(w.byCause)}`
      : 'wars 0',
    '',
    'special rules and v2 mechanisms (games where it fired · per game):',
  );
  const fired = Object.entries(s.fired);
  if (fired.length === 0) lines.push('  (none in force)');
  for (const [id, f] of fired)
    lines.push(
      `  ${id.padEnd(40)} ${pct(f.share).padStart(6)} [${pct(f.ci95[0])}, ${pct(f.ci95[1])}] · ${f.meanPerGame.toFixed(2)}`,
    );
  const e = s.endStates;
  const holders = (o: Record<string, number>) =>
    `West ${pct(o.west ?? 0)}, China ${pct(o.china ?? 0)}, even ${pct(o.even ?? 0)}`;
  lines.push('', 'end states (share of games):');
  for (const [t, o] of Object.entries(e.theaters)) lines.push(`  theater ${t.padEnd(16)} ${holders(o)}`);
  for (const [port, o] of Object.entries(e.ports)) lines.push(`  port ${port.padEnd(19)} ${holders(o)}`);
  lines.push(
    `  Ukraine front          ${Object.entries(e.ukraine)
      .map(([b, x]) => `${b} ${pct(x)}`)
      .join(', ')}`,
    `  Taiwan Crisis          mean ${e.taiwanCrisis.mean.toFixed(2)} (${e.taiwanCrisis.shares.map(pct).join(' ')} at 0–${e.taiwanCrisis.shares.length - 1})`,
    `  DPRK Threat            mean ${e.dprkThreat.mean.toFixed(2)} (${e.dprkThreat.shares.map(pct).join(' ')} at 0–${e.dprkThreat.shares.length - 1})`,
    `  ${e.distinct} different end states; the most frequent:`,
    ...e.top.map((t) => `    ${pct(t.share).padStart(6)}  ${t.signature}`),
  );
  return lines;
}

/** Progress on stderr: a bar with rate and ETA on a terminal, a plain line every ~10% otherwise. */
function progressReporter(total: number): { update: (done: number) => void; stop: () => void } {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream: process.stderr,
        format: 'games {bar} {value}/{total} | {rate} games/s | ETA {eta_formatted}',
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    const start = performance.now();
    bar.start(total, 0, { rate: '0' });
    return {
      update: (done) => bar.update(done, { rate: (done / ((performance.now() - start) / 1000)).toFixed(0) }),
      stop: () => bar.stop(),
    };
  }
  const start = performance.now();
  let next = 0;
  return {
    update: (done) => {
      if (done < next && done < total) return;
      next = done + Math.max(1, Math.ceil(total / 10));
      const secs = (performance.now() - start) / 1000;
      const rate = done / Math.max(secs, 1e-3);
      process.stderr.write(
        `sim: ${done}/${total} games, ${rate.toFixed(0)} games/s, ETA ${Math.round((total - done) / Math.max(rate, 1e-9))}s\n`,
      );
    },
    stop: () => {},
  };
}

export function main(argv: string[]): Promise<number> {
  return withUsage('sim', SIM_USAGE, argv, (a) => sweep(parseSimArgs(a)));
}

async function sweep(args: SimArgs): Promise<number> {
  const out = args.out === undefined ? undefined : resolve(args.out);
  if (args.vary) return varyMain(args, args.vary, out);
  if (args.queue)
    process.stderr.write(
      `sim: ${args.games} games go on the queue at ${args.queue}; they are played by \`npm run sim:worker -- --queue ${args.queue}\` processes\n`,
    );
  const progress = progressReporter(args.games);
  let result;
  try {
    result = await runSweep({
      scenario: args.scenario,
      variant: args.variant,
      seed: args.seed,
      games: args.games,
      bots: args.bots,
      workers: args.workers,
      saveDir: out && args.saveGames ? join(out, 'games') : undefined,
      ...(args.branch ? { from: args.branch.from } : {}),
      ...(args.queue ? { queue: { url: args.queue, sweep: randomUUID() } } : {}),
      onProgress: (done) => progress.update(done),
    });
  } catch (err) {
    progress.stop();
    const what = err instanceof QueueError ? '' : 'a game failed: ';
    process.stderr.write(`sim: ${what}${(err as Error).message}\n`);
    return 1;
  }
  progress.stop();
  const { summary, records } = result;
  if (out) {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    writeFileSync(join(out, 'games.csv'), gamesCsv(records));
    writeFileSync(join(out, 'report.html'), renderSweepHtml(summary, records));
  }
  const branch = args.branch ? branchComparison(summary, records, args.branch) : undefined;
  if (out && branch) writeFileSync(join(out, 'branch.json'), `${JSON.stringify(branch.json, null, 2)}\n`);
  process.stdout.write(
    args.json
      ? `${JSON.stringify(branch ? { ...summary, branch: branch.json } : summary)}\n`
      : `${formatSummary(summary)}\n${branch ? `${branch.text}\n` : ''}`,
  );
  if (out && !args.json)
    process.stderr.write(
      `sim: wrote ${join(out, 'summary.json')}, games.csv, report.html${args.saveGames ? ', games/' : ''}\n`,
    );
  return 0;
}

/** The assumption sweep: every cell on the same seeds, then the sensitivity report. */
async function varyMain(args: SimArgs, params: VaryParam[], out: string | undefined): Promise<number> {
  const total = cells(params, args.grid).length * args.games;
  const progress = progressReporter(total);
  let result;
  try {
    result = await runVarySweep({
      scenario: args.scenario,
      variant: args.variant,
      seed: args.seed,
      games: args.games,
      bots: args.bots,
      params,
      grid: args.grid,
      workers: args.workers,
      ...(args.branch ? { from: args.branch.from } : {}),
      onProgress: (done) => progress.update(done),
    });
  } catch (err) {
    progress.stop();
    if (err instanceof VaryError) {
      process.stderr.write(`sim: ${err.message}\n${SIM_USAGE}\n`);
      return 2;
    }
    process.stderr.write(`sim: a game failed: ${(err as Error).message}\n`);
    return 1;
  }
  progress.stop();
  const { sensitivity } = result;
  if (out) {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'sensitivity.json'), `${JSON.stringify(sensitivity, null, 2)}\n`);
    writeFileSync(join(out, 'sensitivity.csv'), sensitivityCsv(sensitivity));
    writeFileSync(join(out, 'sensitivity.html'), renderSensitivityHtml(sensitivity));
  }
  process.stdout.write(args.json ? `${JSON.stringify(sensitivity)}\n` : `${formatSensitivity(sensitivity)}\n`);
  if (out && !args.json)
    process.stderr.write(`sim: wrote ${join(out, 'sensitivity.json')}, sensitivity.csv, sensitivity.html\n`);
  return 0;
}

runAsScript(import.meta.url, 'sim', main);

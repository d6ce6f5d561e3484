/**
 * `npm run report -- GAME.json [--out DIR] [--no-advice] [--sweep SENSITIVITY.json] [--json]`: the after-action
 * report of a saved game — report.html (standalone, charts inline), report.md, report.json and
 * actions.csv in DIR (default `./report-<name>/`); `--sweep` attaches an assumption sweep's
 * sensitivity.json as evidence for the game's study question. Exit 1 on a missing, unreadable or malformed file or one that does not replay;
 * exit 2 on bad flags.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import {
  buildReport,
  renderReportHtml,
  sweepEvidenceSchema,
  type SweepEvidence,
  renderReportMarkdown,
  reportJson,
  actionsCsv,
} from '../report/game/index';
import { ReplayError, replaySaved } from '../rules';
import { createDice } from '../random';
import { scenarioIds } from '../sim/real-rules';
import { hashState, SaveFileError, parseSaveFile } from '../content/save-file';
import { oneFile, parseCommandLine, UsageError, withUsage } from './args';
import { runAsScript } from './run-as-script';

const USAGE = `usage: npm run report -- GAME.json [--out DIR] [--no-advice] [--sweep SENSITIVITY.json] [--json]
  the after-action report of a saved game: report.html, report.md, report.json and actions.csv in DIR
  (default ./report-<name>/); --no-advice leaves out the lessons; --sweep attaches an assumption sweep's
  sensitivity.json for the study question; --json prints what was written as
  { "out", "files", "actions", "whiteCellActs" } on stdout`;

/** An assumption sweep's sensitivity.json, or a message naming the file and what is wrong with it. */
function readSweep(file: string): SweepEvidence | string {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? `${file}: no such file`
      : `${file}: ${code ?? `not valid JSON (${(err as Error).message})`}`;
  }
  const parsed = sweepEvidenceSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  return `${file}: not an assumption sweep's sensitivity.json (${issue.path.join('.') || '(root)'}: ${issue.message})`;
}

/** `./report-<name>/` for `games/00001-seed.json`. */
export function defaultOutDir(file: string): string {
  return `report-${
    basename(file)
      .replace(/\.json$/i, '')
      .replace(/[^A-Za-z0-9._-]+/g, '_') || 'game'
  }`;
}

export function main(
  argv: string[],
  log: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Promise<number> {
  return withUsage(
    'report',
    USAGE,
    argv,
    (a) => {
      const { values, positionals } = parseCommandLine(
        a,
        {
          out: { type: 'string' },
          'no-advice': { type: 'boolean' },
          sweep: { type: 'string' },
          json: { type: 'boolean' },
        },
        true,
      );
      const file = oneFile(positionals, 'GAME.json');
      if (values.out === '') throw new UsageError('--out needs a directory');
      return writeReport(file, {
        out: resolve(values.out ?? defaultOutDir(file)),
        advice: !values['no-advice'],
        sweepFile: values.sweep,
        json: values.json ?? false,
        log,
      });
    },
    log,
  );
}

interface ReportRun {
  out: string;
  advice: boolean;
  sweepFile: string | undefined;
  json: boolean;
  log: (line: string) => void;
}

function writeReport(file: string, { out, advice, sweepFile, json, log }: ReportRun): number {
  const fail = (message: string) => {
    log(`report: ${message}`);
    return 1;
  };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return fail(code === 'ENOENT' ? `${file}: no such file` : `cannot read ${file}: ${code ?? (err as Error).message}`);
  }
  try {
    const save = parseSaveFile(text, file);
    const known = scenarioIds();
    if (!known.includes(save.scenario))
      return fail(`${file}: unknown scenario "${save.scenario}" (known: ${known.join(', ')})`);
    if (save.finalHash !== undefined) {
      // The report is only as good as the replay: check it reaches the recorded final state first.
      const { G } = replaySaved(save, createDice(save.seed));
      const hash = hashState(G);
      if (hash !== save.finalHash)
        return fail(
          `${file}: the replay ends in state ${hash}, not the recorded finalHash ${save.finalHash} — the file does not match these rules`,
        );
    }
    const sweep = sweepFile === undefined ? undefined : readSweep(sweepFile);
    if (typeof sweep === 'string') return fail(sweep);
    if (sweep && !save.study) log(`report: ${file} has no study question; the sweep is not shown`);
    const report = buildReport(save, createDice(save.seed), { advice, ...(sweep ? { sweep } : {}) });
    const files = {
      'report.html': renderReportHtml(report),
      'report.md': renderReportMarkdown(report),
      'report.json': reportJson(report),
      'actions.csv': actionsCsv(report),
    };
    mkdirSync(out, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(out, name), text);
    if (json)
      process.stdout.write(
        `${JSON.stringify({ out, files: Object.keys(files), actions: report.actions.length, whiteCellActs: report.whiteCell.length })}\n`,
      );
    else
      log(
        `report: wrote ${join(out, 'report.html')}, report.md, report.json, actions.csv (${report.actions.length} actions, ${report.whiteCell.length} White Cell acts)`,
      );
    return 0;
  } catch (err) {
    if (err instanceof SaveFileError) return fail(err.message);
    if (err instanceof ReplayError) return fail(`${file}: ${err.message}`);
    throw err;
  }
}

runAsScript(import.meta.url, 'report', main);

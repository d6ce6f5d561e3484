/**
 * The after-action report of a saved game (issue 6): build it once, export it as HTML (standalone,
 * charts inline), Markdown, JSON and CSV. Pure TypeScript: the CLI and the browser both use it; the
 * caller supplies the dice (the save's seeded stream).
 */
import type { Dice } from '../../rules';
import { buildReport, type BuildOptions } from './build';
import type { Report } from './report';
import { actionsCsv } from './csv';
import { createDice } from '../../random';
import { renderReportHtml } from './html';
import { renderReportMarkdown } from './markdown';
import type { SaveFile } from '../../content/save-file';

export { buildReport, ADVICE_LEVEL, type BuildOptions } from './build';
export {
  REPORT_FORMAT,
  type HotwashPrompt,
  type Report,
  type ReportAction,
  type ReportEvent,
  type ReportTurn,
  type StudyAnswer,
  type Swing,
  type WhiteAct,
} from './report';
export { roleName } from './roles';
export { actionsCsv, ACTIONS_CSV_HEADER } from './csv';
export { citeAfter, proposeHotwash } from './hotwash';
export { sweepEvidenceSchema, type SweepEvidence } from './study';
export { renderReportHtml } from './html';
export { renderReportMarkdown } from './markdown';

export interface ReportFiles {
  'report.html': string;
  'report.md': string;
  'report.json': string;
  'actions.csv': string;
}

/** The report as JSON text (stable key order, two-space indent, trailing newline). */
export function reportJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Every export of the report of `save`, by file name (dice: the save's own stream unless given). */
export function reportFiles(save: SaveFile, options?: BuildOptions, dice: Dice = createDice(save.seed)): ReportFiles {
  const report = buildReport(save, dice, options);
  return {
    'report.html': renderReportHtml(report),
    'report.md': renderReportMarkdown(report),
    'report.json': reportJson(report),
    'actions.csv': actionsCsv(report),
  };
}

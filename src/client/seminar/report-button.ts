/**
 * "After-action report" at the end of a game: builds the report of the saved game in the page (the
 * same code as `npm run report`) and downloads it as one standalone HTML file (or Markdown, JSON, CSV).
 */
import type { SaveFile } from '../../content/save-file';
import { reportFiles, type ReportFiles } from '../../report/game/index';
import { download, h } from '../dom';

const TYPES: Record<keyof ReportFiles, string> = {
  'report.html': 'text/html',
  'report.md': 'text/markdown',
  'report.json': 'application/json',
  'actions.csv': 'text/csv',
};

/** Build and download one export of the report of `save`; the file name carries the game's seed. */
export function downloadReport(save: SaveFile, file: keyof ReportFiles = 'report.html'): void {
  const files = reportFiles(save);
  const stem = `report-${save.scenario}-${save.seed}`.replace(/[^A-Za-z0-9._-]+/g, '_');
  download(`${stem}-${file}`, files[file], TYPES[file]);
}

/** The end-of-game button; `save` is read when clicked (the game may still change before). */
export function reportButton(save: () => SaveFile): HTMLButtonElement {
  const btn = h('button', {
    text: 'After-action report',
    attrs: {
      type: 'button',
      id: 'report-download',
      title: 'Download the debrief: timeline, charts, White Cell acts, hidden moves',
    },
  });
  btn.addEventListener('click', () => {
    btn.disabled = true;
    try {
      downloadReport(save());
      btn.removeAttribute('aria-invalid');
    } catch (err) {
      // E.g. an online match whose saved game has not arrived yet: say so on the button, try again later.
      btn.setAttribute('aria-invalid', 'true');
      btn.title = `Could not build the report: ${(err as Error).message}`;
    } finally {
      btn.disabled = false;
    }
  });
  return btn;
}

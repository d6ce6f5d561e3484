/** The after-action report's HTML opens in headless Chromium, standalone, with its SVG charts drawn. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/report';
import { fullSeminarGame } from '../report/seminar-game';
import { launch } from './browser';

describe('report.html in Chromium', () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'eat-report-e2e-'));
    // A seminar game played now, under the current rules (the pinned fixture is for the golden test).
    writeFileSync(join(dir, 'game.json'), JSON.stringify(fullSeminarGame()));
    const problems: string[] = [];
    expect(await main([join(dir, 'game.json'), '--out', dir], (l) => problems.push(l)), problems.join('\n')).toBe(0);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens offline and draws every chart', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, offline: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) problems.push(`network: ${r.url()}`);
    });
    await page.goto(pathToFileURL(join(dir, 'report.html')).href);
    await expect(page.title()).resolves.toMatch(/After-action report/);
    const charts = await page.$$eval('figure.chart svg', (svgs) =>
      svgs.map((svg) => {
        const paths = [...svg.querySelectorAll('path')];
        const box = svg.getBoundingClientRect();
        return {
          paths: paths.length,
          drawn: paths.filter((p) => (p.getAttribute('d') ?? '').length > 3 && p.getTotalLength() > 0).length,
          width: box.width,
          height: box.height,
        };
      }),
    );
    // One margin chart and one chart per track.
    expect(charts.length).toBe(11);
    for (const c of charts) {
      expect(c.paths).toBeGreaterThan(0);
      expect(c.drawn).toBe(c.paths);
      expect(c.width).toBeGreaterThan(100);
      expect(c.height).toBeGreaterThan(50);
    }
    // The margin chart has a line per seat.
    expect(charts[0]!.paths).toBe(4);
    const text = await page.textContent('body');
    expect(text).toContain('White Cell interventions');
    expect(text).toContain('the room judged the Vilnius summit a failure');
    expect(text).toContain('Material aid');
    // Printable: the print stylesheet lays it out without errors.
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('is one self-contained file: no scripts, no external links', () => {
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
  });
});

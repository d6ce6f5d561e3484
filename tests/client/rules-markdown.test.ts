/** The rules reference renders docs/RULES.md properly: emphasis, tables, an index, and no dead link. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderRules, ruleId } from '../../src/client/rules-markdown';

const { html, index } = renderRules(readFileSync('docs/RULES.md', 'utf8'));
const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));

describe('rules reference', () => {
  it('indexes every numbered section and its subsections', () => {
    const sections = readFileSync('docs/RULES.md', 'utf8').match(/^## \d+\. .+$/gm)!;
    expect(index.filter((e) => e.depth === 2).map((e) => e.text)).toEqual(sections.map((s) => s.slice(3)));
    expect(index.some((e) => e.depth === 3)).toBe(true);
    for (const e of index) expect(ids.has(e.id)).toBe(true);
  });
  it('leaves no raw Markdown: underscores, asterisks and pipes become emphasis and tables', () => {
    const text = html.replace(/<[^>]+>/g, '');
    expect(text).not.toMatch(/(^|\s)_[A-Za-z]/);
    expect(text).not.toMatch(/\*\*/);
    expect(html).toContain('<em>Foreign Policy</em>');
    expect(html).toContain('<table>');
    expect(text).not.toMatch(/^\|/m);
    expect(text, 'the generator’s markers stay comments').not.toContain('generated');
  });
  it('has no dead link: every in-page link has its target, other files are named, not linked', () => {
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      expect(href.startsWith('#')).toBe(true);
      expect(ids.has(href.slice(1))).toBe(true);
    }
    expect(html).toMatch(/<span class="ref" title="docs\/BALANCE.md">BALANCE.md<\/span>/);
  });
  it.each([
    ['8. Victory', 'rules-8-victory'],
    ['Lambaste (China’s reaction)', 'rules-lambaste-china-s-reaction'],
  ])('gives the heading %s the id %s', (text, id) => {
    expect(ruleId(text)).toBe(id);
  });
});

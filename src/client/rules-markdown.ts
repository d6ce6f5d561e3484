/**
 * docs/RULES.md as HTML with the `marked` library (loaded lazily with the rules reference): every
 * heading gets an id and an entry in the index, "§8" becomes a link to section 8, and links to other
 * files of the repository (BALANCE.md, SEMINAR.md) become plain words saying where to read them, so no
 * link in the dialog is dead. The text is the repository's own file, not user input.
 */
import { Marked, type Tokens } from 'marked';

export interface RulesEntry {
  id: string;
  depth: number;
  text: string;
}

/** The id a heading gets: `## 8. Victory` → `rules-8-victory`. */
export function ruleId(text: string): string {
  return `rules-${text
    .toLowerCase()
    .replace(/<[^>]+>/g, '')
    .replace(/&[a-z]+;/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}

const plain = (html: string) => html.replace(/<[^>]+>/g, '');

export function renderRules(md: string): { html: string; index: RulesEntry[] } {
  const index: RulesEntry[] = [];
  const marked = new Marked({
    gfm: true,
    renderer: {
      heading(this: { parser: { parseInline(t: Tokens.Heading['tokens']): string } }, t: Tokens.Heading) {
        const inner = this.parser.parseInline(t.tokens);
        const id = ruleId(plain(inner));
        if (t.depth >= 2 && t.depth <= 3) index.push({ id, depth: t.depth, text: plain(inner) });
        return `<h${t.depth} id="${id}">${inner}</h${t.depth}>\n`;
      },
      link(this: { parser: { parseInline(t: Tokens.Link['tokens']): string } }, t: Tokens.Link) {
        const inner = this.parser.parseInline(t.tokens);
        if (t.href.startsWith('#')) return `<a href="${t.href}">${inner}</a>`;
        // Another document of the repository: say where it is instead of a link that leads nowhere.
        if (/^[\w./-]+\.md(#.*)?$/.test(t.href)) return `<span class="ref" title="docs/${t.href}">${inner}</span>`;
        return `<a href="${t.href}" target="_blank" rel="noopener">${inner}</a>`;
      },
    },
  });
  let html = marked.parse(md, { async: false });
  // "§8" → a link to the section numbered 8 (outside tags and attributes only).
  const sections = new Map(index.filter((e) => e.depth === 2).map((e) => [/^(\d+)\./.exec(e.text)?.[1], e.id]));
  html = html.replace(/(>[^<]*)/g, (chunk) =>
    chunk.replace(/§(\d+(?:\.\d+)?)/g, (m, n: string) => {
      const id = sections.get(n.split('.')[0]);
      return id ? `<a href="#${id}">${m}</a>` : m;
    }),
  );
  return { html, index };
}

/** The rules reference (docs/RULES.md) shown in the page: a small Markdown subset rendered safely. */
import rulesText from '../../docs/RULES.md?raw';
import { h } from './dom';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Inline Markdown: **bold**, *italic*, `code`, [text](link) — on HTML-escaped text. */
function inline(s: string): string {
  return esc(s)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\*([^*]+)\*/g, '<em>$1</em>')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_m, t: string) => `<span class="ref">${t}</span>`);
}

/** Markdown subset → HTML string (headings, paragraphs, lists, tables). */
export function renderMarkdown(md: string): string {
  const out: string[] = [];
  const lines = md.split('\n');
  let para: string[] = [];
  let list: string[] | null = null;
  const flush = () => {
    if (para.length) out.push(`<p>${inline(para.join(' '))}</p>`);
    para = [];
    if (list) out.push(`<ul>${list.map((li) => `<li>${inline(li)}</li>`).join('')}</ul>`);
    list = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const head = /^(#{1,4})\s+(.*)$/.exec(line);
    if (head) {
      flush();
      const n = Math.min(4, head[1]!.length + 1);
      out.push(`<h${n}>${inline(head[2]!)}</h${n}>`);
    } else if (/^\s*[-*]\s+/.test(line)) {
      if (para.length) flush();
      (list ??= []).push(line.replace(/^\s*[-*]\s+/, ''));
    } else if (/^\s*\d+\.\s+/.test(line)) {
      if (para.length) flush();
      (list ??= []).push(line.replace(/^\s*/, ''));
    } else if (line.startsWith('|')) {
      flush();
      const rows: string[][] = [];
      while (i < lines.length && lines[i]!.startsWith('|')) {
        const cells = lines[i]!.split('|')
          .slice(1, -1)
          .map((c) => c.trim());
        if (!cells.every((c) => /^:?-+:?$/.test(c))) rows.push(cells);
        i++;
      }
      i--;
      const [headRow, ...body] = rows;
      out.push(
        `<table><thead><tr>${(headRow ?? []).map((c) => `<th>${inline(c)}</th>`).join('')}</tr></thead><tbody>${body
          .map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`,
      );
    } else if (!line.trim()) {
      flush();
    } else if (list && /^\s+/.test(line)) {
      list[list.length - 1] += ' ' + line.trim();
    } else {
      if (list) flush();
      para.push(line.trim());
    }
  }
  flush();
  return out.join('\n');
}

/** Opens the rules reference in a modal dialog. */
export function openRules(): void {
  const body = h('div', { class: 'rules-body' });
  body.innerHTML = renderMarkdown(rulesText);
  const close = h('button', { text: 'Close', class: 'primary' });
  const dlg = h(
    'dialog',
    { class: 'rules', attrs: { 'aria-label': 'Rules reference' } },
    h('div', { class: 'row' }, close),
    body,
  );
  close.addEventListener('click', () => dlg.close());
  dlg.addEventListener('close', () => dlg.remove());
  document.body.append(dlg);
  dlg.showModal();
}

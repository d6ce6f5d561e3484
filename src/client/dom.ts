/** A tiny element builder: no framework, just typed DOM. */
type Child = Node | string | null | undefined | false;
type Props = {
  class?: string;
  text?: string;
  attrs?: Record<string, string | number | boolean | undefined>;
  on?: Partial<Record<keyof HTMLElementEventMap, (e: Event) => void>>;
  style?: Partial<CSSStyleDeclaration>;
} & Record<string, unknown>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  const { class: cls, text, attrs, on, style, ...rest } = props;
  if (cls) el.className = cls;
  if (text !== undefined) el.textContent = text;
  if (attrs)
    for (const [k, v] of Object.entries(attrs))
      if (v !== undefined && v !== false) el.setAttribute(k, v === true ? '' : String(v));
  if (on) for (const [k, fn] of Object.entries(on)) el.addEventListener(k, fn as EventListener);
  if (style) Object.assign(el.style, style);
  Object.assign(el, rest);
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** Saves text as a file download. */
export function download(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { attrs: { href: url, download: name } });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Reads a user-chosen file as text. */
export function readFile(file: File): Promise<string> {
  return file.text();
}

/** A colour chip with the seat's letter (colour plus letter, never colour alone). */
export function seatChip(css: string, glyph: string, label: string): HTMLElement {
  return h('span', {
    class: 'seat-chip',
    text: glyph,
    style: { background: css },
    attrs: { 'aria-hidden': 'true', title: label },
  });
}

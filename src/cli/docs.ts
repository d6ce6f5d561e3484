/**
 * `npm run docs:rules`: rewrite the generated blocks of docs/RULES.md, GLOSSARY.md and SEMINAR.md
 * from the rules' constants. A block sits between `<!-- generated:NAME -->` and `<!-- /generated -->`;
 * everything outside the markers is hand-written and kept. The result is formatted as Prettier would, so
 * the committed file is exactly what this writes (tests/content/docs-generated.test.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { RULES_BLOCKS } from './docs-blocks';
import { GLOSSARY_BLOCKS } from './docs-glossary';
import { SEMINAR_BLOCKS } from './docs-seminar';
import { runAsScript } from './run-as-script';

/** Each generated document's blocks by marker name. */
export const DOC_BLOCKS: Record<string, Record<string, () => string>> = {
  'docs/RULES.md': RULES_BLOCKS,
  'docs/GLOSSARY.md': GLOSSARY_BLOCKS,
  'docs/SEMINAR.md': SEMINAR_BLOCKS,
};

const BLOCK = /(<!-- generated:([\w-]+) -->\n)([\s\S]*?)(<!-- \/generated -->)/g;

/** `text` with each generated block rewritten; an unknown, missing or unclosed block is an error. */
export function fillBlocks(file: string, text: string, blocks: Record<string, () => string>): string {
  const seen = new Set<string>();
  const out = text.replace(BLOCK, (_m, open: string, name: string, _old: string, close: string) => {
    const make = blocks[name];
    if (!make) throw new Error(`${file}: no generator for block "${name}" (known: ${Object.keys(blocks).join(', ')})`);
    if (seen.has(name)) throw new Error(`${file}: block "${name}" appears twice`);
    seen.add(name);
    return `${open}\n${make()}\n\n${close}`;
  });
  const opened = (text.match(/<!-- generated:/g) ?? []).length;
  if (opened !== seen.size)
    throw new Error(`${file}: a <!-- generated:… --> marker has no <!-- /generated --> after it`);
  const missing = Object.keys(blocks).filter((b) => !seen.has(b));
  if (missing.length) throw new Error(`${file}: no place for the generated block(s) ${missing.join(', ')}`);
  return out;
}

/** The document as `npm run docs:rules` writes it: blocks filled, then formatted by Prettier. */
export async function generatedDoc(file: string, text: string): Promise<string> {
  const blocks = DOC_BLOCKS[file];
  if (!blocks) throw new Error(`${file}: not a generated document (${Object.keys(DOC_BLOCKS).join(', ')})`);
  const config = (await resolveConfig(file)) ?? {};
  return format(fillBlocks(file, text, blocks), { ...config, filepath: file });
}

export async function main(): Promise<number> {
  for (const file of Object.keys(DOC_BLOCKS)) {
    const before = readFileSync(file, 'utf8');
    const after = await generatedDoc(file, before);
    if (after === before) console.log(`${file}: up to date`);
    else {
      writeFileSync(file, after);
      console.log(`${file}: rewritten from the constants`);
    }
  }
  return 0;
}

runAsScript(import.meta.url, 'docs:rules', main);

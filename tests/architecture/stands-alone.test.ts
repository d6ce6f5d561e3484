/**
 * The repository stands alone: no file cites a path outside it — no relative path that climbs above
 * the root, no absolute path into someone's machine, no Markdown file the repository does not hold,
 * no Markdown link to a file that is not there. The design rationale the code relies on is
 * docs/DESIGN.md; the platform facts are docs/ARCHITECTURE.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/[\\/]$/, '');
const BINARY = /\.(png|jpe?g|gif|webp|ico|woff2?|ttf|otf|db|sqlite|gz|zip)$/i;

/** Every file of the repository: tracked, plus new files not ignored (so a citation is caught before its commit). */
function repoFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return [...new Set(out.split('\0').filter((f) => f && !BINARY.test(f) && existsSync(join(ROOT, f))))];
}

export interface Citation {
  file: string;
  line: number;
  cited: string;
  why: string;
}

const inside = (abs: string) => abs === ROOT || abs.startsWith(ROOT + sep);

/**
 * Lint messages, lint samples and prose quote import specifiers as a src folder sees them (`../rules`),
 * so a relative path is also read from a file one and two folders deep in src/.
 */
const SRC_DEPTHS = ['src/_', 'src/_/_'];

/** Every citation of something outside the repository in one file's text (`file` relative to the root). */
export function outsideCitations(
  file: string,
  text: string,
  markdownNames: ReadonlySet<string>,
  exists: (abs: string) => boolean = existsSync,
): Citation[] {
  const found: Citation[] = [];
  const dir = dirname(join(ROOT, file));
  /** `path` is the repository's root, or lies inside it and its first `depth` folders exist there. */
  const lands = (path: string, depth: number) => {
    const abs = normalize(path);
    if (abs === ROOT) return true;
    if (!inside(abs)) return false;
    const head = abs
      .slice(ROOT.length + 1)
      .split(sep)
      .slice(0, depth);
    return head.length === depth && exists(join(ROOT, ...head));
  };
  text.split('\n').forEach((lineText, i) => {
    const at = (cited: string, why: string) => found.push({ file, line: i + 1, cited, why });
    for (const [rel] of lineText.matchAll(/(?:\.\.\/)+[\w@.-][\w@./-]*/g))
      if (!lands(join(dir, rel), 1) && !SRC_DEPTHS.some((base) => lands(join(ROOT, base, rel), 2)))
        at(rel, 'climbs out of the repository or into a folder it does not have');
    for (const [abs] of lineText.matchAll(/(?:\/work|\/home|\/Users|~)\/[\w.-]+/g)) at(abs, 'is a path on a machine');
    for (const [name] of lineText.matchAll(/\b[\w-]+\.md\b/g))
      if (!markdownNames.has(name)) at(name, 'is a Markdown file the repository does not hold');
    if (file.endsWith('.md'))
      for (const [, target] of lineText.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/i.test(target!)) continue;
        const abs = normalize(join(dir, decodeURIComponent(target!)));
        if (!inside(abs) || !exists(abs)) at(target!, 'is a link to a file that is not in the repository');
      }
  });
  return found;
}

describe('the repository stands alone', () => {
  const files = repoFiles();
  const markdownNames = new Set(files.filter((f) => f.endsWith('.md')).map((f) => basename(f)));

  it('has no file that cites a path outside it', () => {
    const found = files.flatMap((f) => outsideCitations(f, readFileSync(join(ROOT, f), 'utf8'), markdownNames));
    expect(found.map((c) => `${c.file}:${c.line}: ${c.cited} ${c.why}`)).toEqual([]);
  });

  it('names the design and architecture documents that replace the outside ones', () => {
    expect(markdownNames).toContain('DESIGN.md');
    expect(markdownNames).toContain('ARCHITECTURE.md');
  });

  // The checker itself, on lines written to be caught (assembled, so this file cites nothing itself).
  const up = '..' + '/';
  it.each([
    ['README.md', `see ${up}shared/design/ARCH.txt`, 'climbs out of the repository or into a folder it does not have'],
    [
      'docs/RULES.md',
      `see ${up}shared/design/ARCH.txt`,
      'climbs out of the repository or into a folder it does not have',
    ],
    [
      'src/rules/x.ts',
      `// from ${up}${up}${up}seed/article.txt`,
      'climbs out of the repository or into a folder it does not have',
    ],
    ['src/ai/x.ts', `/** as in ${'GAME'}.md §9 */`, 'is a Markdown file the repository does not hold'],
    ['README.md', `read ${'/wo' + 'rk'}/notes.txt`, 'is a path on a machine'],
    ['docs/RULES.md', `[rules](${'RULEZ'}.md)`, 'is a Markdown file the repository does not hold'],
    ['docs/RULES.md', `[map](maps/${'none'}.json)`, 'is a link to a file that is not in the repository'],
  ])('catches %s: %s', (file, line, why) => {
    expect(outsideCitations(file, line, new Set(['RULES.md'])).map((c) => c.why)).toContain(why);
  });

  it.each([
    ['src/rules/x.ts', `import { x } from '${up}content/ids';`],
    ['tests/rules/x.test.ts', `import { x } from '${up}${up}src/rules/engine';`],
    ['docs/RULES.md', `[the rules](RULES.md#8-victory) and [code](${up}src/rules/engine.ts)`],
  ])('lets %s cite inside the repository: %s', (file, line) => {
    expect(outsideCitations(file, line, new Set(['RULES.md']))).toEqual([]);
  });
});

/**
 * The import graph of src/ has no circle, counting `import type` and `import()` too: import-x/no-cycle
 * (eslint.config.js) skips type-only imports, and a circle of types still ties two modules together.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

/** Every .ts file under `dir`. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The files under `root` each file imports (relative specifiers only: packages cannot import us back). */
function importGraph(files: Record<string, string>): Map<string, string[]> {
  const known = new Set(Object.keys(files));
  const graph = new Map<string, string[]>();
  for (const [file, code] of Object.entries(files)) {
    const targets = ts
      .preProcessFile(code, true, true)
      .importedFiles.map((f) => f.fileName)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => resolve(dirname(file), spec))
      .flatMap((base) => [`${base}.ts`, join(base, 'index.ts'), base].filter((c) => known.has(c)).slice(0, 1));
    graph.set(file, targets);
  }
  return graph;
}

/** Every circle found by a depth-first walk, as the files in order (the first repeated at the end). */
function circles(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const found: string[][] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return found;
}

describe('the import graph', () => {
  it('finds a circle made only of types, and one through a dynamic import', () => {
    const graph = importGraph({
      '/x/view.ts': `import type { Board } from './board';\nexport interface View { board: Board }\n`,
      '/x/board.ts': `import type { View } from './view';\nexport interface Board { view: View }\n`,
      '/x/mount.ts': `export const mount = () => import('./scene');\n`,
      '/x/scene/index.ts': `import type { mount } from '../mount';\nexport type M = typeof mount;\n`,
      '/x/leaf.ts': `import { z } from 'zod';\nimport type { View } from './view';\nexport const s = z.string();\n`,
    });
    expect(circles(graph).map((c) => c.map((f) => f.slice(3)))).toEqual([
      ['board.ts', 'view.ts', 'board.ts'],
      ['mount.ts', 'scene/index.ts', 'mount.ts'],
    ]);
  });

  it('of src/ has no circle', () => {
    const files = Object.fromEntries(tsFiles(SRC).map((f) => [f, readFileSync(f, 'utf8')]));
    const found = circles(importGraph(files)).map((c) => c.map((f) => relative(SRC, f)).join(' → '));
    expect(found, 'src/ should import without a circle').toEqual([]);
  });
});

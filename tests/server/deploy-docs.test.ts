/**
 * docs/DEPLOY.md and the README against the code: every setting the server reads from the
 * environment has a row naming its default, and the production start and native build are as they say.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../../src/server/settings';

const DEPLOY = readFileSync('docs/DEPLOY.md', 'utf8');
/** The table rows of DEPLOY.md that name `variable`. */
const rowsOf = (variable: string) =>
  DEPLOY.split('\n').filter((l) => l.startsWith('|') && l.includes(`\`${variable}\``));

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|mjs)$/.test(e.name) ? [join(dir, e.name)] : [],
  );

describe('docs/DEPLOY.md', () => {
  it.each(Object.values(SETTINGS).map((s) => [s.env, s.default] as const))(
    '%s has a row with its default, %s',
    (variable, dflt) => {
      const rows = rowsOf(variable);
      expect(rows, `no table row names ${variable}`).not.toEqual([]);
      expect(rows.some((r) => r.includes(dflt === false ? 'unset' : String(dflt)))).toBe(true);
    },
  );

  it('names every environment variable the server and its start script read', () => {
    const read = new Set<string>();
    for (const file of [...sources('src/server'), ...sources('scripts')])
      for (const m of readFileSync(file, 'utf8').matchAll(/process\.env\.([A-Z_]+)/g)) read.add(m[1]!);
    expect(read.size).toBeGreaterThan(5);
    expect([...read].filter((v) => rowsOf(v).length === 0)).toEqual([]);
  });
});

describe('production start and native build', () => {
  it('npm start runs the compiled server with plain node, after building what is stale', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.start).toBe('node dist/server/main.js');
    expect(scripts.prestart).toBe('node scripts/build-if-stale.mjs');
  });

  it("the README names what better-sqlite3's native build needs", () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const tool of ['python3', 'make', 'g++']) expect(readme).toContain(`\`${tool}\``);
  });
});

// ESLint 9 flat config. Enforces the house rules of docs/ARCHITECTURE.md mechanically:
// who may import whom (per src/ folder), no import cycles, no ambient randomness or clock in the
// deterministic core, no focused or skipped tests. Formatting is Prettier's job (`npm run format:check`).
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';

/** The top-level folders of src/; relative imports between them are what the table restricts. */
const FOLDERS = ['content', 'rules', 'random', 'ai', 'report', 'sim', 'render', 'client', 'server', 'cli'];

/**
 * Who may import whom (docs/ARCHITECTURE.md). `folders`: sibling src folders a module may import
 * (its own folder is always allowed). `typeOnlyFolders`: folders it may use with `import type` only.
 * `packages`: if set, the only bare specifiers allowed (an allow-list, for the pure core);
 * `bannedPackages`: bare specifiers banned (a deny-list, for the outer layers). `node`: Node built-ins allowed.
 */
const TABLE = {
  content: { folders: [], packages: ['zod'], node: false },
  // zod is allowed in rules and ai too: content's schemas are zod, and move arguments are parsed at the boundary.
  rules: { folders: ['content'], packages: ['zod', 'boardgame.io', 'boardgame.io/core'], node: false },
  // The one home of seeded chance (src/random): seedrandom lives here and nowhere else; the rules roll
  // boardgame.io's ctx.random instead, so they see only this module's types, never import it.
  random: { folders: [], typeOnlyFolders: ['rules', 'content'], packages: ['seedrandom'], node: false },
  ai: {
    folders: ['rules', 'content', 'random'],
    packages: ['zod', 'boardgame.io', 'boardgame.io/core', 'boardgame.io/ai'],
    node: false,
  },
  // The reports: pure (no Node, no DOM), so the CLI and the browser both build them. The sweep reports
  // (report/sweep) read the records the sim returns, as types only: the sim builds no HTML or CSV.
  report: {
    folders: ['rules', 'content', 'random', 'ai'],
    typeOnlyFolders: ['sim'],
    packages: ['zod'],
    node: false,
  },
  sim: {
    folders: ['rules', 'content', 'random', 'ai', 'report'],
    bannedPackages: ['phaser', 'boardgame.io/react', 'boardgame.io/server', 'boardgame.io/multiplayer', 'seedrandom'],
    node: true,
  },
  render: {
    folders: [],
    typeOnlyFolders: ['rules', 'content'],
    bannedPackages: ['boardgame.io', 'better-sqlite3', 'socket.io-client', 'seedrandom'],
    node: false,
  },
  client: {
    folders: ['render', 'rules', 'content', 'random', 'ai', 'report'],
    bannedPackages: ['boardgame.io/server', 'boardgame.io/react', 'better-sqlite3', 'seedrandom'],
    node: false,
  },
  // server and cli may use boardgame.io/client: bot seats in online matches are server-side clients
  // (docs/ARCHITECTURE.md, "boardgame.io 0.50: the facts we rely on").
  server: {
    folders: ['rules', 'content', 'random', 'ai', 'report', 'sim'],
    bannedPackages: ['phaser', 'boardgame.io/react', 'seedrandom'],
    node: true,
  },
  cli: {
    folders: ['rules', 'content', 'random', 'ai', 'report', 'sim'],
    bannedPackages: ['phaser', 'boardgame.io/react', 'seedrandom'],
    node: true,
  },
};

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** A relative specifier that climbs out of the current folder into src/<folder> (e.g. src/rules reaching ai/bot by a relative path). */
const relativeInto = (folders) => `^(\\.\\./)+(src/)?(${folders.join('|')})(/|$)`;
/** Node built-ins, with or without the `node:` prefix. */
const NODE_BUILTINS = `^(node:.*|(${builtinModules.map(escape).join('|')})(/.*)?)$`;

/** Builds the `no-restricted-imports` options for one src folder from its row of TABLE. */
function importRestrictions(folder) {
  const row = TABLE[folder];
  const allowed = new Set([folder, ...row.folders]);
  const typeOnly = row.typeOnlyFolders ?? [];
  const banned = FOLDERS.filter((f) => !allowed.has(f) && !typeOnly.includes(f));
  const who = `src/${folder}`;
  const patterns = [];
  if (folder !== 'rules' && (allowed.has('rules') || typeOnly.includes('rules'))) {
    // The rules have one public entry (src/rules/index.ts); their files behind it are private.
    patterns.push({
      regex: `^(\\.\\./)+(src/)?rules/.+`,
      message: `${who} imports the rules through their public entry \`../rules\` (src/rules/index.ts), not their files.`,
    });
  }
  if (banned.length > 0) {
    patterns.push({
      regex: relativeInto(banned),
      message: `${who} may not import src/{${banned.join(',')}} (docs/ARCHITECTURE.md "Who may import whom").`,
    });
  }
  if (typeOnly.length > 0) {
    patterns.push({
      // The rules are reached only at their entry: a type-only allowance must not also cover their files,
      // since typescript-eslint lets a type import through as soon as any allowing pattern matches.
      regex: typeOnly.includes('rules')
        ? `${relativeInto(typeOnly.filter((f) => f !== 'rules'))}|^(\\.\\./)+(src/)?rules$`
        : relativeInto(typeOnly),
      allowTypeImports: true,
      message: `${who} may use src/{${typeOnly.join(',')}} through \`import type\` only (docs/ARCHITECTURE.md).`,
    });
  }
  if (!row.node) {
    patterns.push({
      regex: NODE_BUILTINS,
      message: `${who} must run without Node: no Node built-ins (docs/ARCHITECTURE.md).`,
    });
  }
  if (row.packages) {
    const ok = row.packages.map(escape).join('|');
    // Any bare specifier (not relative, not a Node built-in, which the pattern above covers) outside the allow-list.
    patterns.push({
      regex: `^(?!\\.|node:|(${ok})$)(?!(${builtinModules.map(escape).join('|')})(/|$)).+`,
      message: `${who} may import only ${row.packages.join(', ')} from packages (docs/ARCHITECTURE.md).`,
    });
  } else if (row.bannedPackages.length > 0) {
    patterns.push({
      regex: `^(${row.bannedPackages.map(escape).join('|')})(/.*)?$`,
      message: `${who} may not import ${row.bannedPackages.join(', ')} (docs/ARCHITECTURE.md).`,
    });
  }
  // Subpaths of an allowed package (e.g. boardgame.io/react when only boardgame.io is allowed) are caught
  // above because the allow-list is matched exactly.
  return { patterns };
}

/** Non-determinism that must never reach the rules, content, bots or the headless sim. */
const DETERMINISM = {
  'no-restricted-properties': [
    'error',
    { object: 'Math', property: 'random', message: 'Use the injected dice or a seeded seedrandom stream.' },
    { object: 'Date', property: 'now', message: 'The deterministic core never reads the clock.' },
    { object: 'crypto', property: 'getRandomValues', message: 'Use a seeded seedrandom stream.' },
    { object: 'crypto', property: 'randomUUID', message: 'Ids come from state, not from entropy.' },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: 'NewExpression[callee.name="Date"][arguments.length=0]',
      message: '`new Date()` reads the clock; the deterministic core never does.',
    },
  ],
};

const TEST_FOCUS = ['it', 'test', 'describe', 'suite', 'bench'].flatMap((object) =>
  ['only', 'skip', 'skipIf', 'todo'].map((property) => ({
    object,
    property,
    message: `\`${object}.${property}\` is not allowed: every test runs, every time.`,
  })),
);

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'coverage/',
      'out/',
      'tmp/',
      'data/',
      'test-results/',
      '.vite/',
      'assets/',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,mts,cts,js,mjs,cjs}'],
    plugins: { 'import-x': importX },
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
    },
    settings: {
      'import-x/extensions': ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.mts', '.cts'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json'] }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  // Who may import whom: one `no-restricted-imports` per src folder (the typescript-eslint variant
  // understands `import type`, which render may use on rules and content).
  ...FOLDERS.map((folder) => ({
    files: [`src/${folder}/**/*.{ts,mts,cts,js,mjs}`],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', importRestrictions(folder)],
    },
  })),
  {
    files: ['src/{rules,content,random,ai,report,sim}/**/*.{ts,mts,cts,js,mjs}'],
    rules: DETERMINISM,
  },
  {
    files: ['tests/**/*.{ts,mts,js,mjs}', 'bench/**/*.{ts,mts,js,mjs}'],
    rules: { 'no-restricted-properties': ['error', ...TEST_FOCUS] },
  },
  {
    // Plain JavaScript outside src/ (configs, scripts, harnesses) runs on Node; test harnesses also
    // hand functions to the browser (page.evaluate), hence both sets of globals there.
    files: ['**/*.{js,mjs,cjs}'],
    ignores: ['src/**'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['tests/**/*.{js,mjs,cjs}', 'bench/**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['src/{sim,server,cli}/**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/{client,render}/**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.browser },
  },
);

/**
 * The import boundaries of docs/ARCHITECTURE.md hold: a wrong import fails lint. Each row lints one
 * line of code as if it were a file in that folder, through the project's own eslint.config.js.
 */
import { ESLint } from 'eslint';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** [file, code, rule that must fire — or null when the line is allowed]. */
type Row = [file: string, code: string, rule: string | null];

const IMPORTS = '@typescript-eslint/no-restricted-imports';
const PROPS = 'no-restricted-properties';

const ROWS: Row[] = [
  // content: zod and itself only.
  ['src/content/x.ts', `import { z } from 'zod';`, null],
  ['src/content/x.ts', `import { SEATS } from './ids';`, null],
  ['src/content/x.ts', `import { x } from '../rules/state';`, IMPORTS],
  ['src/content/x.ts', `import type { GameState } from '../rules/state';`, IMPORTS],
  ['src/content/x.ts', `import { INVALID_MOVE } from 'boardgame.io/core';`, IMPORTS],
  ['src/content/x.ts', `import seedrandom from 'seedrandom';`, IMPORTS],
  ['src/content/x.ts', `import { readFileSync } from 'node:fs';`, IMPORTS],
  ['src/content/x.ts', `import { readFileSync } from 'fs';`, IMPORTS],
  // rules: content, boardgame.io core.
  ['src/rules/x.ts', `import { SEATS } from '../content/ids';`, null],
  ['src/rules/x.ts', `import { INVALID_MOVE } from 'boardgame.io/core';`, null],
  ['src/rules/x.ts', `import type { Game } from 'boardgame.io';`, null],
  ['src/rules/x.ts', `import { z } from 'zod';`, null],
  ['src/rules/x.ts', `import { Client } from 'boardgame.io/client';`, IMPORTS],
  ['src/rules/x.ts', `import { Server } from 'boardgame.io/server';`, IMPORTS],
  ['src/rules/x.ts', `import { SocketIO } from 'boardgame.io/multiplayer';`, IMPORTS],
  ['src/rules/x.ts', `import { MCTSBot } from 'boardgame.io/ai';`, IMPORTS],
  ['src/rules/x.ts', `import Phaser from 'phaser';`, IMPORTS],
  ['src/rules/x.ts', `import seedrandom from 'seedrandom';`, IMPORTS],
  ['src/rules/x.ts', `import { createHash } from 'node:crypto';`, IMPORTS],
  ['src/rules/x.ts', `import { bot } from '../ai/bot';`, IMPORTS],
  ['src/rules/x.ts', `import { draw } from '../render/board';`, IMPORTS],
  ['src/rules/x.ts', `import { x } from '../client/main';`, IMPORTS],
  ['src/rules/x.ts', `import { x } from '../server/main';`, IMPORTS],
  ['src/rules/x.ts', `import { x } from '../sim/play';`, IMPORTS],
  ['src/rules/x.ts', `import { x } from '../cli/replay';`, IMPORTS],
  ['src/rules/x.ts', `import { x } from '../../src/ai/bot';`, IMPORTS],
  ['src/rules/deep/x.ts', `import { x } from '../../ai/bot';`, IMPORTS],
  ['src/rules/x.ts', `const r = Math.random();`, PROPS],
  ['src/rules/x.ts', `const t = Date.now();`, PROPS],
  ['src/rules/x.ts', `const d = new Date();`, 'no-restricted-syntax'],
  ['src/content/x.ts', `const r = Math.random();`, PROPS],
  // random: seedrandom, and types from rules/content; the one module that may import seedrandom.
  ['src/random/x.ts', `import seedrandom from 'seedrandom';`, null],
  ['src/random/x.ts', `import type { Dice } from '../rules';`, null],
  ['src/random/x.ts', `import type { Dice } from '../rules/dice';`, IMPORTS],
  ['src/random/x.ts', `import { d6 } from '../rules/dice';`, IMPORTS],
  ['src/random/x.ts', `import { chooseAction } from '../ai/index';`, IMPORTS],
  ['src/random/x.ts', `import { readFileSync } from 'node:fs';`, IMPORTS],
  ['src/random/x.ts', `const r = Math.random();`, PROPS],
  ['src/rules/x.ts', `import { createDice } from '../random';`, IMPORTS],
  ['src/content/x.ts', `import { createDice } from '../random';`, IMPORTS],
  ['src/render/x.ts', `import { createDice } from '../random';`, IMPORTS],
  ['src/render/x.ts', `import seedrandom from 'seedrandom';`, IMPORTS],
  ['src/client/x.ts', `import { streamFrom } from '../random';`, null],
  ['src/client/x.ts', `import seedrandom from 'seedrandom';`, IMPORTS],
  ['src/server/x.ts', `import { SEEDS } from '../random';`, null],
  ['src/server/x.ts', `import seedrandom from 'seedrandom';`, IMPORTS],
  ['src/cli/x.ts', `import seedrandom from 'seedrandom';`, IMPORTS],
  // ai: rules, content, random, boardgame.io/ai; pure.
  ['src/ai/x.ts', `import { streamFrom } from '../random';`, null],
  ['src/ai/x.ts', `import { legalMoves } from '../rules';`, null],
  ['src/ai/x.ts', `import { SEATS } from '../content/ids';`, null],
  ['src/ai/x.ts', `import { MCTSBot } from 'boardgame.io/ai';`, null],
  ['src/ai/x.ts', `import seedrandom from 'seedrandom';`, IMPORTS],
  ['src/ai/x.ts', `import { Worker } from 'node:worker_threads';`, IMPORTS],
  ['src/ai/x.ts', `import Phaser from 'phaser';`, IMPORTS],
  ['src/ai/x.ts', `import { x } from '../render/board';`, IMPORTS],
  ['src/ai/x.ts', `import { x } from '../client/main';`, IMPORTS],
  ['src/ai/x.ts', `import { x } from '../server/main';`, IMPORTS],
  ['src/ai/x.ts', `import { x } from '../sim/play';`, IMPORTS],
  ['src/ai/x.ts', `const r = Math.random();`, PROPS],
  // sim: rules, content, ai, node.
  ['src/sim/x.ts', `import { pickMove } from '../ai/bot';`, null],
  ['src/sim/x.ts', `import { applyAction } from '../rules';`, null],
  ['src/sim/x.ts', `import { Worker } from 'node:worker_threads';`, null],
  ['src/sim/x.ts', `import seedrandom from 'seedrandom';`, IMPORTS],
  ['src/sim/x.ts', `import { createDice } from '../random';`, null],
  ['src/sim/x.ts', `import Phaser from 'phaser';`, IMPORTS],
  ['src/sim/x.ts', `import { x } from '../render/board';`, IMPORTS],
  ['src/sim/x.ts', `import { x } from '../client/main';`, IMPORTS],
  ['src/sim/x.ts', `import { x } from '../server/main';`, IMPORTS],
  ['src/sim/x.ts', `const t = Date.now();`, PROPS],
  // render: phaser, and `import type` from rules/content only.
  ['src/render/x.ts', `import Phaser from 'phaser';`, null],
  ['src/render/x.ts', `import type { GameState } from '../rules';`, null],
  ['src/render/x.ts', `import type { GameState } from '../rules/state';`, IMPORTS],
  ['src/render/x.ts', `import { playerView } from '../rules';`, IMPORTS],
  ['src/render/x.ts', `import type { Seat } from '../content/ids';`, null],
  ['src/render/x.ts', `import { type Seat } from '../content/ids';`, null],
  ['src/render/x.ts', `import { SEATS, type Seat } from '../content/ids';`, IMPORTS],
  ['src/render/x.ts', `import { SEATS } from '../content/ids';`, IMPORTS],
  ['src/render/x.ts', `import { legalMoves } from '../rules/legal-moves';`, IMPORTS],
  ['src/render/x.ts', `import { Client } from 'boardgame.io/client';`, IMPORTS],
  ['src/render/x.ts', `import type { Ctx } from 'boardgame.io';`, IMPORTS],
  ['src/render/x.ts', `import { x } from '../ai/bot';`, IMPORTS],
  ['src/render/x.ts', `import { x } from '../client/main';`, IMPORTS],
  ['src/render/x.ts', `import { x } from '../server/main';`, IMPORTS],
  ['src/render/x.ts', `import { x } from '../sim/play';`, IMPORTS],
  ['src/render/x.ts', `const r = Math.random();`, null],
  // client: render, rules, content, ai, boardgame.io/client, /multiplayer.
  ['src/client/x.ts', `import { Client } from 'boardgame.io/client';`, null],
  ['src/client/x.ts', `import { SocketIO } from 'boardgame.io/multiplayer';`, null],
  ['src/client/x.ts', `import { BoardScene } from '../render/board-scene';`, null],
  ['src/client/x.ts', `import { EastAsiaTomorrow } from '../rules';`, null],
  ['src/client/x.ts', `import { pickMove } from '../ai/bot';`, null],
  ['src/client/x.ts', `import { x } from '../server/main';`, IMPORTS],
  ['src/client/x.ts', `import { x } from '../sim/play';`, IMPORTS],
  ['src/client/x.ts', `import { x } from '../cli/replay';`, IMPORTS],
  ['src/client/x.ts', `import { readFileSync } from 'node:fs';`, IMPORTS],
  ['src/client/x.ts', `import { Server } from 'boardgame.io/server';`, IMPORTS],
  // server and cli: rules, content, ai, sim, node.
  ['src/server/x.ts', `import { Server } from 'boardgame.io/server';`, null],
  ['src/server/x.ts', `import Database from 'better-sqlite3';`, null],
  ['src/server/x.ts', `import { playGame } from '../sim/play';`, null],
  ['src/server/x.ts', `import { createServer } from 'node:http';`, null],
  ['src/server/x.ts', `import Phaser from 'phaser';`, IMPORTS],
  ['src/server/x.ts', `import { x } from '../render/board';`, IMPORTS],
  ['src/server/x.ts', `import { x } from '../client/main';`, IMPORTS],
  ['src/cli/x.ts', `import { readFileSync } from 'node:fs';`, null],
  ['src/cli/x.ts', `import { sweep } from '../sim/sweep';`, null],
  ['src/cli/x.ts', `import { x } from '../render/board';`, IMPORTS],
  ['src/cli/x.ts', `import { x } from '../client/main';`, IMPORTS],
  ['src/cli/x.ts', `import Phaser from 'phaser';`, IMPORTS],
  // The rules have one public entry (src/rules/index.ts): no other src folder reaches behind it.
  ['src/rules/x.ts', `import type { GameState } from './state';`, null],
  ['src/rules/moves/x.ts', `import type { GameState } from '../state';`, null],
  ['src/ai/x.ts', `import { legalMoves } from '../rules/legal-moves';`, IMPORTS],
  ['src/ai/x.ts', `import type { GameState } from '../rules/state';`, IMPORTS],
  ['src/report/x.ts', `import { margins } from '../rules/scoring';`, IMPORTS],
  ['src/report/x.ts', `import { margins } from '../rules';`, null],
  ['src/sim/x.ts', `import { applyAction } from '../rules/engine';`, IMPORTS],
  ['src/sim/deep/x.ts', `import { applyAction } from '../../rules/engine';`, IMPORTS],
  ['src/client/x.ts', `import { EastAsiaTomorrow } from '../rules/game';`, IMPORTS],
  ['src/server/x.ts', `import { playerView } from '../rules/view';`, IMPORTS],
  ['src/server/x.ts', `import { playerView } from '../rules';`, null],
  ['src/cli/x.ts', `import { applyAction } from '../rules/engine';`, IMPORTS],
  ['src/cli/x.ts', `import { applyAction } from '../rules';`, null],
  ['src/client/x.ts', `import { RULE } from '../rules/moves/arms';`, IMPORTS],
  // tests: no focused or skipped tests.
  // Built from parts so that a plain grep for focused tests does not trip over this fixture.
  ['tests/rules/x.test.ts', `import { it } from 'vitest'; it.${'only'}('x', () => {});`, PROPS],
  ['tests/rules/x.test.ts', `import { describe } from 'vitest'; describe.skip('x', () => {});`, PROPS],
  ['tests/rules/x.test.ts', `import { it } from 'vitest'; it('x', () => {});`, null],
];

/** Lints one snippet and returns the ids of the rules that fired (unused-variable noise excluded). */
async function firedRules(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: file });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId !== '@typescript-eslint/no-unused-vars')
    .map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe('import boundaries (eslint.config.js)', () => {
  it.each(ROWS)('%s: %s → %s', async (file, code, rule) => {
    const fired = await firedRules(file, code);
    if (rule === null) expect(fired).toEqual([]);
    else expect(fired).toContain(rule);
  });

  it('names the broken rule in the message', async () => {
    const [result] = await eslint.lintText(`import { bot } from '../ai/bot';\nexport {};\n`, {
      filePath: 'src/rules/x.ts',
    });
    expect(result?.messages.map((m) => m.message).join('\n')).toMatch(/src\/rules may not import .*ai/);
  });

  it('rejects an import cycle (import-x/no-cycle), but not a type-only one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eat-cycle-'));
    try {
      mkdirSync(join(dir, 'src', 'rules'), { recursive: true });
      const file = (name: string, code: string) => writeFileSync(join(dir, 'src', 'rules', name), code);
      file('turn.ts', `import { upkeep } from './upkeep';\nexport const turn = (): number => upkeep() + 1;\n`);
      file('upkeep.ts', `import { turn } from './turn';\nexport const upkeep = (): number => turn() - 1;\n`);
      file('view.ts', `import type { Board } from './board';\nexport interface View { board: Board }\n`);
      file('board.ts', `import type { View } from './view';\nexport interface Board { view: View }\n`);
      const linter = new ESLint({ cwd: dir, overrideConfigFile: join(root, 'eslint.config.js') });
      const results = await linter.lintFiles(['src/rules/*.ts']);
      const cycles = results.flatMap((r) =>
        r.messages.filter((m) => m.ruleId === 'import-x/no-cycle').map(() => r.filePath.split(/[\\/]/).pop()),
      );
      expect(cycles.sort()).toEqual(['turn.ts', 'upkeep.ts']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

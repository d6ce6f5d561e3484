/** src/report stays pure (the browser builds the report too): what it may and may not import, through eslint.config.js. */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: fileURLToPath(new URL('../..', import.meta.url)) });
const IMPORTS = '@typescript-eslint/no-restricted-imports';

const ROWS: [file: string, code: string, rule: string | null][] = [
  ['src/report/x.ts', `import { applyAction } from '../rules';`, null],
  ['src/report/x.ts', `import { chooseAction } from '../ai/index';`, null],
  ['src/report/x.ts', `import seedrandom from 'seedrandom';`, IMPORTS],
  ['src/report/x.ts', `import { createDice } from '../random';`, null],
  ['src/report/x.ts', `import { readFileSync } from 'node:fs';`, IMPORTS],
  ['src/report/x.ts', `import { playGame } from '../sim/headless';`, IMPORTS],
  ['src/report/sweep/x.ts', `import type { GameRecord } from '../../sim/record';`, null],
  ['src/report/sweep/x.ts', `import { summarize } from '../../sim/stats';`, IMPORTS],
  ['src/report/x.ts', `import { h } from '../client/dom';`, IMPORTS],
  ['src/report/x.ts', `import { Client } from 'boardgame.io/client';`, IMPORTS],
  ['src/report/x.ts', `const t = Date.now();`, 'no-restricted-properties'],
  ['src/client/x.ts', `import { reportFiles } from '../report/game/index';`, null],
  ['src/sim/x.ts', `import { replaySaved } from '../report/replay';`, null],
  ['src/cli/x.ts', `import { buildReport } from '../report/game/index';`, null],
  ['src/rules/x.ts', `import { buildReport } from '../report/game/index';`, IMPORTS],
];

describe('report import boundaries', () => {
  it.each(ROWS)('%s: %s → %s', async (file, code, rule) => {
    const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: file });
    const fired = (result?.messages ?? [])
      .filter((m) => m.ruleId !== '@typescript-eslint/no-unused-vars')
      .map((m) => m.ruleId);
    if (rule === null) expect(fired).toEqual([]);
    else expect(fired).toContain(rule);
  });
});

/**
 * `npm run replay -- FILE [--json]`: replays a saved game through the rules (src/rules/replay.ts, the
 * one replay; boardgame.io's engine reaches the same state, tests/rules/replay-parity.test.ts) and
 * prints the final state's SHA-256 and the winner (`--json`: `{ "hash", "winner", "turns" }`).
 * Exit 1 with a clear message on a malformed file, an unknown scenario, an illegal action (its
 * index and why) or a recorded finalHash that disagrees; exit 2 on bad flags.
 */
import { readFileSync } from 'node:fs';
import { hashState, parseSaveFile, SaveFileError } from '../content/save-file';
import { createDice } from '../random';
import { ReplayError, replaySaved } from '../rules';
import { scenarioIds } from '../sim/real-rules';
import { oneFile, parseCommandLine, withUsage } from './args';
import { runAsScript } from './run-as-script';

const USAGE = `usage: npm run replay -- FILE [--json]
  replays a saved game (eat-save/1) through the rules and prints its final state's SHA-256 and winner
  --json: { "hash", "winner", "turns" } as one JSON object on stdout`;

export function main(argv: string[]): Promise<number> {
  return withUsage('replay', USAGE, argv, (a) => {
    const { values, positionals } = parseCommandLine(a, { json: { type: 'boolean' } }, true);
    return replay(oneFile(positionals, 'FILE'), values.json ?? false);
  });
}

function replay(file: string, json: boolean): number {
  const fail = (message: string) => {
    process.stderr.write(`replay: ${message}\n`);
    return 1;
  };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return fail(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  try {
    const save = parseSaveFile(text, file);
    const known = scenarioIds();
    if (!known.includes(save.scenario))
      return fail(`${file}: unknown scenario "${save.scenario}" (known: ${known.join(', ')})`);
    const { G } = replaySaved(save, createDice(save.seed));
    const result = { hash: hashState(G), winner: G.result?.winner ?? null, turns: G.result?.turn ?? G.turn };
    if (save.finalHash !== undefined && save.finalHash !== result.hash) {
      return fail(`${file}: final state hash ${result.hash} disagrees with the recorded finalHash ${save.finalHash}`);
    }
    const winner = result.winner;
    process.stdout.write(
      json
        ? `${JSON.stringify({ hash: result.hash, winner, turns: result.turns })}\n`
        : `sha256 ${result.hash}\nwinner ${winner ?? 'none'} (turn ${result.turns})\n`,
    );
    return 0;
  } catch (err) {
    if (err instanceof SaveFileError) return fail(err.message);
    if (err instanceof ReplayError) return fail(`${file}: ${err.message}`);
    throw err;
  }
}

runAsScript(import.meta.url, 'replay', main);

/**
 * A saved game replayed through boardgame.io's real engine (a local Client), kept only to prove the
 * game's one replay (src/rules/replay.ts) right: tests/rules/replay-parity.test.ts and the sim and
 * report tests compare the two on the same saves.
 */
import type { SaveFile } from '../../src/content/save-file';
import {
  dispatch,
  outcome,
  ReplayError,
  setupOf,
  startClient,
  trueState,
  type EngineGame,
  type EngineOutcome,
} from '../../src/sim/engine-replay';
import type { RulesPort } from '../../src/sim/rules-port';

/**
 * Replays `save` through the engine. Illegal actions are reported with their index and reason
 * (checked against the pure legal-move list first, so the reason is in the game's words).
 */
export function replayThroughEngine(game: EngineGame, rules: RulesPort, save: SaveFile): EngineOutcome {
  const client = startClient(game, setupOf(save), save.seed);
  try {
    save.actions.forEach((a, i) => {
      const G = trueState(client).G;
      const at = `action #${i} (${a.seat} ${a.move} ${JSON.stringify(a.args)})`;
      if (G.result) throw new ReplayError(`${at}: the game already ended on turn ${G.result.turn}`);
      const roles = G.players[a.player];
      if (!roles) throw new ReplayError(`${at}: there is no player "${a.player}" in a ${save.variant}-seat game`);
      if (!roles.includes(a.seat))
        throw new ReplayError(`${at}: player ${a.player} holds ${roles.join(', ')}, not ${a.seat}`);
      // The White Cell acts whenever it likes; its powers are checked by the engine alone.
      if (a.seat !== 'white') {
        const acting = rules.actingSeat(G);
        if (acting !== a.seat) throw new ReplayError(`${at}: it is ${acting ?? 'nobody'}'s action, not ${a.seat}'s`);
        const legal = rules.legalMoves(G, a.seat);
        const wanted = JSON.stringify({ move: a.move, args: a.args });
        // A matrix argument is free text: the list cannot hold it, the engine checks it.
        if (
          a.move !== 'proposeArgument' &&
          !legal.some((l) => JSON.stringify({ move: l.move, args: l.args }) === wanted)
        ) {
          const same = legal.filter((l) => l.move === a.move).length;
          throw new ReplayError(
            `${at}: not a legal move for ${a.seat} now (${same ? `${same} other argument choices are legal` : `${a.move} is not legal at all`}; ${legal.length} legal moves)`,
          );
        }
      }
      const refused = dispatch(client, a.player, { move: a.move, args: a.args }, a.why);
      if (refused) throw new ReplayError(`${at}: the engine refused it: ${refused}`);
    });
    return outcome(client);
  } finally {
    client.stop();
  }
}

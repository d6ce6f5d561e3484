/**
 * docs/SEMINAR.md's parts that state a rule's number (the White Cell's approval line, a matrix
 * argument's cost and odds), written from the constants (`npm run docs:rules`; docs.ts).
 */
import { MOVE_CATALOGUE, WHITE_MOVE_NAMES } from '../content/moves';
import { RULE_NUMBERS } from '../content/rule-numbers';
import { wrap } from './docs-blocks';

const M = RULE_NUMBERS.matrix;

/** The console's powers, one row each. */
function powers(): string {
  const rows: [string, string, string][] = [
    ['Upcoming injects', 'list of the next cards, top first', 'see what is coming and plan the story'],
    ['Force an inject now', '_Force now_ on a card', 'bring a crisis forward'],
    ['Schedule an inject', 'pick a turn → _Schedule_', 'fix the summit-turn surprise in advance'],
    ['Hold the next inject', '_Hold the next inject_ (toggle)', 'give the cells a quiet turn after a hard one'],
    ['Write an inject', 'title, text, typed changes → _Play_', 'bring in the event the room needs (a typhoon, a leak)'],
    ['Override a track', 'track, new value → _Override_', 'overrule a result the room finds implausible'],
    [
      'Fix the next roll',
      'a face of the die → _Fix the next roll_',
      'play out a scripted moment (a strong Russian push)',
    ],
    ['Pause / resume', '_Pause_', 'summit discussions, coffee, an argument in the room'],
    ['Rewind', 'a turn → _Rewind to the start_', 'replay a turn a cell misread; the old line is kept'],
    ['Reopen a branch', '_Reopen_ on a kept branch', 'go back to the line you left (the current one is kept)'],
    [WHITE_MOVE_NAMES.whiteRequireApproval, 'the checkbox', 'make every escalation near war a deliberate decision'],
    ['Adjudication', 'Rigid / Free', 'allow matrix arguments'],
  ];
  return [['Power', 'Console', 'Use it to'], ['---', '---', '---'], ...rows]
    .map((r) => `| ${r.join(' | ')} |`)
    .join('\n');
}

/** How a matrix argument is decided. */
function matrix(): string {
  return wrap(
    `With **Free** adjudication, a cell may spend ${MOVE_CATALOGUE.proposeArgument.cost} action points on an argument instead of a move: what it does, the result it wants, why it would work, and the changes if it succeeds (the argument form). The game waits for the White Cell, who rates it 1 (very unlikely) to ${M.ratings} (very likely); a die decides, success on d6 ≥ ${M.target} − rating (rating 1 needs ${M.target - 1}+). The effect is applied as the typed changes and logged with the rating and the reason. Good practice: ask the other cells for counter-arguments before rating, and keep each argument to one minute.`,
  );
}

export const SEMINAR_BLOCKS: Record<string, () => string> = { powers, matrix };

/** Composition root of the browser client: styles, the start screen, local games and replays. */
import './styles.css';
import './layout.css';
import { SCENARIOS, SPECIALS } from '../content/scenario';
import type { SpecialId } from '../content/specials';
import type { Scenario } from '../content/schemas';
import { forgetAutosave, keepAutosaved, readAutosave, resumeOnLoad, type Autosave } from './autosave';
import { GameScreen } from './game-screen';
import { controlsFromSave, handicapsFor, LocalGame } from './local-game';
import { ReplayViewer } from './replay-viewer';
import { parseSaveFile } from '../content/save-file';
import { randomSeed, showStartScreen, type ScenarioInfo } from './start-screen';
import { SEATS, type BySeat, type Seat, type Variant } from '../content/ids';
import { PLAYERS_BY_VARIANT } from '../content/seats';
import type { SeatControl } from './local-game';
import { DEFAULT_BOT } from '../content/bot-spec';
import { onlineRouter } from './online/index';
import { mountCoach } from './coach';
import {
  broadcastProjector,
  openProjectorWindow,
  PROJECTOR_QUERY,
  showProjectorWindow,
} from './seminar/projector-window';

const root = document.getElementById('app')!;
const scenarioList: Scenario[] = (
  Array.isArray(SCENARIOS) ? SCENARIOS : Object.values(SCENARIOS as unknown as Record<string, Scenario>)
) as Scenario[];
/** The guided first game: its scenario is not in the lists people pick from. */
const tutorial = scenarioList.find((s) => s.tutorial) ?? null;
const scenarios: ScenarioInfo[] = scenarioList
  .filter((s) => !s.tutorial)
  .map((s) => ({
    id: s.id,
    name: s.name,
    briefing: s.briefing,
    specials: s.specials.map((id) => SPECIALS[id as SpecialId]),
    turns: s.turns,
    variants: s.variants,
    studyQuestions: s.studyQuestions,
  }));
const scenarioName = (id: string) => scenarioList.find((s) => s.id === id)?.name ?? id;

/** Read-only hooks for the end-to-end tests and the benchmark (state, never a way to change it). */
const hooks = { game: null as LocalGame | null, replay: null as ReplayViewer | null };
/** Stops posting the current local game to the projector window, and autosaving it. */
let stopProjector: () => void = () => undefined;
let stopAutosave: () => void = () => undefined;
(window as unknown as { __eat: unknown }).__eat = {
  state: () => hooks.replay?.state() ?? hooks.game?.G ?? null,
  actions: () => hooks.game?.actions.length ?? 0,
  save: () => hooks.game?.toSave() ?? null,
  reactions: () => hooks.game?.setup.reactions ?? null,
};

/** The autosaved game, or null (a damaged one is reported on the start screen). */
function autosaved(): { entry: Autosave | null; error?: string } {
  try {
    return { entry: readAutosave(localStorage) };
  } catch (err) {
    return { entry: null, error: (err as Error).message };
  }
}

/** Continue the autosaved game exactly where it was (a reload, or Continue on the start screen). */
function resume(entry: Autosave): void {
  try {
    const game = LocalGame.fromSave(entry.save, entry.controls);
    if (entry.reactions) game.setup.reactions = entry.reactions;
    void play(game, entry.projector);
  } catch (err) {
    home(`The autosaved game could not be resumed: ${(err as Error).message}`);
  }
}

function home(error?: string): void {
  stopProjector();
  stopAutosave();
  hooks.game = null;
  hooks.replay = null;
  const saved = autosaved();
  showStartScreen(
    root,
    scenarios,
    {
      onStart: (setup, projector) => void play(new LocalGame(setup), projector),
      onLoad: (text, name) => {
        const save = parseSaveFile(text, name);
        void play(LocalGame.fromSave(save, controlsFromSave(save)), false);
      },
      onReplay: (text, name) => void replay(text, name),
      onOnline: () => (location.hash = '#/lobby'),
      ...(tutorial ? { onTutorial: () => void play(tutorialGame(tutorial.id), false) } : {}),
      ...(saved.entry && !saved.entry.finished ? { resume: resumeChoice(saved.entry) } : {}),
    },
    error ?? saved.error,
  );
}

/** The start screen's offer to continue the unfinished autosaved game. */
function resumeChoice(entry: Autosave): { label: string; onResume: () => void; onDiscard: () => void } {
  return {
    label: `Continue the unfinished game: ${scenarioName(entry.save.scenario)}, turn ${entry.turn}, seed ${entry.save.seed} (autosaved ${new Date(entry.savedAt).toLocaleString()})`,
    onResume: () => resume(entry),
    onDiscard: () => {
      forgetAutosave();
      home();
    },
  };
}

async function play(game: LocalGame, projector: boolean, botSpeed?: number): Promise<void> {
  hooks.game = game;
  stopProjector();
  stopAutosave();
  stopAutosave = keepAutosaved(game, () => projector);
  stopProjector = broadcastProjector(game.session, scenarioName(game.setup.scenario));
  const screen = new GameScreen(root, game, {
    scenarioName: scenarioName(game.setup.scenario),
    projector,
    ...(game.setup.whiteCell ? { seminar: game.session } : {}),
    onProjectorWindow: openProjectorWindow,
    ...(botSpeed !== undefined ? { botSpeed } : {}),
    onExit: () => home(),
    onReplay: (text) => void replay(text, 'this game'),
  });
  await document.fonts.load('700 16px Inter');
  await screen.start();
  if (game.setup.scenario === tutorial?.id) {
    const seat = SEATS.find((s) => game.setup.controls[s].kind === 'human') ?? TUTORIAL_SEAT;
    const coach = mountCoach(root, { getState: () => game.session.state(), subscribe: game.session.subscribe }, seat);
    const stop = stopProjector;
    stopProjector = () => {
      coach.destroy();
      stop();
    };
  }
}

/** The seat a newcomer plays in the guided first game: Japan has few, clear moves. */
const TUTORIAL_SEAT = 'japan';

/** A new guided first game: the newcomer plays Japan, bots at level 3 play the others. */
function tutorialGame(id: string): LocalGame {
  const controls = Object.fromEntries(
    SEATS.map((s): [Seat, SeatControl] => [s, { kind: s === TUTORIAL_SEAT ? 'human' : 'bot', bot: DEFAULT_BOT }]),
  ) as BySeat<SeatControl>;
  return new LocalGame({ scenario: id, variant: 4, seed: randomSeed(), controls, handicap: handicapsFor(controls) });
}

async function replay(text: string, name: string): Promise<void> {
  stopProjector();
  stopAutosave();
  try {
    const save = parseSaveFile(text, name);
    const viewer = new ReplayViewer(root, save, { scenarioName: scenarioName(save.scenario), onExit: () => home() });
    hooks.game = null;
    hooks.replay = viewer;
    await document.fonts.load('700 16px Inter');
    await viewer.start();
  } catch (err) {
    home((err as Error).message);
  }
}

/**
 * A direct link to a new game, e.g. `?play=baseline-2023&seed=abc&variant=4&humans=1&speed=0&projector=1`
 * (humans = player-group indices played by people; the others are bots at level 3; `white=1` adds a
 * White Cell at the table, `free=1` with it starts with free adjudication).
 */
function quickStart(q: URLSearchParams): boolean {
  const id = q.get('play');
  if (!id) return false;
  const info = scenarioList.find((s) => s.id === id);
  if (!info) {
    home(`Unknown scenario "${id}" in the link.`);
    return true;
  }
  const variant = (Number(q.get('variant')) || 4) as Variant;
  const humans = (q.get('humans') ?? '1').split(',').filter(Boolean).map(Number);
  const controls = Object.fromEntries(SEATS.map((s) => [s, { kind: 'bot', bot: DEFAULT_BOT }])) as BySeat<SeatControl>;
  PLAYERS_BY_VARIANT[variant].forEach((group, i) => {
    if (humans.includes(i)) for (const s of group) controls[s] = { kind: 'human', bot: DEFAULT_BOT };
  });
  const speed = q.get('speed');
  void play(
    new LocalGame({
      scenario: id,
      variant,
      seed: q.get('seed') || randomSeed(),
      controls,
      handicap: handicapsFor(controls),
      ...(q.get('white') === '1'
        ? { whiteCell: true, ...(q.get('free') === '1' ? { freeAdjudication: true } : {}) }
        : {}),
    }),
    q.get('projector') === '1',
    speed === null ? undefined : Number(speed),
  );
  return true;
}

const online = onlineRouter(root, {
  scenarios,
  home: () => home(),
  replay: (text) => void replay(text, 'the online match'),
});
const query = new URLSearchParams(location.search);
// The projector window of a hot-seat game in another tab (GameScreen's "Projector window").
if (query.has(PROJECTOR_QUERY)) showProjectorWindow(root);
else if (!online.route()) {
  // A reload (F5) of a tab that had a local game running resumes it; a link or the start screen otherwise.
  const saved = resumeOnLoad() ? autosaved().entry : null;
  if (saved) resume(saved);
  else if (!quickStart(query)) home();
}

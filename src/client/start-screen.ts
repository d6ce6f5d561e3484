/**
 * The start screen: scenario with its briefing, seat variant, who plays each seat (person or bot and
 * its difficulty), the seed (random by default, editable), load a saved game, open a replay, the rules.
 */
import { SEATS, type BySeat, type Seat, type Variant } from '../content/ids';
import { PLAYERS_BY_VARIANT, SEAT_AIMS, SEAT_STYLE } from '../content/seats';
import { h, readFile, seatChip } from './dom';
import { BOT_CHOICES, DEFAULT_BOT, formatBotSpec, parseBotSpec } from '../content/bot-spec';
import { handicapsFor, levelHint, type GameSetup, type SeatControl } from './local-game';
import { openRules } from './rules-reference';
import { studyField } from './seminar/study-field';

export interface ScenarioInfo {
  id: string;
  name: string;
  briefing: string;
  /** Its special rules in players' words (SPECIALS: their numbers come from the rules' constants). */
  specials: readonly string[];
  turns: number;
  variants: readonly number[];
  /** The questions a seminar on this scenario might study. */
  studyQuestions: readonly string[];
}

export interface StartChoices {
  onStart(setup: GameSetup, projector: boolean): void;
  onLoad(text: string, fileName: string): void;
  onReplay(text: string, fileName: string): void;
  /** Open the online lobby (play with people elsewhere). */
  onOnline?(): void;
  /** The guided first game (a short tutorial with a coach). */
  onTutorial?(): void;
  /** The unfinished game autosaved in this browser: continue it, or throw it away. */
  resume?: { label: string; onResume(): void; onDiscard(): void };
}

/** A fresh random seed: chance comes from the browser here, and only here (never in rules or bots). */
export function randomSeed(): string {
  const b = new Uint32Array(2);
  crypto.getRandomValues(b);
  return [...b]
    .map((n) => n.toString(36))
    .join('')
    .slice(0, 10);
}

export function showStartScreen(
  root: HTMLElement,
  scenarios: readonly ScenarioInfo[],
  choices: StartChoices,
  error?: string,
): void {
  document.body.classList.remove('projector');
  const scenarioSel = h(
    'select',
    { attrs: { id: 'scenario', 'aria-describedby': 'briefing' } },
    ...scenarios.map((s) => h('option', { value: s.id, text: `${s.name} (${s.turns} turns)` })),
  );
  const briefing = h('p', { class: 'briefing', attrs: { id: 'briefing' } });
  const specials = h('ul', { class: 'sub', attrs: { id: 'scenario-specials', 'aria-label': 'Special rules' } });
  const variantSel = h('select', { attrs: { id: 'variant' } });
  const seatRows = h('div', { class: 'seat-rows', attrs: { id: 'seat-rows' } });
  const seedInput = h('input', {
    type: 'text',
    value: randomSeed(),
    attrs: { id: 'seed', 'aria-label': 'Seed', spellcheck: 'false', size: 14 },
  });
  const projector = h('input', { type: 'checkbox', attrs: { id: 'projector-start' } });
  const whiteCell = h('input', { type: 'checkbox', attrs: { id: 'white-cell' } });
  const freeAdjudication = h('input', { type: 'checkbox', disabled: true, attrs: { id: 'free-adjudication' } });
  // Matrix arguments need an umpire to rate them.
  whiteCell.addEventListener('change', () => {
    freeAdjudication.disabled = !whiteCell.checked;
    if (!whiteCell.checked) freeAdjudication.checked = false;
  });
  const study = studyField();
  const errorBox = h('p', { class: 'error', attrs: { role: 'alert', id: 'start-error' }, text: error ?? '' });
  const controls: BySeat<SeatControl> = {
    china: { kind: 'bot', bot: DEFAULT_BOT },
    nato: { kind: 'human', bot: DEFAULT_BOT },
    japan: { kind: 'bot', bot: DEFAULT_BOT },
    korea: { kind: 'bot', bot: DEFAULT_BOT },
  };

  const scenario = () => scenarios.find((s) => s.id === scenarioSel.value) ?? scenarios[0]!;
  const refreshVariants = () => {
    const cur = Number(variantSel.value) || 4;
    const vs = [...scenario().variants].sort((a, b) => b - a);
    variantSel.replaceChildren(
      ...vs.map((v) => h('option', { value: String(v), text: variantLabel(v as Variant), selected: v === cur })),
    );
    briefing.textContent = scenario().briefing;
    specials.replaceChildren(...scenario().specials.map((text) => h('li', { text })));
    study.setProposals(scenario().studyQuestions);
    refreshSeats();
  };
  const refreshSeats = () => {
    const groups = PLAYERS_BY_VARIANT[Number(variantSel.value) as Variant] ?? PLAYERS_BY_VARIANT[4];
    seatRows.replaceChildren();
    groups.forEach((group, i) => {
      const first = controls[group[0]!];
      const label = group.map((s) => SEAT_STYLE[s].name).join(' + ');
      const who = h(
        'select',
        { attrs: { id: `who-${i}`, 'aria-label': `${label}: played by` } },
        h('option', { value: 'human', text: 'A person', selected: first.kind === 'human' }),
        h('option', { value: 'bot', text: 'A bot', selected: first.kind === 'bot' }),
      );
      const level = h(
        'select',
        { attrs: { id: `level-${i}`, 'aria-label': `${label}: bot difficulty` }, disabled: first.kind !== 'bot' },
        ...BOT_CHOICES.filter((b) => b.kind !== 'random').map((b) =>
          h('option', {
            value: formatBotSpec(b),
            text: levelHint(b),
            selected: formatBotSpec(b) === formatBotSpec(first.bot),
          }),
        ),
      );
      const sync = () => {
        for (const s of group)
          controls[s] = { kind: who.value as 'human' | 'bot', bot: parseBotSpec(level.value, 'difficulty menu') };
        level.disabled = who.value !== 'bot';
      };
      who.addEventListener('change', sync);
      level.addEventListener('change', sync);
      sync();
      seatRows.append(
        h(
          'div',
          { class: 'row', attrs: { title: group.map((s) => SEAT_AIMS[s]).join(' ') } },
          ...group.map((s) => seatChip(SEAT_STYLE[s].css, SEAT_STYLE[s].glyph, SEAT_STYLE[s].name)),
          h('strong', { text: label }),
        ),
        who,
        level,
      );
    });
  };
  scenarioSel.addEventListener('change', refreshVariants);
  variantSel.addEventListener('change', refreshSeats);

  const fileButton = (id: string, label: string, onText: (text: string, name: string) => void) => {
    const input = h('input', { type: 'file', accept: '.json,application/json', attrs: { id, 'aria-label': label } });
    input.addEventListener('change', async () => {
      const f = input.files?.[0];
      if (!f) return;
      try {
        onText(await readFile(f), f.name);
      } catch (err) {
        errorBox.textContent = (err as Error).message;
      }
    });
    return h('label', { class: 'row' }, h('span', { text: label }), input);
  };

  const start = h('button', {
    class: 'primary',
    text: 'Start game',
    attrs: { id: 'start' },
    on: {
      click: () => {
        const seed = seedInput.value.trim();
        if (!seed) {
          errorBox.textContent = 'The seed may not be empty.';
          seedInput.focus();
          return;
        }
        const variant = Number(variantSel.value) as Variant;
        const picked = Object.fromEntries(SEATS.map((s) => [s, { ...controls[s] }])) as BySeat<SeatControl>;
        choices.onStart(
          {
            scenario: scenario().id,
            variant,
            seed,
            controls: picked,
            handicap: handicapsFor(picked),
            ...(whiteCell.checked ? { whiteCell: true } : {}),
            ...(freeAdjudication.checked ? { freeAdjudication: true } : {}),
            ...(study.value() ? { study: study.value() } : {}),
          },
          projector.checked,
        );
      },
    },
  });

  const card = h(
    'div',
    { class: 'card' },
    h('h1', { text: 'East Asia Tomorrow' }),
    choices.resume
      ? h(
          'div',
          { class: 'row resume', attrs: { id: 'resume-row' } },
          h('button', {
            class: 'primary',
            text: choices.resume.label,
            attrs: { id: 'resume-game' },
            on: { click: () => choices.resume!.onResume() },
          }),
          h('button', {
            text: 'Discard it',
            attrs: { id: 'discard-autosave' },
            on: { click: () => choices.resume!.onDiscard() },
          }),
        )
      : null,
    h('p', {
      class: 'sub',
      text: 'Does internationalized deterrence hold the line in the Indo-Pacific without starving Ukraine or tipping the world into war?',
    }),
    h(
      'fieldset',
      {},
      h('legend', { text: 'Scenario' }),
      h('label', { class: 'row' }, h('span', { text: 'Scenario' }), scenarioSel),
      briefing,
      specials,
    ),
    h(
      'fieldset',
      {},
      h('legend', { text: 'Seats' }),
      h('label', { class: 'row' }, h('span', { text: 'Players' }), variantSel),
      h('p', {
        class: 'sub',
        text: 'Every seat a person plays is played at this screen (hot-seat); the screen is handed over between them. Bots play the rest.',
      }),
      seatRows,
    ),
    h(
      'fieldset',
      {},
      h('legend', { text: 'Seminar (optional)' }),
      h('label', { class: 'row' }, whiteCell, h('span', { text: 'White Cell (umpire) at this table' })),
      h(
        'label',
        { class: 'row' },
        freeAdjudication,
        h('span', { text: 'Free (matrix) adjudication: seats may argue, the White Cell rates, a die decides' }),
      ),
      h('p', {
        class: 'sub',
        style: { margin: '6px 0 0' },
        text: 'The White Cell is one more person at this screen: a facilitator who sees everything, forces injects, overrides results and rewinds turns; every act is logged with its reason. The White Cell button hands the screen to it at any time.',
      }),
      study.el,
    ),
    h(
      'fieldset',
      {},
      h('legend', { text: 'Seed' }),
      h(
        'div',
        { class: 'row' },
        seedInput,
        h('button', { text: 'New random seed', on: { click: () => (seedInput.value = randomSeed()) } }),
        h('span', { class: 'sub', text: 'The same seed and the same moves give the same game.' }),
      ),
      h('label', { class: 'row' }, projector, h('span', { text: 'Projector view (large type, no secrets on screen)' })),
    ),
    h(
      'div',
      { class: 'row' },
      start,
      choices.onTutorial
        ? h('button', {
            text: 'Guided first game',
            attrs: { id: 'start-tutorial', title: 'A short game as Japan with a coach: one idea at a time' },
            on: { click: () => choices.onTutorial!() },
          })
        : null,
      h('button', { text: 'Rules reference', attrs: { id: 'open-rules' }, on: { click: () => void openRules() } }),
      choices.onOnline
        ? h('button', { text: 'Play online…', attrs: { id: 'play-online' }, on: { click: () => choices.onOnline!() } })
        : null,
    ),
    errorBox,
    h(
      'fieldset',
      { style: { marginTop: '16px' } },
      h('legend', { text: 'Continue or watch' }),
      fileButton('load-file', 'Load a saved game to continue:', (t, n) => choices.onLoad(t, n)),
      fileButton('replay-file', 'Open a replay (saved game or simulation):', (t, n) => choices.onReplay(t, n)),
    ),
  );
  root.replaceChildren(h('div', { class: 'screen', attrs: { id: 'start-screen' } }, card));
  refreshVariants();
  start.focus();
}

function variantLabel(v: Variant): string {
  return v === 4
    ? '4 players: one seat each'
    : v === 3
      ? '3 players: China, NATO, Japan + South Korea'
      : '2 players: China against the West';
}

export type { Seat };

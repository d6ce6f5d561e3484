/**
 * The online lobby: the open matches (paged, refreshed), and a new match — scenario with its briefing, seat
 * variant, White Cell, which seats bots play and how well, an optional clock, listed or by link only.
 */
import type { Variant } from '../../content/ids';
import { PLAYERS_BY_VARIANT } from '../../content/seats';
import { h } from '../dom';
import type { ScenarioInfo } from '../start-screen';
import { studyField } from '../seminar/study-field';
import { BOT_LEVELS, lobbyApi, type BotLevel, type CreateRequest, type MatchInfo } from './api';
import { ago, clockWords, holderWords, levelWords, seatChips, seatKind, seatLabel } from './match-words';
import { go } from './routes';
import { seatKeys } from './seat-keys';

export interface LobbyPageOptions {
  scenarios: readonly ScenarioInfo[];
  onHome: () => void;
}

export function showLobby(root: HTMLElement, opts: LobbyPageOptions): () => void {
  document.body.classList.remove('projector');
  const scenarioName = (id: string) => opts.scenarios.find((s) => s.id === id)?.name ?? id;
  const list = h('div', { class: 'match-list', attrs: { id: 'match-list', 'aria-live': 'polite' } });
  const listError = h('p', { class: 'error', attrs: { role: 'alert' } });

  const more = h('button', { class: 'small', text: 'More matches', attrs: { id: 'more-matches' } });
  more.hidden = true;
  /** How many pages the player has opened: a refresh reloads that many, so the list does not shrink under them. */
  let pages = 1;
  const load = async (count: number) => {
    const matches: MatchInfo[] = [];
    let next: string | undefined;
    for (let i = 0; i < count; i++) {
      const page = await lobbyApi.listOpen(next);
      matches.push(...page.matches);
      next = page.next;
      if (!next) break;
    }
    listError.textContent = '';
    list.replaceChildren(
      ...(matches.length
        ? matches.map((m) => matchRow(m, scenarioName(m.setupData.scenario)))
        : [h('p', { class: 'sub', text: 'No open matches yet. Create one below and send the invite links.' })]),
    );
    more.hidden = !next;
  };
  const refresh = async () => {
    try {
      await load(pages);
    } catch (err) {
      listError.textContent = (err as Error).message;
    }
  };
  more.addEventListener('click', () => {
    pages++;
    void refresh();
  });
  // The list stays fresh while the page is open; closing the page stops it.
  const timer = setInterval(() => void refresh(), 5000);

  const card = h(
    'div',
    { class: 'card lobby' },
    h(
      'div',
      { class: 'title-row' },
      h('h1', { text: 'Play online' }),
      h('button', {
        text: '← Start screen',
        attrs: { id: 'lobby-home' },
        on: {
          click: () => {
            clearInterval(timer);
            opts.onHome();
          },
        },
      }),
    ),
    h('p', {
      class: 'sub',
      text: 'Create a match, send each player the invite link for their seat, and play from anywhere. Empty seats are played by the server’s bots.',
    }),
    h(
      'fieldset',
      {},
      h(
        'legend',
        {},
        'Open matches ',
        h('button', {
          class: 'small',
          text: 'Refresh',
          attrs: { id: 'refresh-matches' },
          on: { click: () => void refresh() },
        }),
      ),
      list,
      more,
      listError,
    ),
    createForm(opts.scenarios),
  );
  root.replaceChildren(h('div', { class: 'screen online', attrs: { id: 'lobby' } }, card));
  void refresh();
  return () => clearInterval(timer);
}

function matchRow(m: MatchInfo, scenario: string): HTMLElement {
  const seats = m.players.map((s) =>
    h(
      'span',
      { class: `seat-pill ${seatKind(m, s)}`, attrs: { title: holderWords(m, s) } },
      ...seatChips(m.setupData, s.id),
      h('span', { text: seatKind(m, s) === 'open' ? 'open' : holderWords(m, s) }),
    ),
  );
  const open = m.players.filter((s) => seatKind(m, s) === 'open').length;
  return h(
    'div',
    { class: 'match-row', attrs: { 'data-match': m.matchID } },
    h(
      'div',
      { class: 'match-main' },
      h('strong', { text: scenario }),
      h('span', {
        class: 'sub',
        text: ` · ${m.setupData.variant} players${m.setupData.whiteCell ? ' + White Cell' : ''} · ${clockWords(m.options.clock)} · ${ago(m.updatedAt)}`,
      }),
      h('div', { class: 'seat-pills' }, ...seats),
    ),
    h('button', {
      class: open ? 'primary' : '',
      text: open ? `Join (${open} open)` : 'Watch',
      on: { click: () => go({ page: 'match', matchID: m.matchID, seat: null }) },
    }),
  );
}

function createForm(scenarios: readonly ScenarioInfo[]): HTMLElement {
  const scenarioSel = h(
    'select',
    { attrs: { id: 'online-scenario', 'aria-describedby': 'online-briefing' } },
    ...scenarios.map((s) => h('option', { value: s.id, text: `${s.name} (${s.turns} turns)` })),
  );
  const briefing = h('p', { class: 'briefing', attrs: { id: 'online-briefing' } });
  const variantSel = h('select', { attrs: { id: 'online-variant' } });
  const whiteCell = h('input', { type: 'checkbox', attrs: { id: 'online-white-cell' } });
  const seatRows = h('div', { class: 'seat-rows', attrs: { id: 'online-seats' } });
  const clockMode = h(
    'select',
    { attrs: { id: 'clock-mode', 'aria-label': 'Clock' } },
    h('option', { value: '', text: 'No clock' }),
    h('option', { value: 'turn', text: 'Time per turn' }),
    h('option', { value: 'game', text: 'Time per player for the whole game' }),
  );
  const clockMinutes = h('input', {
    type: 'number',
    value: '5',
    attrs: { id: 'clock-minutes', min: 0.5, max: 10080, step: 0.5, 'aria-label': 'Minutes', size: 5 },
  });
  const onTimeout = h(
    'select',
    { attrs: { id: 'clock-timeout', 'aria-label': 'When time runs out' } },
    h('option', { value: 'pass', text: 'the seat passes' }),
    h('option', { value: 'bot', text: 'a bot plays the seat' }),
  );
  const clockDetail = h(
    'span',
    { class: 'row' },
    clockMinutes,
    h('span', { text: 'minutes; when time runs out' }),
    onTimeout,
  );
  const unlisted = h('input', { type: 'checkbox', attrs: { id: 'online-unlisted' } });
  const study = studyField();
  const error = h('p', { class: 'error', attrs: { role: 'alert', id: 'create-error' } });
  /** Per player group: '' = a person, else a bot level. */
  const who: string[] = ['', 'bot:3', 'bot:3', 'bot:3'];

  const scenario = () => scenarios.find((s) => s.id === scenarioSel.value) ?? scenarios[0]!;
  const variant = () => Number(variantSel.value) as Variant;
  const refreshVariants = () => {
    const cur = Number(variantSel.value) || 4;
    variantSel.replaceChildren(
      ...[...scenario().variants]
        .sort((a, b) => b - a)
        .map((v) =>
          h('option', {
            value: String(v),
            text: `${v} players${v === 4 ? ': one seat each' : v === 3 ? ': Japan + South Korea together' : ': China against the West'}`,
            selected: v === cur,
          }),
        ),
    );
    briefing.textContent = scenario().briefing;
    study.setProposals(scenario().studyQuestions);
    refreshSeats();
  };
  const refreshSeats = () => {
    const setup = { scenario: scenario().id, variant: variant(), whiteCell: whiteCell.checked };
    const groups = PLAYERS_BY_VARIANT[variant()];
    seatRows.replaceChildren();
    groups.forEach((_g, i) => {
      const label = seatLabel(setup, i);
      const sel = h(
        'select',
        {
          attrs: { id: `online-who-${i}`, 'aria-label': `${label}: played by` },
          on: { change: () => (who[i] = sel.value) },
        },
        h('option', { value: '', text: 'A person (invite link)' }),
        ...BOT_LEVELS.map((l) =>
          h('option', { value: `bot:${l}`, text: `A bot, ${levelWords(l)}`, selected: who[i] === `bot:${l}` }),
        ),
      );
      if (!who[i]) sel.value = '';
      seatRows.append(h('div', { class: 'row' }, ...seatChips(setup, i), h('strong', { text: label })), sel);
    });
    if (whiteCell.checked)
      seatRows.append(
        h('div', { class: 'row' }, ...seatChips(setup, groups.length), h('strong', { text: 'White Cell' })),
        h('span', { class: 'sub', text: 'A person: the umpire’s console (injects, overrides, adjudication)' }),
      );
  };
  scenarioSel.addEventListener('change', refreshVariants);
  variantSel.addEventListener('change', refreshSeats);
  whiteCell.addEventListener('change', refreshSeats);
  const syncClock = () => (clockDetail.hidden = clockMode.value === '');
  clockMode.addEventListener('change', syncClock);
  syncClock();

  const create = h('button', {
    class: 'primary',
    text: 'Create match',
    attrs: { id: 'create-match' },
    on: {
      click: async () => {
        const groups = PLAYERS_BY_VARIANT[variant()].length;
        const bots: Record<string, BotLevel> = {};
        for (let i = 0; i < groups; i++) if (who[i]) bots[String(i)] = who[i]!.slice(4) as BotLevel;
        if (Object.keys(bots).length === groups && !whiteCell.checked) {
          error.textContent = 'At least one seat must be a person’s.';
          return;
        }
        const req: CreateRequest = {
          setupData: {
            scenario: scenario().id,
            variant: variant(),
            ...(whiteCell.checked ? { whiteCell: true } : {}),
            ...(study.value() ? { study: study.value() } : {}),
          },
          ...(Object.keys(bots).length ? { bots } : {}),
          ...(unlisted.checked ? { unlisted: true } : {}),
        };
        if (clockMode.value) {
          const seconds = Math.round(Number(clockMinutes.value) * 60);
          if (!Number.isFinite(seconds) || seconds < 10) {
            error.textContent = 'The clock needs at least 10 seconds.';
            clockMinutes.focus();
            return;
          }
          req.clock = {
            mode: clockMode.value as 'turn' | 'game',
            seconds,
            onTimeout: onTimeout.value as 'pass' | 'bot',
          };
        }
        create.disabled = true;
        try {
          const { matchID, creatorToken } = await lobbyApi.create(req);
          seatKeys.keepCreatorToken(matchID, creatorToken);
          go({ page: 'match', matchID, seat: null });
        } catch (err) {
          error.textContent = (err as Error).message;
        } finally {
          create.disabled = false;
        }
      },
    },
  });
  refreshVariants();

  return h(
    'fieldset',
    { attrs: { id: 'create-form' } },
    h('legend', { text: 'New match' }),
    h('label', { class: 'row' }, h('span', { text: 'Scenario' }), scenarioSel),
    briefing,
    h('label', { class: 'row', style: { marginTop: '10px' } }, h('span', { text: 'Players' }), variantSel),
    h(
      'label',
      { class: 'row' },
      whiteCell,
      h('span', { text: 'With a White Cell (an umpire seat for seminars; a person must hold it)' }),
    ),
    seatRows,
    study.el,
    h('div', { class: 'row', style: { marginTop: '10px' } }, h('span', { text: 'Clock' }), clockMode, clockDetail),
    h('label', { class: 'row' }, unlisted, h('span', { text: 'Unlisted: only people with a link can find it' })),
    h('div', { class: 'row', style: { marginTop: '12px' } }, create),
    error,
  );
}

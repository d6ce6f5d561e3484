/**
 * The White Cell console: the umpire's screen. It sees the whole state and drives every White Cell
 * power as an ordinary logged move with a written reason — injects (upcoming deck, schedule, hold,
 * force, write), track overrides, a fixed next roll, pause/resume, rewind and reopen, approvals,
 * matrix ratings and the adjudication mode. Nothing here decides rules: the rules refuse what is not
 * allowed and the console says so.
 */
import { SEATS, TRACK_IDS, TRACKS, type Track, type WhiteMoveName } from '../../content/ids';
import { injectById } from '../../content/injects';
import { MOVE_CATALOGUE } from '../../content/moves';
import { priorityById } from '../../content/priorities';
import { SEAT_NAMES } from '../../content/seats';
import { TRACK_NAMES } from '../../rules/labels';
import { margins } from '../../rules/scoring';
import type { GameState } from '../../rules/state';
import { h } from '../dom';
import { effectsForm, effectText } from './effects-form';
import { keepDrawn, type SeminarHandle, type SeminarSession } from './session';
import './seminar.css';

/** How many upcoming injects the console lists. */
const DECK_SHOWN = 6;

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

function cardTitle(G: GameState, id: string): string {
  return injectById(id)?.title ?? G.white?.written[id]?.title ?? id;
}

function priorityTitle(id: string): string {
  try {
    return priorityById(id)?.title ?? id;
  } catch {
    return id;
  }
}

/** Odds of a matrix rating: success on d6 ≥ 7 − rating. */
export function ratingOdds(rating: number): string {
  const need = 7 - rating;
  return `needs ${need}+ (${Math.round(((7 - need) / 6) * 100)}%)`;
}

export function mountWhiteCellConsole(root: HTMLElement, session: SeminarSession): SeminarHandle {
  const reason = h('textarea', {
    attrs: {
      id: 'wc-reason',
      rows: 2,
      maxlength: 500,
      placeholder: 'Why? Every White Cell act is logged with its reason.',
      'aria-label': 'Reason for the next White Cell act',
    },
  });
  const message = h('p', { class: 'wc-message', attrs: { id: 'wc-message', role: 'status', 'aria-live': 'polite' } });
  const status = h('div', { class: 'wc-status', attrs: { id: 'wc-status' } });
  const pending = h('section', {
    class: 'wc-pending',
    attrs: { id: 'wc-pending', 'aria-label': 'Waiting for the White Cell' },
  });
  const deck = h('ol', { class: 'wc-deck', attrs: { id: 'wc-deck' } });
  const scheduled = h('p', { class: 'wc-sub', attrs: { id: 'wc-scheduled' } });
  const history = h('div', { attrs: { id: 'wc-history' } });
  const statePanel = h('div', { class: 'wc-state', attrs: { id: 'wc-state' } });
  const logList = h('ol', { class: 'wc-log', attrs: { id: 'wc-log' } });
  let busy = false;

  /** Send one White Cell move with the reason; report the outcome in words. */
  async function act(move: WhiteMoveName, args: unknown[], done: string): Promise<boolean> {
    const why = reason.value.trim();
    if (!why) {
      message.textContent = 'Write a reason first: every White Cell act is logged with its reason.';
      message.className = 'wc-message wc-error';
      reason.focus();
      return false;
    }
    if (busy) return false;
    busy = true;
    try {
      const ok = await session.white(move, [...args, why]);
      message.textContent = ok ? done : `The rules refused this now (${move}). Nothing changed.`;
      message.className = `wc-message ${ok ? 'wc-ok' : 'wc-error'}`;
      if (ok) reason.value = '';
      return ok;
    } finally {
      busy = false;
      refresh();
    }
  }
  const button = (text: string, id: string, onClick: () => void, extra: Record<string, string> = {}) =>
    h('button', { text, attrs: { type: 'button', id, ...extra }, on: { click: onClick } });

  // Pause / resume.
  const pauseBtn = button('Pause', 'wc-pause', () => {
    const G = session.state();
    if (!G?.white) return;
    void (G.white.paused ? act('whiteResume', [], 'The game resumes.') : act('whitePause', [], 'The game is paused.'));
  });

  // Hold the next inject (a toggle).
  const holdBtn = button(
    'Hold the next inject',
    'wc-hold',
    () => void act('whiteHoldInject', [], 'Next inject: toggled.'),
  );

  // Write a free inject.
  const wTitle = h('input', {
    attrs: { id: 'wc-write-title', maxlength: 120, placeholder: 'Title', 'aria-label': 'Inject title' },
  });
  const wText = h('textarea', {
    attrs: {
      id: 'wc-write-text',
      rows: 2,
      maxlength: 1000,
      placeholder: 'What happens, in the words read to the room',
      'aria-label': 'Inject text',
    },
  });
  const wEffects = effectsForm('wc-write');
  const writeBtn = button('Play this inject now', 'wc-write', () => {
    const title = wTitle.value.trim();
    const text = wText.value.trim();
    if (!title || !text) {
      message.textContent = 'A written inject needs a title and a text.';
      message.className = 'wc-message wc-error';
      return;
    }
    void act('whiteWriteInject', [{ title, text, effects: wEffects.effects() }], `Inject “${title}” played.`).then(
      (ok) => {
        if (ok) {
          wTitle.value = '';
          wText.value = '';
          wEffects.clear();
        }
      },
    );
  });

  // Override a track.
  const oTrack = h(
    'select',
    { attrs: { id: 'wc-override-track', 'aria-label': 'Track to override' } },
    ...TRACK_IDS.map((t) => h('option', { text: TRACK_NAMES[t], attrs: { value: t } })),
  );
  const oValue = h('input', { attrs: { id: 'wc-override-value', type: 'number', step: 1, 'aria-label': 'New value' } });
  const syncRange = () => {
    const [lo, hi] = TRACKS[oTrack.value as Track];
    oValue.min = String(lo);
    oValue.max = String(hi);
    const G = session.state();
    if (G && document.activeElement !== oValue) oValue.value = String(G.tracks[oTrack.value as Track]);
  };
  oTrack.addEventListener('change', syncRange);
  const overrideBtn = button('Override', 'wc-override', () => {
    const track = oTrack.value as Track;
    const value = Math.trunc(Number(oValue.value));
    const [lo, hi] = TRACKS[track];
    if (!Number.isFinite(value) || value < lo || value > hi) {
      message.textContent = `${TRACK_NAMES[track]} runs from ${lo} to ${hi}.`;
      message.className = 'wc-message wc-error';
      return;
    }
    void act('whiteOverrideTrack', [track, value], `${TRACK_NAMES[track]} set to ${value}.`);
  });

  // Fix the next roll.
  const rollFace = h(
    'select',
    { attrs: { id: 'wc-roll-face', 'aria-label': 'Face of the next roll' } },
    ...[1, 2, 3, 4, 5, 6].map((f) => h('option', { text: String(f), attrs: { value: f } })),
  );
  const rollBtn = button(
    'Fix the next roll',
    'wc-force-roll',
    () => void act('whiteForceRoll', [Number(rollFace.value)], `The next roll will be a ${rollFace.value}.`),
  );

  // Rewind.
  const rewindTurn = h('select', { attrs: { id: 'wc-rewind-turn', 'aria-label': 'Turn to rewind to' } });
  const rewindBtn = button('Rewind to the start of this turn', 'wc-rewind', () => {
    const turn = Number(rewindTurn.value);
    if (!turn) return;
    void act('whiteRewind', [turn], `Rewound to the start of turn ${turn}; the abandoned line is kept as a branch.`);
  });

  // Approval and adjudication modes.
  const approvalBox = h('input', { attrs: { id: 'wc-approval', type: 'checkbox' } });
  approvalBox.addEventListener('change', () => {
    const want = approvalBox.checked;
    void act(
      'whiteRequireApproval',
      [want],
      want ? 'Actions at tension 8+ now need your approval.' : 'Approvals are off.',
    ).then((ok) => {
      if (!ok) approvalBox.checked = !want;
    });
  });
  const adjudication = h(
    'select',
    { attrs: { id: 'wc-adjudication', 'aria-label': 'Adjudication' } },
    h('option', { text: 'Rigid (the rules only)', attrs: { value: 'rigid' } }),
    h('option', { text: 'Free (matrix arguments allowed)', attrs: { value: 'free' } }),
  );
  adjudication.addEventListener('change', () => {
    const mode = adjudication.value as 'rigid' | 'free';
    void act('whiteSetAdjudication', [mode], `Adjudication is ${mode}.`).then((ok) => {
      if (!ok) refresh();
    });
  });

  root.replaceChildren(
    h(
      'div',
      { class: 'wc-console', attrs: { id: 'white-cell-console', role: 'region', 'aria-label': 'White Cell console' } },
      h('header', { class: 'wc-head' }, h('h2', { text: 'White Cell' }), status),
      h('label', { class: 'wc-reason' }, h('span', { text: 'Reason (required for every act)' }), reason),
      message,
      pending,
      h(
        'div',
        { class: 'wc-grid' },
        h(
          'section',
          { attrs: { 'aria-label': 'Game control' } },
          h('h3', { text: 'Game control' }),
          h('p', {}, pauseBtn),
          h('p', {}, h('label', {}, approvalBox, ' Approve every action at tension 8 or more')),
          h('p', {}, h('label', {}, 'Adjudication ', adjudication)),
          h('h3', { text: 'Override a track' }),
          h('p', {}, oTrack, ' → ', oValue, ' ', overrideBtn),
          h('h3', { text: 'Fix the next roll' }),
          h('p', {}, rollFace, ' ', rollBtn),
          h('h3', { text: 'Rewind' }),
          h('p', {}, rewindTurn, ' ', rewindBtn),
          history,
        ),
        h(
          'section',
          { attrs: { 'aria-label': 'Injects' } },
          h('h3', { text: 'Upcoming injects' }),
          deck,
          scheduled,
          h('p', {}, holdBtn),
          h('h3', { text: 'Write an inject' }),
          wTitle,
          wText,
          wEffects.el,
          h('p', {}, writeBtn),
        ),
        h(
          'section',
          { attrs: { 'aria-label': 'The whole state' } },
          h('h3', { text: 'The whole state' }),
          statePanel,
          h('h3', { text: 'Log (everything, hidden moves included)' }),
          logList,
        ),
      ),
    ),
  );

  function renderPending(G: GameState): void {
    const p = G.pending;
    if (p?.kind === 'approval') {
      pending.replaceChildren(
        h('h3', { text: `${SEAT_NAMES[p.seat]} asks for approval` }),
        h('p', {
          text: `${MOVE_CATALOGUE[p.action.move]?.name ?? p.action.move}${p.action.args.length ? ` (${p.action.args.map(String).join(', ')})` : ''}`,
        }),
        h(
          'p',
          {},
          button('Approve', 'wc-approve', () => void act('whiteDecide', [true], 'Approved.')),
          ' ',
          button('Refuse', 'wc-refuse', () => void act('whiteDecide', [false], 'Refused.')),
        ),
      );
      pending.hidden = false;
    } else if (p?.kind === 'adjudication') {
      const a = p.argument;
      pending.replaceChildren(
        h('h3', { text: `${SEAT_NAMES[p.seat]} argues` }),
        h(
          'dl',
          {},
          h('dt', { text: 'Action' }),
          h('dd', { text: a.action }),
          h('dt', { text: 'Intended result' }),
          h('dd', { text: a.result }),
          h('dt', { text: 'Reasons' }),
          h('dd', { text: a.reasons }),
          h('dt', { text: 'If it succeeds' }),
          h('dd', { text: a.effects.map(effectText).join(', ') }),
        ),
        h('p', { class: 'wc-sub', text: 'Rate it: a die decides (success on d6 ≥ 7 − rating).' }),
        h(
          'p',
          { class: 'wc-rates' },
          ...[1, 2, 3, 4, 5].map((r) =>
            button(
              `${r} — ${['very unlikely', 'unlikely', 'even', 'likely', 'very likely'][r - 1]} (${ratingOdds(r)})`,
              `wc-rate-${r}`,
              () => void act('whiteRate', [r], `Rated ${r}/5; the die has decided.`),
            ),
          ),
        ),
      );
      pending.hidden = false;
    } else {
      pending.replaceChildren();
      pending.hidden = true;
    }
  }

  function renderDeck(G: GameState): void {
    const W = G.white!;
    const turns: number[] = [];
    for (let t = G.turn + 1; t <= G.lastTurn; t++) turns.push(t);
    deck.replaceChildren(
      ...G.deck.slice(0, DECK_SHOWN).map((id, i) => {
        const when = h(
          'select',
          { attrs: { 'aria-label': `Turn to schedule ${cardTitle(G, id)} for`, 'data-card': id } },
          ...turns.map((t) => h('option', { text: `turn ${t}`, attrs: { value: t } })),
        );
        return h(
          'li',
          { attrs: { 'data-card': id } },
          h('strong', { text: cardTitle(G, id) }),
          i === 0 ? h('span', { class: 'wc-sub', text: W.hold ? ' (next — held)' : ' (next)' }) : null,
          h(
            'div',
            {},
            button(
              'Force now',
              `wc-force-${id}`,
              () => void act('whiteForceInject', [id], `“${cardTitle(G, id)}” forced now.`),
            ),
            turns.length
              ? h(
                  'span',
                  {},
                  ' or ',
                  when,
                  ' ',
                  button(
                    'Schedule',
                    `wc-schedule-${id}`,
                    () =>
                      void act(
                        'whiteScheduleInject',
                        [id, Number(when.value)],
                        `“${cardTitle(G, id)}” scheduled for turn ${when.value}.`,
                      ),
                  ),
                )
              : null,
          ),
        );
      }),
    );
    const sched = Object.entries(W.schedule);
    scheduled.textContent = `${sched.length ? `Scheduled: ${sched.map(([t, id]) => `turn ${t} — ${cardTitle(G, id)}`).join('; ')}. ` : ''}${G.deck.length} cards left in the deck.`;
    holdBtn.textContent = W.hold ? 'Release the held inject' : 'Hold the next inject';
    holdBtn.setAttribute('aria-pressed', String(W.hold));
  }

  function renderHistory(G: GameState): void {
    const W = G.white!;
    const keep = rewindTurn.value;
    rewindTurn.replaceChildren(
      ...W.snapshots
        .filter((s) => s.turn <= G.turn)
        .map((s) => h('option', { text: `turn ${s.turn}`, attrs: { value: s.turn } })),
    );
    if (keep && Array.from(rewindTurn.options).some((o) => o.value === keep)) rewindTurn.value = keep;
    rewindBtn.disabled = rewindTurn.options.length === 0;
    history.replaceChildren(
      ...(W.branches.length
        ? [
            h('p', {
              class: 'wc-sub',
              text: 'Abandoned branches (reopen one to continue it; the line you leave is kept):',
            }),
          ]
        : []),
      h(
        'ul',
        { class: 'wc-branches' },
        ...W.branches.map((b, i) =>
          h(
            'li',
            {},
            `Branch ${i}: left at turn ${b.leftAtTurn} — “${b.reason}” `,
            button('Reopen', `wc-reopen-${i}`, () => void act('whiteReopenBranch', [i], `Branch ${i} reopened.`)),
          ),
        ),
      ),
    );
  }

  function renderState(G: GameState): void {
    const m = margins(G);
    const W = G.white!;
    statePanel.replaceChildren(
      h(
        'table',
        { class: 'wc-tracks' },
        ...TRACK_IDS.map((t) => h('tr', {}, h('th', { text: TRACK_NAMES[t] }), h('td', { text: String(G.tracks[t]) }))),
      ),
      h(
        'table',
        { class: 'wc-seats' },
        h(
          'tr',
          {},
          h('th', { text: 'Seat' }),
          h('th', { text: 'AP' }),
          h('th', { text: 'Margin' }),
          h('th', { text: 'Secret priority' }),
        ),
        ...SEATS.map((s) =>
          h(
            'tr',
            {},
            h('td', { text: SEAT_NAMES[s] }),
            h('td', { text: String(G.ap[s]) }),
            h('td', { text: signed(m[s]) }),
            // The priority's title (the id as a tooltip): the umpire reads it aloud at the debrief.
            h('td', { text: priorityTitle(G.priority[s]), attrs: { title: G.priority[s] } }),
          ),
        ),
      ),
      h('p', {
        class: 'wc-sub',
        text: `Hidden material aid on the map: ${G.aid.filter((a) => !a.revealed).length}. Fixed rolls waiting: ${W.forcedRolls.length ? W.forcedRolls.join(', ') : 'none'}.`,
      }),
    );
    logList.replaceChildren(
      ...G.log
        .slice(-30)
        .reverse()
        .map((e) =>
          h(
            'li',
            { class: e.visibleTo ? 'wc-hidden' : e.seat === 'white' ? 'wc-white' : '' },
            `T${e.turn}.${e.round} ${e.text}${e.rolls?.length ? ` 🎲 ${e.rolls.join(' ')}` : ''}${e.reason ? ` — reason: ${e.reason}` : ''}${e.visibleTo ? ' (hidden)' : ''}`,
          ),
        ),
    );
  }

  function refresh(): void {
    const G = session.state();
    if (!G) {
      status.textContent = 'Waiting for the match to start…';
      return;
    }
    if (!G.white) {
      status.textContent = 'This match has no White Cell.';
      return;
    }
    const who = G.result
      ? `Game over — ${G.result.winner ? SEAT_NAMES[G.result.winner] : 'nobody'} wins`
      : G.white.paused
        ? 'Paused'
        : G.pending?.kind === 'approval' || G.pending?.kind === 'adjudication'
          ? 'Waiting for you'
          : `${SEAT_NAMES[G.pending?.seat ?? G.active]} to act`;
    status.textContent = `Turn ${G.turn} of ${G.lastTurn} · round ${G.round} · ${who}`;
    pauseBtn.textContent = G.white.paused ? 'Resume' : 'Pause';
    pauseBtn.setAttribute('aria-pressed', String(G.white.paused));
    approvalBox.checked = G.white.requireApproval;
    if (document.activeElement !== adjudication) adjudication.value = G.white.adjudication;
    syncRange();
    renderPending(G);
    renderDeck(G);
    renderHistory(G);
    renderState(G);
  }

  return keepDrawn(session, root, refresh);
}

// @vitest-environment jsdom
/** The White Cell console, the projector view and the argument form on a headless game (jsdom). */
import { describe, expect, it } from 'vitest';
import { mountArgumentForm } from '../../../src/client/seminar/argument-form';
import { mountProjector } from '../../../src/client/seminar/projector';
import type { SeminarSession } from '../../../src/client/seminar/session';
import { mountWhiteCellConsole, ratingOdds } from '../../../src/client/seminar/white-cell-console';
import { injectById } from '../../../src/content/injects';
import { scenarioById } from '../../../src/content/scenario';
import { actingSeat, applyAction, setupState, type GameState } from '../../../src/rules';
import { createDice } from '../../../src/random';

function table(seed = 'console') {
  const dice = createDice(seed);
  const G: GameState = setupState(scenarioById('baseline-2023')!, { variant: 4, whiteCell: true }, dice);
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((f) => f());
  const session: SeminarSession = {
    state: () => G,
    white: (move, args) => {
      const ok = applyAction(G, 'white', { move, args }, dice);
      notify();
      return ok;
    },
    seatMove: (seat, move, args) => {
      const ok = applyAction(G, seat, { move, args } as never, dice);
      notify();
      return ok;
    },
    subscribe: (f) => {
      listeners.add(f);
      return () => listeners.delete(f);
    },
  };
  const passUntil = (turn: number) => {
    while (G.turn < turn && !G.result) {
      const seat = actingSeat(G)!;
      const p = G.pending;
      applyAction(
        G,
        seat,
        p?.kind === 'lambaste'
          ? { move: 'declineLambaste', args: [] }
          : p
            ? { move: 'chooseOption', args: [0] }
            : { move: 'pass', args: [] },
        dice,
      );
    }
    notify();
  };
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  return { G, session, root, passUntil };
}

const $ = <T extends Element = HTMLElement>(root: ParentNode, sel: string) => {
  const el = root.querySelector(sel);
  if (!el) throw new Error(`no ${sel}`);
  return el as unknown as T;
};
const click = (root: ParentNode, sel: string) => $<HTMLButtonElement>(root, sel).click();
const reason = (root: ParentNode, text: string) => {
  $<HTMLTextAreaElement>(root, '#wc-reason').value = text;
};
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('White Cell console', () => {
  it('refuses every act without a reason, and logs the reason when given', async () => {
    const t = table();
    mountWhiteCellConsole(t.root, t.session);
    const logged = t.G.log.length;
    $<HTMLSelectElement>(t.root, '#wc-override-track').value = 'cohesion';
    $<HTMLInputElement>(t.root, '#wc-override-value').value = '3';
    click(t.root, '#wc-override');
    await flush();
    expect(t.G.log.length).toBe(logged);
    expect($(t.root, '#wc-message').textContent).toMatch(/reason/);
    reason(t.root, 'the alliance split over Ukraine');
    $<HTMLInputElement>(t.root, '#wc-override-value').value = '3';
    click(t.root, '#wc-override');
    await flush();
    expect(t.G.tracks.cohesion).toBe(3);
    expect(t.G.log.some((e) => e.reason === 'the alliance split over Ukraine')).toBe(true);
    expect($<HTMLTextAreaElement>(t.root, '#wc-reason').value).toBe('');
  });

  it('lists the upcoming injects and forces, schedules and holds them', async () => {
    const t = table();
    mountWhiteCellConsole(t.root, t.session);
    const [first, second] = t.G.deck;
    expect($(t.root, '#wc-deck').querySelectorAll('li').length).toBeGreaterThan(1);
    reason(t.root, 'bring the crisis forward');
    click(t.root, `[id="wc-force-${second}"]`);
    await flush();
    expect(t.G.discard).toContain(second);
    expect(t.G.deck).not.toContain(second);
    reason(t.root, 'save it for the summit');
    click(t.root, `[id="wc-schedule-${first}"]`);
    await flush();
    expect(Object.values(t.G.white!.schedule)).toContain(first);
    reason(t.root, 'a quiet turn');
    click(t.root, '#wc-hold');
    await flush();
    expect(t.G.white!.hold).toBe(true);
    expect($(t.root, '#wc-hold').textContent).toMatch(/Release/);
  });

  it('writes a free inject with typed track changes', async () => {
    const t = table();
    mountWhiteCellConsole(t.root, t.session);
    const tension = t.G.tracks.tension;
    $<HTMLInputElement>(t.root, '#wc-write-title').value = 'Typhoon';
    $<HTMLTextAreaElement>(t.root, '#wc-write-text').value = 'A typhoon hits Okinawa.';
    click(t.root, '#wc-write-add-effect');
    $<HTMLSelectElement>(t.root, '.effect-row select').value = 'track:tension';
    $<HTMLInputElement>(t.root, '.effect-row input').value = '-1';
    reason(t.root, 'a humanitarian window');
    click(t.root, '#wc-write');
    await flush();
    expect(t.G.tracks.tension).toBe(tension - 1);
    expect(Object.values(t.G.white!.written)[0]).toEqual({
      title: 'Typhoon',
      text: 'A typhoon hits Okinawa.',
      effects: [{ op: 'track', track: 'tension', delta: -1 }],
    });
  });

  it('starts the inject form empty: a story with no change moves no track', async () => {
    const t = table();
    mountWhiteCellConsole(t.root, t.session);
    expect(t.root.querySelectorAll('.effect-row')).toHaveLength(0);
    expect($(t.root, '#wc-write-effects-summary').textContent).toMatch(/a story only/);
    click(t.root, '#wc-write-add-effect');
    expect($<HTMLInputElement>(t.root, '.effect-row input').value).toBe('0');
    const tracks = { ...t.G.tracks };
    $<HTMLInputElement>(t.root, '#wc-write-title').value = 'Rumours';
    $<HTMLTextAreaElement>(t.root, '#wc-write-text').value = 'Rumours of a summit.';
    reason(t.root, 'colour only');
    click(t.root, '#wc-write');
    await flush();
    expect(t.G.tracks).toEqual(tracks);
    expect(Object.values(t.G.white!.written)[0]!.effects).toEqual([]);
  });

  it('fixes the next roll, pauses and resumes', async () => {
    const t = table();
    mountWhiteCellConsole(t.root, t.session);
    reason(t.root, 'a strong Russian push');
    $<HTMLSelectElement>(t.root, '#wc-roll-face').value = '6';
    click(t.root, '#wc-force-roll');
    await flush();
    expect(t.G.white!.forcedRolls).toEqual([6]);
    reason(t.root, 'coffee');
    click(t.root, '#wc-pause');
    await flush();
    expect(t.G.white!.paused).toBe(true);
    expect($(t.root, '#wc-status').textContent).toMatch(/Paused/);
    reason(t.root, 'back to the table');
    click(t.root, '#wc-pause');
    await flush();
    expect(t.G.white!.paused).toBe(false);
  });

  it('rewinds to a turn start and reopens the abandoned branch', async () => {
    const t = table('rewind');
    mountWhiteCellConsole(t.root, t.session);
    t.passUntil(3);
    $<HTMLSelectElement>(t.root, '#wc-rewind-turn').value = '2';
    reason(t.root, 'replay turn 2');
    click(t.root, '#wc-rewind');
    await flush();
    expect(t.G.turn).toBe(2);
    expect($(t.root, '#wc-history').textContent).toMatch(/Branch 0: left at turn 3/);
    reason(t.root, 'back to the first line');
    click(t.root, '#wc-reopen-0');
    await flush();
    expect(t.G.turn).toBe(3);
  });

  it('approves or refuses actions at tension 8+, and rates matrix arguments', async () => {
    const t = table('approve');
    mountWhiteCellConsole(t.root, t.session);
    reason(t.root, 'crisis footing');
    const box = $<HTMLInputElement>(t.root, '#wc-approval');
    box.checked = true;
    box.dispatchEvent(new Event('change'));
    await flush();
    expect(t.G.white!.requireApproval).toBe(true);
    t.G.tracks.tension = 8;
    t.G.pending = null;
    t.G.active = 'china';
    t.G.ap.china = 4;
    expect(t.session.seatMove!('china', 'pressGrayZone', ['taiwan-strait'])).toBe(true);
    expect($(t.root, '#wc-pending').textContent).toMatch(/China asks for approval/);
    // What it would do, in names and numbers, before the White Cell decides.
    expect($(t.root, '.wc-asked').textContent).toBe('Gray-zone pressure — Taiwan Strait');
    expect($(t.root, '#wc-approval-preview').textContent).toMatch(/Pressure \(Taiwan & East China Sea\) \d+ → \d+/);
    const gz = t.G.grayZone['taiwan-strait'] ?? 0;
    reason(t.root, 'proportionate');
    click(t.root, '#wc-approve');
    await flush();
    expect(t.G.grayZone['taiwan-strait']).toBe(gz + 1);

    reason(t.root, 'matrix arguments from here');
    const adj = $<HTMLSelectElement>(t.root, '#wc-adjudication');
    adj.value = 'free';
    adj.dispatchEvent(new Event('change'));
    await flush();
    expect(t.G.white!.adjudication).toBe('free');
    expect(ratingOdds(4)).toBe('needs 3+ (67%)');
  });
});

describe('matrix argument form', () => {
  it('sends proposeArgument with typed effects; the console then rates it', async () => {
    const t = table('argue');
    const consoleRoot = document.createElement('div');
    document.body.append(consoleRoot);
    mountWhiteCellConsole(consoleRoot, t.session);
    t.session.white('whiteSetAdjudication', ['free', 'allowed']);
    const seat = t.G.active;
    t.G.ap[seat] = Math.max(t.G.ap[seat], 2);
    mountArgumentForm(t.root, t.session, seat);
    expect($<HTMLButtonElement>(t.root, `#arg-${seat}-send`).disabled).toBe(false);
    $<HTMLTextAreaElement>(t.root, `#arg-${seat}-action`).value = 'Quiet diplomacy in Jakarta';
    $<HTMLTextAreaElement>(t.root, `#arg-${seat}-result`).value = 'Indonesia backs a statement';
    $<HTMLTextAreaElement>(t.root, `#arg-${seat}-reasons`).value = 'Long ties';
    click(t.root, `#arg-${seat}-add-effect`);
    $<HTMLSelectElement>(t.root, '.effect-row select').value = 'track:internationalization';
    $<HTMLInputElement>(t.root, '.effect-row input').value = '1';
    click(t.root, `#arg-${seat}-send`);
    await flush();
    expect(t.G.pending?.kind).toBe('adjudication');
    expect($(consoleRoot, '#wc-pending').textContent).toMatch(/Quiet diplomacy in Jakarta/);
    reason(consoleRoot, 'plausible');
    click(consoleRoot, '#wc-rate-5');
    await flush();
    expect(t.G.pending?.kind).not.toBe('adjudication');
    expect(t.G.log.some((e) => e.text.startsWith('Adjudication'))).toBe(true);
  });
});

describe('projector view', () => {
  it('shows turn, tracks and events but no secrets', () => {
    const t = table('projector');
    t.G.active = 'china';
    t.G.ap.china = 4;
    t.G.pending = null;
    mountProjector(t.root, t.session);
    expect($(t.root, '#pj-turn').textContent).toMatch(/^Turn 1 of/);
    expect(t.root.querySelectorAll('.pj-track').length).toBeGreaterThanOrEqual(9);
    expect(t.session.seatMove!('china', 'sendMaterialAid', [])).toBe(true);
    const text = t.root.textContent ?? '';
    for (const seat of ['china', 'nato', 'japan', 'korea'] as const) expect(text).not.toContain(t.G.priority[seat]);
    expect(text).not.toMatch(/Material aid/);
    for (const id of t.G.deck.slice(0, 3)) expect(text).not.toContain(id);
    t.session.white('whitePause', ['lunch']);
    expect($(t.root, '#pj-waiting').textContent).toBe('Paused by the White Cell');
  });

  it("reads the latest inject's story to the room, a White Cell's written one included", () => {
    const t = table('story');
    mountProjector(t.root, t.session);
    const first = injectById(t.G.discard[0]!)!;
    expect($(t.root, '#pj-story').textContent).toContain(first.text);
    expect($(t.root, '#pj-story').textContent).toContain(`Turn 1 inject — ${first.title}`);
    t.session.white('whiteWriteInject', [
      { title: 'Fishing fleet', text: 'A fishing fleet gathers off the Senkakus.', effects: [] },
      'colour',
    ]);
    expect($(t.root, '#pj-story').textContent).toContain('A fishing fleet gathers off the Senkakus.');
  });
});

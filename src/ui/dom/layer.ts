// The accessible DOM layer beside the canvas: one screen at a time, a live region that says every
// move and meter change in words, sound controls, and custom scenario files (picker, drop, ?scenario=).
import { setMuted, setVolume, soundSettings } from '../../audio/sound';
import { store, words, type Change, type Session } from '../session';
import { causeWords, describeMove, meterName, newsWords, reasonWords, sideLabel, signed } from '../labels';
import { mountDebriefLazily } from '../debrief/lazy';
import { branchLink, branchPointOf } from '../branch-link';
import { branchFileText } from '../branch';
import { download } from '../export';
import { replay, type GameState } from '../../engine';
import { renderTitle, acceptCustomText } from './title';
import { renderBriefing, renderHandoff } from './briefing';
import { renderTable } from './table';
import { el } from './el';

const panel = () => document.getElementById('panel')!;
const live = () => document.getElementById('live')!;
let debrief: { destroy(): void } | null = null;
let lastScreen = '';
/** The game the announcements belong to: another game (or none) starts with an empty log. */
let announcedFor: Session | null = null;

export function announce(text: string): void {
  const region = live();
  const line = el('p', {}, text);
  region.append(line);
  while (region.childElementCount > 6) region.firstElementChild!.remove();
}

/** Empty the log: between games, and at a hand-off (the last player's own moves are not the next one's to read). */
function clearAnnouncements(): void {
  live().replaceChildren();
}

/** The page's own words (its title, the landmarks' names, the language screen readers read it in). */
function labelPage(): void {
  const w = words().page;
  document.documentElement.lang = store.language;
  document.title = w.title;
  panel().setAttribute('aria-label', w.panel);
  live().setAttribute('aria-label', w.live);
}

function render(): void {
  const root = panel();
  const active = document.activeElement as HTMLElement | null;
  const focused = active?.dataset?.focus;
  // Focus inside the panel (a heading, a summary) is lost when the panel is rebuilt: put it back.
  const focusInPanel = Boolean(active && active !== root && root.contains(active));
  root.replaceChildren();
  labelPage();
  document.body.dataset.screen = store.screen;
  switch (store.screen) {
    case 'loading':
      root.append(el('h1', {}, words().title.heading), el('p', {}, words().page.loading));
      break;
    case 'title':
      renderTitle(root, render);
      break;
    case 'briefing':
      renderBriefing(root);
      break;
    case 'handoff':
      renderHandoff(root);
      break;
    case 'table':
      renderTable(root);
      break;
    case 'debrief':
      renderDebrief(root);
      return;
  }
  root.append(soundControls());
  // The package's sticky foot (preview and Send) covers the panel's bottom: a control focused there scrolls above it.
  const foot = root.querySelector<HTMLElement>('.builder-foot');
  root.style.scrollPaddingBottom = foot ? `${foot.offsetHeight + 12}px` : '';
  const again = focused ? root.querySelector<HTMLElement>(`[data-focus="${CSS.escape(focused)}"]`) : null;
  if (again && !(again as HTMLButtonElement).disabled) {
    again.focus();
    if (foot && !foot.contains(again)) (again.closest('li') ?? again).scrollIntoView({ block: 'nearest' }); // above the foot, whole
  }
  else if (focused || focusInPanel || store.screen !== lastScreen) {
    const heading = root.querySelector<HTMLElement>('#actions-h') ?? root.querySelector<HTMLElement>('h1');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
  }
  lastScreen = store.screen;
  document.body.dataset.scene = store.screen;
}

function renderDebrief(root: HTMLElement): void {
  const s = store.session!;
  const host = el('div', { id: 'debrief' });
  root.append(host, el('div', { class: 'debrief-foot' }, el('div', { class: 'row' }, el('button', { type: 'button', onclick: () => store.quit() }, words().page.backToTitle)), soundControls()));
  debrief?.destroy();
  const players = Object.fromEntries(s.scenario.seats.map((side) => [side, store.isHuman(side) ? 'human' : 'computer'] as const));
  const cp = s.counterpart;
  // The game a branch came from; one that no longer replays (a damaged link) leaves the comparison out, not the debrief.
  let origin: { origin: GameState; turn: number } | undefined;
  try {
    origin = s.origin ? { origin: replay(s.scenario, s.origin.log), turn: s.origin.turn } : undefined;
  } catch {
    origin = undefined;
  }
  void mountDebriefLazily(host, {
    branch: origin,
    controls: {
      play: (turn) => store.branchFrom(turn),
      link: (turn) => (s.source.builtIn ? branchLink(s, turn) : null),
      download: (turn) => download(`reset-${s.scenario.id}-turn${turn}.json`, branchFileText(branchPointOf(s, turn)), 'application/json'),
    },
    scenario: s.scenario,
    state: s.state,
    players,
    beliefs: cp ? { side: s.settings.side, estimated: cp.beliefs() } : undefined,
    language: store.language,
  }).then((d) => {
    debrief = d;
    root.querySelector<HTMLElement>('h1, h2')?.focus();
    document.body.dataset.scene = 'debrief';
  });
}

function soundControls(): HTMLElement {
  const w = words().page;
  const settings = soundSettings();
  const mute = el('input', { type: 'checkbox', id: 'mute', checked: settings.muted, 'data-focus': 'mute', onchange: (e: Event) => setMuted((e.target as HTMLInputElement).checked) });
  const volume = el('input', {
    type: 'range',
    id: 'volume',
    min: 0,
    max: 100,
    step: 5,
    value: Math.round(settings.volume * 100),
    'data-focus': 'volume',
    oninput: (e: Event) => setVolume(Number((e.target as HTMLInputElement).value) / 100),
  });
  return el('section', { 'aria-labelledby': 'sound-h', class: 'sound' }, el('h2', { id: 'sound-h' }, w.sound), el('label', { for: 'mute' }, mute, ` ${w.mute}`), ' ', el('label', { for: 'volume' }, `${w.volume} `), volume);
}

/** A move in words, as the side on screen may know it: only what its own view shows (Change says what that is). */
function announceChange(change: Change): void {
  const s = store.session;
  if (!s || !change.move) return;
  const lang = store.language;
  const w = words().announce;
  const parts = change.moves.map((m) => describeMove(s.scenario, m, lang));
  const reason = store.visibleReason();
  if (change.by === 'computer' && reason?.move === change.move) parts.push(w.reason(reasonWords(s.scenario, reason.reason, lang)));
  for (const e of change.ledger.slice(0, 8)) parts.push(w.meter(meterName(s.scenario, e.meter, lang), signed(e.delta), e.value, causeWords(s.scenario, e.cause, lang)));
  if (change.ledger.length > 8) parts.push(w.more(change.ledger.length - 8));
  for (const n of change.news) parts.push(w.news(newsWords(s.scenario, n, lang).title, n.cite.join(', ')));
  if (s.state.phase === 'ended') parts.push(w.over);
  if (parts.length) announce(parts.join(' '));
}


export function mountLayer(): void {
  store.onScreen(() => {
    if (store.screen !== 'debrief') {
      debrief?.destroy();
      debrief = null;
    }
    if (store.session !== announcedFor || store.screen === 'handoff') clearAnnouncements();
    announcedFor = store.session;
    render();
    if (store.screen === 'handoff') announce(words().announce.handOver(sideLabel(store.session!.scenario, store.session!.viewer, store.language)));
  });
  store.onChange((change) => {
    if (store.session !== announcedFor) clearAnnouncements();
    announcedFor = store.session;
    announceChange(change);
    if (store.screen === 'table') render();
  });
  // Drop a scenario file anywhere on the page while on the title screen.
  document.addEventListener('dragover', (e) => e.preventDefault());
  document.addEventListener('drop', async (e) => {
    e.preventDefault();
    const file = e.dataTransfer?.files?.[0];
    if (!file || store.screen !== 'title') return;
    await acceptCustomText(await file.text(), file.name, render);
  });
}

/** ?scenario=<url>: fetch a custom file from the same site and offer it on the title screen. */
export async function loadScenarioFromQuery(): Promise<void> {
  const url = new URLSearchParams(location.search).get('scenario');
  if (!url) return;
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    await acceptCustomText(await res.text(), url.split('/').pop() || url, render);
  } catch (e) {
    store.notice = words().page.couldNotLoadUrl(url, (e as Error).message);
    render();
  }
}

// Title and setup: scenario (built-in or a custom file), side, opponent, difficulty; resume a save.
import { textOf, type Scenario, type Text } from '../../engine';
import { play } from '../../audio/sound';
import { builtInScenarios, formatProblems, loadSource, openBuiltIn, type ScenarioSource } from '../scenarios';
import { hasSave, readSave, clearSave, savedSummary, type SaveSummary } from '../save';
import { store, words } from '../session';
import { scenarioLabel } from '../labels';
import { LANGUAGES, LANGUAGE_NAMES, loadLanguage, type Language } from '../i18n';
import { el, button } from './el';
import { decodeBranch, readBranchFile, type BranchPoint } from '../branch';
import type { Difficulty } from '../../ai/counterpart';

interface Choice {
  file: string;
  title: Text;
  year: number;
  /** Its two sides, in the scenario's order: the side choice offers them by name. */
  sides: { id: string; name: Text }[];
  /** Its full length and its class length in turns (null: none). */
  turns: number;
  classTurns: number | null;
  builtIn: boolean;
  /** The source and checked scenario (a built-in's load when it is chosen). */
  open(): Promise<{ source: ScenarioSource; scenario: Scenario }>;
}

let custom: Choice | null = null;
let problems: string[] = [];
let problemFile = '';
/** A new game is being opened: a second press waits for it rather than starting another. */
let starting = false;
/** A branch point from the page's link (?branch=...), offered until it is played. */
let shared: BranchPoint | { problem: string } | null = null;
/**
 * The choices made on the title, kept when it is drawn again (in another language, or with a scenario file added):
 * the scenario (by file; null: the first), the seat (first or second side), the length, the opponent, the difficulty.
 */
const picked: { file: string | null; seat: number; length: 'full' | 'class'; opponent: 'computer' | 'hotseat'; difficulty: Difficulty } = {
  file: null,
  seat: 0,
  length: 'full',
  opponent: 'computer',
  difficulty: 'normal',
};

/** Read ?branch= once: the title then offers to play on from that turn. True when the page has one. */
export function takeSharedBranch(): boolean {
  const text = new URLSearchParams(location.search).get('branch');
  if (!text) return false;
  shared = decodeBranch(text);
  return true;
}

/** Check a custom scenario file; good ones join the list and are selected, bad ones show the checker's messages. */
export async function acceptCustomText(text: string, file: string, rerender: () => void): Promise<void> {
  // A branch point file (the debrief's download) opens its game at its turn, like a ?branch= link.
  const branch = readBranchFile(text);
  if (branch) {
    shared = branch;
    problems = [];
    rerender();
    return;
  }
  const source: ScenarioSource = { file, text, builtIn: false };
  const loaded = await loadSource(source);
  if (loaded.ok) {
    const scenario = loaded.scenario;
    const sides = scenario.seats.map((id) => ({ id, name: scenario.sides[id].name }));
    custom = { file, title: scenario.title, year: scenario.year, sides, turns: scenario.turns, classTurns: scenario.classLength?.turns ?? null, builtIn: false, open: async () => ({ source, scenario }) };
    picked.file = file;
    problems = [];
  } else {
    problems = await formatProblems(loaded);
    problemFile = file;
  }
  rerender();
}

export function renderTitle(root: HTMLElement, rerender: () => void): void {
  const w = words().title;
  const lang = store.language;
  const builtIn: Choice[] = builtInScenarios().map((entry) => ({ file: entry.file, title: entry.title, year: entry.year, sides: entry.sides, turns: entry.turns, classTurns: entry.classTurns, builtIn: true, open: () => openBuiltIn(entry) }));
  const choices = custom ? [custom, ...builtIn] : builtIn;
  const select = el('select', { id: 'scenario-select' });
  const chosen = Math.max(0, choices.findIndex((c) => c.file === picked.file));
  for (const [i, c] of choices.entries())
    select.append(el('option', { value: i, selected: i === chosen }, scenarioLabel(textOf(c.title, lang), c.year, !c.builtIn, lang)));

  const radio = (name: string, value: string, label: string, checked: boolean) =>
    el('label', { class: 'choice' }, el('input', { type: 'radio', name, value, checked }), ` ${label}`);
  // The side choice lists the chosen scenario's two sides by name, in its order; another scenario keeps the seat.
  const sideChoice = el('fieldset', {}, el('legend', {}, w.yourSide));
  const lengthChoice = el('fieldset', { class: 'length' }, el('legend', {}, w.length));
  const showSides = (choice: Choice) => {
    const seat = picked.seat;
    sideChoice.replaceChildren(sideChoice.firstElementChild!, ...choice.sides.map((side, i) => radio('side', side.id, textOf(side.name, lang), i === seat)));
    store.showOnTitle({ sides: choice.sides.map((side) => side.name), year: choice.year });
    // The length: the full game, or the class length when the scenario has one (the choice is kept across scenarios).
    const wasClass = picked.length === 'class';
    lengthChoice.hidden = choice.classTurns === null;
    lengthChoice.replaceChildren(
      lengthChoice.firstElementChild!,
      radio('length', 'full', w.fullLength(choice.turns), !wasClass || choice.classTurns === null),
      ...(choice.classTurns === null ? [] : [radio('length', 'class', w.classLength(choice.classTurns), wasClass)]),
    );
  };
  select.addEventListener('change', () => {
    picked.file = choices[Number(select.value)].file;
    showSides(choices[Number(select.value)]);
  });
  sideChoice.addEventListener('change', () => (picked.seat = Math.max(0, [...sideChoice.querySelectorAll<HTMLInputElement>('input[name=side]')].findIndex((r) => r.checked))));
  lengthChoice.addEventListener('change', () => (picked.length = lengthChoice.querySelector<HTMLInputElement>('input[name=length][value=class]')?.checked ? 'class' : 'full'));
  showSides(choices[chosen]);
  const difficulty = el(
    'select',
    { id: 'difficulty', 'aria-describedby': 'difficulty-help', disabled: picked.opponent === 'hotseat' },
    ...(['easy', 'normal', 'hard'] as const).map((d) => el('option', { value: d, selected: d === picked.difficulty }, w.difficulties[d])),
  );
  const helpNow = () => w.difficultyHelp[difficulty.value as Difficulty];
  const difficultyHelp = el('p', { id: 'difficulty-help', class: 'detail' }, helpNow());
  difficulty.addEventListener('change', () => {
    picked.difficulty = difficulty.value as Difficulty;
    difficultyHelp.textContent = helpNow();
  });

  const fileInput = el('input', { type: 'file', id: 'scenario-file', accept: '.yaml,.yml,.json' });
  fileInput.addEventListener('change', async () => {
    const f = fileInput.files?.[0];
    if (f) await acceptCustomText(await f.text(), f.name, rerender);
  });

  const start = async () => {
    if (starting) return;
    // A game in progress is not overwritten without asking.
    const inProgress = hasSave() ? savedSummary() : null;
    if (hasSave() && !inProgress?.ended && !(await confirmReplace(root, inProgress))) return;
    const choice = choices[Number(select.value)];
    const side = (choice.sides[picked.seat] ?? choice.sides[0]).id;
    const length = picked.length === 'class' && choice.classTurns !== null ? 'class' : 'full';
    const settings = { side, opponent: picked.opponent, difficulty: picked.difficulty, seed: Math.floor(Date.now() % 100000) + 1, length } as const;
    play('click');
    store.notice = null;
    starting = true;
    try {
      const { source, scenario } = await choice.open();
      if (store.screen === 'title') store.newGame(source, scenario, settings);
    } catch (e) {
      store.notice = w.couldNotOpen(choice.file, (e as Error).message);
      rerender();
    } finally {
      starting = false;
    }
  };

  const resume = async () => {
    const r = await readSave(store.language);
    if (!r) return;
    if (!r.ok) {
      clearSave();
      store.notice = r.message;
      rerender();
      return;
    }
    store.notice = null;
    store.resume(r.source, r.scenario, r.settings, r.state, r.origin);
  };

  const summary = hasSave() ? savedSummary() : null;
  const saved = hasSave() ? savedGameSection(summary, resume) : null;
  const offer = shared ? sharedBranchSection(root, shared, rerender) : null;

  root.append(
    el('h1', {}, w.heading),
    languageSwitch(),
    el('p', { class: 'lede' }, w.lede),
    ...(store.notice ? [el('p', { role: 'alert', class: 'notice' }, store.notice)] : []),
    ...(offer ? [offer] : []),
    ...(saved ? [saved] : []),
    el(
      'section',
      { 'aria-labelledby': 'setup-h' },
      el('h2', { id: 'setup-h' }, w.newGameHeading),
      el('label', { for: 'scenario-select' }, `${w.scenario} `),
      select,
      el(
        'div',
        { class: 'custom' },
        el('label', { for: 'scenario-file' }, `${w.loadFile} `),
        fileInput,
      ),
      problems.length
        ? el(
            'div',
            { role: 'alert', class: 'problems', 'aria-labelledby': 'problems-h' },
            el('h3', { id: 'problems-h' }, w.hasProblems(problemFile)),
            el('ul', {}, ...problems.map((p) => el('li', {}, p))),
          )
        : null,
      sideChoice,
      lengthChoice,
      el(
        'fieldset',
        {
          // Difficulty is the computer's: it means nothing when a second player takes the other side.
          onchange: (e: Event) => {
            picked.opponent = (e.target as HTMLInputElement).value === 'hotseat' ? 'hotseat' : 'computer';
            difficulty.disabled = picked.opponent === 'hotseat';
          },
        },
        el('legend', {}, w.opponent),
        radio('opponent', 'computer', w.computer, picked.opponent === 'computer'),
        radio('opponent', 'hotseat', w.hotseat, picked.opponent === 'hotseat'),
      ),
      el('label', { for: 'difficulty' }, `${w.difficulty} `),
      difficulty,
      difficultyHelp,
      summary && !summary.ended ? el('p', { class: 'detail' }, w.replaces) : null,
      el('div', { class: 'row' }, button(w.newGame, start, { class: 'primary', 'data-focus': 'new-game' })),
    ),
  );
}

/** The shared turn: the scenario, the turn and who plays, with a button to play on; or why the link cannot open. */
function sharedBranchSection(root: HTMLElement, point: BranchPoint | { problem: string }, rerender: () => void): HTMLElement {
  const w = words().title;
  const lang = store.language;
  const section = (...body: (HTMLElement | null)[]) => el('section', { 'aria-labelledby': 'shared-h' }, el('h2', { id: 'shared-h' }, w.sharedHeading), ...body);
  if ('problem' in point) return section(el('p', { role: 'alert', class: 'notice' }, w.sharedBad(point.problem)));
  const entry = builtInScenarios().find((b) => b.file.replace(/\.(ya?ml|json)$/, '') === point.scenario);
  if (!entry) return section(el('p', { role: 'alert', class: 'notice' }, w.sharedBad(w.sharedUnknown(point.scenario))));
  const side = entry.sides.find((x) => x.id === point.settings.side);
  const play = async () => {
    if (starting) return;
    const inProgress = hasSave() ? savedSummary() : null;
    if (hasSave() && !inProgress?.ended && !(await confirmReplace(root, inProgress))) return;
    starting = true;
    try {
      const { source, scenario } = await openBuiltIn(entry);
      shared = null;
      // A reload goes on with the branch's own save, not the link again.
      history.replaceState(null, '', location.pathname);
      store.notice = null;
      store.openBranch(source, scenario, point);
    } catch (e) {
      store.notice = w.sharedBad((e as Error).message);
      shared = null;
      rerender();
    } finally {
      starting = false;
    }
  };
  return section(
    el('p', {}, w.sharedText(textOf(entry.title, lang), point.turn, side ? textOf(side.name, lang) : point.settings.side, point.settings.opponent === 'computer')),
    el('div', { class: 'row' }, button(w.sharedPlay(point.turn), () => void play(), { class: 'primary', 'data-focus': 'shared-play' })),
  );
}

/** The saved game in words: its scenario and who plays it, in the interface's language when the save has it. */
function against(s: SaveSummary): string {
  const w = words().title;
  return s.opponent === 'hotseat' ? w.againstHotseat : w.againstComputer(s.sideText ? textOf(s.sideText, store.language) : s.side);
}
const savedTitle = (s: SaveSummary) => (s.titleText ? textOf(s.titleText, store.language) : s.title);

/** The saved game: resume one in progress, or look again at the debrief of one that is over. */
function savedGameSection(summary: SaveSummary | null, open: () => void): HTMLElement {
  const w = words().title;
  const [heading, text, label] = !summary
    ? [w.savedHeading, w.savedSome, w.resume]
    : summary.ended
      ? [w.lastHeading, w.lastOver(savedTitle(summary), against(summary)), w.viewDebrief]
      : [w.savedHeading, w.inProgress(savedTitle(summary), against(summary), summary.turn, summary.turns), w.resume];
  return el(
    'section',
    { 'aria-labelledby': 'saved-h' },
    el('h2', { id: 'saved-h' }, heading),
    el('p', {}, text),
    el('div', { class: 'row' }, button(label, open)),
  );
}

/**
 * Ask before a new game replaces the one in progress: a modal dialog (focus stays in it; Escape keeps the game).
 * Resolves true to go on, false to keep the saved game.
 */
function confirmReplace(root: HTMLElement, summary: SaveSummary | null): Promise<boolean> {
  const w = words().title;
  const game = summary ? w.inProgress(savedTitle(summary), against(summary), summary.turn, summary.turns).replace(/\.$/, '') : w.savedSome;
  return new Promise((resolve) => {
    const dialog = el(
      'dialog',
      { id: 'confirm-new-game', 'aria-labelledby': 'confirm-h', 'aria-describedby': 'confirm-text' },
      el('h2', { id: 'confirm-h' }, w.confirmHeading),
      el('p', { id: 'confirm-text' }, w.confirmText(game)),
      el(
        'div',
        { class: 'row' },
        button(w.confirmKeep, () => dialog.close('keep'), { class: 'primary' }),
        button(w.confirmReplace, () => dialog.close('replace')),
      ),
    );
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'replace');
      if (dialog.returnValue !== 'replace') root.querySelector<HTMLElement>('[data-focus="new-game"]')?.focus();
    });
    root.append(dialog);
    dialog.showModal(); // the safe choice, keeping the game, has the focus
  });
}

/** English / Русский: the interface's language, remembered by this browser. */
function languageSwitch(): HTMLElement {
  const choose = async (lang: Language) => {
    if (lang === store.language) return;
    await loadLanguage(lang);
    store.setLanguage(lang);
  };
  return el(
    'div',
    { role: 'group', 'aria-label': words().title.language, class: 'languages' },
    ...LANGUAGES.map((lang) =>
      el('button', { type: 'button', lang, 'aria-pressed': String(lang === store.language), 'data-focus': `language-${lang}`, onclick: () => void choose(lang) }, LANGUAGE_NAMES[lang]),
    ),
  );
}

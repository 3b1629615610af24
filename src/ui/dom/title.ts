// Title and setup: scenario (built-in or a custom file), side, opponent, difficulty; resume a save.
import { textOf, type Scenario, type Text } from '../../engine';
import { play } from '../../audio/sound';
import { builtInScenarios, formatProblems, loadSource, openBuiltIn, type ScenarioSource } from '../scenarios';
import { hasSave, readSave, clearSave, savedSummary, type SaveSummary } from '../save';
import { store } from '../session';
import { scenarioLabel } from '../labels';
import { el, button } from './el';

interface Choice {
  file: string;
  title: Text;
  year: number;
  builtIn: boolean;
  /** The source and checked scenario (a built-in's load when it is chosen). */
  open(): Promise<{ source: ScenarioSource; scenario: Scenario }>;
}

let custom: Choice | null = null;
let problems: string[] = [];
let problemFile = '';
/** A new game is being opened: a second press waits for it rather than starting another. */
let starting = false;

/** Check a custom scenario file; good ones join the list and are selected, bad ones show the checker's messages. */
export async function acceptCustomText(text: string, file: string, rerender: () => void): Promise<void> {
  const source: ScenarioSource = { file, text, builtIn: false };
  const loaded = await loadSource(source);
  if (loaded.ok) {
    const scenario = loaded.scenario;
    custom = { file, title: scenario.title, year: scenario.year, builtIn: false, open: async () => ({ source, scenario }) };
    problems = [];
  } else {
    problems = await formatProblems(loaded);
    problemFile = file;
  }
  rerender();
}

export function renderTitle(root: HTMLElement, rerender: () => void): void {
  const builtIn: Choice[] = builtInScenarios().map((entry) => ({ file: entry.file, title: entry.title, year: entry.year, builtIn: true, open: () => openBuiltIn(entry) }));
  const choices = custom ? [custom, ...builtIn] : builtIn;
  const select = el('select', { id: 'scenario-select' });
  for (const [i, c] of choices.entries())
    select.append(el('option', { value: i }, scenarioLabel(textOf(c.title), c.year, !c.builtIn)));

  const radio = (name: string, value: string, label: string, checked: boolean) =>
    el('label', { class: 'choice' }, el('input', { type: 'radio', name, value, checked }), ` ${label}`);
  const difficulty = el('select', { id: 'difficulty' }, ...['easy', 'normal', 'hard'].map((d) => el('option', { value: d, selected: d === 'normal' }, d[0].toUpperCase() + d.slice(1))));

  const fileInput = el('input', { type: 'file', id: 'scenario-file', accept: '.yaml,.yml,.json' });
  fileInput.addEventListener('change', async () => {
    const f = fileInput.files?.[0];
    if (f) await acceptCustomText(await f.text(), f.name, rerender);
  });

  const start = async () => {
    if (starting) return;
    const choice = choices[Number(select.value)];
    const side = (root.querySelector<HTMLInputElement>('input[name=side]:checked')?.value ?? 'us') as 'us' | 'ru';
    const opponent = (root.querySelector<HTMLInputElement>('input[name=opponent]:checked')?.value ?? 'computer') as 'computer' | 'hotseat';
    const settings = { side, opponent, difficulty: difficulty.value as 'easy' | 'normal' | 'hard', seed: Math.floor(Date.now() % 100000) + 1 };
    play('click');
    store.notice = null;
    starting = true;
    try {
      const { source, scenario } = await choice.open();
      if (store.screen === 'title') store.newGame(source, scenario, settings);
    } catch (e) {
      store.notice = `Could not open ${choice.file}: ${(e as Error).message}`;
      rerender();
    } finally {
      starting = false;
    }
  };

  const resume = async () => {
    const r = await readSave();
    if (!r) return;
    if (!r.ok) {
      clearSave();
      store.notice = r.message;
      rerender();
      return;
    }
    store.notice = null;
    store.resume(r.source, r.scenario, r.settings, r.state);
  };

  const summary = hasSave() ? savedSummary() : null;
  const saved = hasSave() ? savedGameSection(summary, resume) : null;

  root.append(
    el('h1', {}, 'Reset'),
    el('p', { class: 'lede' }, 'A negotiation game: the United States and Russia, 2009–2017. Build trust, trade concessions across the negotiation tracks, keep your public and your allies on side — and keep escalation down.'),
    ...(store.notice ? [el('p', { role: 'alert', class: 'notice' }, store.notice)] : []),
    ...(saved ? [saved] : []),
    el(
      'section',
      { 'aria-labelledby': 'setup-h' },
      el('h2', { id: 'setup-h' }, 'New game'),
      el('label', { for: 'scenario-select' }, 'Scenario '),
      select,
      el(
        'div',
        { class: 'custom' },
        el('label', { for: 'scenario-file' }, 'Or load a scenario file (YAML or JSON; you can also drop it on the page) '),
        fileInput,
      ),
      problems.length
        ? el(
            'div',
            { role: 'alert', class: 'problems', 'aria-labelledby': 'problems-h' },
            el('h3', { id: 'problems-h' }, `${problemFile} has problems`),
            el('ul', {}, ...problems.map((p) => el('li', {}, p))),
          )
        : null,
      el('fieldset', {}, el('legend', {}, 'Your side'), radio('side', 'us', 'United States', true), radio('side', 'ru', 'Russia', false)),
      el(
        'fieldset',
        {
          // Difficulty is the computer's: it means nothing when a second player takes the other side.
          onchange: (e: Event) => (difficulty.disabled = (e.target as HTMLInputElement).value === 'hotseat'),
        },
        el('legend', {}, 'Opponent'),
        radio('opponent', 'computer', 'The computer', true),
        radio('opponent', 'hotseat', 'A second player at this screen (hot-seat)', false),
      ),
      el('label', { for: 'difficulty' }, 'Computer difficulty '),
      difficulty,
      summary && !summary.ended ? el('p', { class: 'detail' }, 'A new game replaces your saved game.') : null,
      el('div', { class: 'row' }, button('New game', start, { class: 'primary' })),
    ),
  );
}

/** The saved game: resume one in progress, or look again at the debrief of one that is over. */
function savedGameSection(summary: SaveSummary | null, open: () => void): HTMLElement {
  const against = (s: SaveSummary) => (s.opponent === 'hotseat' ? 'two players at this screen' : `${s.side} against the computer`);
  const [heading, text, label] = !summary
    ? ['Saved game', 'A game in progress is saved in this browser.', 'Resume saved game']
    : summary.ended
      ? ['Your last game', `${summary.title}, ${against(summary)}: the game is over.`, 'View the last debrief']
      : ['Saved game', `${summary.title}, ${against(summary)}: turn ${summary.turn} of ${summary.turns}.`, 'Resume saved game'];
  return el(
    'section',
    { 'aria-labelledby': 'saved-h' },
    el('h2', { id: 'saved-h' }, heading),
    el('p', {}, text),
    el('div', { class: 'row' }, button(label, open)),
  );
}

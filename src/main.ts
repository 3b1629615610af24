// The page's entry: Phaser draws the table, the accessible DOM layer carries every control,
// and the session (src/ui/session.ts) sends the moves to the engine.
import Phaser from 'phaser';
import { replay, logOf, scenarioOfLength } from './engine';
import { startAmbient } from './audio/sound';
import { onScenarioChange } from './scenario/hot';
import { LoadingScene, BackdropScene, W, H, FELT_AROUND } from './ui/scenes/loading';
import { TableScene } from './ui/scenes/table';
import { store, words } from './ui/session';
import { loadLanguage } from './ui/i18n';
import { hasSave, readSave, clearSave, savedSummary } from './ui/save';
import { loadSource } from './ui/scenarios';
import { mountLayer, loadScenarioFromQuery, announce } from './ui/dom/layer';
import { takeSharedBranch } from './ui/dom/title';
import { canKeepGame } from './scenario/compat';
import { fitToScreen, keepFitted } from './ui/scenes/crisp';
import { drawOnlyWhenNeeded } from './ui/scenes/frames';

// The interface's language, loaded while Phaser loads (English is built in; another language's words come with it).
const language = loadLanguage(store.language);
mountLayer();
store.show('loading');

async function afterLoading(): Promise<void> {
  // A saved game is replayed before anything shows (its scenario may need the checker, loaded then).
  // A finished one is not: the title offers its debrief beside a new game.
  await language;
  // A shared turn (?branch=...) is offered on the title screen, beside any saved game, rather than resuming it.
  const sharedTurn = takeSharedBranch();
  const saved = hasSave() && !savedSummary()?.ended && !sharedTurn ? await readSave(store.language) : null;
  if (saved?.ok) store.resume(saved.source, saved.scenario, saved.settings, saved.state, saved.origin);
  else {
    if (saved && !saved.ok) {
      clearSave();
      store.notice = saved.message;
    }
    store.show('title');
  }
  startAmbient(); // plays from the first gesture on, never before
  void loadScenarioFromQuery();
}

const game = new Phaser.Game({
  type: Phaser.WEBGL,
  parent: 'game',
  width: W,
  height: H,
  backgroundColor: '#0f1d2b',
  transparent: true, // the page's background shows through while loading, the felt after (showFelt)
  // Measured under software WebGL (Chromium without a GPU), where these cost whole frames:
  // - no multisampling: everything Phaser draws is an axis-aligned rectangle or a texture (the emblem's
  //   edge is its image's own transparent border), which look the same without it, and resolving the
  //   samples cost ~2.5–4 ms of every frame;
  // - one texture per batch: Phaser compiles a shader for each number of textures a batch has met, the
  //   first time it meets it (a new note floating beside a meter did), and each compile dropped a frame.
  //   The table draws a handful of textures per frame, so the extra draw calls cost nothing.
  antialiasGL: false,
  maxTextures: 1,
  // FIT sizes the canvas's box to its parent; keepFitted (./ui/scenes/crisp.ts) gives it the box's device pixels.
  scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
  scene: [new LoadingScene(() => void afterLoading()), new BackdropScene(), new TableScene()],
  banner: false,
});

game.events.once(Phaser.Core.Events.READY, () => keepFitted(game));
document.getElementById('game')!.style.background = FELT_AROUND;
// Phaser draws while something changes or moves, and sleeps at a table where nothing does.
const frames = drawOnlyWhenNeeded(game);
store.onChange(() => frames.wake());

store.onScreen((screen) => {
  frames.wake();
  if (!game.scene.isActive('loading') && screen === 'loading') return;
  for (const key of ['loading', 'backdrop', 'table']) if (game.scene.isActive(key) || game.scene.isPaused(key)) game.scene.stop(key);
  // Back from the debrief (which hides the canvas), Phaser must measure its parent again before it
  // rescales, or the canvas keeps the hidden size (nothing shows) or a stale one.
  if (screen !== 'debrief') fitToScreen(game);
  if (screen === 'table') game.scene.start('table');
  else if (screen !== 'debrief') game.scene.start('backdrop', { caption: screen === 'handoff' ? words().page.handoffCaption : undefined });
});

// Dev: a scenario file saved on disk reloads here; the game goes on if its moves still replay.
onScenarioChange(async (change) => {
  const s = store.session;
  if (!s || s.source.file !== change.file) return;
  const source = { ...s.source, text: change.text };
  const loaded = await loadSource(source);
  if (store.session !== s) return;
  if (!loaded.ok) {
    announce(words().page.savedWithProblems(change.file));
    return;
  }
  const swap = canKeepGame(loaded.scenario, s.state);
  try {
    if (!swap.keep) throw new Error(swap.reason);
    store.replaceScenario(source, loaded.scenario, replay(scenarioOfLength(loaded.scenario, s.settings.length), logOf(s.state)));
    announce(words().page.reloadedGoesOn(change.file));
  } catch (e) {
    announce(words().page.reloadedRestarts(change.file, (e as Error).message));
    store.newGame(source, loaded.scenario, s.settings);
  }
});

Object.assign(window, { resetGame: { store, game } });

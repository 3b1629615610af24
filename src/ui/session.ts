// The game session in the page: which screen is up, the scenario, the settings and the engine state.
// It sends moves to the engine and lets the computer counterpart answer; it decides no rule itself.
import {
  RULES_VERSION,
  applyMove,
  createGame,
  logOf,
  otherSide,
  nextActors,
  sideName,
  tableView,
  textOf,
  allLedger,
  allMoves,
  allNews,
  viewFor,
  previewFor,
  type GameState,
  type SigningPreview,
  type Language,
  type SideView,
  type LedgerEntry,
  type Move,
  type NewsItem,
  type Scenario,
  type Side,
  type TableView,
  type Text,
  type GameLength,
  scenarioOfLength,
} from '../engine';
import { type Counterpart, type Decision, type Difficulty } from '../ai/counterpart';
import { createBrowserCounterpart, type CounterpartTimes } from '../ai/worker-counterpart';
import { play } from '../audio/sound';
import type { ScenarioSource } from './scenarios';
import { SAVE_VERSION, writeSave, type Origin } from './save';
import { replayToTurn, type BranchPoint } from './branch';
import { storeLanguage, storedLanguage, wordsFor, type Words } from './i18n';
import { PackageDraft } from './draft';

export type Screen = 'loading' | 'title' | 'briefing' | 'table' | 'handoff' | 'debrief';

export interface Settings {
  side: Side;
  opponent: 'computer' | 'hotseat';
  difficulty: Difficulty;
  seed: number;
  /** The scenario's full length (the default) or its short class length. */
  length?: GameLength;
}

export interface Session {
  source: ScenarioSource;
  scenario: Scenario;
  settings: Settings;
  state: GameState;
  /** The side whose confidential view is on screen. */
  viewer: Side;
  /** The sides whose player has read their briefing (hot-seat: each player, the first time they sit down). */
  briefed: Set<Side>;
  counterpart: Counterpart | null;
  /** The computer's last stated reason, for the table. */
  lastReason: { side: Side; move: Move; reason: string } | null;
  /** A branch: the game it went its own way from, and at which turn (its debrief sets the two endings side by side). */
  origin?: Origin;
}

export interface Change {
  /**
   * What the last move let the side on screen see: the moves, ledger entries and news new in its own view
   * (viewFor). A move it may not see (the other side's secret defection, a statement still sealed) is not
   * among them, nor are its effects; one it could not see before (a statement unsealed) is.
   */
  moves: Move[];
  ledger: LedgerEntry[];
  news: NewsItem[];
  move?: Move;
  by?: 'human' | 'computer';
}

/** The items of `after` that `before` does not have, each counted once (a multiset difference by `key`). */
function added<T>(before: readonly T[], after: readonly T[], key: (x: T) => string): T[] {
  const left = new Map<string, number>();
  for (const x of before) left.set(key(x), (left.get(key(x)) ?? 0) + 1);
  return after.filter((x) => {
    const k = key(x);
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    return n === 0;
  });
}

/** What is new to `viewer` between two states, read through the viewer's own view of each. */
export function seenChange(before: GameState, after: GameState, viewer: Side): Pick<Change, 'moves' | 'ledger' | 'news'> {
  const a = viewFor(before, viewer);
  const b = viewFor(after, viewer);
  return {
    moves: added(allMoves(a), allMoves(b), (m) => JSON.stringify(m)),
    // Without the value: a line read before a sealed statement was unsealed had another value then.
    ledger: added(allLedger(a), allLedger(b), (e) => JSON.stringify([e.turn, e.meter, e.delta, e.cause, e.cite])),
    news: added(allNews(a), allNews(b), (n) => JSON.stringify(n)),
  };
}

type Listener = (change: Change) => void;

const reducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
/** The computer waits this long before each move so a person can follow it. */
export const computerDelay = () => (reducedMotion() ? 250 : 900);

class Store {
  screen: Screen = 'loading';
  session: Session | null = null;
  notice: string | null = null;
  /** The interface's language (chosen on the title screen, remembered by the browser). */
  language: Language = storedLanguage();
  /** A hot-seat game was reopened (a reload, or resumed from the title): its hand-off says so. */
  reopened = false;
  /** The scenario chosen on the title screen, as the caption under the logo names it: its sides in order and its year. */
  onTitle: { sides: Text[]; year: number } | null = null;
  private listeners = new Set<Listener>();
  private screenListeners = new Set<(s: Screen) => void>();
  private titleListeners = new Set<() => void>();
  private computerTimer: ReturnType<typeof setTimeout> | null = null;
  /** The decision the counterpart is working on (in its worker), or null: one at a time. */
  private computerThinking: object | null = null;
  /** The engine's view of the seat on screen, made once per state (the DOM layer and the canvas both read it). */
  private seat: { state: GameState; side: Side; scenario: Scenario; view: TableView } | null = null;
  /** The package being built at the table (the canvas and the accessible layer share it). */
  readonly draft = new PackageDraft();
  private previewed: { view: TableView; terms: string; preview: SigningPreview } | null = null;

  onChange(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  onScreen(l: (s: Screen) => void): () => void {
    this.screenListeners.add(l);
    return () => this.screenListeners.delete(l);
  }

  /** Re-render without a move (a draft changed, a panel opened). */
  refresh(): void {
    for (const l of this.listeners) l({ moves: [], ledger: [], news: [] });
  }

  /** The title screen's choice of scenario changed: the caption under the logo follows it (onTitleChoice). */
  showOnTitle(shown: { sides: Text[]; year: number }): void {
    this.onTitle = shown;
    for (const l of this.titleListeners) l();
  }
  onTitleChoice(l: () => void): () => void {
    this.titleListeners.add(l);
    return () => this.titleListeners.delete(l);
  }

  /** Switch the interface's language (its dictionary loaded: loadLanguage) and show the screen again in it. */
  setLanguage(lang: Language): void {
    this.language = lang;
    storeLanguage(lang);
    this.show(this.screen);
  }

  /** The game as the side on screen may see it (the view in the engine's tableView): what the table shows. */
  view(): SideView | null {
    return this.session ? this.table().view : null;
  }

  /** The computer's last reason, when the side on screen may see the move it explains (not a secret defection or a sealed statement). */
  visibleReason(): Session['lastReason'] {
    const s = this.session;
    const r = s?.lastReason;
    if (!s || !r) return null;
    const move = JSON.stringify(r.move);
    return allMoves(this.table().view).some((m) => JSON.stringify(m) === move) ? r : null;
  }

  show(screen: Screen): void {
    this.screen = screen;
    for (const l of this.screenListeners) l(screen);
  }

  newGame(source: ScenarioSource, scenario: Scenario, settings: Settings): void {
    const state = createGame(scenarioOfLength(scenario, settings.length), settings.seed);
    this.begin(source, scenario, settings, state);
    this.save();
    this.show('briefing');
  }

  resume(source: ScenarioSource, scenario: Scenario, settings: Settings, state: GameState, origin?: Origin): void {
    this.begin(source, scenario, settings, state);
    if (origin) this.session!.origin = origin;
    this.save(); // a save from before summaries gets one
    const s = this.session!;
    if (state.phase !== 'ended' && settings.opponent === 'hotseat') {
      // Nobody knows who sits at the screen after a reload: the hand-off first, to whoever must move, and
      // never a side's table or brief before that player has taken the seat.
      s.viewer = this.humanToAct() ?? settings.side;
      this.reopened = true;
      this.show('handoff');
      return;
    }
    this.show(state.phase === 'ended' ? 'debrief' : 'table');
    this.afterMove();
  }

  private begin(source: ScenarioSource, full: Scenario, settings: Settings, state: GameState): void {
    this.stopComputer();
    // The game is played at the length chosen: the class length is a scenario of its own (scenarioOfLength).
    const scenario = scenarioOfLength(full, settings.length);
    this.reopened = false;
    this.session?.counterpart?.stop?.();
    // The counterpart thinks in a Web Worker: the page never waits on it (the benchmark reads its times).
    const times = (globalThis as { __counterpartTimes?: CounterpartTimes }).__counterpartTimes;
    const counterpart =
      settings.opponent === 'computer' ? createBrowserCounterpart(scenario, otherSide(scenario.seats, settings.side), settings.difficulty, settings.seed + 7, times) : null;
    // The computer's agent learns from the history it sees; let it catch up by deciding nothing here.
    // A resumed game's players have sat at the table already: those who have moved need no briefing again.
    const briefed = new Set(logOf(state).moves.map((m) => m.side));
    this.draft.clear();
    this.session = { source, scenario, settings, state, viewer: settings.side, briefed, counterpart, lastReason: null };
  }

  /**
   * Play the finished game again from the start of `turn`: its log replayed to that turn, then a new branch with the
   * same players. The first game is kept (the origin) for the branch's debrief.
   */
  branchFrom(turn: number): void {
    const s = this.session;
    if (!s) return;
    this.playBranch(s.source, s.scenario, s.settings, { log: logOf(s.state), turn });
  }

  /** A branch point handed over as a link: the same, with the link's settings. */
  openBranch(source: ScenarioSource, scenario: Scenario, point: BranchPoint): void {
    if (point.scenario !== scenario.id || !scenario.seats.includes(point.settings.side))
      throw new Error(`it is for scenario "${point.scenario}" and side "${point.settings.side}", which ${scenario.id} does not have`);
    const settings: Settings = { side: point.settings.side, opponent: point.settings.opponent, difficulty: point.settings.difficulty, seed: point.seed, ...(point.settings.length ? { length: point.settings.length } : {}) };
    this.playBranch(source, scenario, settings, { log: { scenario: point.scenario, seed: point.seed, moves: point.moves }, turn: point.turn });
  }

  private playBranch(source: ScenarioSource, scenario: Scenario, settings: Settings, origin: Origin): void {
    const state = replayToTurn(scenarioOfLength(scenario, settings.length), origin.log, origin.turn);
    this.begin(source, scenario, settings, state);
    const s = this.session!;
    s.origin = origin;
    for (const side of scenario.seats) s.briefed.add(side); // the players know the game up to here
    this.save();
    if (settings.opponent === 'hotseat') {
      s.viewer = this.humanToAct() ?? settings.side;
      this.show('handoff');
      return;
    }
    this.show('table');
    this.afterMove();
  }

  quit(): void {
    this.stopComputer();
    this.session = null;
    this.show('title');
  }

  isHuman(side: Side): boolean {
    const s = this.session;
    if (!s) return false;
    return s.settings.opponent === 'hotseat' || side === s.settings.side;
  }

  /** What the seat on screen sees and may do now (the engine's tableView, as the classroom server sends a team). */
  table(): TableView {
    const s = this.session!;
    const seat = this.seat;
    if (seat?.state !== s.state || seat.side !== s.viewer || seat.scenario !== s.scenario)
      this.seat = { state: s.state, side: s.viewer, scenario: s.scenario, view: tableView(s.scenario, s.state, s.viewer) };
    return this.seat!.view;
  }

  /** May the seat on screen send the draft now, and as what: a proposal, a counter-proposal, or neither. */
  packageMode(): 'propose' | 'counter' | null {
    const seat = this.table();
    if (this.humanToAct() !== seat.side) return null;
    if (seat.phase === 'proposals' && seat.propose.may) return 'propose';
    if (seat.phase === 'responses' && seat.counter.may) return 'counter';
    return null;
  }

  /** What signing the draft would do (the engine's previewFor, made once per state and draft); null for an empty draft. */
  draftPreview(): SigningPreview | null {
    const mode = this.packageMode();
    if (!mode || this.draft.empty) return null;
    const seat = this.table();
    const terms = { ...this.draft.terms(), format: mode === 'propose' ? this.draft.format : undefined };
    const key = JSON.stringify(terms);
    if (this.previewed?.view !== seat || this.previewed.terms !== key) this.previewed = { view: seat, terms: key, preview: previewFor(this.session!.scenario, seat.view, seat.side, terms) };
    return this.previewed.preview;
  }

  /** Send the draft as the seat's proposal or counter-proposal; returns the engine's refusal, if any. */
  sendPackage(): string | null {
    const mode = this.packageMode();
    if (!mode) return words().table.cannotPropose('');
    const seat = this.table();
    const terms = this.draft.terms();
    const move: Move = mode === 'propose' ? { type: 'propose', side: seat.side, ...terms } : { type: 'counter', side: seat.side, give: terms.give, ask: terms.ask };
    // Cleared before the move's listeners draw the table: the package has left the hand. Refused, it comes back.
    const kept = { ...terms };
    this.draft.clear();
    const refused = this.send(move);
    if (refused) {
      for (const id of kept.give) this.draft.give.add(id);
      for (const id of kept.ask) this.draft.ask.add(id);
      this.draft.format = kept.format ?? 'bilateral';
    }
    return refused;
  }

  /** The sides asked to move now (the engine decides: nextActors). */
  actingSides(): Side[] {
    return this.session ? nextActors(this.session.state) : [];
  }

  /** The human side who must act now, if any (the viewer first when both must). */
  humanToAct(): Side | null {
    const s = this.session;
    if (!s) return null;
    const pending = this.actingSides().filter((side) => this.isHuman(side));
    if (pending.includes(s.viewer)) return s.viewer;
    return pending[0] ?? null;
  }

  /** Send a move for the side on screen; returns the engine's refusal, if any. */
  send(move: Move): string | null {
    return this.apply(move, 'human');
  }

  private apply(move: Move, by: 'human' | 'computer', reason?: string): string | null {
    const s = this.session;
    if (!s) return 'no game';
    const before = s.state;
    const r = applyMove(s.scenario, before, move);
    if (!r.ok) return r.reason;
    s.state = r.state;
    // A package left unsent when the moment for it has passed is dropped: the next one starts from an empty table.
    if (this.packageMode() === null) this.draft.clear();
    if (by === 'computer' && reason) s.lastReason = { side: move.side, move, reason };
    const change: Change = { ...seenChange(before, r.state, s.viewer), move, by };
    this.soundFor(change);
    this.save();
    for (const l of this.listeners) l(change);
    this.afterMove();
    return null;
  }

  private soundFor(change: Change): void {
    const type = change.move?.type;
    if (type === 'propose' || type === 'counter') play('proposal');
    else if (type === 'accept') play('accept');
    else if (type === 'reject') play('reject');
    if (change.news.length) play('event');
    const own = this.session!.viewer;
    const mine = change.ledger.filter((e) => e.meter.endsWith(`.${own}`) || e.meter === 'escalation');
    if (mine.length) {
      const net = mine.reduce((sum, e) => sum + (e.meter === 'escalation' || e.meter.startsWith('hawks') ? -e.delta : e.delta), 0);
      play(net >= 0 ? 'meterUp' : 'meterDown');
    }
  }

  save(): void {
    const s = this.session;
    if (!s) return;
    const summary = {
      title: textOf(s.scenario.title),
      side: sideName(s.scenario, s.settings.side),
      titleText: s.scenario.title,
      sideText: s.scenario.sides[s.settings.side].name,
      opponent: s.settings.opponent,
      turn: s.state.turn,
      turns: s.scenario.turns,
      ended: s.state.phase === 'ended',
    };
    writeSave({ version: SAVE_VERSION, rulesVersion: RULES_VERSION, source: s.source, settings: s.settings, log: logOf(s.state), summary, ...(s.origin ? { origin: s.origin } : {}) });
  }

  /** After any move: end the game, hand the screen over (hot-seat), or let the computer act. */
  private afterMove(): void {
    const s = this.session;
    if (!s) return;
    if (s.state.phase === 'ended') {
      this.stopComputer();
      if (this.screen !== 'debrief') this.show('debrief');
      return;
    }
    if (this.handOver()) return;
    if (!this.humanToAct()) this.scheduleComputer();
  }

  /** Hot-seat: when the other player must act, hide this one's view behind the hand-off screen. */
  private handOver(): boolean {
    const s = this.session!;
    const human = this.humanToAct();
    if (!human || human === s.viewer || s.settings.opponent !== 'hotseat') return false;
    s.viewer = human;
    this.draft.clear(); // the next player never sees a package the last one left unsent
    this.show('handoff');
    return true;
  }

  /** The player on screen has read their briefing: to the table, or hand over first (hot-seat). */
  leaveBriefing(): void {
    const s = this.session;
    if (!s) return;
    s.briefed.add(s.viewer);
    if (!this.handOver()) this.show('table');
  }

  private scheduleComputer(): void {
    const s = this.session;
    if (!s?.counterpart || this.computerTimer || this.computerThinking) return;
    const cp = s.counterpart;
    if (!this.actingSides().includes(cp.side)) return;
    this.computerTimer = setTimeout(() => {
      this.computerTimer = null;
      if (this.session !== s || this.screen === 'debrief') return;
      if (!this.actingSides().includes(cp.side)) return;
      const asked = s.state;
      const thinking = {};
      this.computerThinking = thinking;
      const decided = cp.decideAsync ? cp.decideAsync(asked) : new Promise<Decision>((resolve) => resolve(cp.decide(asked)));
      decided
        .then(
          (decision) => {
            // The game moved on (or was closed) while it thought: its answer is to another moment.
            if (this.computerThinking !== thinking) return null;
            this.computerThinking = null;
            if (this.session !== s || s.state !== asked || this.screen === 'debrief') return null;
            return this.apply(decision.move, 'computer', decision.reason);
          },
          (e: Error) => {
            if (this.computerThinking !== thinking) return null;
            this.computerThinking = null;
            return this.session === s ? e.message : null;
          },
        )
        .then((refused) => {
          // A computer that cannot move would leave the player waiting forever: say so instead.
          if (refused) {
            this.notice = words().page.computerStuck(refused);
            this.refresh();
          }
        });
    }, computerDelay());
  }

  private stopComputer(): void {
    if (this.computerTimer) clearTimeout(this.computerTimer);
    this.computerTimer = null;
    this.computerThinking = null;
  }

  /** The hot-seat player now at the screen has taken it: their briefing the first time, then their table. */
  takeSeat(): void {
    const s = this.session;
    this.reopened = false;
    this.show(s && !s.briefed.has(s.viewer) ? 'briefing' : 'table');
    this.afterMove(); // a reopened game's computer, or the next hand-off, goes on from here
  }

  /** Replace the scenario (dev hot reload): keep the game when its log still replays. */
  replaceScenario(source: ScenarioSource, scenario: Scenario, state: GameState): void {
    const s = this.session;
    if (!s) return;
    this.stopComputer();
    const settings = s.settings;
    this.begin(source, scenario, settings, state);
    this.session!.viewer = s.viewer;
    this.save();
    for (const l of this.listeners) l({ moves: [], ledger: [], news: [] });
    this.afterMove();
  }
}

export const store = new Store();

/** The interface's words in the language chosen on the title screen. */
export const words = (): Words => wordsFor(store.language);

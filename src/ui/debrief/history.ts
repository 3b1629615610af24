// History compared with the game, track by track: where each track ended in this game beside where history left it
// (the scenario's `history.tracks`, each with its article), and one sentence on how the game differed. Pure: the
// debrief page draws it, tests read it.
import { indexOf, textOf, type Cite, type GameState, type Language, type Scenario } from '../../engine';
import { wordsFor } from '../i18n';

export type Compared = 'further' | 'same' | 'short';

export interface TrackComparison {
  track: string;
  name: string;
  /** The stage this game ended at. */
  game: string;
  /** Where history left the track: its stage's name and the scenario's sentence. */
  history: string;
  /** This game against history, by the stages' worth; null when history names no stage. */
  compared: Compared | null;
  cite: Cite[];
}

/** The comparison in words, in English (the debrief takes them in its language from the dictionary, ../i18n.ts). */
export const COMPARED_WORDS: Record<Compared, string> = wordsFor('en').debrief.compared;

/** One row per track the scenario tells the history of, in the scenario's order; empty when it tells none. */
export function historyByTrack(scenario: Scenario, state: GameState, lang: Language = 'en'): TrackComparison[] {
  const rows: TrackComparison[] = [];
  for (const def of scenario.tracks) {
    const h = scenario.history.tracks[def.id];
    if (!h) continue;
    const stageOf = (id: string | undefined) => def.stages.find((s) => s.id === id);
    const reached = stageOf(state.tracks[def.id]?.stage);
    const then = stageOf(h.stage);
    const words = [then ? textOf(then.name, lang) : '', textOf(h.text, lang)].filter(Boolean);
    const compared = !then || !reached ? null : reached.value > then.value ? 'further' : reached.value < then.value ? 'short' : 'same';
    rows.push({
      track: def.id,
      name: textOf(def.name, lang),
      game: reached ? textOf(reached.name, lang) : state.tracks[def.id]?.stage ?? '—',
      history: words.length === 2 ? `${words[0]}: ${words[1]}` : (words[0] ?? ''),
      compared,
      cite: h.cite,
    });
  }
  return rows;
}

/** "This game went further than history on Iran, stopped where history did on …, and fell short of it on …." */
export function historySentence(rows: TrackComparison[], lang: Language = 'en'): string {
  const w = wordsFor(lang).debrief.historySentence;
  const on = (c: Compared) => rows.filter((r) => r.compared === c).map((r) => r.name);
  const parts = (['further', 'same', 'short'] as const).filter((c) => on(c).length).map((c) => w[c](w.list(on(c))));
  return parts.length === 0 ? '' : w.whole(parts);
}

export type GameKind = 'crisis' | 'office' | 'cooperative' | 'stalled';

/** What kind of game this was: ended by a crisis, by a fall from office, with something carried out, or with nothing. */
export function gameKind(state: GameState): GameKind {
  if (state.end?.reason === 'escalation') return 'crisis';
  if (state.end?.reason === 'office') return 'office';
  const carried = state.agreements.some((a) => state.seats.some((s) => a.obligations[s].status === 'implemented' && a.obligations[s].cards.length > 0));
  return carried ? 'cooperative' : 'stalled';
}

/** The cards this game carried out (implemented obligations). */
export function carriedOut(state: GameState): string[] {
  return state.agreements.flatMap((a) => state.seats.flatMap((s) => (a.obligations[s].status === 'implemented' ? a.obligations[s].cards : [])));
}

/**
 * How this game as a whole differed from history, in one sentence or two: a crisis or a fall from office (which
 * history did not have), or what was carried out against what history agreed (the scenario's `history.deal`).
 */
export function gameAgainstHistory(scenario: Scenario, state: GameState, lang: Language = 'en'): string {
  const w = wordsFor(lang).debrief.gameAgainstHistory;
  const list = wordsFor(lang).debrief.historySentence.list;
  const kind = gameKind(state);
  const turn = state.end?.turn ?? state.turn;
  if (kind === 'crisis') return w.crisis(turn);
  if (kind === 'office') return w.office(textOf(scenario.sides[state.end!.side!]?.name, lang), turn);
  const done = carriedOut(state);
  const n = state.agreements.filter((a) => state.seats.some((s) => a.obligations[s].status === 'implemented' && a.obligations[s].cards.length > 0)).length;
  const lead = kind === 'cooperative' ? w.cooperative(n) : w.stalled;
  const deal = scenario.history.deal;
  if (!deal) return lead;
  const title = (id: string) => textOf(indexOf(scenario).cards.get(id)?.title, lang) || id;
  return lead + w.historyDeal(list(deal.cards.map(title)), list(deal.cards.filter((c) => done.includes(c)).map(title)));
}

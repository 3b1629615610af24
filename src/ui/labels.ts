// Words for the engine's data, shared by the canvas, the accessible layer and the classroom pages so all say
// the same. Each takes the language (English by default: the classroom pages are in English).
import { textOf, otherSide, type FlagDef, type Language, type Move, type Scenario, type Side, type SideOutcome, type SigningPreview, indexOf } from '../engine';
import { wordsFor, type CauseSaying } from './i18n';

/** Okabe–Ito blue and vermillion, told apart with every common colour-vision deficiency: one for each seat. */
export const SEAT_COLORS = [0x0072b2, 0xd55e00] as const;

/**
 * Which of the two colours a side wears: the shipped scenarios' United States blue and Russia vermillion whatever
 * order they are written in; any other scenario's sides by their order under `sides` (the first blue).
 */
export function colourSlot(scenario: Pick<Scenario, 'seats'>, side: Side): 0 | 1 {
  const shipped = scenario.seats.every((s) => s === 'us' || s === 'ru');
  if (shipped) return side === 'ru' ? 1 : 0;
  return scenario.seats.indexOf(side) === 1 ? 1 : 0;
}

/** A side's colour on the canvas (meter bars, its column's rule). */
export const sideColor = (scenario: Pick<Scenario, 'seats'>, side: Side): number => SEAT_COLORS[colourSlot(scenario, side)];

/** A side's flag: the scenario's own, or a plain one in the side's colour. */
export function sideFlag(scenario: Pick<Scenario, 'seats' | 'sides'>, side: Side): FlagDef {
  return scenario.sides[side].flag ?? { colours: [`#${sideColor(scenario, side).toString(16).padStart(6, '0')}`, '#f2f2f2'], pattern: 'columns' };
}

/** A side's name from the scenario, in the language. */
export const sideLabel = (scenario: Scenario, side: Side, lang: Language = 'en'): string => textOf(scenario.sides[side].name, lang);

/** A card's title from the scenario, in the language (its id when the scenario has no such card). */
export const cardLabel = (scenario: Scenario, id: string, lang: Language = 'en'): string => textOf(indexOf(scenario).cards.get(id)?.title, lang) || id;

export const trackLabel = (scenario: Scenario, id: string, lang: Language = 'en'): string => textOf(indexOf(scenario).tracks.get(id)?.name, lang) || id;

/** A stage of a track, by its name in the scenario (its id when the track has no such stage). */
export const stageLabel = (scenario: Scenario, track: string, stage: string, lang: Language = 'en'): string =>
  textOf(indexOf(scenario).tracks.get(track)?.stages.find((s) => s.id === stage)?.name, lang) || stage;

/** What signing a package does to the side's own score (the engine's preview), in the same words at every table. */
export const previewScoreWords = (p: SigningPreview, lang: Language = 'en'): string => wordsFor(lang).table.scoreOnSigning(signed(p.score), signed(p.worth));

/** A side's score so far against its goal, in the same words at every table. */
export const scoreSoFarWords = (o: SideOutcome, lang: Language = 'en'): string => wordsFor(lang).table.scoreSoFar(signed(o.score, 1), o.goal);

export function meterName(scenario: Scenario, path: string, lang: Language = 'en'): string {
  const w = wordsFor(lang).meters;
  const [kind, key] = path.split('.');
  const side = key as Side;
  const name = (s: Side) => sideLabel(scenario, s, lang);
  switch (kind) {
    case 'trust':
      return w.trust(name(side), name(otherSide(scenario.seats, side)));
    case 'support':
      return w.support(name(side));
    case 'hawks':
      return w.hawks(name(side));
    case 'allies':
      return w.allies(textOf(scenario.thirdParties.find((t) => t.id === key)?.name, lang) || key);
    case 'escalation':
      return w.escalation;
    default:
      return path;
  }
}

/** A scenario as the title's menu lists it: its title, with its year only when the title does not already say it. */
export function scenarioLabel(title: string, year: number, custom = false, lang: Language = 'en'): string {
  const named = title.includes(String(year)) ? title : `${title} (${year})`;
  return custom ? `${named} — ${wordsFor(lang).title.customFile}` : named;
}

/** A signed number as the screens show it: '+3', '−2.7' (a true minus sign), '0'; `digits` fixes the decimals (a score: 1). */
export function signed(n: number, digits?: number): string {
  const size = digits === undefined ? String(Math.abs(n)) : Math.abs(n).toFixed(digits);
  if (Number(size) === 0) return size; // no sign on a zero, nor on what rounds to one ('−0.0')
  return n > 0 ? `+${size}` : `−${size}`;
}

export function agreementName(scenario: Scenario, id: string, tracks: string[], lang: Language = 'en'): string {
  return `${id} (${tracks.map((t) => trackLabel(scenario, t, lang)).join(', ')})`;
}

export function describeMove(scenario: Scenario, move: Move, lang: Language = 'en'): string {
  const w = wordsFor(lang);
  const who = sideLabel(scenario, move.side, lang);
  const cards = (ids: string[]) => (ids.length ? ids.map((id) => cardLabel(scenario, id, lang)).join('; ') : w.moves.nothing);
  switch (move.type) {
    case 'statement':
      return move.redLine === undefined
        ? w.moves.statement(who, w.tones[move.tone])
        : `${w.moves.statement(who, w.tones[move.tone])} ${w.moves.declared(who, cardLabel(scenario, move.redLine, lang))}`;
    case 'openChannel':
      return w.moves.openChannel(who, textOf(scenario.channels.find((c) => c.id === move.channel)?.name, lang) || move.channel);
    case 'propose':
      return w.moves.propose(who, w.formats[move.format ?? 'bilateral'], cards(move.give), cards(move.ask));
    case 'counter':
      return w.moves.counter(who, cards(move.give), cards(move.ask));
    case 'pass':
      return w.moves.pass(who);
    case 'accept':
      return w.moves.accept(who);
    case 'reject':
      return move.reason ? w.moves.rejectBecause(who, w.refusalReasons[move.reason]) : w.moves.reject(who);
    case 'implement':
    case 'delay':
    case 'defect':
    case 'verify':
      return w.moves[move.type](who, move.agreement);
    case 'done':
      return w.moves.done(who);
  }
}

/** The phases in English, for the classroom pages; the game's own screens use phaseName. */
export const PHASE_NAME: Record<string, string> = wordsFor('en').phases;

export const phaseName = (phase: string, lang: Language = 'en'): string => (wordsFor(lang).phases as Record<string, string>)[phase] ?? phase;

/** A news item's title and text in the language, from its event in the scenario when it has one (an inject has not). */
export function newsWords(scenario: Scenario, n: { event: string; title: string; text: string }, lang: Language = 'en'): { title: string; text: string } {
  const ev = scenario.events.find((e) => e.id === n.event);
  return { title: (ev && textOf(ev.title, lang)) || n.title, text: (ev && textOf(ev.text, lang)) || n.text };
}

/** Every English text of a scenario that has a text in another language, by its English (built once a scenario). */
const scenarioTexts = new WeakMap<Scenario, Map<string, { en: string; ru?: string }>>();
function textsOf(scenario: Scenario): Map<string, { en: string; ru?: string }> {
  let texts = scenarioTexts.get(scenario);
  if (!texts) {
    texts = new Map();
    const walk = (v: unknown): void => {
      if (!v || typeof v !== 'object') return;
      const o = v as Record<string, unknown>;
      if (typeof o.en === 'string' && typeof o.ru === 'string' && !texts!.has(o.en)) texts!.set(o.en, o as { en: string; ru: string });
      for (const x of Object.values(o)) walk(x);
    };
    walk(scenario);
    scenarioTexts.set(scenario, texts);
  }
  return texts;
}

/**
 * A ledger cause in the language. The engine writes its causes in English: a scenario's own text (an event's cause)
 * or one of its fixed sentences with the scenario's names and titles in it; the language's `causes` says each sentence
 * again (i18n-ru.ts), its names and titles given from the scenario in the language. A cause neither recognises stays
 * as the engine wrote it. The log, the CSV export and the server keep the English.
 */
export function causeWords(scenario: Scenario, cause: string, lang: Language = 'en'): string {
  return lang === 'en' ? cause : sayAgain(scenario, cause, lang, wordsFor(lang).causes);
}

/**
 * The computer's reason for a move in the language, by the same means as causeWords: the agent writes its reasons in
 * English (src/ai/agent.ts), from parts with the scenario's names, titles and its stance's texts in them; the
 * language's `reasons` says each sentence and part again. A reason none recognises stays as the agent wrote it.
 */
export function reasonWords(scenario: Scenario, reason: string, lang: Language = 'en'): string {
  return lang === 'en' ? reason : sayAgain(scenario, reason, lang, wordsFor(lang).reasons);
}

/** An English sentence said again by the first of the sayings that knows it, its parts said again the same way. */
function sayAgain(scenario: Scenario, text: string, lang: Language, sayings: readonly CauseSaying[]): string {
  const texts = textsOf(scenario);
  // A scenario's text in the language; the agent quotes some without their last full stop, and so does this.
  const name = (english: string): string => {
    const whole = texts.get(english);
    if (whole) return textOf(whole, lang) || english;
    const stopped = texts.get(`${english}.`);
    return stopped ? (textOf(stopped, lang) || english).replace(/[.\s]+$/, '') : english;
  };
  const again = (c: string): string => {
    const whole = texts.get(c);
    if (whole) return textOf(whole, lang);
    for (const [pattern, say] of sayings) {
      const m = pattern.exec(c);
      if (!m) continue;
      const said = say(m.groups ?? {}, name, again);
      if (said !== undefined) return said;
    }
    return c;
  };
  return again(text);
}

// A scenario as an author writes it (YAML or JSON, see scenarios/schema.json) leaves many
// fields out and allows shorthands; this fills in the defaults. The engine runs only complete scenarios.
import { DEFAULT_RULES } from './rules';
import type {
  CardDef,
  ChannelDef,
  ClassroomDef,
  Cite,
  CounterpartDef,
  HistoryDef,
  Conditions,
  Effect,
  EventDef,
  Rules,
  Scenario,
  SideDef,
  SourceDef,
  StageDef,
  Text,
  ThirdPartyDef,
  TrackDef,
  TrackEventType,
} from './types';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** A citation as written: a file name, or { file, quote }. */
export type CiteInput = string | Cite;
export type TransitionInput = string | { to: string; needs?: Conditions };

/** A side's stance as written: everything but `why` may be left out. */
export interface CounterpartInput {
  concession?: CounterpartDef['concession'];
  wants?: { tracks?: string[]; cards?: string[] };
  neverGives?: CounterpartDef['neverGives'];
  tone?: Partial<CounterpartDef['tone']>;
  capital?: NonNullable<CounterpartDef['capital']>;
  quidProQuo?: NonNullable<CounterpartDef['quidProQuo']>;
  delayOnce?: NonNullable<CounterpartDef['delayOnce']>;
  multilateral?: boolean;
  channelsEarly?: boolean;
  reassureAllies?: boolean;
  why: Text;
  cite?: CiteInput[];
}

/** What history did, as written. */
export interface HistoryInput {
  text: Text;
  cite?: CiteInput[];
  tracks?: Record<string, { stage?: string; text?: Text; cite?: CiteInput[] }>;
  deal?: { cards: string[]; text: Text; cite?: CiteInput[] };
}

export interface ScenarioInput {
  $schema?: string;
  extends?: string;
  id: string;
  title: Text;
  year?: number;
  turns: number;
  firstMover?: string;
  escalationStart?: number;
  summary?: Text;
  /** The short game for a lesson; goals left out stay the sides' own. */
  classLength?: { turns: number; goals?: Record<string, number>; summary: Text };
  history?: HistoryInput;
  sources?: (Omit<SourceDef, 'author' | 'date'> & Partial<SourceDef>)[];
  /** Exactly two sides, by the ids the scenario gives its seats, in order. */
  sides: Record<string, SideInput>;
  thirdParties?: (Omit<ThirdPartyDef, 'cite'> & { cite?: CiteInput[] })[];
  tracks: {
    id: string;
    name: Text;
    description?: Text;
    cite?: CiteInput[];
    start: string;
    venue?: Text;
    stages: Record<
      string,
      { name: Text; description?: Text; value?: number; worth?: Record<string, number>; final?: boolean; on?: Partial<Record<TrackEventType, TransitionInput>> }
    >;
  }[];
  cards: CardInput[];
  channels?: (Omit<ChannelDef, 'cite' | 'damp' | 'startOpen' | 'text'> & Partial<Omit<ChannelDef, 'cite'>> & { cite?: CiteInput[] })[];
  events?: (Omit<EventDef, 'cite' | 'repeat' | 'effects'> & { cite?: CiteInput[]; repeat?: boolean; effects?: Effect[] })[];
  rules?: DeepPartial<Rules>;
  classroom?: { vary: Partial<Record<string, { why: Text; cite?: CiteInput[]; priorities?: Record<string, number>; redLines?: { pick?: number; from: { card: string; why?: Text }[] } }>> };
}

export type SideInput = Partial<Omit<SideDef, 'start' | 'counterpart'>> &
  Pick<SideDef, 'name' | 'priorities'> & { start?: Partial<SideDef['start']>; counterpart?: CounterpartInput };

/** One option of a graded concession, as written: its own id, title and numbers; the rest comes from its card. */
export type OptionInput = { id: string; title: Text; text?: Text; value: number } & Partial<Pick<CardDef, 'cost' | 'trust' | 'allies' | 'escalation' | 'worth'>> & {
  cite?: CiteInput[];
};

/** A concession card as written; with `options`, one card per option, the options of one issue (the card's id). */
export type CardInput = Omit<CardDef, 'cite' | 'trust' | 'allies' | 'escalation' | 'cost' | 'value' | 'issue' | 'level'> &
  Partial<Pick<CardDef, 'trust' | 'allies' | 'escalation' | 'cost' | 'value'>> & { cite?: CiteInput[]; options?: OptionInput[] };

export function completeRules(r: DeepPartial<Rules> | undefined): Rules {
  const out = structuredClone(DEFAULT_RULES);
  if (!r) return out;
  for (const [k, v] of Object.entries(r)) {
    if (k === 'statements' && v && typeof v === 'object') {
      for (const [tone, rule] of Object.entries(v)) Object.assign((out.statements as Record<string, object>)[tone], rule);
    } else if (v !== undefined) (out as unknown as Record<string, unknown>)[k] = v;
  }
  return out;
}

const cites = (c: CiteInput[] | undefined): Cite[] => (c ?? []).map((x) => (typeof x === 'string' ? { file: x } : x));

/**
 * The stance of a side for which the scenario writes none, and the default of every field a stance leaves out:
 * it mirrors the other side's concessions, speaks warmly, answers hostility in kind until the risk nears the brink, and
 * remembers for three turns the hostility it let pass.
 */
export const DEFAULT_COUNTERPART: Readonly<CounterpartDef> = Object.freeze({
  concession: 'tit-for-tat',
  wants: { tracks: [], cards: [] },
  neverGives: [],
  // 70, as every shipped scenario's stance says: hostile words are answered in kind until the risk nears the brink.
  tone: { prefers: 'conciliatory', patience: 0, mirrorsBelow: 70, memory: 3 },
  multilateral: false,
  channelsEarly: false,
  reassureAllies: false,
  why: 'No stance is written for this side: it mirrors what the other side concedes.',
  cite: [],
} satisfies CounterpartDef);

export function completeCounterpart(c: CounterpartInput): CounterpartDef {
  const d = DEFAULT_COUNTERPART;
  return {
    concession: c.concession ?? d.concession,
    wants: { tracks: c.wants?.tracks ?? [], cards: c.wants?.cards ?? [] },
    neverGives: (c.neverGives ?? []).map((r) => ({ ...r })),
    tone: { ...d.tone, ...c.tone },
    ...(c.capital ? { capital: { ...c.capital, tracks: [...c.capital.tracks] } } : {}),
    ...(c.quidProQuo ? { quidProQuo: { ...c.quidProQuo } } : {}),
    ...(c.delayOnce ? { delayOnce: { ...c.delayOnce, tracks: [...c.delayOnce.tracks] } } : {}),
    multilateral: c.multilateral ?? d.multilateral,
    channelsEarly: c.channelsEarly ?? d.channelsEarly,
    reassureAllies: c.reassureAllies ?? d.reassureAllies,
    why: c.why,
    cite: cites(c.cite),
  };
}

function completeHistory(h: HistoryInput | undefined): HistoryDef {
  const tracks: HistoryDef['tracks'] = {};
  for (const [id, t] of Object.entries(h?.tracks ?? {}))
    tracks[id] = { ...(t.stage !== undefined ? { stage: t.stage } : {}), ...(t.text !== undefined ? { text: t.text } : {}), cite: cites(t.cite) };
  return {
    text: h?.text ?? '',
    cite: cites(h?.cite),
    tracks,
    ...(h?.deal ? { deal: { cards: [...h.deal.cards], text: h.deal.text, cite: cites(h.deal.cite) } } : {}),
  };
}

function stagesOf(stages: ScenarioInput['tracks'][number]['stages']): StageDef[] {
  return Object.entries(stages).map(([id, st]) => {
    const on: StageDef['on'] = {};
    for (const [type, t] of Object.entries(st.on ?? {})) {
      if (t === undefined) continue;
      on[type as TrackEventType] = typeof t === 'string' ? { to: t } : t;
    }
    const stage: StageDef = { id, name: st.name, value: st.value ?? 0, on };
    if (st.worth !== undefined) stage.worth = st.worth;
    if (st.description !== undefined) stage.description = st.description;
    if (st.final) stage.final = true;
    return stage;
  });
}

export function completeScenario(s: ScenarioInput): Scenario {
  const seats = Object.keys(s.sides);
  if (seats.length !== 2) throw new Error(`a scenario has two sides, not ${seats.length} (${seats.join(', ')})`);
  const side = (x: SideInput): SideDef => ({
    name: x.name,
    capital: x.capital ?? x.name,
    reservation: x.reservation ?? 0,
    leader: x.leader ?? '',
    brief: x.brief ?? '',
    goal: x.goal ?? 10,
    start: { trust: 40, support: 60, hawks: 40, ...x.start },
    priorities: x.priorities,
    redLines: x.redLines ?? [],
    ...(x.flag ? { flag: x.flag } : {}),
    // Absent stays absent: the computer then plays DEFAULT_COUNTERPART.
    ...(x.counterpart ? { counterpart: completeCounterpart(x.counterpart) } : {}),
  });
  return {
    id: s.id,
    seats: [seats[0], seats[1]],
    title: s.title,
    year: s.year ?? 2009,
    turns: s.turns,
    firstMover: s.firstMover ?? seats[0],
    escalationStart: s.escalationStart ?? 20,
    summary: s.summary ?? '',
    history: completeHistory(s.history),
    sources: (s.sources ?? []).map((x) => ({ author: '', date: '', ...x })),
    sides: Object.fromEntries(seats.map((id) => [id, side(s.sides[id])])),
    thirdParties: (s.thirdParties ?? []).map((t) => ({ ...t, cite: cites(t.cite) })),
    tracks: s.tracks.map(
      (t): TrackDef => ({
        id: t.id,
        name: t.name,
        description: t.description ?? '',
        cite: cites(t.cite),
        start: t.start,
        stages: stagesOf(t.stages),
        ...(t.venue !== undefined ? { venue: t.venue } : {}),
      }),
    ),
    cards: s.cards.flatMap(completeCard),
    channels: (s.channels ?? []).map((c) => ({
      ...c,
      text: c.text ?? '',
      cite: cites(c.cite),
      damp: c.damp ?? 3,
      startOpen: c.startOpen ?? false,
    })),
    events: (s.events ?? []).map((e) => ({ ...e, cite: cites(e.cite), repeat: e.repeat ?? false, effects: e.effects ?? [] })),
    rules: completeRules(s.rules),
    // Absent stays absent: a scenario without the section is the same object as before it existed.
    ...(s.classroom ? { classroom: completeClassroom(s.classroom, s.sides) } : {}),
    ...(s.classLength
      ? { classLength: { turns: s.classLength.turns, summary: s.classLength.summary, goals: Object.fromEntries(seats.map((id) => [id, s.classLength!.goals?.[id] ?? s.sides[id].goal ?? 10])) } }
      : {}),
  };
}

/** A card as the engine plays it; a graded card becomes one card per option, each an option of the card's issue. */
function completeCard(c: CardInput): CardDef[] {
  const { options, ...card } = c;
  const complete = (x: Omit<CardInput, 'options'> & { value: number }): CardDef => {
    const out: CardDef = {
      ...x,
      cite: cites(x.cite),
      cost: x.cost ?? x.value,
      trust: x.trust ?? x.value * 2,
      allies: x.allies ?? {},
      escalation: x.escalation ?? 0,
    };
    return out;
  };
  if (!options || options.length === 0) return [complete({ ...card, value: card.value ?? 1 })];
  return options.map((o, i) => {
    const { cost: _c, trust: _t, allies: _a, escalation: _e, worth: _w, value: _v, ...shared } = card;
    return complete({
      ...shared,
      ...o,
      text: o.text ?? card.text,
      cite: o.cite ?? card.cite,
      ...(o.worth ? { worth: o.worth } : {}),
      issue: card.id,
      level: i + 1,
    } as Omit<CardInput, 'options'> & { value: number });
  });
}

/** A red line that may vary without its own reason keeps the one the side already gives for it. */
function completeClassroom(c: NonNullable<ScenarioInput['classroom']>, sides: ScenarioInput['sides']): ClassroomDef {
  const vary: ClassroomDef['vary'] = {};
  for (const side of Object.keys(sides)) {
    const v = c.vary[side];
    if (!v) continue;
    const from = (v.redLines?.from ?? []).map((r) => ({ card: r.card, why: r.why ?? sides[side].redLines?.find((x) => x.card === r.card)?.why ?? '' }));
    const fixed = from.filter((r) => sides[side].redLines?.some((x) => x.card === r.card)).length;
    vary[side] = {
      why: v.why,
      cite: cites(v.cite),
      priorities: v.priorities ?? {},
      redLines: v.redLines ? { pick: v.redLines.pick ?? Math.max(1, fixed), from } : null,
    };
  }
  return { vary };
}

// A scenario as an author writes it (YAML or JSON, see scenarios/schema.json) leaves many
// fields out and allows shorthands; this fills in the defaults. The engine runs only complete scenarios.
import { DEFAULT_RULES } from './rules';
import type {
  CardDef,
  ChannelDef,
  ClassroomDef,
  Cite,
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
  history?: { text: Text; cite?: CiteInput[] };
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

export type SideInput = Partial<Omit<SideDef, 'start'>> & Pick<SideDef, 'name' | 'priorities'> & { start?: Partial<SideDef['start']> };

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
    history: { text: s.history?.text ?? '', cite: cites(s.history?.cite) },
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

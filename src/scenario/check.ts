// Checks of meaning beyond the schema: references that point nowhere, stages that cannot be reached
// or left, events that can never fire, meters nothing moves, sides that cannot win, missing translations.
import { METER_MAX, METER_MIN, type Conditions, type ScenarioInput } from '../engine';
import { closest, didYouMean } from './suggest';

export type Pointer = (string | number)[];
export interface Finding {
  pointer: Pointer;
  message: string;
  severity: 'error' | 'warning';
  /** Point at the key of a mapping entry rather than its value (for keys that are ids). */
  atKey?: boolean;
}

export function meaningFindings(s: ScenarioInput): Finding[] {
  const out: Finding[] = [];
  const error = (pointer: Pointer, message: string, atKey = false) => out.push({ pointer, message, severity: 'error', atKey });
  const warn = (pointer: Pointer, message: string, atKey = false) => out.push({ pointer, message, severity: 'warning', atKey });

  // ---- ids: duplicates, and the sets references are checked against
  const idsOf = (list: { id: string }[] | undefined, kind: string, field: string): Set<string> => {
    const seen = new Map<string, number>();
    (list ?? []).forEach((x, i) => {
      if (seen.has(x.id)) error([field, i, 'id'], `duplicate ${kind} id "${x.id}" (first used at ${field}[${seen.get(x.id)}])`);
      else seen.set(x.id, i);
    });
    return new Set(seen.keys());
  };
  const trackIds = idsOf(s.tracks, 'track', 'tracks');
  const cardIds = idsOf(s.cards, 'card', 'cards');
  const channelIds = idsOf(s.channels, 'channel', 'channels');
  const partyIds = idsOf(s.thirdParties, 'third party', 'thirdParties');
  idsOf(s.events, 'event', 'events');
  const tracks = new Map(s.tracks.map((t) => [t.id, t]));
  const meters = new Set(['trust.us', 'trust.ru', 'support.us', 'support.ru', 'hawks.us', 'hawks.ru', 'escalation', ...[...partyIds].map((p) => `allies.${p}`)]);

  const unknown = (pointer: Pointer, kind: string, id: string, known: Set<string>, atKey = false, within = ''): boolean => {
    if (known.has(id)) return false;
    const none = known.size === 0 ? ` (the scenario has no ${PLURAL[kind] ?? `${kind}s`})` : '';
    error(pointer, `unknown ${kind} "${id}"${within}${didYouMean(id, known)}${none}`, atKey);
    return true;
  };
  const stagesOf = (trackId: string) => new Set(Object.keys(tracks.get(trackId)?.stages ?? {}));
  const stageKnown = (pointer: Pointer, trackId: string, stage: string) => {
    if (tracks.has(trackId)) unknown(pointer, 'stage', stage, stagesOf(trackId), false, ` in track "${trackId}"`);
  };
  const conditions = (c: Conditions | undefined, at: Pointer) => {
    if (!c) return;
    (c.trackAtStage ?? []).forEach((l, i) => {
      if (!unknown([...at, 'trackAtStage', i, 'track'], 'track', l.track, trackIds))
        l.stages.forEach((st, j) => stageKnown([...at, 'trackAtStage', i, 'stages', j], l.track, st));
    });
    for (const k of ['meterAtLeast', 'meterBelow'] as const)
      (c[k] ?? []).forEach((m, i) => unknown([...at, k, i, 'meter'], 'meter', m.meter, meters));
    for (const k of ['channelOpen', 'channelClosed'] as const) if (c[k] !== undefined) unknown([...at, k], 'channel', c[k]!, channelIds);
  };

  // ---- sides
  for (const side of ['us', 'ru'] as const) {
    const d = s.sides[side];
    for (const k of Object.keys(d.priorities)) unknown(['sides', side, 'priorities', k], 'track', k, trackIds, true);
    (d.redLines ?? []).forEach((r, i) => {
      if (!unknown(['sides', side, 'redLines', i, 'card'], 'card', r.card, cardIds)) {
        const card = s.cards.find((c) => c.id === r.card)!;
        if (card.side !== side) warn(['sides', side, 'redLines', i, 'card'], `red line "${r.card}" is a card ${card.side} gives, not one ${side} would refuse to give`);
      }
    });
  }

  // ---- counterpart: a side's stance when the computer plays it names this scenario's tracks and cards
  for (const side of ['us', 'ru'] as const) {
    const c = s.sides[side].counterpart;
    if (!c) continue;
    const at: Pointer = ['sides', side, 'counterpart'];
    const other = side === 'us' ? 'ru' : 'us';
    const priorities = s.sides[side].priorities;
    (c.wants?.tracks ?? []).forEach((t, i) => {
      if (!unknown([...at, 'wants', 'tracks', i], 'track', t, trackIds) && (priorities[t] ?? 0) === 0)
        warn([...at, 'wants', 'tracks', i], `${side} wants "${t}" most, but its priorities give that track 0: raise the priority, or want another track`);
    });
    (c.wants?.cards ?? []).forEach((id, i) => {
      if (unknown([...at, 'wants', 'cards', i], 'card', id, cardIds)) return;
      const card = s.cards.find((x) => x.id === id)!;
      if (card.side === side) error([...at, 'wants', 'cards', i], `"${id}" is a card ${side} gives: wants names cards ${other} gives`);
    });
    const red = new Set((s.sides[side].redLines ?? []).map((r) => r.card));
    (c.neverGives ?? []).forEach((r, i) => {
      const p: Pointer = [...at, 'neverGives', i, 'card'];
      if (unknown(p, 'card', r.card, cardIds)) return;
      const card = s.cards.find((x) => x.id === r.card)!;
      if (card.side !== side) error(p, `"${r.card}" is a card ${card.side} gives: ${side} can only refuse to give its own cards`);
      else if (red.has(r.card)) warn(p, `"${r.card}" is already a red line of ${side}: neverGives is for cards beyond its red lines`);
    });
    for (const k of ['capital', 'delayOnce'] as const) (c[k]?.tracks ?? []).forEach((t, i) => unknown([...at, k, 'tracks', i], 'track', t, trackIds));
  }

  // ---- history: what history did, track by track, and the deal it made
  const told = s.history?.tracks ?? {};
  for (const [id, h] of Object.entries(told)) {
    const at: Pointer = ['history', 'tracks', id];
    if (unknown(at, 'track', id, trackIds, true)) continue;
    if (h.stage !== undefined) stageKnown([...at, 'stage'], id, h.stage);
    else if (h.text === undefined) error(at, `history of track "${id}" says nothing: give the stage history reached, or a sentence (text)`, true);
  }
  // A misspelled track id is one mistake, reported above: its track is not "untold" too.
  const meant = new Set(Object.keys(told).map((id) => (trackIds.has(id) ? id : closest(id, trackIds))));
  const untold = s.tracks.filter((t) => !meant.has(t.id));
  if (Object.keys(told).length > 0 && untold.length > 0)
    warn(['history', 'tracks'], `history says nothing of ${untold.map((t) => `"${t.id}"`).join(', ')}: the debrief compares only the tracks listed here`, true);
  const dealCards = new Set<string>();
  (s.history?.deal?.cards ?? []).forEach((id, i) => {
    const p: Pointer = ['history', 'deal', 'cards', i];
    if (dealCards.has(id)) return error(p, `card "${id}" is listed twice`);
    dealCards.add(id);
    if (unknown(p, 'card', id, cardIds)) return;
    const card = s.cards.find((x) => x.id === id)!;
    if ((s.sides[card.side].redLines ?? []).some((r) => r.card === id)) warn(p, `"${id}" is a red line of ${card.side}, which no game can give: is it what history agreed?`);
  });

  // ---- tracks: references, reachability, ways out
  s.tracks.forEach((t, i) => {
    const stages = new Set(Object.keys(t.stages));
    let allKnown = !unknown(['tracks', i, 'start'], 'stage', t.start, stages, false, ` in track "${t.id}"`);
    for (const [sid, st] of Object.entries(t.stages))
      for (const [ev, tr] of Object.entries(st.on ?? {})) {
        if (tr === undefined) continue;
        const to = typeof tr === 'string' ? tr : tr.to;
        if (unknown(['tracks', i, 'stages', sid, 'on', ev, ...(typeof tr === 'string' ? [] : ['to'])], 'stage', to, stages, false, ` in track "${t.id}"`)) allKnown = false;
        if (typeof tr !== 'string') conditions(tr.needs, ['tracks', i, 'stages', sid, 'on', ev, 'needs']);
      }
    // With a transition pointing nowhere, "cannot be reached" would only repeat that mistake.
    if (!allKnown) return;
    const reached = new Set([t.start]);
    const queue = [t.start];
    while (queue.length) {
      const st = t.stages[queue.shift()!];
      for (const tr of Object.values(st?.on ?? {})) {
        const to = typeof tr === 'string' ? tr : tr?.to;
        if (to && stages.has(to) && !reached.has(to)) reached.add(to), queue.push(to);
      }
    }
    for (const [sid, st] of Object.entries(t.stages)) {
      if (!reached.has(sid)) error(['tracks', i, 'stages', sid], `stage "${sid}" of track "${t.id}" cannot be reached from its start "${t.start}"`, true);
      const exits = Object.values(st.on ?? {}).filter((tr) => tr !== undefined && (typeof tr === 'string' ? tr : tr.to) !== sid);
      if (!st.final && exits.length === 0)
        error(['tracks', i, 'stages', sid], `stage "${sid}" of track "${t.id}" cannot be left: give it a transition under "on", or mark it final: true`, true);
      if (st.final && exits.length > 0) warn(['tracks', i, 'stages', sid, 'final'], `stage "${sid}" is final, so the game never follows its transitions: remove final: true, or the transitions under "on"`);
    }
  });

  // ---- cards
  s.cards.forEach((c, i) => {
    unknown(['cards', i, 'track'], 'track', c.track, trackIds);
    for (const ally of Object.keys(c.allies ?? {})) unknown(['cards', i, 'allies', ally], 'third party', ally, partyIds, true);
  });
  const playable = (side: 'us' | 'ru') => s.cards.some((c) => c.side === side);
  for (const side of ['us', 'ru'] as const) if (!playable(side)) warn(['cards'], `${side} has no concession cards to give, so no deal can be balanced`);

  // ---- events
  const turns = s.turns;
  s.events?.forEach((e, i) => {
    const at: Pointer = ['events', i];
    const tr = e.trigger ?? {};
    conditions(tr.when, [...at, 'trigger', 'when']);
    (e.effects ?? []).forEach((f, j) => {
      if ('track' in f) unknown([...at, 'effects', j, 'track'], 'track', f.track, trackIds);
      if ('channel' in f) unknown([...at, 'effects', j, 'channel'], 'channel', f.channel, channelIds);
      if ('meter' in f) unknown([...at, 'effects', j, 'meter'], 'meter', f.meter, meters);
    });
    const never = (why: string, p: Pointer = [...at, 'trigger']) => error(p, `event "${e.id}" can never fire: ${why}`);
    if (tr.turn === undefined && tr.when === undefined && tr.chance === undefined) never('its trigger needs a turn, a when or a chance');
    if (tr.turn !== undefined && tr.turn > turns) never(`turn ${tr.turn} comes after the last turn (${turns})`, [...at, 'trigger', 'turn']);
    const w = tr.when ?? {};
    const lo = Math.max(1, w.turnAtLeast ?? 1, tr.turn ?? 1);
    const hi = Math.min(turns, w.turnAtMost ?? turns, tr.turn ?? turns);
    if (lo > hi && !(tr.turn !== undefined && tr.turn > turns)) never(`no turn between ${lo} and ${hi} (the game has ${turns} turns)`, [...at, 'trigger', 'when']);
    if (w.trustBelow !== undefined && w.trustBelow <= METER_MIN) never(`trust is never below ${w.trustBelow}`, [...at, 'trigger', 'when', 'trustBelow']);
    if (w.escalationBelow !== undefined && w.escalationBelow <= METER_MIN) never(`escalation is never below ${w.escalationBelow}`, [...at, 'trigger', 'when', 'escalationBelow']);
    if (w.escalationAtLeast !== undefined && w.escalationBelow !== undefined && w.escalationAtLeast >= w.escalationBelow)
      never(`escalation cannot be at least ${w.escalationAtLeast} and below ${w.escalationBelow}`, [...at, 'trigger', 'when']);
    if (w.channelOpen !== undefined && w.channelOpen === w.channelClosed) never(`channel "${w.channelOpen}" cannot be open and closed`, [...at, 'trigger', 'when']);
    if (w.concessionsAtLeast !== undefined) warn([...at, 'trigger', 'when', 'concessionsAtLeast'], 'concessionsAtLeast only counts in track guards; in an event it never holds', true);
  });

  // ---- meters nothing moves: a third party's confidence changes only through cards' allies and events
  (s.thirdParties ?? []).forEach((p, i) => {
    const byCards = s.cards.some((c) => (c.allies?.[p.id] ?? 0) !== 0);
    const byEvents = (s.events ?? []).some((e) => (e.effects ?? []).some((f) => 'meter' in f && f.meter === `allies.${p.id}`));
    if (!byCards && !byEvents) warn(['thirdParties', i, 'id'], `the confidence of "${p.id}" can never change: no card names it under allies and no event moves allies.${p.id}`);
  });
  // ---- tracks nothing moves: no card on the track and no event sends it anything
  s.tracks.forEach((t, i) => {
    const byCards = s.cards.some((c) => c.track === t.id);
    const byEvents = (s.events ?? []).some((e) => (e.effects ?? []).some((f) => 'track' in f && f.track === t.id));
    const byStall = 'STALL' in (t.stages[t.start]?.on ?? {});
    if (!byCards && !byEvents && !byStall) warn(['tracks', i, 'id'], `track "${t.id}" can never move: no card is on it and no event sends it anything`);
  });

  // ---- a side that cannot win: its goal above the best score its priorities allow
  const bestScore = (side: string, pr: Record<string, number> = s.sides[side].priorities): number => {
    let best = 0;
    for (const t of s.tracks) {
      const top = Math.max(...Object.values(t.stages).map((st) => st.value ?? 0));
      best += Math.max(0, (pr[t.id] ?? 0) * top);
    }
    // The most each card can bring the other side: its best option's value when it is graded.
    for (const c of s.cards) if (c.side !== side) best += (Math.max(c.value ?? 0, ...(c.options ?? []).map((o) => o.value)) * (pr[c.track] ?? 0)) / 5;
    const support = s.sides[side].start?.support ?? 60;
    return best + (METER_MAX - support) / 5;
  };
  for (const side of ['us', 'ru'] as const) {
    const goal = s.sides[side].goal ?? 10;
    const best = Math.round(bestScore(side) * 10) / 10;
    if (goal > best) error(['sides', side, 'goal'], `${side} cannot win: its goal is ${goal}, but the best score its priorities allow is ${best} (every track at its best stage, every card it could receive, full support)`);
  }

  // ---- classroom.vary: the limits within which a table's hidden brief may differ from this file
  for (const side of ['us', 'ru'] as const) {
    const v = s.classroom?.vary?.[side];
    if (!v) continue;
    const at: Pointer = ['classroom', 'vary', side];
    const pr = s.sides[side].priorities;
    let lowest = true;
    for (const k of Object.keys(v.priorities ?? {})) if (unknown([...at, 'priorities', k], 'track', k, trackIds, true)) lowest = false;
    const lowered = Object.fromEntries(Object.entries(pr).map(([k, w]) => [k, Math.max(0, w - (v.priorities?.[k] ?? 0))]));
    const goal = s.sides[side].goal ?? 10;
    const best = Math.round(bestScore(side, lowered) * 10) / 10;
    if (lowest && goal <= Math.round(bestScore(side) * 10) / 10 && goal > best)
      error([...at, 'priorities'], `${side} could not win at some tables: with every priority listed here at its lowest the best score is ${best}, below its goal ${goal}; narrow the spreads or lower the goal`);
    const from = v.redLines?.from ?? [];
    const fixed = new Set((s.sides[side].redLines ?? []).map((r) => r.card));
    const seen = new Set<string>();
    from.forEach((r, i) => {
      const p: Pointer = [...at, 'redLines', 'from', i];
      if (seen.has(r.card)) error([...p, 'card'], `card "${r.card}" is listed twice`);
      seen.add(r.card);
      if (unknown([...p, 'card'], 'card', r.card, cardIds)) return;
      const card = s.cards.find((c) => c.id === r.card)!;
      if (card.side !== side) return error([...p, 'card'], `"${r.card}" is a card ${card.side} gives: ${side} can only refuse to give its own cards`);
      if (r.why === undefined && !fixed.has(r.card)) error(p, `"${r.card}" is not a red line of ${side} in sides, so it needs a why: the reason its brief gives where it is one`);
    });
    const pick = v.redLines?.pick;
    if (pick !== undefined && pick > from.length) error([...at, 'redLines', 'pick'], `pick is ${pick}, but only ${from.length} card${from.length === 1 ? ' is' : 's are'} listed under from`);
    if (Object.keys(v.priorities ?? {}).length === 0 && !v.redLines) warn(at, `nothing of ${side}'s brief may vary: list priorities or redLines`);
  }

  // ---- translations
  const texts = (x: unknown, at: Pointer) => {
    if (Array.isArray(x)) x.forEach((v, i) => texts(v, [...at, i]));
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (typeof o.en === 'string' && Object.keys(o).every((k) => k === 'en' || k === 'ru')) {
        if (o.ru === undefined) warn(at, 'missing Russian translation (ru)');
        return;
      }
      for (const [k, v] of Object.entries(o)) {
        if (TEXT_FIELDS.has(k) && typeof v === 'string') {
          if (v.trim() !== '') warn([...at, k], 'missing Russian translation: write { en: ..., ru: ... }');
        } else if (k !== 'cite' && k !== 'rules' && k !== 'sources') texts(v, [...at, k]);
      }
    }
  };
  texts(s, []);
  return out;
}

const PLURAL: Record<string, string> = { 'third party': 'third parties' };
const TEXT_FIELDS = new Set(['title', 'summary', 'text', 'name', 'description', 'brief', 'leader', 'capital', 'why', 'cause', 'venue']);

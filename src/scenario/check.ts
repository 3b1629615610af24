// Checks of meaning beyond the schema: references that point nowhere, stages that cannot be reached
// or left, events that can never fire, meters nothing moves, sides that cannot win, missing translations.
import { cardUtility, METER_MAX, METER_MIN, textOf, type CardDef, type Conditions, type ScenarioInput } from '../engine';
import { closest, didYouMean } from './suggest';

export type Pointer = (string | number)[];
export interface Finding {
  pointer: Pointer;
  message: string;
  severity: 'error' | 'warning';
  /** Point at the key of a mapping entry rather than its value (for keys that are ids). */
  atKey?: boolean;
}

/** The most words a class length's summary may have (in each language). */
export const CLASS_SUMMARY_WORDS = 150;

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
  idsOf(s.cards, 'card', 'cards');
  const channelIds = idsOf(s.channels, 'channel', 'channels');
  const partyIds = idsOf(s.thirdParties, 'third party', 'thirdParties');
  idsOf(s.events, 'event', 'events');
  const tracks = new Map(s.tracks.map((t) => [t.id, t]));

  // ---- the sides: the scenario's own two ids, named in every message by name and id ("India (india)")
  const seats = Object.keys(s.sides);
  const sideIds = new Set(seats);
  const who = (side: string) => (s.sides[side] ? `${textOf(s.sides[side].name) || side} (${side})` : `"${side}"`);
  const sidesAre = `this scenario's sides are ${seats.map(who).join(' and ')}`;
  const SIDE_METERS = ['trust', 'support', 'hawks'] as const;
  const meters = new Set([...SIDE_METERS.flatMap((m) => seats.map((side) => `${m}.${side}`)), 'escalation', ...[...partyIds].map((p) => `allies.${p}`)]);

  // ---- concessions: a plain card is one, a card with options is an issue whose options are each one (by the option's id)
  interface Concession {
    id: string;
    side: string;
    track: string;
    /** The card with options this is an option of. */
    issue?: string;
  }
  const concessions = new Map<string, Concession>();
  const issues = new Map<string, string[]>();
  const firstAt = new Map<string, string>();
  s.cards.forEach((c, i) => firstAt.has(c.id) || firstAt.set(c.id, `cards[${i}]`));
  s.cards.forEach((c, i) => {
    if (!c.options?.length) {
      if (!concessions.has(c.id)) concessions.set(c.id, { id: c.id, side: c.side, track: c.track });
      return;
    }
    issues.set(c.id, c.options.map((o) => o.id));
    c.options.forEach((o, j) => {
      const first = firstAt.get(o.id);
      if (first !== undefined)
        error(['cards', i, 'options', j, 'id'], `duplicate card id "${o.id}": an option is a card of its own in packages and red lines, so its id must differ from every card and option id (${first} has it too); rename one, e.g. "${c.id}-${j + 1}"`);
      else {
        firstAt.set(o.id, `cards[${i}].options[${j}]`);
        concessions.set(o.id, { id: o.id, side: c.side, track: c.track, issue: c.id });
      }
    });
  });
  const concessionIds = new Set(concessions.keys());
  /** A card named by a red line, a stance or a deal: a plain card or an option, never a card with options as a whole. */
  const concession = (pointer: Pointer, id: string): Concession | undefined => {
    const options = issues.get(id);
    if (options && !concessions.has(id)) {
      error(pointer, `"${id}" is a card with options, not one concession: name one of its options (${options.join(', ')})`);
      return undefined;
    }
    if (unknown(pointer, 'card', id, concessionIds)) return undefined;
    return concessions.get(id);
  };

  // ---- references to sides: checked once every reference is known, so that a side declared under a misspelled id
  // is one mistake at its key ("ur" for the "ru" every card names), not one per card.
  const sideRefs: { pointer: Pointer; id: string; atKey: boolean; meter?: string }[] = [];
  const sideRef = (pointer: Pointer, id: string, atKey = false) => sideRefs.push({ pointer, id, atKey });
  const worthKeys = (worth: Record<string, number> | undefined, at: Pointer) => {
    for (const k of Object.keys(worth ?? {})) sideRef([...at, 'worth', k], k, true);
  };
  /** A meter path: a side's meter names a side, allies.<id> a third party. */
  const meterRef = (pointer: Pointer, path: string) => {
    if (meters.has(path)) return;
    const dot = path.indexOf('.');
    const group = path.slice(0, dot);
    if ((SIDE_METERS as readonly string[]).includes(group)) return sideRefs.push({ pointer, id: path.slice(dot + 1), atKey: false, meter: path });
    unknown(pointer, 'meter', path, meters);
  };
  if (s.firstMover !== undefined) sideRef(['firstMover'], s.firstMover);
  (s.thirdParties ?? []).forEach((p, i) => sideRef(['thirdParties', i, 'patron'], p.patron));
  s.cards.forEach((c, i) => {
    sideRef(['cards', i, 'side'], c.side);
    worthKeys(c.worth, ['cards', i]);
    (c.options ?? []).forEach((o, j) => worthKeys(o.worth, ['cards', i, 'options', j]));
  });
  s.tracks.forEach((t, i) => {
    for (const [sid, st] of Object.entries(t.stages)) worthKeys(st.worth, ['tracks', i, 'stages', sid]);
  });
  for (const k of Object.keys(s.classroom?.vary ?? {})) sideRef(['classroom', 'vary', k], k, true);

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
      (c[k] ?? []).forEach((m, i) => meterRef([...at, k, i, 'meter'], m.meter));
    for (const k of ['channelOpen', 'channelClosed'] as const) if (c[k] !== undefined) unknown([...at, k], 'channel', c[k]!, channelIds);
  };

  // ---- sides
  for (const side of seats) {
    const d = s.sides[side];
    for (const k of Object.keys(d.priorities)) unknown(['sides', side, 'priorities', k], 'track', k, trackIds, true);
    (d.redLines ?? []).forEach((r, i) => {
      const card = concession(['sides', side, 'redLines', i, 'card'], r.card);
      if (card && card.side !== side) warn(['sides', side, 'redLines', i, 'card'], `red line "${r.card}" is a card ${who(card.side)} gives, not one ${who(side)} would refuse to give`);
    });
  }

  // ---- counterpart: a side's stance when the computer plays it names this scenario's tracks and cards
  for (const side of seats) {
    const c = s.sides[side].counterpart;
    if (!c) continue;
    const at: Pointer = ['sides', side, 'counterpart'];
    const other = seats.find((x) => x !== side)!;
    const priorities = s.sides[side].priorities;
    (c.wants?.tracks ?? []).forEach((t, i) => {
      if (!unknown([...at, 'wants', 'tracks', i], 'track', t, trackIds) && (priorities[t] ?? 0) === 0)
        warn([...at, 'wants', 'tracks', i], `${who(side)} wants "${t}" most, but its priorities give that track 0: raise the priority, or want another track`);
    });
    (c.wants?.cards ?? []).forEach((id, i) => {
      const card = concession([...at, 'wants', 'cards', i], id);
      if (card && card.side === side) error([...at, 'wants', 'cards', i], `"${id}" is a card ${who(side)} gives: wants names cards ${who(other)} gives`);
    });
    const red = new Set((s.sides[side].redLines ?? []).map((r) => r.card));
    (c.neverGives ?? []).forEach((r, i) => {
      const p: Pointer = [...at, 'neverGives', i, 'card'];
      const card = concession(p, r.card);
      if (!card) return;
      if (card.side !== side) error(p, `"${r.card}" is a card ${who(card.side)} gives: ${who(side)} can only refuse to give its own cards`);
      else if (red.has(r.card)) warn(p, `"${r.card}" is already a red line of ${who(side)}: neverGives is for cards beyond its red lines`);
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
    const card = concession(p, id);
    if (!card) return;
    const sameIssue = card.issue === undefined ? undefined : [...dealCards].find((x) => x !== id && concessions.get(x)?.issue === card.issue);
    if (sameIssue) return error(p, `"${id}" and "${sameIssue}" are options of one issue ("${card.issue}"): a deal holds one of them`);
    if ((s.sides[card.side]?.redLines ?? []).some((r) => r.card === id)) warn(p, `"${id}" is a red line of ${who(card.side)}, which no game can give: is it what history agreed?`);
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
    (c.options ?? []).forEach((o, j) => {
      for (const ally of Object.keys(o.allies ?? {})) unknown(['cards', i, 'options', j, 'allies', ally], 'third party', ally, partyIds, true);
    });
    // A card with options plays as its options: its own numbers would be silently dropped.
    if (c.options?.length)
      for (const k of PER_OPTION) if (c[k] !== undefined) warn(['cards', i, k], `${k} on a card with options is not used: each option gives its own (move it into the options)`, true);
  });

  // ---- events
  const turns = s.turns;
  s.events?.forEach((e, i) => {
    const at: Pointer = ['events', i];
    const tr = e.trigger ?? {};
    conditions(tr.when, [...at, 'trigger', 'when']);
    (e.effects ?? []).forEach((f, j) => {
      if ('track' in f) unknown([...at, 'effects', j, 'track'], 'track', f.track, trackIds);
      if ('channel' in f) unknown([...at, 'effects', j, 'channel'], 'channel', f.channel, channelIds);
      if ('meter' in f) meterRef([...at, 'effects', j, 'meter'], f.meter);
      if ('card' in f && !issues.has(f.card)) concession([...at, 'effects', j, 'card'], f.card);
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
    const byCards = s.cards.some((c) => (c.allies?.[p.id] ?? 0) !== 0 || (c.options ?? []).some((o) => (o.allies?.[p.id] ?? 0) !== 0));
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
      // A stage's share for this side: its own worth when the stage gives one, else its value (as the engine scores it).
      const top = Math.max(...Object.values(t.stages).map((st) => st.worth?.[side] ?? st.value ?? 0));
      best += Math.max(0, (pr[t.id] ?? 0) * top);
    }
    // The most each concession can bring this side (the engine's own worth of a card); of an issue, its best option, or none.
    const worth = (x: { side: string; track: string; value?: number; worth?: Record<string, number> }) => cardUtility({ ...x, value: x.value ?? 0 } as CardDef, side, pr);
    for (const c of s.cards) best += Math.max(0, ...(c.options?.length ? c.options.map((o) => worth({ side: c.side, track: c.track, value: o.value, worth: o.worth })) : [worth(c)]));
    const support = s.sides[side].start?.support ?? 60;
    return best + (METER_MAX - support) / 5;
  };
  for (const side of seats) {
    const goal = s.sides[side].goal ?? 10;
    const best = Math.round(bestScore(side) * 10) / 10;
    if (goal > best) error(['sides', side, 'goal'], `${who(side)} cannot win: its goal is ${goal}, but the best score its priorities allow is ${best} (every track at its best stage, every concession worth something to it, full support); lower the goal or raise priorities`);
    const reservation = s.sides[side].reservation;
    if (reservation !== undefined && reservation >= best)
      warn(['sides', side, 'reservation'], `no deal can be worth signing for ${who(side)}: its reservation is ${reservation}, and the best score its priorities allow is ${best}; lower the reservation`);
  }

  // ---- classLength: the short game for a lesson (whether each side can still win in it: npm run scenario:check plays it)
  if (s.classLength) {
    const c = s.classLength;
    const at: Pointer = ['classLength'];
    if (c.turns > s.turns) error([...at, 'turns'], `the class length has ${c.turns} turns, more than the scenario's ${s.turns}: make it shorter`);
    const texts: [string, string][] = typeof c.summary === 'string' ? [['summary', c.summary]] : Object.entries(c.summary ?? {}).map(([lang, t]) => [`summary (${lang})`, String(t)]);
    for (const [what, text] of texts) {
      const words = text.split(/\s+/).filter(Boolean).length;
      if (words > CLASS_SUMMARY_WORDS) error([...at, 'summary'], `the class length's ${what} has ${words} words; a lesson's summary may have at most ${CLASS_SUMMARY_WORDS}: shorten it`);
    }
    for (const k of Object.keys(c.goals ?? {})) sideRef([...at, 'goals', k], k, true);
  }

  // ---- classroom.vary: the limits within which a table's hidden brief may differ from this file
  for (const side of seats) {
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
      error([...at, 'priorities'], `${who(side)} could not win at some tables: with every priority listed here at its lowest the best score is ${best}, below its goal ${goal}; narrow the spreads or lower the goal`);
    const from = v.redLines?.from ?? [];
    const fixed = new Set((s.sides[side].redLines ?? []).map((r) => r.card));
    const seen = new Set<string>();
    from.forEach((r, i) => {
      const p: Pointer = [...at, 'redLines', 'from', i];
      if (seen.has(r.card)) error([...p, 'card'], `card "${r.card}" is listed twice`);
      seen.add(r.card);
      const card = concession([...p, 'card'], r.card);
      if (!card) return;
      if (card.side !== side) return error([...p, 'card'], `"${r.card}" is a card ${who(card.side)} gives: ${who(side)} can only refuse to give its own cards`);
      if (r.why === undefined && !fixed.has(r.card)) error(p, `"${r.card}" is not a red line of ${who(side)} in sides, so it needs a why: the reason its brief gives where it is one`);
    });
    const pick = v.redLines?.pick;
    if (pick !== undefined && pick > from.length) error([...at, 'redLines', 'pick'], `pick is ${pick}, but only ${from.length} card${from.length === 1 ? ' is' : 's are'} listed under from`);
    if (Object.keys(v.priorities ?? {}).length === 0 && !v.redLines) warn(at, `nothing of the brief of ${who(side)} may vary: list priorities or redLines`);
  }

  // ---- every side named anywhere must be one of the two
  const named = new Set(sideRefs.map((r) => r.id));
  const undeclared = [...new Set(sideRefs.filter((r) => !sideIds.has(r.id)).map((r) => r.id))];
  const renamed = new Set<string>();
  // A side declared under an id nothing names, where the file names another id close to it: the key is the typo.
  for (const side of seats.filter((x) => !named.has(x))) {
    const meant = closest(side, undeclared, 2);
    if (meant === undefined || renamed.has(meant)) continue;
    renamed.add(meant);
    const where = sideRefs.find((r) => r.id === meant)!;
    error(['sides', side], `side "${side}" is named nowhere else, while the file names a side "${meant}" (first at ${pathOf(where.pointer)}) that it does not declare: did you mean "${meant}"?`, true);
  }
  for (const r of sideRefs) {
    if (sideIds.has(r.id) || renamed.has(r.id)) continue;
    const hint = didYouMean(r.id, seats) || (closest(r.id, seats, 2) ? `; did you mean "${closest(r.id, seats, 2)}"?` : '');
    if (r.meter) {
      const group = r.meter.slice(0, r.meter.indexOf('.'));
      const meant = hint ? `; did you mean "${group}.${closest(r.id, seats, 2)}"?` : '';
      error(r.pointer, `unknown meter "${r.meter}"${meant} ("${r.id}" is no side: ${sidesAre}, so write ${group}.${seats[0]} or ${group}.${seats[1]})`);
    } else error(r.pointer, `unknown side "${r.id}"${hint} (${sidesAre}: write ${seats[0]} or ${seats[1]})`, r.atKey);
  }
  // A side declared under a misspelled id has no cards of its own: that is the same mistake, said above.
  for (const side of seats)
    if (named.has(side) && !s.cards.some((c) => c.side === side)) warn(['cards'], `${who(side)} has no concession cards to give, so no deal can be balanced`);

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
/** What a card with options gives per option instead (completeScenario drops them from the card). */
const PER_OPTION = ['value', 'cost', 'trust', 'allies', 'escalation', 'worth'] as const;
const pathOf = (pointer: Pointer) => pointer.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
const TEXT_FIELDS = new Set(['title', 'summary', 'text', 'name', 'description', 'brief', 'leader', 'capital', 'why', 'cause', 'venue']);

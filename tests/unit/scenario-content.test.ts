// The shipped scenarios as content: each loads cleanly, is a full game (cards, events, briefs, history),
// cites real source articles with their own words, and every stage it writes is part of the game.
import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playGame } from '../../src/ai/runner';
import { STRATEGIES } from '../../src/ai/strategies';
import { textOf, type Cite, type Conditions, type Scenario, type Text } from '../../src/engine';
import { builtInScenarioFiles, loadScenarioFile } from '../../src/scenario/files';
import { articleText, normaliseQuote, SOURCES, sourcesPresent } from '../sources';

/** Every citation in a scenario, with the place it was made. */
function citations(s: Scenario): { where: string; cite: Cite }[] {
  const out: { where: string; cite: Cite }[] = [];
  const add = (where: string, cites: Cite[]) => cites.forEach((cite) => out.push({ where, cite }));
  add('history', s.history.cite);
  for (const [id, h] of Object.entries(s.history.tracks)) add(`history.tracks.${id}`, h.cite);
  if (s.history.deal) add('history.deal', s.history.deal.cite);
  for (const side of ['us', 'ru'] as const) add(`sides.${side}.counterpart`, s.sides[side].counterpart?.cite ?? []);
  s.sources.forEach((src) => add(`sources.${src.file}`, [{ file: src.file }]));
  s.thirdParties.forEach((t) => add(`thirdParties.${t.id}`, t.cite));
  s.tracks.forEach((t) => add(`tracks.${t.id}`, t.cite));
  s.cards.forEach((c) => add(`cards.${c.id}`, c.cite));
  s.channels.forEach((c) => add(`channels.${c.id}`, c.cite));
  s.events.forEach((e) => add(`events.${e.id}`, e.cite));
  return out;
}

/** Every citation including the classroom section's (its reasons are shown in a table's brief). */
function allCitations(s: Scenario): { where: string; cite: Cite }[] {
  const out = citations(s).filter((c) => !c.where.startsWith('sources.'));
  for (const side of ['us', 'ru'] as const) s.classroom?.vary[side]?.cite?.forEach((cite) => out.push({ where: `classroom.vary.${side}`, cite }));
  return out;
}

/** The fields whose text a player reads somewhere: briefing, table, news, ledger, debrief, classroom briefs. */
const PLAYER_TEXT = new Set(['title', 'summary', 'text', 'name', 'description', 'brief', 'leader', 'capital', 'why', 'cause', 'venue', 'author', 'date']);

/** Every player-visible text that has no Russian, by where it is (texts without a letter, such as "2011", need none). */
function untranslated(x: unknown, at = ''): string[] {
  if (Array.isArray(x)) return x.flatMap((v, i) => untranslated(v, `${at}[${i}]`));
  if (!x || typeof x !== 'object') return [];
  return Object.entries(x as Record<string, unknown>).flatMap(([k, v]) => {
    if (k === 'cite' || k === 'rules') return [];
    const here = at ? `${at}.${k}` : k;
    if (!PLAYER_TEXT.has(k)) return untranslated(v, here);
    const t = v as Text | undefined;
    if (typeof t === 'string') return /\p{L}/u.test(t) ? [`${here}: ${t}`] : [];
    if (t && typeof t === 'object' && typeof t.en === 'string') return t.ru && t.ru.trim() ? [] : [`${here}: ${t.en}`];
    return untranslated(v, here);
  });
}

/** Every set of conditions a scenario writes: track guards and event triggers. */
function conditionsOf(s: Scenario): { where: string; c: Conditions }[] {
  const out: { where: string; c: Conditions }[] = [];
  for (const t of s.tracks)
    for (const st of t.stages) for (const [type, tr] of Object.entries(st.on)) if (tr?.needs) out.push({ where: `${t.id}.${st.id}.${type}`, c: tr.needs });
  for (const e of s.events) if (e.trigger.when) out.push({ where: `events.${e.id}`, c: e.trigger.when });
  return out;
}

const files = builtInScenarioFiles();

describe('the shipped scenarios', () => {
  it.runIf(sourcesPresent)('are one game for each source article, named by its first source', () => {
    const mainSources = files.map((f) => {
      const r = loadScenarioFile(f);
      return r.ok ? r.scenario.sources[0]?.file : undefined;
    });
    const articleFiles = readdirSync(SOURCES).filter((f) => f.endsWith('.txt'));
    expect(articleFiles.length).toBe(5);
    expect([...mainSources].sort()).toEqual([...articleFiles].sort());
  });
});

for (const file of files) {
  const name = basename(file);
  describe(name, () => {
    const loaded = loadScenarioFile(file);

    it('loads without a problem or a warning (translations are optional: English is required)', () => {
      expect(loaded.ok ? [] : loaded.problems.map((p) => `${p.line}:${p.column} ${p.message} ${p.path}`)).toEqual([]);
      if (loaded.ok) expect(loaded.warnings.filter((w) => !/translation/i.test(w.message)).map((w) => `${w.line}:${w.column} ${w.message}`)).toEqual([]);
    });
    if (!loaded.ok) return;
    const s = loaded.scenario;
    const trackIds = new Set(s.tracks.map((t) => t.id));

    it('is a full game: at least 12 concession cards from both sides, at least 6 events, briefs for both sides and what really happened', () => {
      expect(s.cards.length).toBeGreaterThanOrEqual(12);
      for (const side of ['us', 'ru'] as const) {
        const own = s.cards.filter((c) => c.side === side);
        expect(own.length, `${side}'s cards`).toBeGreaterThanOrEqual(5);
        // Concessions on more than one track, so trades across tracks are possible.
        expect(new Set(own.map((c) => c.track)).size, `${side}'s cards span tracks`).toBeGreaterThanOrEqual(2);
        expect(textOf(s.sides[side].brief).length, `${side}'s brief`).toBeGreaterThan(200);
        expect(Object.keys(s.sides[side].priorities).sort(), `${side}'s priorities name every track`).toEqual([...trackIds].sort());
      }
      expect(s.events.length).toBeGreaterThanOrEqual(6);
      expect(s.events.some((e) => e.trigger.chance !== undefined), 'a random event').toBe(true);
      expect(s.events.some((e) => e.trigger.turn !== undefined || e.trigger.when !== undefined), 'a scripted event').toBe(true);
      expect(textOf(s.history.text).length).toBeGreaterThan(100);
      expect(s.history.cite.length).toBeGreaterThan(0);
    });

    it('the two sides want different things, so trades across tracks can leave both better off', () => {
      const { us, ru } = s.sides;
      const diff = [...trackIds].filter((t) => Math.abs((us.priorities[t] ?? 0) - (ru.priorities[t] ?? 0)) >= 3);
      expect(diff.length).toBeGreaterThanOrEqual(2);
      // Some one-for-one trade is worth more to each side than what it gives up.
      const worth = (side: 'us' | 'ru', cardId: string) => {
        const c = s.cards.find((x) => x.id === cardId)!;
        return (c.value * (s.sides[side].priorities[c.track] ?? 0)) / 5;
      };
      const usCards = s.cards.filter((c) => c.side === 'us').map((c) => c.id);
      const ruCards = s.cards.filter((c) => c.side === 'ru').map((c) => c.id);
      const logrolls = usCards.flatMap((u) => ruCards.filter((r) => worth('us', r) > worth('us', u) && worth('ru', u) > worth('ru', r)));
      expect(logrolls.length).toBeGreaterThan(3);
    });

    it('writes a stance for the computer on both sides and where history left every track, each quoting its article', () => {
      const sources = s.sources.map((x) => x.file);
      for (const side of ['us', 'ru'] as const) {
        const c = s.sides[side].counterpart;
        expect(c, `${side} has no counterpart section`).toBeDefined();
        expect(textOf(c!.why).length, `${side}'s counterpart says why`).toBeGreaterThan(40);
        expect(c!.cite.length, `${side}'s counterpart cites nothing`).toBeGreaterThan(0);
        for (const cite of c!.cite) expect(sources, `${side}'s counterpart cites ${cite.file}`).toContain(cite.file);
        expect(c!.cite.every((x) => (x.quote ?? '').length > 20), `${side}'s counterpart quotes its article`).toBe(true);
        expect(c!.wants.tracks.length + c!.wants.cards.length, `${side} wants something most`).toBeGreaterThan(0);
      }
      expect(Object.keys(s.history.tracks).sort()).toEqual([...trackIds].sort());
      for (const [id, h] of Object.entries(s.history.tracks)) {
        expect(h.stage ?? textOf(h.text), `history of ${id}`).toBeTruthy();
        expect(h.cite.some((x) => (x.quote ?? '').length > 20), `history of ${id} quotes its article`).toBe(true);
      }
      expect(s.history.deal, 'what history agreed').toBeDefined();
      expect(s.history.deal!.cite.length).toBeGreaterThan(0);
    });

    it('every card, event, track and channel cites a source article', () => {
      for (const list of [s.cards, s.events, s.tracks, s.channels] as { id: string; cite: Cite[] }[][])
        for (const x of list) expect(x.cite.length, `${x.id} cites nothing`).toBeGreaterThan(0);
    });

    it.runIf(sourcesPresent)('every citation names one of the articles, and every quote is the article’s own words', () => {
      const wrong: string[] = [];
      for (const { where, cite } of citations(s)) {
        const text = articleText(cite.file);
        if (text === undefined) wrong.push(`${where}: no file ${cite.file} in ${SOURCES}`);
        else if (cite.quote !== undefined && !text.includes(normaliseQuote(cite.quote))) wrong.push(`${where}: "${cite.quote}" is not in ${cite.file}`);
      }
      expect(wrong).toEqual([]);
    });

    it('every citation quotes its article (a sentence, not a bare file name or a fragment) and names one of the scenario’s own sources', () => {
      const sources = new Set(s.sources.map((x) => x.file));
      const wrong: string[] = [];
      for (const { where, cite } of allCitations(s)) {
        if (!sources.has(cite.file)) wrong.push(`${where}: cites ${cite.file}, which is not in the scenario's sources (the debrief lists them)`);
        const words = cite.quote?.trim().split(/\s+/).length ?? 0;
        if (words < 7) wrong.push(`${where}: ${cite.quote === undefined ? `no quote from ${cite.file}` : `"${cite.quote}" is a fragment of ${words} words`}`);
      }
      expect(wrong).toEqual([]);
    });

    it('every text a player sees has a Russian translation: titles, briefs, cards, events and their ledger causes, stages, sources', () => {
      expect(untranslated(s)).toEqual([]);
    });

    it('every stage of every track is part of the game: the start or the end of some transition', () => {
      for (const t of s.tracks) {
        const entered = new Set([t.start]);
        for (const st of t.stages) for (const tr of Object.values(st.on)) if (tr && tr.to !== st.id) entered.add(tr.to);
        for (const st of t.stages) expect(entered.has(st.id), `${t.id}.${st.id} is never entered`).toBe(true);
        for (const st of t.stages) if (!st.final) expect(Object.keys(st.on).length, `${t.id}.${st.id} has no way on`).toBeGreaterThan(0);
      }
    });

    it('every reference names something the scenario has: tracks and stages in conditions, meters, red lines, channels', () => {
      const parties = new Set(s.thirdParties.map((t) => t.id));
      const channels = new Set(s.channels.map((c) => c.id));
      const meterOk = (m: string) => /^(trust|support|hawks)\.(us|ru)$|^escalation$/.test(m) || (m.startsWith('allies.') && parties.has(m.slice(7)));
      for (const { where, c } of conditionsOf(s)) {
        for (const link of c.trackAtStage ?? []) {
          const t = s.tracks.find((x) => x.id === link.track);
          expect(t, `${where}: unknown track ${link.track}`).toBeDefined();
          for (const st of link.stages) expect(t!.stages.some((x) => x.id === st), `${where}: ${link.track} has no stage ${st}`).toBe(true);
        }
        for (const m of [...(c.meterAtLeast ?? []), ...(c.meterBelow ?? [])]) expect(meterOk(m.meter), `${where}: ${m.meter}`).toBe(true);
        for (const ch of [c.channelOpen, c.channelClosed]) if (ch) expect(channels.has(ch), `${where}: channel ${ch}`).toBe(true);
      }
      for (const e of s.events) for (const f of e.effects) if ('meter' in f) expect(meterOk(f.meter), `events.${e.id}: ${f.meter}`).toBe(true);
      for (const side of ['us', 'ru'] as const)
        for (const r of s.sides[side].redLines) expect(s.cards.find((c) => c.id === r.card)?.side, `${side} red line ${r.card}`).toBe(side);
      expect(new Set(s.cards.map((c) => c.id)).size).toBe(s.cards.length);
      expect(new Set(s.events.map((e) => e.id)).size).toBe(s.events.length);
    });

    it('plays as a game: reciprocators can reach both goals, hardliners neither, and every track moves in some game', () => {
      const moved = new Set<string>();
      let bothWon = 0;
      for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
        const r = playGame(s, seed, { us: STRATEGIES.reciprocator, ru: STRATEGIES.reciprocator });
        if (r.outcome.sides.us.won && r.outcome.sides.ru.won) bothWon++;
        const h = playGame(s, seed, { us: STRATEGIES.hardliner, ru: STRATEGIES.hardliner });
        expect(h.outcome.sides.us.won || h.outcome.sides.ru.won, `hardliners won on seed ${seed}`).toBe(false);
        for (const g of [r, h, playGame(s, seed, { us: STRATEGIES.random, ru: STRATEGIES.random })])
          for (const turn of g.state.history) for (const t of s.tracks) if (turn.stages && turn.stages[t.id] !== t.start) moved.add(t.id);
      }
      // In some games, not with certainty (issue 15: two reciprocators both reach their goals in under 70 % of games).
      expect(bothWon).toBeGreaterThanOrEqual(1);
      expect([...trackIds].filter((t) => !moved.has(t)), 'tracks that never moved').toEqual([]);
    });
  });
}

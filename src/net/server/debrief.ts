// The class debrief: every table's deal against the Pareto frontier, the Nash point and what really
// happened. All worth comes from the deal analysis (src/ai/analysis.ts), so tables, frontier and history
// share one scale: what the delivered concessions are worth to each side. The game score (outcomeOf) adds
// track progress, support and risk on top, so it is reported beside the point, never plotted against the frontier.
import { analyzeScenario, dealOfCards, type GameStanding, type ScenarioAnalysis, type ScenarioDeal } from '../../ai/analysis';
import { outcomeOf, sideName, textOf, type Cite, type GameState, type Scenario } from '../../engine';
import type { Debrief, DebriefDeal, DebriefTable } from '../protocol';
import { describeChange, type BriefChange } from '../../scenario/vary';

/**
 * What was actually agreed in each built-in scenario's period, as its cards: the scenario's `history`
 * section in concessions, each citing its article. Scored by the analysis like any table's deal.
 * (The scenario format has no field for this yet; it belongs in `history` when it gets one.)
 */
export interface HistoricalDeal {
  usGives: string[];
  ruGives: string[];
  /** What happened in the period, in words, for the debrief (the article files are added to it). */
  label: string;
  cite: Cite[];
}

const F004 = '004_f5e98c935a2387e5.txt';
const F001 = '001_94fc22702ed82325.txt';
const F003 = '003_77797afe61c87828.txt';
const F002 = '002_280aff484d987049.txt';
const F000 = '000_b47f85044d789204.txt';

export const HISTORICAL_DEALS: Readonly<Record<string, HistoricalDeal>> = {
  'reset-2009': {
    usGives: ['cancel-shield'],
    ruGives: ['transit-overflight'],
    label: 'What happened, 2009: the missile shield cancelled; Afghan transit promised, one ceremonial flight; Patriots still sent to Poland',
    cite: [
      { file: F004, quote: 'The administration bought some goodwill in Moscow in September by pulling the plug on missile shield plans in Poland and the Czech Republic.' },
      { file: F004, quote: 'In July, Moscow promised to begin letting U.S. cargo planes fly troops and supplies through its airspace en route to Afghanistan. But bureaucratic delays have slowed the deal, and just one ceremonial flight has taken place thus far.' },
    ],
  },
  'missile-defense-2011': {
    usGives: [],
    ruGives: ['transit-routes', 'iran-pressure'],
    label: 'What happened, 2011–13: Moscow kept up Afghan transit and pressure on Iran; missile defense went ahead with no guarantee in return',
    cite: [
      { file: F001, quote: 'The West has never hidden what it wants from the relationship: more favors from Moscow — from allowing transit routes to Afghanistan to pressuring Iran into nuclear compliance' },
      { file: F001, quote: 'But Moscow rightfully wants something in exchange, and when the Kremlin repeatedly gets the cold shoulder to its initiatives, this impedes the reset.' },
    ],
  },
  'restart-or-repair-2013': {
    usGives: ['un-mandate', 'iran-relief'],
    ruGives: ['chemical-weapons', 'p5-common-line'],
    label: "What happened, 2013–14: no strike on Syria and its chemical weapons removed; an interim deal with Iran; no trade or citizens' ties",
    cite: [
      { file: F002, quote: 'We should not forget that efforts to resolve the nuclear issue in Iran and eliminate chemical weapons in Syria continued even during the most critical moments of the Ukrainian crisis.' },
      { file: F003, quote: 'Many of the agreements remained on paper by virtue of the lack of support at the grassroots level.' },
    ],
  },
  // The channels reopened (the NATO–Russia Council, the generals) are channels in the game, not concessions.
  'limits-of-the-possible-2016': {
    usGives: [],
    ruGives: [],
    label: 'What happened, 2016–17: no new concessions — Minsk was not carried out and the sanctions stayed; the Iran deal survived and the NATO–Russia Council met again',
    cite: [
      { file: F002, quote: 'Kerry told his hosts that President Barack Obama would lift sanctions off Russia only if the Minsk agreements concerning Ukraine were implemented.' },
      { file: F000, quote: 'four meetings were held in 2016-2017 for the first time since the relations were frozen in 2014' },
    ],
  },
  'new-reset-2017': {
    usGives: ['flight-plans'],
    ruGives: ['airspace-rules'],
    label: 'What happened, 2017: deconfliction over Syria worked; arms control and the Baltics stayed on paper — no new reset',
    cite: [
      { file: F000, quote: 'to enhance senior-level communications and operational deconfliction of military operations in Syria' },
      { file: F000, quote: 'As stated above, we should not expect a new “reset” anytime soon.' },
    ],
  },
};

/** The historical deal of a scenario, scored by the analysis; null when there is none or it names a card the scenario lacks. */
export function historicalPoint(scenario: Scenario): Debrief['historical'] {
  const h = HISTORICAL_DEALS[scenario.id];
  if (!h) return null;
  const cards = new Map(scenario.cards.map((c) => [c.id, c]));
  const fits = (ids: string[], side: 'us' | 'ru') => ids.every((id) => cards.get(id)?.side === side);
  if (!fits(h.usGives, 'us') || !fits(h.ruGives, 'ru')) return null;
  const deal = dealOfCards(scenario, [...h.usGives, ...h.ruGives]);
  const files = [...new Set(h.cite.map((c) => c.file))];
  return { ...point(deal), label: `${h.label} (${files.join(', ')})`, summary: deal.summary, cite: h.cite.map((c) => ({ ...c })) };
}

// `+ 0` turns the analysis' rounded -0 into 0, so a debrief survives JSON unchanged.
const round1 = (x: number) => Math.round(x * 10) / 10 + 0;
const round2 = (x: number) => Math.round(x * 100) / 100 + 0;
const point = (p: { us: number; ru: number }) => ({ us: p.us + 0, ru: p.ru + 0 });
const dealOf = (d: ScenarioDeal): DebriefDeal => ({ ...point(d), summary: d.summary });

// Debriefs are rebuilt on every teacher update after the session ends; finished states do not change.
const scenarioCache = new WeakMap<Scenario, ScenarioAnalysis>();
const standingCache = new WeakMap<Scenario, WeakMap<GameState, GameStanding>>();

function standingOf(scenario: Scenario, state: GameState): GameStanding {
  let byState = standingCache.get(scenario);
  if (!byState) standingCache.set(scenario, (byState = new WeakMap()));
  let s = byState.get(state);
  if (!s) byState.set(state, (s = analyzeScenario(scenario, state).game!));
  return s;
}

/**
 * The class debrief of a session's tables (in table order) for the teacher's projector. `played` is what each table
 * played when its briefs were varied: its row is scored with its own priorities, and says how they differed; the
 * frontier, the Nash point and history stay the scenario file's.
 */
export function classDebrief(scenario: Scenario, tables: GameState[], played?: { scenario: Scenario; changes: BriefChange[] }[]): Debrief {
  let a = scenarioCache.get(scenario);
  if (!a) scenarioCache.set(scenario, (a = analyzeScenario(scenario)));
  const rows: DebriefTable[] = tables.map((state, i) => {
    const own = played?.[i]?.scenario ?? scenario;
    const g = standingOf(own, state);
    const o = outcomeOf(own, state);
    return {
      table: i,
      label: `Table ${i + 1}`,
      ...point(g.delivered),
      joint: round2(g.delivered.us + g.delivered.ru),
      agreements: o.agreements.signed,
      implemented: o.agreements.implemented,
      ended: state.phase === 'ended',
      deal: g.delivered.summary,
      distance: g.distanceToFrontier,
      onFrontier: g.onFrontier,
      bothCouldGain: g.bothCouldGain,
      missed: g.missed[0] ? dealOf(g.missed[0]) : null,
      score: { ...Object.fromEntries(Object.entries(o.sides).map(([s, x]) => [s, x.score + 0])), joint: round1(o.joint) },
      briefs: (played?.[i]?.changes ?? []).map((c) => describeChange(scenario, c)),
    };
  });
  return {
    tables: rows,
    frontier: a.frontier.map(point),
    historical: historicalPoint(scenario),
    scenario: { id: scenario.id, title: textOf(scenario.title) },
    sides: { us: sideName(scenario, 'us'), ru: sideName(scenario, 'ru') },
    disagreement: point(a.disagreement),
    nash: a.nash && dealOf(a.nash),
  };
}

// The class debrief: every table's deal against the Pareto frontier, the Nash point and what really
// happened. All worth comes from the deal analysis (src/ai/analysis.ts), so tables, frontier and history
// share one scale: what the delivered concessions, as one package signed, carried out and verified from the
// start, bring each side's score (the concessions, track progress, support at home, escalation). The game score
// (outcomeOf) is what the whole game brought, turn by turn: reported beside the point, never plotted against the frontier.
import { analyzeScenario, dealOfCards, type GameStanding, type ScenarioAnalysis, type ScenarioDeal } from '../../ai/analysis';
import { outcomeOf, sideName, textOf, type GameState, type Scenario, type Side } from '../../engine';
import type { Debrief, DebriefDeal, DebriefTable } from '../protocol';
import { describeChange, type BriefChange } from '../../scenario/vary';

/**
 * What history agreed in the scenario's period (`history.deal` in the scenario file: its cards, a sentence and the
 * articles), scored by the analysis like any table's deal; null when the scenario does not say, or names a card it lacks.
 */
export function historicalPoint(scenario: Scenario): Debrief['historical'] {
  const h = scenario.history.deal;
  // The checker refuses a file whose deal names an unknown card; a scenario cut down in code may still lack one.
  if (!h || !h.cards.every((id) => scenario.cards.some((c) => c.id === id))) return null;
  const deal = dealOfCards(scenario, h.cards);
  const files = [...new Set(h.cite.map((c) => c.file))];
  const label = `What happened: ${textOf(h.text).replace(/[.\s]+$/, '')}${files.length ? ` (${files.join(', ')})` : ''}`;
  return { ...point(scenario, deal.worth), label, summary: deal.summary, cite: h.cite.map((c) => ({ ...c })) };
}

// `+ 0` turns the analysis' rounded -0 into 0, so a debrief survives JSON unchanged.
const round1 = (x: number) => Math.round(x * 10) / 10 + 0;
const round2 = (x: number) => Math.round(x * 100) / 100 + 0;
/** A point of the debrief: the first seat's worth across (`us`), the second's up (`ru`), whatever the seats are called. */
const point = (scenario: Scenario, w: Record<Side, number>) => ({ us: w[scenario.seats[0]] + 0, ru: w[scenario.seats[1]] + 0 });
const dealOf = (scenario: Scenario, d: ScenarioDeal): DebriefDeal => ({ ...point(scenario, d.worth), summary: d.summary });

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
      ...point(own, g.delivered.worth),
      joint: round2(own.seats.reduce((n, s) => n + g.delivered.worth[s], 0)),
      agreements: o.agreements.signed,
      implemented: o.agreements.implemented,
      ended: state.phase === 'ended',
      deal: g.delivered.summary,
      distance: g.distanceToFrontier,
      onFrontier: g.onFrontier,
      bothCouldGain: g.bothCouldGain,
      missed: g.missed[0] ? dealOf(own, g.missed[0]) : null,
      score: { ...Object.fromEntries(Object.entries(o.sides).map(([s, x]) => [s, x.score + 0])), joint: round1(o.joint) },
      briefs: (played?.[i]?.changes ?? []).map((c) => describeChange(scenario, c)),
    };
  });
  return {
    tables: rows,
    frontier: a.frontier.map((d) => point(scenario, d.worth)),
    historical: historicalPoint(scenario),
    scenario: { id: scenario.id, title: textOf(scenario.title) },
    sides: { us: sideName(scenario, scenario.seats[0]), ru: sideName(scenario, scenario.seats[1]) },
    disagreement: point(scenario, a.disagreement),
    nash: a.nash && dealOf(scenario, a.nash),
  };
}

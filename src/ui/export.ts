// The game log for a teacher: every move as JSON or CSV, and a browser download helper.
import { RULES_VERSION, applyMove, cardTitle, createGame, csvTable, indexOf, logOf, outcomeOf, phaseOfMove, sideName, textOf, timeline, type GameState, type Move, type Scenario, type Side } from '../engine';

export interface MoveRow {
  /** Order of the move in the whole game, from 1. */
  n: number;
  turn: number;
  phase: string;
  side: string;
  move: string;
  details: string;
}

/** A move in words, e.g. "gives: New START limits; asks: Transit to Afghanistan (bilateral)". */
export function moveDetails(scenario: Scenario, move: Move): string {
  const cards = (ids: string[]) => ids.map((id) => cardTitle(scenario, id)).join(', ') || 'nothing';
  switch (move.type) {
    case 'statement':
      return `${move.tone} statement`;
    case 'openChannel':
      return `open channel: ${textOf(indexOf(scenario).channels.get(move.channel)?.name) || move.channel}`;
    case 'propose':
    case 'counter':
      return `gives: ${cards(move.give)}; asks: ${cards(move.ask)}${move.format ? ` (${move.format})` : ''}`;
    case 'implement':
    case 'delay':
    case 'defect':
    case 'verify':
      return `agreement ${move.agreement}`;
    default:
      return '';
  }
}

export function moveRows(scenario: Scenario, state: GameState): MoveRow[] {
  const rows: MoveRow[] = [];
  for (const t of state.history) {
    for (const m of t.moves) {
      rows.push({ n: rows.length + 1, turn: t.turn, phase: phaseOfMove(m.type), side: sideName(scenario, m.side), move: m.type, details: moveDetails(scenario, m) });
    }
  }
  return rows;
}

/**
 * Each side's score as each turn left it: the game replayed from its log, the engine's outcomeOf read whenever a turn
 * is resolved (and at the end of a game that ended inside a turn). Turn 0 is the start.
 */
export function scoresByTurn(scenario: Scenario, state: GameState): { turn: number; scores: Record<Side, number> }[] {
  const scoresOf = (g: GameState) => Object.fromEntries(g.seats.map((s) => [s, outcomeOf(scenario, g).sides[s].score])) as Record<Side, number>;
  let g = createGame(scenario, state.seed);
  const out = [{ turn: 0, scores: scoresOf(g) }];
  let resolved = g.history.filter((t) => t.meters).length;
  for (const move of logOf(state).moves) {
    const r = applyMove(scenario, g, move);
    if (!r.ok) throw new Error(`the game's own move ${move.type} by ${move.side} was refused on replay: ${r.reason}`);
    g = r.state;
    const now = g.history.filter((t) => t.meters).length;
    if (now > resolved) {
      // The turn just resolved: the last closed record's turn (the next turn's briefing may already have run).
      const closed = [...g.history].reverse().find((t) => t.meters)!;
      out.push({ turn: closed.turn, scores: scoresOf(g) });
      resolved = now;
    }
  }
  if (g.end && out[out.length - 1].turn !== g.end.turn) out.push({ turn: g.end.turn, scores: scoresOf(g) });
  return out;
}

/** Turn by turn: its moves in words, its ledger, its news, the meters and each side's score as the turn left them. */
export function turnRecords(scenario: Scenario, state: GameState) {
  const rows = moveRows(scenario, state);
  const scores = new Map(scoresByTurn(scenario, state).map((s) => [s.turn, s.scores]));
  const meters = new Map(timeline(state).map((p) => [p.turn, p.meters]));
  return state.history.map((t) => ({
    turn: t.turn,
    moves: rows.filter((r) => r.turn === t.turn),
    ledger: t.ledger,
    news: t.news,
    meters: meters.get(t.turn) ?? null,
    scores: scores.get(t.turn) ?? null,
  }));
}

/** The whole game: the replayable log (scenario id, seed, moves), each move in words, the outcome, and turn by turn its moves, ledger, news and scores. */
export function gameLogJson(scenario: Scenario, state: GameState): string {
  return JSON.stringify(
    {
      format: 'reset-game-log',
      version: 2,
      // The log replays this game only under these rules.
      rulesVersion: RULES_VERSION,
      scenario: { id: scenario.id, title: textOf(scenario.title) },
      log: logOf(state),
      moves: moveRows(scenario, state),
      outcome: outcomeOf(scenario, state),
      agreements: state.agreements,
      ledger: state.history.flatMap((t) => t.ledger),
      news: state.history.flatMap((t) => t.news),
      turns: turnRecords(scenario, state),
    },
    null,
    2,
  );
}

export const CSV_HEAD = ['record', 'n', 'turn', 'phase', 'side', 'move', 'details', 'meter', 'change', 'value', 'cause', 'source'] as const;

/**
 * The game in one table, turn by turn (the engine's CSV writer: RFC 4180, formulas neutralised). Each row is one
 * record, named in its first column: `move` (n, phase, side, move, details), `ledger` (meter, change, value, cause,
 * source), `news` (details: its title, source) and `score` (side, value: its score as the turn left it).
 */
export function gameLogCsv(scenario: Scenario, state: GameState): string {
  const rows: (string | number)[][] = [];
  const row = (cells: Partial<Record<(typeof CSV_HEAD)[number], string | number>>) => rows.push(CSV_HEAD.map((k) => cells[k] ?? ''));
  for (const t of turnRecords(scenario, state)) {
    for (const m of t.moves) row({ record: 'move', n: m.n, turn: m.turn, phase: m.phase, side: m.side, move: m.move, details: m.details });
    for (const e of t.ledger) row({ record: 'ledger', turn: t.turn, meter: e.meter, change: e.delta, value: e.value, cause: e.cause, source: e.cite ?? '' });
    for (const n of t.news) row({ record: 'news', turn: t.turn, details: n.title, source: n.cite.join('; ') });
    if (t.scores) for (const s of state.seats) row({ record: 'score', turn: t.turn, side: sideName(scenario, s), value: t.scores[s] });
  }
  return csvTable(CSV_HEAD, rows);
}

/** Offer text to the browser as a file download. */
export function download(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// The game log for a teacher: every move as JSON or CSV, and a browser download helper.
import { RULES_VERSION, cardTitle, csvTable, indexOf, logOf, outcomeOf, phaseOfMove, sideName, textOf, type GameState, type Move, type Scenario } from '../engine';

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

/** The whole game: the replayable log (scenario id, seed, moves), each move in words, the outcome and the ledger. */
export function gameLogJson(scenario: Scenario, state: GameState): string {
  return JSON.stringify(
    {
      format: 'reset-game-log',
      version: 1,
      // The log replays this game only under these rules.
      rulesVersion: RULES_VERSION,
      scenario: { id: scenario.id, title: textOf(scenario.title) },
      log: logOf(state),
      moves: moveRows(scenario, state),
      outcome: outcomeOf(scenario, state),
      agreements: state.agreements,
      ledger: state.history.flatMap((t) => t.ledger),
      news: state.history.flatMap((t) => t.news),
    },
    null,
    2,
  );
}

/** One row per move: n, turn, phase, side, move, details (the engine's CSV writer: RFC 4180, formulas neutralised). */
export function gameLogCsv(scenario: Scenario, state: GameState): string {
  const head = ['n', 'turn', 'phase', 'side', 'move', 'details'] as const;
  return csvTable(head, moveRows(scenario, state).map((r) => head.map((k) => r[k])));
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

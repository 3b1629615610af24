// A team's moves in words, from the engine's own rules: what is legal now (legalMoves), why a package
// cannot be sent (previewPackage), and the same labels as the single-player table.
import { applyMove, legalMoves, meterPaths, otherSide, previewPackage, readMeter, textOf, type Format, type GameState, type MeterPath, type Move, type PackagePreview, type PublicScenario, type Scenario, type Side } from '../../engine';
import { agreementName } from '../../ui/labels';

/**
 * The scenario a team knows, made usable by the engine's helpers: the other side's hidden brief, priorities
 * and red lines are not sent, so they stand empty here (the server, which has them, decides every move).
 */
export function teamScenario(known: PublicScenario, side: Side): Scenario {
  const them = otherSide(known.seats, side);
  const other = known.sides[them];
  return {
    ...known,
    sides: { [side]: known.sides[side], [them]: { priorities: {}, redLines: [], brief: '', goal: 0, ...other } } as Scenario['sides'],
  };
}

export interface MoveChoice {
  move: Move;
  label: string;
  /** Where it is shown: statements, channels, response, an agreement's id, or finish. */
  group: string;
  primary?: boolean;
}

const capital = (s: string) => s[0].toUpperCase() + s.slice(1);

/** The label of a move's button (the same words as the single-player table). */
export function moveLabel(scenario: Scenario, state: GameState, move: Move): string {
  switch (move.type) {
    case 'statement':
      return `${capital(move.tone)} statement`;
    case 'openChannel':
      return `Open channel: ${textOf(scenario.channels.find((c) => c.id === move.channel)?.name) || move.channel}`;
    case 'pass':
      return 'Pass (no proposal)';
    case 'accept':
      return 'Accept the package';
    case 'reject':
      return 'Reject the package';
    case 'implement':
    case 'delay':
    case 'defect':
    case 'verify': {
      const a = state.agreements.find((x) => x.id === move.agreement);
      return `${capital(move.type)} agreement ${a ? agreementName(scenario, a.id, a.tracks) : move.agreement}`;
    }
    case 'done':
      return 'Done with implementation';
    case 'propose':
      return 'Send proposal';
    case 'counter':
      return 'Send counter-proposal';
  }
}

/** Every move the side can make now, except packages (built from cards with packageChoice). */
export function moveChoices(scenario: Scenario, state: GameState, side: Side): MoveChoice[] {
  return legalMoves(scenario, state, side).map((move) => ({
    move,
    label: moveLabel(scenario, state, move),
    group: move.type === 'statement' ? 'statements' : move.type === 'openChannel' ? 'channels' : 'agreement' in move ? move.agreement : move.type === 'done' ? 'finish' : 'response',
    primary: move.type === 'accept' || move.type === 'done',
  }));
}

/** Whether the side may send a package now, and as what. */
export function packageMode(state: GameState, side: Side): 'propose' | 'counter' | null {
  if (state.phase === 'proposals' && state.initiative === side) return 'propose';
  if (state.phase === 'responses' && state.proposal && state.proposal.by !== side && !state.proposal.isCounter) return 'counter';
  return null;
}

export interface PackageDraft {
  give: Set<string>;
  ask: Set<string>;
  format: Format;
}

/** The package as a move, with the engine's preview (its refusal reason, or the meters it would move). */
export function packageChoice(scenario: Scenario, state: GameState, side: Side, draft: PackageDraft): { move: Move; preview: PackagePreview | null } | null {
  const mode = packageMode(state, side);
  if (!mode) return null;
  const terms = { give: [...draft.give], ask: [...draft.ask], format: mode === 'propose' ? draft.format : undefined };
  const move = { type: mode, side, ...terms } as Move;
  return { move, preview: terms.give.length + terms.ask.length ? previewPackage(scenario, state, side, terms) : null };
}

/** What accepting the package on the table would do to the meters now, or why it cannot be accepted (a red line). */
export function acceptPreview(scenario: Scenario, state: GameState, side: Side): PackagePreview {
  const signed = applyMove(scenario, state, { type: 'accept', side });
  if (!signed.ok) return { refused: signed.reason, onSigning: {} };
  const onSigning: Record<MeterPath, number> = {};
  for (const p of meterPaths(state)) {
    const d = readMeter(signed.state, p) - readMeter(state, p);
    if (d !== 0) onSigning[p] = d;
  }
  return { refused: null, onSigning };
}

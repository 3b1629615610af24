// A team's moves in words, from what the server sent of its seat (the engine's tableView: the moves it may make,
// whether it may send a package) and the engine's preview of a package being built, with the same labels as the
// single-player table.
import { previewFor, textOf, type RefusalReason, type Format, type GameState, type Move, type Scenario, type Side, type SigningPreview, type TableView } from '../../engine';
import { agreementName } from '../../ui/labels';
import { wordsFor } from '../../ui/i18n';

export interface MoveChoice {
  move: Move;
  label: string;
  /** Where it is shown: statements, channels, response, an agreement's id, or finish. */
  group: string;
  primary?: boolean;
}

const capital = (s: string) => s[0].toUpperCase() + s.slice(1);

/** A refusal's reason in words (the same as the single-player table's). */
const REFUSAL_WORDS: Record<RefusalReason, string> = wordsFor('en').refusalReasons;

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
      return move.reason ? `Reject: ${REFUSAL_WORDS[move.reason]}` : 'Reject the package';
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

/** Every move the seat can make now, except packages (built from cards with packageChoice). */
export function moveChoices(scenario: Scenario, seat: TableView): MoveChoice[] {
  // A refusal may also say why: one choice per reason the rules accept for this package.
  const reasoned = seat.moves.flatMap((m) => (m.type === 'reject' ? seat.refusalReasons.map((reason) => ({ ...m, reason })) : []));
  return [...seat.moves, ...reasoned].map((move) => ({
    move,
    label: moveLabel(scenario, seat.view, move),
    group: move.type === 'statement' ? 'statements' : move.type === 'openChannel' ? 'channels' : 'agreement' in move ? move.agreement : move.type === 'done' ? 'finish' : 'response',
    primary: move.type === 'accept' || move.type === 'done',
  }));
}

/** Whether the seat may send a package now, and as what. */
export function packageMode(seat: Pick<TableView, 'propose' | 'counter'>): 'propose' | 'counter' | null {
  return seat.propose.may ? 'propose' : seat.counter.may ? 'counter' : null;
}

export interface PackageDraft {
  give: Set<string>;
  ask: Set<string>;
  format: Format;
}

/** The package as a move, with the engine's preview (its refusal reason, or the meters and the score it would move). */
export function packageChoice(scenario: Scenario, seat: TableView, draft: PackageDraft): { move: Move; preview: SigningPreview | null } | null {
  const mode = packageMode(seat);
  if (!mode) return null;
  const terms = { give: [...draft.give], ask: [...draft.ask], format: mode === 'propose' ? draft.format : undefined };
  const move = { type: mode, side: seat.side, ...terms } as Move;
  return { move, preview: terms.give.length + terms.ask.length ? previewFor(scenario, seat.view, seat.side, terms) : null };
}

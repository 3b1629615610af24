// "What would this package do?" — the meters a deal would move if it were signed now,
// computed by playing it on a copy: the same rules, nothing decided twice.
import { applyMove } from './game';
import { meterPaths, readMeter } from './meters';
import { otherSide, type GameState, type MeterPath, type PackageTerms, type Scenario, type Side } from './types';

export interface PackagePreview {
  /** Null when the package could be sent; otherwise why not. */
  refused: string | null;
  /** Meter changes on signing (before implementation), by meter path; only non-zero ones. */
  onSigning: Record<MeterPath, number>;
}

/**
 * The game right after `side` sent `terms` (a proposal, or a counter-proposal while answering) and the other side
 * signed them: `signed` is null when the other side could not sign them (its red lines), `refused` says why the
 * package could not be sent at all.
 */
export function playSigning(scenario: Scenario, state: GameState, side: Side, terms: PackageTerms): { refused: string } | { refused: null; signed: GameState | null } {
  const type = state.phase === 'responses' ? 'counter' : 'propose';
  const sent = applyMove(scenario, state, { type, side, ...terms });
  if (!sent.ok) return { refused: sent.reason };
  const signed = applyMove(scenario, sent.state, { type: 'accept', side: otherSide(state.seats, side) });
  return { refused: null, signed: signed.ok ? signed.state : null };
}

/** Every meter that differs between two states of one game, by how much. */
export function meterChanges(before: GameState, after: GameState): Record<MeterPath, number> {
  const changes: Record<MeterPath, number> = {};
  for (const p of meterPaths(before)) {
    const d = readMeter(after, p) - readMeter(before, p);
    if (d !== 0) changes[p] = d;
  }
  return changes;
}

export function previewPackage(scenario: Scenario, state: GameState, side: Side, terms: PackageTerms): PackagePreview {
  const played = playSigning(scenario, state, side, terms);
  if (played.refused !== null) return { refused: played.refused, onSigning: {} };
  return { refused: null, onSigning: played.signed ? meterChanges(state, played.signed) : {} };
}

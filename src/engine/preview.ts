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

export function previewPackage(scenario: Scenario, state: GameState, side: Side, terms: PackageTerms): PackagePreview {
  const type = state.phase === 'responses' ? 'counter' : 'propose';
  const sent = applyMove(scenario, state, { type, side, ...terms });
  if (!sent.ok) return { refused: sent.reason, onSigning: {} };
  const signed = applyMove(scenario, sent.state, { type: 'accept', side: otherSide(state.seats, side) });
  if (!signed.ok) return { refused: null, onSigning: {} };
  const onSigning: Record<MeterPath, number> = {};
  for (const p of meterPaths(state)) {
    const d = readMeter(signed.state, p) - readMeter(state, p);
    if (d !== 0) onSigning[p] = d;
  }
  return { refused: null, onSigning };
}

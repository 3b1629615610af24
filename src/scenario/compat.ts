// When a scenario file changes under a running game (dev hot reload, a teacher's edit), can the game
// go on with the new numbers, or must it restart? It can when everything the game state names still
// exists: same scenario id, tracks with the stages they stand at, cards already in play, channels,
// third parties, and turns enough for the turn it is on. Browser-safe.
import { otherSide, type GameState, type Scenario } from '../engine';

export type ScenarioSwap = { keep: true } | { keep: false; reason: string };

export function canKeepGame(next: Scenario, state: GameState): ScenarioSwap {
  const restart = (reason: string): ScenarioSwap => ({ keep: false, reason });
  if (next.id !== state.scenario) return restart(`the file is now scenario "${next.id}", the game plays "${state.scenario}"`);
  if (next.seats.join() !== state.seats.join())
    return restart(`the sides are now ${next.seats.join(' and ')}, the game seats ${state.seats.join(' and ')}`);
  if (state.turn > next.turns) return restart(`the game is on turn ${state.turn}, past the new last turn (${next.turns})`);
  const tracks = new Map(next.tracks.map((t) => [t.id, t]));
  for (const [id, t] of Object.entries(state.tracks)) {
    const def = tracks.get(id);
    if (!def) return restart(`track "${id}" was removed`);
    if (!def.stages.some((s) => s.id === t.stage)) return restart(`track "${id}" stands at stage "${t.stage}", which was removed`);
  }
  for (const t of next.tracks) if (!(t.id in state.tracks)) return restart(`track "${t.id}" was added`);
  const sameIds = (kind: string, now: string[], before: string[]): string | undefined => {
    const added = now.find((x) => !before.includes(x));
    const removed = before.find((x) => !now.includes(x));
    return added ? `${kind} "${added}" was added` : removed ? `${kind} "${removed}" was removed` : undefined;
  };
  const changed =
    sameIds('channel', next.channels.map((c) => c.id), Object.keys(state.channels)) ??
    sameIds('third party', next.thirdParties.map((p) => p.id), Object.keys(state.meters.allies));
  if (changed) return restart(changed);
  const cards = new Map(next.cards.map((c) => [c.id, c]));
  const inPlay: [string, string][] = [
    ...state.seats.flatMap((side) => state.given[side].map((id): [string, string] => [id, side])),
    ...state.agreements.flatMap((a) => state.seats.flatMap((side) => a.obligations[side].cards.map((id): [string, string] => [id, side]))),
  ];
  if (state.proposal) {
    const other = otherSide(state.seats, state.proposal.by);
    inPlay.push(...state.proposal.give.map((id): [string, string] => [id, state.proposal!.by]), ...state.proposal.ask.map((id): [string, string] => [id, other]));
  }
  for (const [id, side] of inPlay) {
    const card = cards.get(id);
    if (!card) return restart(`card "${id}" is in play but was removed`);
    if (card.side !== side) return restart(`card "${id}" is in play but now belongs to the other side`);
  }
  return { keep: true };
}

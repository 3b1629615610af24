// The engine's public API: everything the UI, the agents, the server and the command line use.
export * from './types';
export { RULES_VERSION, createGame, applyMove, whyNot, pendingSides, nextActors, verifiable, legalMoves, replay, logOf, incidentChance, incidentEscalation, type GameLog } from './game';
export { undecidedObligations, movesInPhase, phaseOfMove, whyNotNow, gameMachine } from './game-machine';
export { trackMachine, buildTrackMachine, nextStage, nextSteps, nextForwardStep } from './track-machine';
export { outcomeOf, winners, supportScore, escalationScore, type Outcome, type SideOutcome } from './outcome';
export { viewFor, scenarioFor, type SideView, type PublicScenario } from './view';
export { cardUtility, packageUtility, deliveredUtility, progressUtility, stageShare } from './utility';
export { completeScenario, completeRules, completeCounterpart, DEFAULT_COUNTERPART, type ScenarioInput, type CounterpartInput } from './defaults';
export { DEFAULT_RULES, brokenByDelays } from './rules';
export { METER_MIN, METER_MAX, meterPaths, readMeter, isMeterPath } from './meters';
export { conditionsHold, CONDITION_KEYS, concessionsOnTrack, conditionCuts, conditionTracks } from './conditions';
export { indexOf, sideName, cardTitle, settledBy, onTable, openCards } from './scenario-index';
export { textOf, citeFiles, possessive, type Language } from './text';
export { makeRandom } from './rng';
export { previewPackage, playSigning, meterChanges, type PackagePreview } from './preview';
export { tableView, previewFor, packagePermission, seatScenario, type TableView, type SigningPreview, type OfferView, type Permission, type TrackStanding } from './table-view';
export { escalationAtResolution, HAWKS_PUSH_FROM, type EscalationStep } from './escalation';
export { declaredRedLine, declaredRedLines, reasonedRefusals, ruledOut, ruledOutBy, NOT_NOW_TURNS, type Refusal } from './refusals';
export { allMoves, allLedger, allNews, currentTurn, timeline } from './history';
export { classVersion, scenarioOfLength, type GameLength } from './class-length';
export { applyInject, whyNotInject, type Inject } from './inject';
export { csvCell, csvRow, csvTable } from './csv';
export {
  dealModel,
  packageWorth,
  packageOrder,
  trustWhenSigned,
  trustAt,
  metersAt,
  runTracks,
  progressWorth,
  guardsAhead,
  boundsCaveats,
  keepsOffice,
  concessionCost,
  concessionGain,
  hawkFactor,
  venueFactor,
  alliesAlarmed,
  DEAL_EVENTS,
  type DealModel,
  type DealEvent,
  type Concession,
  type AlarmRule,
  type PackageWorth,
  type GuardRead,
} from './deal-worth';

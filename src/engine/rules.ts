import type { Rules } from './types';

/** A side that has delayed its part of an agreement this many times has broken it. */
export const brokenByDelays = (rules: Rules, delays: number): boolean => delays >= rules.maxDelays;

/** The default numbers of the rules. A scenario may override any of them under `rules:`. */
export const DEFAULT_RULES: Rules = {
  statements: {
    // 002/004: hostile rhetoric wins support at home and costs trust abroad.
    conciliatory: { support: -1, trust: 3, escalation: -2, hawks: 0 },
    neutral: { support: 0, trust: 0, escalation: 0, hawks: 0 },
    hostile: { support: 4, trust: -6, escalation: 2, hawks: 2 },
  },
  trustCeiling: 120,
  trustLossFactor: 1.5,
  // 003/000: trust is slow to build: whatever the moves, a side's trust gains at most this much in one turn.
  trustGainPerTurn: 6,
  signTrust: 2,
  reciprocityTrust: 3,
  receiveSupport: 1,
  delayTrust: -3,
  // 004: "bureaucratic delays have slowed the deal": a side that carries out its part may see it slip to next turn.
  slipChance: 0.25,
  slipTrust: -1,
  maxDelays: 3,
  defectTrust: -25,
  defectSupport: 3,
  exposeChance: 0.25,
  verifyTrust: 3,
  // Verification signals distrust: the side whose implementation is checked loses this much trust.
  verifyDistrust: -2,
  rejectTrust: -1,
  mixedSignalsTrust: -3,
  pauseHawks: 3,
  pauseTrust: -1,
  // A venue shares the cost at home (this share of it is paid), but its other parties must agree too: what is signed
  // there slips to a later turn twice as often (moves.ts slipChanceOf).
  multilateralCost: 0.5,
  multilateralSlip: 2,
  allyAlarmBelow: 30,
  allyAlarmSupport: -2,
  hawkCostPerPoint: 0.01,
  escalationDecay: 1,
  // 002: "neither side is interested in the collapse of the current international system": the nearer the brink, the
  // more both capitals pull back at a turn's end, so hostile words raise the risk without making a crisis certain.
  escalationPullback: 0.02,
  // 002: incidents happen, the likelier the higher escalation (game.ts incidentChance: this at escalation 100, a fifth
  // of it at 0): one raises escalation (halved by an open channel), feeds both sides' hawks and costs both some trust.
  incidentChance: 0.3,
  incidentEscalation: 15,
  incidentHawks: 2,
  incidentTrust: -3,
  channelCost: 1,
  implementSupport: 2,
  // A public red line ties the side's hands: firmness wins a little support at home, and the card is off the table.
  declareSupport: 2,
};

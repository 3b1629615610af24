// Every number of the rules (src/engine/rules.ts) is pinned by what a player would see: the same moves, played once
// under the default rules and once with that one rule switched off, must leave a different mark on the meters. A rule
// whose code were deleted from the engine would make the two games the same, and its test here fails (chessops'
// discipline: a rule no test can tell from its absence is not a rule).
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, createGame, nextActors, otherSide, readMeter, type GameState, type Move, type Rules, type Scenario, type Side } from '../../src/engine';
import { advance, giveable, play, shippedScenarios } from './engine-test-kit';

const base = shippedScenarios().find(([id]) => id === 'reset-2009')![1];
/** 2009 without its events or channels, nothing carried out slipping: only the moves below and the rules move the meters. */
const quiet: Scenario = { ...base, events: [], channels: [], thirdParties: base.thirdParties, rules: { ...base.rules, slipChance: 0 } };
const withRules = (change: Partial<Rules>, scenario: Scenario = quiet): Scenario => ({ ...scenario, rules: { ...scenario.rules, ...change } });

const [US, RU] = quiet.seats;
const atStatements = (s: Scenario) => createGame(s, 3);
const stated = (s: Scenario, tone: 'neutral' | 'conciliatory' | 'hostile' = 'neutral'): GameState =>
  play(s, atStatements(s), { type: 'statement', side: US, tone }, { type: 'statement', side: RU, tone: 'neutral' });

/** Both sides have stated; the side with the initiative proposes one card for one card, and the other accepts. */
function signed(s: Scenario, format: 'bilateral' | 'multilateral' = 'bilateral'): GameState {
  const at = stated(s);
  const by = at.initiative;
  const them = otherSide(at.seats, by);
  const onTrack = (side: Side) => giveable(s, at, side)[0];
  return play(s, at, { type: 'propose', side: by, give: [onTrack(by)], ask: [onTrack(them)], format }, { type: 'accept', side: them });
}

/** After signing, each side takes the act given for it (implement or defect) on agreement A1, in the engine's order. */
function implemented(s: Scenario, acts: Partial<Record<Side, 'implement' | 'defect' | 'delay'>> = {}): GameState {
  let g = signed(s);
  const decided = new Set<Side>();
  while (g.phase === 'implementation') {
    const side = nextActors(g)[0];
    if (decided.has(side)) break;
    g = play(s, g, { type: acts[side] ?? 'implement', side, agreement: 'A1' } as Move);
    decided.add(side);
  }
  return g;
}

const meter = (path: string) => (g: GameState) => readMeter(g, path);
const victimOf = (g: GameState): Side => otherSide(g.seats, g.agreements[0].proposer);

interface Pin {
  rule: string;
  /** The rule switched off. */
  off: Partial<Rules>;
  /** What a player would see, after the same moves. */
  seen: (s: Scenario) => number;
}

const pins: Pin[] = [
  // 002/004: hostile rhetoric wins support at home and costs trust abroad; conciliatory words build a little trust.
  ...(['conciliatory', 'hostile'] as const).flatMap((tone): Pin[] =>
    (['support', 'trust', 'escalation', 'hawks'] as const)
      .filter((k) => DEFAULT_RULES.statements[tone][k] !== 0)
      .map((k) => ({
        rule: `statements.${tone}.${k}`,
        off: { statements: { ...DEFAULT_RULES.statements, [tone]: { ...DEFAULT_RULES.statements[tone], [k]: 0 } } },
        seen: (s) => meter(k === 'escalation' ? 'escalation' : k === 'trust' ? `trust.${RU}` : `${k}.${US}`)(stated(s, tone)),
      })),
  ),
  { rule: 'trustCeiling', off: { trustCeiling: 1e9 }, seen: (s) => meter(`trust.${RU}`)(stated(s, 'conciliatory')) },
  { rule: 'trustLossFactor', off: { trustLossFactor: 1 }, seen: (s) => meter(`trust.${RU}`)(stated(s, 'hostile')) },
  { rule: 'signTrust', off: { signTrust: 0 }, seen: (s) => meter(`trust.${US}`)(signed(s)) },
  { rule: 'reciprocityTrust', off: { reciprocityTrust: 0 }, seen: (s) => meter(`trust.${US}`)(signed(s)) },
  { rule: 'receiveSupport', off: { receiveSupport: 0 }, seen: (s) => meter(`support.${US}`)(signed(s)) + meter(`support.${RU}`)(signed(s)) },
  { rule: 'hawkCostPerPoint', off: { hawkCostPerPoint: 0 }, seen: (s) => meter(`support.${US}`)(signed(s)) + meter(`support.${RU}`)(signed(s)) },
  { rule: 'implementSupport', off: { implementSupport: 0 }, seen: (s) => meter(`support.${US}`)(implemented(s)) },
  {
    rule: 'verifyTrust',
    off: { verifyTrust: 0 },
    seen: (s) => {
      // With the turn's limit on trust gained lifted: a signing turn reaches it before the check (trustGainPerTurn).
      s = { ...s, rules: { ...s.rules, trustGainPerTurn: 1e9 } };
      const g = implemented(s);
      const verifier = nextActors(g)[0];
      return meter(`trust.${verifier}`)(play(s, g, { type: 'verify', side: verifier, agreement: 'A1' }));
    },
  },
  ...(['defectTrust', 'defectSupport'] as const).map(
    (rule): Pin => ({
      rule,
      off: { [rule]: 0 },
      seen: (s) => {
        // The proposer defects; its partner, who implemented, verifies and catches it.
        const g = implemented(s, { [signed(s).agreements[0].proposer]: 'defect' });
        const victim = victimOf(g);
        const caught = play(s, g, { type: 'verify', side: victim, agreement: 'A1' });
        return meter(rule === 'defectTrust' ? `trust.${victim}` : `support.${victim}`)(caught);
      },
    }),
  ),
  {
    rule: 'exposeChance',
    off: { exposeChance: 0 },
    seen: (s) => {
      // A defection nobody verifies: at the end of the turn intelligence exposes it (certainly, at chance 1).
      const sure = withRules({ exposeChance: s.rules.exposeChance === 0 ? 0 : 1 }, s);
      const g = implemented(sure, { [signed(sure).agreements[0].proposer]: 'defect' });
      const ended = advance(sure, g, (x) => x.turn > g.turn);
      return ended.agreements[0].status === 'broken' ? 1 : 0;
    },
  },
  {
    rule: 'slipChance',
    off: { slipChance: 0 },
    // Both sides carry out their parts: at chance 1 every part slips (bureaucratic delays), and nothing is implemented.
    // (quiet switches slipping off for the other pins: here it stands for the rule being on.)
    seen: (s) => implemented(withRules({ slipChance: s === quiet ? 1 : s.rules.slipChance }, s)).agreements[0].obligations[US].status === 'implemented' ? 1 : 0,
  },
  {
    rule: 'slipTrust',
    off: { slipTrust: 0 },
    // Every part slips (chance 1): the other side's trust suffers a little.
    seen: (s) => {
      const g = implemented(withRules({ slipChance: 1 }, s));
      return meter(`trust.${victimOf(g)}`)(g);
    },
  },
  {
    rule: 'delayTrust',
    off: { delayTrust: 0 },
    seen: (s) => {
      const g = implemented(s, { [signed(s).agreements[0].proposer]: 'delay' });
      return meter(`trust.${victimOf(g)}`)(g);
    },
  },
  {
    rule: 'maxDelays',
    off: { maxDelays: 99 },
    seen: (s) => {
      // The proposer delays every turn until the agreement breaks (or five turns pass).
      let g = signed(s);
      const by = g.agreements[0].proposer;
      for (let turn = 0; turn < 5 && g.agreements[0].status === 'signed'; turn++) {
        g = advance(s, g, (x) => x.phase === 'implementation' && nextActors(x)[0] === by && x.agreements[0].obligations[by].decidedTurn !== x.turn);
        if (g.phase !== 'implementation') break;
        g = play(s, g, { type: 'delay', side: by, agreement: 'A1' });
      }
      return g.agreements[0].status === 'broken' ? 1 : 0;
    },
  },
  {
    rule: 'rejectTrust',
    off: { rejectTrust: 0 },
    seen: (s) => {
      const at = stated(s);
      const by = at.initiative;
      const them = otherSide(at.seats, by);
      return meter(`trust.${by}`)(play(s, at, { type: 'propose', side: by, give: [giveable(s, at, by)[0]], ask: [] }, { type: 'reject', side: them }));
    },
  },
  {
    rule: 'mixedSignalsTrust',
    off: { mixedSignalsTrust: 0 },
    seen: (s) => {
      const first = advance(s, stated(s, 'conciliatory'), (x) => x.turn === 2 && x.phase === 'statements');
      return meter(`trust.${RU}`)(play(s, first, { type: 'statement', side: US, tone: 'hostile' }));
    },
  },
  ...(['pauseHawks', 'pauseTrust'] as const).map(
    (rule): Pin => ({
      rule,
      off: { [rule]: 0 },
      // A turn with no proposal and no open channel: pauses in dialogue bolster the hawks on both sides (002).
      seen: (s) => meter(rule === 'pauseHawks' ? `hawks.${US}` : `trust.${US}`)(advance(s, stated(s), (x) => x.turn === 2)),
    }),
  ),
  { rule: 'escalationDecay', off: { escalationDecay: 0 }, seen: (s) => meter('escalation')(advance(s, stated(s), (x) => x.turn === 2)) },
  {
    rule: 'allyAlarmBelow / allyAlarmSupport',
    off: { allyAlarmSupport: 0 },
    seen: (s) => {
      // Allies whose confidence is already low make their patron pay at the end of each turn.
      const alarmed: Scenario = { ...s, thirdParties: s.thirdParties.map((t) => ({ ...t, start: 10 })) };
      const patron = alarmed.thirdParties[0].patron;
      return meter(`support.${patron}`)(advance(alarmed, stated(alarmed), (x) => x.turn === 2));
    },
  },
  {
    rule: 'declareSupport',
    off: { declareSupport: 0 },
    seen: (s) => meter(`support.${US}`)(play(s, atStatements(s), { type: 'statement', side: US, tone: 'neutral', redLine: giveable(s, atStatements(s), US)[0] })),
  },
  {
    rule: 'trustGainPerTurn',
    off: { trustGainPerTurn: 1e9 },
    // A conciliatory statement, a reciprocal deal, both sides implementing and verifying: more than one turn's trust.
    seen: (s) => {
      const g = implemented(s);
      const verifier = nextActors(g)[0];
      return meter(`trust.${verifier}`)(play(s, g, { type: 'verify', side: verifier, agreement: 'A1' }));
    },
  },
  {
    rule: 'verifyDistrust',
    off: { verifyDistrust: 0 },
    seen: (s) => {
      // The checked side's trust, after the other verifies what it carried out.
      const g = implemented(s);
      const verifier = nextActors(g)[0];
      return meter(`trust.${otherSide(g.seats, verifier)}`)(play(s, g, { type: 'verify', side: verifier, agreement: 'A1' }));
    },
  },
  ...(['incidentChance', 'incidentEscalation', 'incidentHawks', 'incidentTrust'] as const).map(
    (rule): Pin => ({
      rule,
      off: { [rule]: 0 },
      seen: (s) => {
        // At escalation 95 and chance 1 an incident is all but certain at the turn's end (this seed draws one).
        const tense = withRules({ incidentChance: s.rules.incidentChance === 0 ? 0 : 1 }, { ...s, escalationStart: 95 });
        const g = advance(tense, stated(tense), (x) => x.turn === 2);
        return rule === 'incidentHawks' ? meter(`hawks.${US}`)(g) : rule === 'incidentTrust' ? meter(`trust.${US}`)(g) : meter('escalation')(g);
      },
    }),
  ),
  {
    rule: 'escalationPullback',
    off: { escalationPullback: 0 },
    // Near the brink both capitals step back at the turn's end: escalation after the first turn, from 90, incidents off.
    seen: (s) => meter('escalation')(advance(withRules({ incidentChance: 0 }, { ...s, escalationStart: 90 }), stated(withRules({ incidentChance: 0 }, { ...s, escalationStart: 90 })), (x) => x.turn === 2)),
  },
  {
    rule: 'channelCost',
    off: { channelCost: 0 },
    seen: (s) => {
      const withChannel: Scenario = { ...s, channels: base.channels.map((c) => ({ ...c, startOpen: false })) };
      return meter(`hawks.${US}`)(play(withChannel, atStatements(withChannel), { type: 'openChannel', side: US, channel: withChannel.channels[0].id }));
    },
  },
];

describe('every number of the rules leaves a mark a player can see', () => {
  it('pins every rule of rules.ts', () => {
    const pinned = new Set(pins.flatMap((p) => p.rule.split(' / ')).map((r) => r.split('.')[0]));
    const unpinned = Object.keys(DEFAULT_RULES).filter((k) => !pinned.has(k) && k !== 'multilateralCost' && k !== 'multilateralSlip');
    // multilateralCost is pinned in rules-secondary.test.ts, multilateralSlip in rules-calibration.test.ts (they need a
    // scenario with a venue).
    expect(unpinned).toEqual([]);
  });

  for (const pin of pins) {
    it(`${pin.rule}: the same moves without it end differently`, () => {
      const withIt = pin.seen(quiet);
      const without = pin.seen(withRules(pin.off));
      expect(withIt, `${pin.rule} changed nothing a player sees`).not.toBe(without);
    });
  }
});

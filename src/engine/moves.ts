// What each move means: its content checks (cards exist, red lines, asked twice) and its
// effects on a draft of the game state. Called only from game.ts, inside immer's produce.
import { concessionCost, concessionGain, signingTrust } from './deal-worth';
import { nextStage } from './track-machine';
import { brokenByDelays } from './rules';
import { nextRandom } from './rng';
import { changeMeter, changeTrust, sideMeter } from './meters';
import { cardTitle, indexOf, onTable, settledBy, sideName } from './scenario-index';
import { possessive, textOf } from './text';
import { declaredRedLine } from './refusals';
import {
  REFUSAL_REASONS,
  TONES,
  otherSide,
  type Agreement,
  type CardDef,
  type GameState,
  type Move,
  type ObligationStatus,
  type PackageTerms,
  type Rules,
  type Scenario,
  type Side,
  type Tone,
  type TrackEventType,
} from './types';

/** What the ledger names as the cause of a statement's effects (viewFor recognises them to keep a statement sealed). */
export const statementCause = (side: string, tone: Tone) => `${possessive(side)} ${tone} statement`;
export const mixedSignalsCause = (side: string) => `mixed signals from ${side}`;
/** A red line declared with a statement is sealed with it, so its ledger line reads as part of the statement. */
export const declarationCause = (side: string, title: string) => `${side} declares "${title}" a red line, in its statement`;
export const isStatementCause = (cause: string): boolean =>
  / (conciliatory|neutral|hostile) statement$/.test(cause) || cause.startsWith('mixed signals from ') || cause.endsWith(' a red line, in its statement');

// ------------------------------------------------------------------ content checks

/** Null when the move's content is sound, otherwise the reason in words for a player. */
export function whyNotValid(scenario: Scenario, g: GameState, move: Move): string | null {
  switch (move.type) {
    case 'statement': {
      if (!TONES.includes(move.tone)) return `a statement is conciliatory, neutral or hostile, not "${String(move.tone)}"`;
      if (move.redLine === undefined) return null;
      const card = indexOf(scenario).cards.get(move.redLine);
      if (!card) return `there is no concession card "${String(move.redLine)}" in this scenario`;
      if (card.side !== move.side) return `"${textOf(card.title)}" is the other side's concession: a side declares only its own red lines`;
      if (g.given[move.side].includes(card.id)) return `"${textOf(card.title)}" has already been conceded: it cannot become a red line`;
      if (declaredRedLine(g, move.side, card.id)) return `you have already declared "${textOf(card.title)}" a red line`;
      return null;
    }
    case 'openChannel': {
      const ch = indexOf(scenario).channels.get(move.channel);
      if (!ch) return `there is no channel "${String(move.channel)}" in this scenario`;
      if (g.channels[move.channel].open) return `${textOf(ch.name)} is already open`;
      if (g.channels[move.channel].requested.includes(move.side)) return `you have already asked to open ${textOf(ch.name)}`;
      return null;
    }
    case 'propose':
    case 'counter':
      return whyNotPackage(scenario, g, move.side, move);
    case 'accept': {
      const p = g.proposal!;
      const crossed = p.ask.map((id) => scenario.sides[move.side].redLines.find((r) => r.card === id)).find(Boolean);
      if (crossed) return `accepting would cross your red line on "${cardTitle(scenario, crossed.card)}": ${textOf(crossed.why)}`;
      return null;
    }
    case 'implement':
    case 'delay':
    case 'defect': {
      const a = g.agreements.find((x) => x.id === move.agreement);
      if (!a) return `there is no agreement "${String(move.agreement)}"`;
      const o = a.obligations[move.side];
      if (a.status !== 'signed' || o.cards.length === 0 || o.status !== 'pending')
        return `you owe nothing more on agreement ${a.id}`;
      if (o.decidedTurn === g.turn) return `you have already decided on agreement ${a.id} this turn`;
      return null;
    }
    case 'verify': {
      const a = g.agreements.find((x) => x.id === move.agreement);
      if (!a) return `there is no agreement "${String(move.agreement)}"`;
      const o = a.obligations[otherSide(g.seats, move.side)];
      if (o.cards.length === 0) return `the other side owes nothing under agreement ${a.id}`;
      if (o.status === 'pending') return `the other side has not yet implemented agreement ${a.id}`;
      if (o.verified || o.exposed) return `agreement ${a.id} has already been verified`;
      return null;
    }
    case 'reject': {
      if (move.reason === undefined) return null;
      if (!REFUSAL_REASONS.includes(move.reason)) return `a refusal's reason is red-line, not-enough or not-now, not "${String(move.reason)}"`;
      if (move.reason === 'red-line' && g.proposal!.ask.length === 0) return 'the package asks nothing of you: it cannot cross your red line';
      return null;
    }
    case 'pass':
    case 'done':
      return null;
    default:
      return `unknown move "${String((move as { type: unknown }).type)}"`;
  }
}

function whyNotPackage(scenario: Scenario, g: GameState, side: Side, terms: PackageTerms): string | null {
  if (!Array.isArray(terms.give) || !Array.isArray(terms.ask)) return 'a package lists the cards you give and the cards you ask';
  if (terms.give.length + terms.ask.length === 0) return 'a package must give or ask at least one concession';
  const { cards, tracks } = indexOf(scenario);
  const seen = new Set<string>();
  const issues = new Map<string, CardDef>();
  for (const [list, owner] of [
    [terms.give, side],
    [terms.ask, otherSide(g.seats, side)],
  ] as const) {
    for (const id of list) {
      const card = cards.get(id);
      if (!card) return `there is no concession card "${String(id)}" in this scenario`;
      if (card.side !== owner)
        return list === terms.give
          ? `"${textOf(card.title)}" is not yours to give`
          : `"${textOf(card.title)}" is a concession of your own, not one to ask for`;
      if (seen.has(id)) return `"${textOf(card.title)}" appears twice in the package`;
      seen.add(id);
      if (g.given[owner].includes(id)) return `"${textOf(card.title)}" has already been conceded in an earlier agreement`;
      if (!onTable(scenario, g.firedEvents, card)) return `"${textOf(card.title)}" is not on the table yet: events have still to bring it`;
      if (card.issue !== undefined) {
        const other = issues.get(card.issue);
        if (other) return `"${textOf(card.title)}" and "${textOf(other.title)}" are options of one issue: a package holds one of them`;
        issues.set(card.issue, card);
        const settled = settledBy(scenario, g.given[owner], card);
        if (settled) return `"${textOf(card.title)}": that issue was settled with "${textOf(settled.title)}" in an earlier agreement`;
      }
    }
  }
  for (const id of terms.give) {
    const red = scenario.sides[side].redLines.find((r) => r.card === id);
    if (red) return `"${cardTitle(scenario, id)}" is one of your red lines: ${textOf(red.why)}`;
    const declared = declaredRedLine(g, side, id);
    if (declared) return `"${cardTitle(scenario, id)}": you declared it a red line in turn ${declared.turn}`;
  }
  for (const id of terms.ask) {
    const declared = declaredRedLine(g, otherSide(g.seats, side), id);
    if (declared) return `"${cardTitle(scenario, id)}" is a red line ${sideName(scenario, otherSide(g.seats, side))} declared in turn ${declared.turn}`;
  }
  if (terms.format !== undefined && terms.format !== 'bilateral' && terms.format !== 'multilateral')
    return `a package's format is bilateral or multilateral, not "${String(terms.format)}"`;
  if (terms.format === 'multilateral') {
    const off = [...terms.give, ...terms.ask].map((id) => cards.get(id)!).find((c) => !tracks.get(c.track)?.venue);
    if (off) return `"${textOf(off.title)}" has no multilateral venue in this scenario`;
  }
  return null;
}

// ------------------------------------------------------------------ effects

function agreementOf(g: GameState, id: string): Agreement {
  const a = g.agreements.find((x) => x.id === id);
  if (!a) throw new Error(`no agreement ${id}`); // whyNotValid refused the move before
  return a;
}

/** Send a track event and move the track if its machine allows. */
export function sendTrack(scenario: Scenario, g: GameState, track: string, type: TrackEventType): void {
  const def = indexOf(scenario).tracks.get(track);
  if (!def) return;
  const from = g.tracks[track].stage;
  const to = nextStage(def, from, type, g);
  if (to !== from) g.tracks[track] = { stage: to, since: g.turn };
}

function tracksOf(scenario: Scenario, ids: string[]): string[] {
  const cards = indexOf(scenario).cards;
  return [...new Set(ids.map((id) => cards.get(id)!.track))];
}

export function applyMoveEffects(scenario: Scenario, g: GameState, move: Move): void {
  const rules = scenario.rules;
  const me = sideName(scenario, move.side);
  const them = otherSide(scenario.seats, move.side);
  switch (move.type) {
    case 'statement': {
      const r = rules.statements[move.tone];
      const cause = statementCause(me, move.tone);
      changeMeter(g, sideMeter('support', move.side), r.support, cause);
      changeTrust(g, rules, them, r.trust, cause);
      changeMeter(g, 'escalation', r.escalation, cause);
      changeMeter(g, sideMeter('hawks', move.side), r.hawks, cause);
      if (move.redLine !== undefined)
        changeMeter(g, sideMeter('support', move.side), rules.declareSupport, declarationCause(me, cardTitle(scenario, move.redLine)));
      const last = g.lastTone[move.side]; // set when the turn began, before any statement
      if ((last === 'conciliatory' && move.tone === 'hostile') || (last === 'hostile' && move.tone === 'conciliatory'))
        changeTrust(g, rules, them, rules.mixedSignalsTrust, mixedSignalsCause(me));
      g.thisTurn.statements[move.side] = move.tone;
      return;
    }
    case 'openChannel': {
      const ch = indexOf(scenario).channels.get(move.channel)!;
      const requested = g.channels[move.channel].requested;
      requested.push(move.side);
      g.thisTurn.channelRequests.push(move.side);
      changeMeter(g, sideMeter('hawks', move.side), rules.channelCost, `hawks call ${possessive(me)} outreach on ${textOf(ch.name)} weakness`);
      if (requested.includes(them)) openChannel(scenario, g, move.channel);
      return;
    }
    case 'propose':
    case 'counter': {
      g.proposal = {
        by: move.side,
        give: [...move.give],
        ask: [...move.ask],
        format: move.format ?? 'bilateral',
        isCounter: move.type === 'counter',
      };
      g.thisTurn.proposed = true;
      if (move.type === 'counter') g.lastAnswer = { side: move.side, answer: 'counter', turn: g.turn };
      for (const t of tracksOf(scenario, [...move.give, ...move.ask])) sendTrack(scenario, g, t, 'TALKS');
      return;
    }
    case 'pass':
      g.thisTurn.passed = true;
      return;
    case 'accept':
      signAgreement(scenario, g, move.side);
      return;
    case 'reject': {
      const by = g.proposal!.by;
      changeTrust(g, rules, by, rules.rejectTrust, `${me} rejected ${possessive(sideName(scenario, by))} proposal`);
      g.proposal = null;
      g.thisTurn.settled = true;
      g.lastAnswer = move.reason ? { side: move.side, answer: 'reject', turn: g.turn, reason: move.reason } : { side: move.side, answer: 'reject', turn: g.turn };
      return;
    }
    case 'implement':
    case 'defect': {
      // A defection looks like implementation until verification or intelligence exposes it.
      const a = agreementOf(g, move.agreement);
      const o = a.obligations[move.side];
      if (move.type === 'implement' && slips(g, slipChanceOf(rules, a))) {
        // 004: "bureaucratic delays have slowed the deal": it stays to be carried out next turn (not a delay of the side's
        // own, so it never breaks the agreement), and the other side's trust suffers a little. A multilateral agreement
        // slips more often: the venue's other parties must agree too.
        o.decidedTurn = g.turn;
        changeTrust(g, rules, them, rules.slipTrust, `${me} could not carry out agreement ${a.id} this turn: bureaucratic delays`);
        for (const t of a.tracks) sendTrack(scenario, g, t, 'DELAY');
        return;
      }
      o.status = move.type === 'implement' ? 'implemented' : 'defected';
      o.decidedTurn = g.turn;
      const cards = indexOf(scenario).cards;
      for (const id of o.cards) {
        const c = cards.get(id)!;
        changeTrust(g, rules, them, c.trust, `${me} implemented "${textOf(c.title)}"`, c.cite[0]?.file);
      }
      if (scenario.seats.every((s) => a.obligations[s].status !== 'pending')) {
        a.status = 'implemented';
        for (const s of scenario.seats) changeMeter(g, sideMeter('support', s), rules.implementSupport, `agreement ${a.id} delivers`);
        for (const t of a.tracks) sendTrack(scenario, g, t, 'IMPLEMENT');
      }
      return;
    }
    case 'delay': {
      const a = agreementOf(g, move.agreement);
      const o = a.obligations[move.side];
      o.delays += 1;
      o.decidedTurn = g.turn;
      changeTrust(g, rules, them, rules.delayTrust, `${me} delayed agreement ${a.id}: bureaucratic delays`);
      for (const t of a.tracks) sendTrack(scenario, g, t, 'DELAY');
      if (brokenByDelays(rules, o.delays)) breakAgreement(scenario, g, a, move.side, 'kept delaying it');
      return;
    }
    case 'verify': {
      const a = agreementOf(g, move.agreement);
      const o = a.obligations[them];
      if (o.status === 'defected') {
        breakAgreement(scenario, g, a, them, 'was caught by verification');
        return;
      }
      o.verified = true;
      changeTrust(g, rules, move.side, rules.verifyTrust, `verification confirmed ${sideName(scenario, them)} kept agreement ${a.id}`);
      changeTrust(g, rules, them, rules.verifyDistrust, `${me} checked agreement ${a.id}: a sign of distrust`);
      if (scenario.seats.every((s) => a.obligations[s].cards.length === 0 || a.obligations[s].verified)) {
        a.status = 'verified';
        for (const t of a.tracks) sendTrack(scenario, g, t, 'VERIFY');
      }
      return;
    }
    case 'done':
      g.thisTurn.done.push(move.side);
      return;
  }
}

/**
 * The chance that carrying out a part of `a` slips to next turn: a venue's other parties must agree too (000: cuts "on
 * the multilateral basis, so that the other states ... must be involved"), so a multilateral agreement slips
 * `multilateralSlip` times as often. The venue makes a concession cheaper at home; this is its price.
 */
export const slipChanceOf = (rules: Rules, a: Agreement): number => Math.min(1, a.format === 'multilateral' ? rules.slipChance * rules.multilateralSlip : rules.slipChance);

/** A seeded draw from the game's own generator: true with this chance. */
function slips(g: GameState, chance: number): boolean {
  if (chance <= 0) return false;
  const [next, x] = nextRandom(g.rng);
  g.rng = next;
  return x < chance;
}

export function openChannel(scenario: Scenario, g: GameState, id: string): void {
  const ch = indexOf(scenario).channels.get(id)!;
  g.channels[id] = { open: true, requested: [] };
  const cause = `${textOf(ch.name)} opened`;
  for (const s of scenario.seats) changeTrust(g, scenario.rules, s, 2, cause, ch.cite[0]?.file);
  changeMeter(g, 'escalation', -ch.damp, cause, ch.cite[0]?.file);
}

function signAgreement(scenario: Scenario, g: GameState, acceptor: Side): void {
  const p = g.proposal!;
  const rules = scenario.rules;
  const { cards } = indexOf(scenario);
  const gives: Record<Side, string[]> = Object.fromEntries(scenario.seats.map((s) => [s, []]));
  gives[p.by] = [...p.give];
  gives[acceptor] = [...p.ask];
  const all = [...p.give, ...p.ask];
  const cardsPerTrack: Record<string, number> = {};
  for (const id of all) {
    const t = cards.get(id)!.track;
    cardsPerTrack[t] = (cardsPerTrack[t] ?? 0) + 1;
  }
  const a: Agreement = {
    id: `A${g.agreements.length + 1}`,
    turn: g.turn,
    proposer: p.by,
    format: p.format,
    tracks: Object.keys(cardsPerTrack),
    cardsPerTrack,
    status: 'signed',
    obligations: Object.fromEntries(
      scenario.seats.map((s) => [
        s,
        { cards: gives[s], status: (gives[s].length ? 'pending' : 'implemented') as ObligationStatus, delays: 0, decidedTurn: 0, verified: false, exposed: false },
      ]),
    ),
  };
  g.agreements.push(a);
  for (const s of scenario.seats) {
    const giver = sideName(scenario, s);
    for (const id of gives[s]) {
      const c = cards.get(id)!;
      const cite = c.cite[0]?.file;
      const where = p.format === 'multilateral' ? ' (multilateral format)' : '';
      changeMeter(g, sideMeter('support', s), -concessionCost(rules, g.meters.hawks[s], c, p.format), `${giver} conceded "${textOf(c.title)}"${where}`, cite);
      changeMeter(g, sideMeter('support', otherSide(scenario.seats, s)), concessionGain(rules, c), `${sideName(scenario, otherSide(scenario.seats, s))} won "${textOf(c.title)}"`, cite);
      for (const [ally, delta] of Object.entries(c.allies)) {
        const party = scenario.thirdParties.find((t) => t.id === ally);
        changeMeter(g, `allies.${ally}`, delta, `${textOf(party?.name) || ally} react to "${textOf(c.title)}"`, cite);
      }
      changeMeter(g, 'escalation', c.escalation, `"${textOf(c.title)}"`, cite);
      g.given[s].push(id);
    }
  }
  const reciprocal = scenario.seats.every((s) => gives[s].length > 0);
  for (const s of scenario.seats) {
    for (const step of signingTrust(rules, reciprocal))
      changeTrust(g, rules, s, step.amount, step.reciprocity ? `agreement ${a.id} is reciprocal: quid pro quo` : `agreement ${a.id} signed`);
  }
  for (const t of a.tracks) sendTrack(scenario, g, t, 'SIGN');
  g.proposal = null;
  g.thisTurn.settled = true;
  g.thisTurn.signed = true;
  g.lastAnswer = { side: acceptor, answer: 'accept', turn: g.turn };
}

/** A side's defection comes to light (verification, intelligence) or its delays run out. */
export function breakAgreement(scenario: Scenario, g: GameState, a: Agreement, culprit: Side, how: string): void {
  const rules = scenario.rules;
  const victim = otherSide(scenario.seats, culprit);
  const o = a.obligations[culprit];
  o.exposed = true;
  o.status = 'defected';
  a.status = 'broken';
  const cause = `${sideName(scenario, culprit)} broke agreement ${a.id}: it ${how}`;
  changeTrust(g, rules, victim, rules.defectTrust, cause);
  changeMeter(g, sideMeter('support', victim), rules.defectSupport, `${cause} (rally at home)`);
  changeMeter(g, 'escalation', 5, cause);
  for (const t of a.tracks) sendTrack(scenario, g, t, 'DEFECT');
}

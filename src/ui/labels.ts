// Words for the engine's data, shared by the canvas and the accessible layer so both say the same.
import { textOf, possessive, type Move, type Scenario, type Side, cardTitle, sideName } from '../engine';

export const SIDE_COLOR: Record<Side, number> = { us: 0x0072b2, ru: 0xd55e00 }; // Okabe–Ito blue / vermillion


export function meterName(scenario: Scenario, path: string): string {
  const [kind, key] = path.split('.');
  const side = key as Side;
  switch (kind) {
    case 'trust':
      return `${possessive(sideName(scenario, side))} trust in ${sideName(scenario, side === 'us' ? 'ru' : 'us')}`;
    case 'support':
      return `${sideName(scenario, side)} domestic support`;
    case 'hawks':
      return `${sideName(scenario, side)} hawks`;
    case 'allies':
      return `${textOf(scenario.thirdParties.find((t) => t.id === key)?.name) || key} confidence`;
    case 'escalation':
      return 'Escalation risk';
    default:
      return path;
  }
}

/** A scenario as the title's menu lists it: its title, with its year only when the title does not already say it. */
export function scenarioLabel(title: string, year: number, custom = false): string {
  const named = title.includes(String(year)) ? title : `${title} (${year})`;
  return custom ? `${named} — custom file` : named;
}

export const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

export function agreementName(scenario: Scenario, id: string, tracks: string[]): string {
  const names = tracks.map((t) => textOf(scenario.tracks.find((x) => x.id === t)?.name) || t);
  return `${id} (${names.join(', ')})`;
}

export function describeMove(scenario: Scenario, move: Move): string {
  const who = sideName(scenario, move.side);
  const cards = (ids: string[]) => (ids.length ? ids.map((id) => cardTitle(scenario, id)).join('; ') : 'nothing');
  switch (move.type) {
    case 'statement':
      return `${who} made a ${move.tone} statement.`;
    case 'openChannel':
      return `${who} asked to open ${textOf(scenario.channels.find((c) => c.id === move.channel)?.name) || move.channel}.`;
    case 'propose':
      return `${who} proposed a ${move.format ?? 'bilateral'} package: gives ${cards(move.give)}; asks ${cards(move.ask)}.`;
    case 'counter':
      return `${who} countered: gives ${cards(move.give)}; asks ${cards(move.ask)}.`;
    case 'pass':
      return `${who} passed: no proposal this turn.`;
    case 'accept':
      return `${who} accepted the package.`;
    case 'reject':
      return `${who} rejected the package.`;
    case 'implement':
    case 'delay':
    case 'defect':
    case 'verify':
      return `${who} chose to ${move.type} agreement ${move.agreement}.`;
    case 'done':
      return `${who} finished the implementation phase.`;
  }
}

export const PHASE_NAME: Record<string, string> = {
  briefing: 'Briefing',
  statements: 'Public statements',
  proposals: 'Proposals',
  responses: 'Responses',
  implementation: 'Implementation',
  resolution: 'Resolution',
  ended: 'Game over',
};

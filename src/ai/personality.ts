// How a counterpart concedes: the classic time-dependent styles of the negotiation literature
// (Boulware, Conceder), tit-for-tat, and a historical stance per scenario drawn from its article.
import { textOf, type PublicScenario, type Side, type Tone } from '../engine';

export type ConcessionStyle = 'boulware' | 'conceder' | 'tit-for-tat' | 'historical';
export const CONCESSION_STYLES: readonly ConcessionStyle[] = ['boulware', 'conceder', 'tit-for-tat', 'historical'];

/**
 * A side's historical stance. Track patterns match track ids or names, so a stance written for
 * an article applies to whichever scenario draws on it.
 */
export interface Stance {
  /** The article the stance comes from, and the words it takes from it. */
  cite: string;
  quote: string;
  /** The underlying concession curve. */
  style: Exclude<ConcessionStyle, 'historical'>;
  /** Gives on these tracks only once the other side has conceded this much value ("political capital"). */
  capital?: { tracks: RegExp; value: number; why: string };
  /** Never signs a package in which the other side gives nothing. */
  quidProQuo?: { why: string };
  /** Obligations on these tracks are delayed once while trust is low ("bureaucratic delays"). */
  delayOnce?: { tracks: RegExp; why: string };
  /** Proposes in a multilateral format wherever the cards allow it. */
  multilateral?: boolean;
  /** Asks for channels from the first turn. */
  channelsEarly?: boolean;
  /** The statement it prefers when nothing calls for another. */
  tone?: Tone;
  /** Refuses deals that leave its allies alarmed. */
  reassureAllies?: boolean;
}

export interface Personality {
  /** Scenario ids it was written for; it also applies to any scenario whose first source is `cite`. */
  scenarios: string[];
  cite: string;
  sides: Record<Side, Stance>;
}

export const PERSONALITIES: Personality[] = [
  {
    scenarios: ['reset-2009'],
    cite: '004_f5e98c935a2387e5.txt',
    sides: {
      ru: {
        cite: '004_f5e98c935a2387e5.txt',
        quote: 'Moscow will only lean on Tehran if it feels it is earning political capital with the U.S.',
        style: 'boulware',
        capital: { tracks: /iran/i, value: 4, why: 'will only lean on Tehran if it feels it is earning political capital' },
        quidProQuo: { why: 'is allowed to define its own national interests and wants something in return' },
        delayOnce: { tracks: /afghan|transit/i, why: 'bureaucratic delays: one ceremonial flight so far' },
        tone: 'neutral',
      },
      us: {
        cite: '004_f5e98c935a2387e5.txt',
        quote: "The administration is saying there should be no 'quid pro quo' because it's the right thing to do",
        style: 'tit-for-tat',
        reassureAllies: true,
        tone: 'conciliatory',
      },
    },
  },
  {
    scenarios: ['missile-defense-2011', 'rethinking-2011'],
    cite: '001_94fc22702ed82325.txt',
    sides: {
      ru: {
        cite: '001_94fc22702ed82325.txt',
        quote: 'Moscow rightfully wants something in exchange',
        style: 'tit-for-tat',
        quidProQuo: { why: 'rightfully wants something in exchange' },
        capital: { tracks: /afghan|libya|syria|iran/i, value: 3, why: 'will not keep doing favours while its initiatives get the cold shoulder' },
        tone: 'neutral',
      },
      us: {
        cite: '001_94fc22702ed82325.txt',
        quote: 'We are not a threat to Russia, we will not attack Russia',
        style: 'boulware',
        reassureAllies: true,
        tone: 'conciliatory',
      },
    },
  },
  {
    scenarios: ['restart-2013', 'restart-or-repair-2013'],
    cite: '003_77797afe61c87828.txt',
    sides: {
      ru: {
        cite: '003_77797afe61c87828.txt',
        quote: 'leaders sign agreements but citizens fulfill them',
        style: 'tit-for-tat',
        channelsEarly: true,
        multilateral: true,
        tone: 'conciliatory',
      },
      us: {
        cite: '003_77797afe61c87828.txt',
        quote: 'leaders sign agreements but citizens fulfill them',
        style: 'tit-for-tat',
        channelsEarly: true,
        tone: 'conciliatory',
      },
    },
  },
  {
    scenarios: ['limits-2016', 'limits-of-the-possible-2016'],
    cite: '002_280aff484d987049.txt',
    sides: {
      ru: {
        cite: '002_280aff484d987049.txt',
        quote: 'it is vitally important to mute hostile rhetoric, primarily at the official level',
        style: 'tit-for-tat',
        channelsEarly: true,
        multilateral: true,
        tone: 'neutral',
      },
      us: {
        cite: '002_280aff484d987049.txt',
        quote: 'sanctions would be lifted only if the Minsk agreements are implemented',
        style: 'boulware',
        capital: { tracks: /sanction/i, value: 4, why: 'will lift sanctions only once the Minsk agreements are implemented' },
        multilateral: true,
        tone: 'neutral',
      },
    },
  },
  {
    scenarios: ['new-reset-2017'],
    cite: '000_b47f85044d789204.txt',
    sides: {
      ru: {
        cite: '000_b47f85044d789204.txt',
        quote: 'dialogue for the sake of dialogue will never be fruitful',
        style: 'boulware',
        quidProQuo: { why: 'holds that dialogue for the sake of dialogue will never be fruitful' },
        channelsEarly: true,
        tone: 'neutral',
      },
      us: {
        cite: '000_b47f85044d789204.txt',
        quote: 'each side has its own principles and interests that will never be sacrificed',
        style: 'boulware',
        reassureAllies: true,
        channelsEarly: true,
        tone: 'neutral',
      },
    },
  },
];

/** The historical stance of `side` in this scenario, if one was written for it (by id, or by its first source). */
export function stanceFor(scenario: PublicScenario, side: Side): Stance | null {
  const p =
    PERSONALITIES.find((x) => x.scenarios.includes(scenario.id)) ??
    scenario.sources.map((src) => PERSONALITIES.find((x) => x.cite === src.file)).find(Boolean);
  return p ? p.sides[side] : null;
}

/** Track ids of the scenario that a stance's pattern names. */
export function tracksMatching(scenario: PublicScenario, pattern: RegExp): Set<string> {
  return new Set(scenario.tracks.filter((t) => pattern.test(t.id) || pattern.test(textOf(t.name))).map((t) => t.id));
}

/** How fast a style gives ground: the share of the way from its opening demand to its floor, at time t (0..1). */
export function concession(style: Exclude<ConcessionStyle, 'historical'>, t: number): number {
  const x = Math.max(0, Math.min(1, t));
  switch (style) {
    case 'boulware':
      return x ** 4; // holds firm until late
    case 'conceder':
      return x ** 0.4; // gives early
    case 'tit-for-tat':
      return x ** 2; // a slow drift; the rest mirrors the other side
  }
}

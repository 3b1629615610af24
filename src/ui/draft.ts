// The package being built at the table, one for the whole page: the canvas (cards dragged onto the table) and the
// accessible layer (checkboxes, one choice per graded issue) both change and show this one, so they never disagree.
// It holds only the player's choice of cards; what the package would do, and whether it may be sent, is the
// engine's answer (previewFor, whyNot).
import { openCards, type CardDef, type Format, type PackageTerms, type Scenario, type Side, type SideView } from '../engine';

export type Kind = 'give' | 'ask';

/** A card in a hand: one concession, or a graded issue shown as one card whose setting is one of its options. */
export interface HandCard {
  /** The card's id, or `issue:<id>` for a graded issue. */
  key: string;
  issue: string | null;
  /** Its options from the least conceded to the most (one for a plain card). */
  options: CardDef[];
}

/** A side's hand: the cards it may still give (the engine's openCards), the options of an issue grouped on one card, in the scenario's order. */
export function handOf(scenario: Scenario, view: SideView, side: Side): HandCard[] {
  const out: HandCard[] = [];
  const issues = new Map<string, HandCard>();
  // The engine's openCards: on the table, not conceded, no option of a settled issue.
  for (const c of openCards(scenario, view, side)) {
    if (!c.issue) {
      out.push({ key: c.id, issue: null, options: [c] });
      continue;
    }
    let card = issues.get(c.issue);
    if (!card) {
      card = { key: `issue:${c.issue}`, issue: c.issue, options: [] };
      issues.set(c.issue, card);
      out.push(card);
    }
    card.options.push(c);
  }
  for (const card of issues.values()) card.options.sort((a, b) => (a.level ?? 0) - (b.level ?? 0));
  return out;
}

export class PackageDraft {
  readonly give = new Set<string>();
  readonly ask = new Set<string>();
  format: Format = 'bilateral';
  /** The option a graded issue's card is set to while it is still in the hand (its least option until changed). */
  private readonly setting = new Map<string, string>();

  clear(): void {
    this.give.clear();
    this.ask.clear();
    this.setting.clear();
    this.format = 'bilateral';
  }

  get empty(): boolean {
    return this.give.size + this.ask.size === 0;
  }

  terms(): PackageTerms {
    return { give: [...this.give], ask: [...this.ask], format: this.format };
  }

  /** The option of `card` in the package, if any. */
  inPackage(kind: Kind, card: HandCard): CardDef | undefined {
    return card.options.find((o) => this[kind].has(o.id));
  }

  /** The option `card` shows: the one in the package, else the one it is set to. */
  shown(kind: Kind, card: HandCard): CardDef {
    const id = this.inPackage(kind, card)?.id ?? (card.issue ? this.setting.get(card.issue) : undefined);
    return card.options.find((o) => o.id === id) ?? card.options[0];
  }

  /** Put one option of a card on the table (another option of the same issue leaves it: a package holds one). */
  place(kind: Kind, card: HandCard, optionId = this.shown(kind, card).id): void {
    for (const o of card.options) this[kind].delete(o.id);
    this[kind].add(optionId);
    if (card.issue) this.setting.set(card.issue, optionId);
  }

  /** Take a card (whichever of its options) back into the hand. */
  remove(kind: Kind, card: HandCard): void {
    for (const o of card.options) this[kind].delete(o.id);
  }

  toggle(kind: Kind, card: HandCard): void {
    if (this.inPackage(kind, card)) this.remove(kind, card);
    else this.place(kind, card);
  }

  /** Set a graded card to its next (step 1) or previous (−1) option; in the package, the package changes with it. */
  step(kind: Kind, card: HandCard, by: 1 | -1): void {
    if (!card.issue || card.options.length < 2) return;
    const at = card.options.indexOf(this.shown(kind, card));
    const next = card.options[(at + by + card.options.length) % card.options.length];
    if (this.inPackage(kind, card)) this.place(kind, card, next.id);
    else this.setting.set(card.issue, next.id);
  }
}

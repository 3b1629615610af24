// The package built at the table (src/ui/draft.ts): one draft for the canvas and the accessible layer, where a graded
// issue is one card whose setting is one of its options, and a package holds at most one option of an issue.
import { describe, expect, it } from 'vitest';
import { createGame, viewFor, type GameState } from '../../src/engine';
import { handOf, PackageDraft } from '../../src/ui/draft';
import { SCENARIO, must } from '../e2e/saves';
import { advance } from './engine-test-kit';

const start = createGame(SCENARIO, 1);
const hand = (state: GameState = start) => handOf(SCENARIO, viewFor(state, 'us'), 'us');
const warheads = () => hand().find((c) => c.issue === 'start-warheads')!;

describe('a hand of cards', () => {
  it('shows a graded issue as one card holding its options from the least conceded, beside the plain cards', () => {
    const card = warheads();
    expect(card.options.map((o) => o.id)).toEqual(SCENARIO.cards.filter((c) => c.issue === 'start-warheads').sort((a, b) => a.level! - b.level!).map((c) => c.id));
    expect(card.options.length).toBeGreaterThan(1);
    expect(hand().filter((c) => c.issue === 'start-warheads')).toHaveLength(1);
    expect(hand().find((c) => c.key === 'cancel-shield')?.options).toHaveLength(1);
  });

  it('leaves out a card once given, and an issue once one of its options is given', () => {
    const proposals = advance(SCENARIO, start, (g) => g.phase === 'proposals' && g.initiative === 'us');
    const option = warheads().options[1].id;
    const sent = must(proposals, { type: 'propose', side: 'us', give: [option, 'cancel-shield'], ask: ['transit-paperwork'] });
    const signed = must(sent, { type: 'accept', side: 'ru' });
    const after = hand(signed);
    expect(after.find((c) => c.key === 'cancel-shield')).toBeUndefined();
    expect(after.find((c) => c.issue === 'start-warheads')).toBeUndefined();
  });
});

describe('the draft', () => {
  it('holds one option of an issue: placing another, or stepping the setting, replaces it', () => {
    const draft = new PackageDraft();
    const card = warheads();
    const [least, next] = card.options;
    draft.place('give', card);
    expect([...draft.give]).toEqual([least.id]);
    draft.step('give', card, 1);
    expect([...draft.give]).toEqual([next.id]);
    draft.place('give', card, least.id);
    expect([...draft.give]).toEqual([least.id]);
    draft.step('give', card, -1); // from the least, round to the most
    expect([...draft.give]).toEqual([card.options.at(-1)!.id]);
    draft.toggle('give', card);
    expect(draft.empty).toBe(true);
  });

  it('remembers the setting of a card still in the hand, and places the card at that setting', () => {
    const draft = new PackageDraft();
    const card = warheads();
    draft.step('give', card, 1);
    expect(draft.give.size).toBe(0);
    expect(draft.shown('give', card).id).toBe(card.options[1].id);
    draft.toggle('give', card);
    expect([...draft.give]).toEqual([card.options[1].id]);
  });

  it('keeps what is given apart from what is asked, and clears both with the format', () => {
    const draft = new PackageDraft();
    const ask = handOf(SCENARIO, viewFor(start, 'us'), 'ru')[0];
    draft.place('give', warheads());
    draft.place('ask', ask);
    draft.format = 'multilateral';
    expect(draft.terms()).toEqual({ give: [warheads().options[0].id], ask: [ask.options[0].id], format: 'multilateral' });
    draft.clear();
    expect(draft.terms()).toEqual({ give: [], ask: [], format: 'bilateral' });
  });
});

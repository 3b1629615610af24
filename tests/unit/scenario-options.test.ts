// A scenario's own sides, graded options, worth per side and reservation values, as an author writes them:
// the newcomer's example (Indus Waters 1960, sides india and pakistan) checks and plays, and what its options
// and worth say is what the game does.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyMove, createGame, openCards, outcomeOf, type GameState, type Scenario } from '../../src/engine';
import { builtInScenarioFiles, loadScenarioFile } from '../../src/scenario/files';
import { formatProblem, loadScenarioText } from '../../src/scenario/load';
import { runCli } from '../cli-process';
import { advance, play } from './engine-test-kit';

const ROOT = resolve(import.meta.dirname, '../..');
const EXAMPLE = join(ROOT, 'scenarios/examples/indus-waters-1960.yaml');
const text = readFileSync(EXAMPLE, 'utf8');
const notTranslations = <T extends { message: string }>(ps: T[]) => ps.filter((p) => !/Russian translation/.test(p.message));
/** Anything that would tell an author of another negotiation that the game is about the U.S. and Russia. */
const US_RUSSIA = /United States|U\.S\.|\bRussia\b|Washington|Moscow|\((us|ru)\)|"(us|ru)"/;

const load = (source: string, file = EXAMPLE): Scenario => {
  const r = loadScenarioText(source, file);
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
  return r.scenario;
};
const indus = load(text);
/** The game at Pakistan's first proposal (Pakistan moves first). */
const atFirstProposal = (s: Scenario = indus): GameState => advance(s, createGame(s, 1), (g) => g.phase === 'proposals');
const title = (s: Scenario, id: string) => String(s.cards.find((c) => c.id === id)!.title);

describe('the newcomer\'s example: scenarios/examples/indus-waters-1960.yaml', () => {
  it('checks clean, with its own two sides, a three-option issue and a reservation for each side', () => {
    const r = loadScenarioFile(EXAMPLE);
    expect(r.ok ? notTranslations(r.warnings).map(formatProblem) : r.problems.map(formatProblem)).toEqual([]);
    expect(indus.seats).toEqual(['india', 'pakistan']);
    expect(indus.cards.filter((c) => c.issue === 'transition').map((c) => [c.id, c.level])).toEqual([
      ['transition-5', 1],
      ['transition-10', 2],
      ['transition-13', 3],
    ]);
    expect(indus.cards.find((c) => c.id === 'permanent-commission')!.worth).toEqual({ india: 2, pakistan: 2 });
    expect({ india: indus.sides.india.reservation, pakistan: indus.sides.pakistan.reservation }).toEqual({ india: 3, pakistan: 1 });
    // No Washington or Moscow by default: a side without a capital is called by its name.
    expect(indus.sides.pakistan.capital).toBe('Pakistan');
  });

  it('stays out of the built-in menu, which lists the shipped scenarios only', () => {
    expect(builtInScenarioFiles().map((f) => f.replace(/\\/g, '/'))).not.toContainEqual(expect.stringContaining('indus'));
  });

  it('scenario:check --simulate and sim run it, and no message names the United States or Russia', async () => {
    const checked = await runCli('scenario-check.ts', ['--quiet', '--simulate', '1', EXAMPLE]);
    expect(checked.code).toBe(0);
    expect(checked.out).toMatch(/overall: India won \d+% of games, Pakistan \d+%/);
    expect(checked.out + checked.err).not.toMatch(US_RUSSIA);
    const sim = await runCli('sim.ts', [EXAMPLE, '--games', '2', '--second', 'agent:easy']);
    expect(sim.err).toBe('');
    expect(sim.out).toMatch(/India won \d\/2, Pakistan won \d\/2/);
    expect(sim.out).not.toMatch(US_RUSSIA);
  }, 240_000);

  it('a mistake in a custom scenario is told with its own sides, never the United States or Russia', () => {
    const broken = text.replace('side: pakistan\n    track: rivers', 'side: pakistn\n    track: rivers').replace('support.pakistan', 'support.pak');
    const r = loadScenarioText(broken, 'indus.yaml');
    const errors = r.ok ? [] : r.problems.filter((p) => p.severity === 'error').map(formatProblem);
    expect(errors).toEqual([
      expect.stringMatching(/^indus\.yaml:\d+:11: unknown side "pakistn"; did you mean "pakistan"\? \(this scenario's sides are India \(india\) and Pakistan \(pakistan\)/),
      expect.stringMatching(/^indus\.yaml:\d+:18: unknown meter "support\.pak" \("pak" is no side: .* so write support\.india or support\.pakistan\)/),
    ]);
    expect(errors.join('\n')).not.toMatch(US_RUSSIA);
  });
});

describe('graded options in play', () => {
  it('a package holding two options of one issue is refused, with a sentence naming both', () => {
    const g = atFirstProposal();
    expect(g.initiative).toBe('pakistan');
    const r = applyMove(indus, g, { type: 'propose', side: 'pakistan', give: ['eastern-rivers'], ask: ['transition-10', 'transition-13'] });
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toBe(`"${title(indus, 'transition-13')}" and "${title(indus, 'transition-10')}" are options of one issue: a package holds one of them`);
  });

  it('once one option is signed the issue is settled: a later package cannot concede another', () => {
    let g = play(indus, atFirstProposal(), { type: 'propose', side: 'pakistan', give: ['eastern-rivers'], ask: ['transition-10'] }, { type: 'accept', side: 'india' });
    expect(g.given.india).toEqual(['transition-10']);
    g = advance(indus, g, (s) => s.turn === 2 && s.phase === 'proposals');
    expect(g.initiative).toBe('india');
    const r = applyMove(indus, g, { type: 'propose', side: 'india', give: ['transition-13'], ask: ['limited-uses'] });
    expect(r.ok ? '' : r.reason).toBe(`"${title(indus, 'transition-13')}": that issue was settled with "${title(indus, 'transition-10')}" in an earlier agreement`);
    // Another issue is still open.
    expect(applyMove(indus, g, { type: 'propose', side: 'india', give: ['replacement-payment'], ask: ['limited-uses'] }).ok).toBe(true);
  });

  it('the cards a side may still put in a package (openCards, what the hands and the student page show) leave out a settled issue and what was given, and every one of them may be proposed', () => {
    let g = play(indus, atFirstProposal(), { type: 'propose', side: 'pakistan', give: ['eastern-rivers'], ask: ['transition-10'] }, { type: 'accept', side: 'india' });
    g = advance(indus, g, (s) => s.turn === 2 && s.phase === 'proposals');
    const open = openCards(indus, g, 'india').map((c) => c.id);
    expect(open).not.toContain('transition-10');
    expect(open.filter((id) => id.startsWith('transition-'))).toEqual([]);
    expect(open).toContain('replacement-payment');
    for (const id of open) expect(applyMove(indus, g, { type: 'propose', side: 'india', give: [id], ask: ['limited-uses'] }).ok, id).toBe(true);
    expect(openCards(indus, g, 'pakistan').map((c) => c.id)).not.toContain('eastern-rivers');
  });

  it('a red line may name one option: that option cannot be given, the others can', () => {
    const source = text.replace(
      '    priorities: { rivers: 8, works: 2, commission: 4 }\n',
      '    priorities: { rivers: 8, works: 2, commission: 4 }\n    redLines:\n      - card: transition-13\n        why: Thirteen years is too long for our farmers to wait.\n',
    );
    const r = loadScenarioText(source, 'indus.yaml');
    // Valid; the checker only notes that history's deal now holds a concession no game can give.
    expect(r.ok ? notTranslations(r.warnings).map((w) => w.message) : r.problems.map(formatProblem)).toEqual([
      '"transition-13" is a red line of India (india), which no game can give: is it what history agreed?',
    ]);
    const s = load(source);
    const g = atFirstProposal(s);
    const asked = applyMove(s, g, { type: 'propose', side: 'pakistan', give: ['eastern-rivers'], ask: ['transition-13'] });
    expect(asked.ok).toBe(true);
    const accepted = asked.ok ? applyMove(s, asked.state, { type: 'accept', side: 'india' }) : asked;
    expect(accepted.ok ? '' : accepted.reason).toBe(`accepting would cross your red line on "${title(s, 'transition-13')}": Thirteen years is too long for our farmers to wait.`);
    expect(applyMove(s, g, { type: 'propose', side: 'pakistan', give: ['eastern-rivers'], ask: ['transition-10'] }).ok).toBe(true);
  });
});

describe('worth per side', () => {
  /** Pakistan asks India for the permanent commission alone, India accepts and carries it out. */
  const commissionDelivered = (s: Scenario) => {
    let g = play(s, atFirstProposal(s), { type: 'propose', side: 'pakistan', give: [], ask: ['permanent-commission'] }, { type: 'accept', side: 'india' });
    g = advance(s, g, (x) => x.agreements[0]?.obligations.india.status === 'implemented');
    expect(g.agreements[0].obligations.india.status).toBe('implemented');
    return outcomeOf(s, g);
  };
  // The same scenario with the commission's worth left to the default (value × priority ÷ 5, gained by the receiver, lost by the giver).
  const plain = load(text.replace('    worth: { india: 2, pakistan: 2 }          # common value: good for both sides\n', ''));

  it('a concession of common value raises both sides\' scores, each by what its worth says', () => {
    const common = commissionDelivered(indus);
    expect(common.sides.india.parts.deals).toBe(2);
    expect(common.sides.pakistan.parts.deals).toBe(2);
  });

  it('without worth the giver loses what the receiver gains, weighted by each side\'s priority', () => {
    const byDefault = commissionDelivered(plain);
    // value 2: India (commission priority 4) loses 2 × 4 ÷ 5, Pakistan (priority 3) gains 2 × 3 ÷ 5.
    expect(byDefault.sides.india.parts.deals).toBe(-1.6);
    expect(byDefault.sides.pakistan.parts.deals).toBe(1.2);
    // Everything else in the two games is the same, so the scores differ by exactly what worth changed.
    const common = commissionDelivered(indus);
    expect(Math.round((common.sides.india.score - byDefault.sides.india.score) * 10) / 10).toBe(3.6);
    expect(Math.round((common.sides.pakistan.score - byDefault.sides.pakistan.score) * 10) / 10).toBe(0.8);
  });

  it('a stage worth differs by side: the same track stage counts for one side and against the other', () => {
    const flowsCut = indus.tracks.find((t) => t.id === 'rivers')!.stages.find((st) => st.id === 'flows-cut')!;
    expect(flowsCut.worth).toEqual({ india: 0.3, pakistan: -0.6 });
    // Drive the track there and compare each side's progress with the start (deadlock, worth 0 to both).
    const g = createGame(indus, 1);
    const cut: GameState = { ...g, tracks: { ...g.tracks, rivers: { stage: 'flows-cut', since: 1 } } };
    const o = outcomeOf(indus, cut);
    const o0 = outcomeOf(indus, g);
    expect(Math.round((o.sides.india.parts.progress - o0.sides.india.parts.progress) * 10) / 10).toBe(2.4); // 8 × 0.3
    expect(Math.round((o.sides.pakistan.parts.progress - o0.sides.pakistan.parts.progress) * 10) / 10).toBe(-5.4); // 9 × −0.6
  });
});

// The debrief's history, track by track: where this game left each track beside where history did, in the words and
// with the articles of the scenario file's `history.tracks`, and one sentence on how the game differed.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playGame } from '../../src/ai/runner';
import { STRATEGIES } from '../../src/ai/strategies';
import { textOf } from '../../src/engine';
import { builtInScenarioFiles, requireScenario, resolveFromFiles, SCENARIO_DIR } from '../../src/scenario/files';
import { formatProblem, loadScenarioText } from '../../src/scenario/load';
import { historyByTrack, historySentence } from '../../src/ui/debrief/history';

describe('history compared with the game, track by track', () => {
  for (const file of builtInScenarioFiles()) {
    const s = requireScenario(file);
    it(`${s.id}: every track has a row citing its article, and a cooperative game reads differently from a crisis`, () => {
      const cooperative = playGame(s, 1, { us: STRATEGIES.reciprocator, ru: STRATEGIES.reciprocator }).state;
      const crisis = playGame(s, 1, { us: STRATEGIES.hardliner, ru: STRATEGIES.hardliner }).state;
      const rows = historyByTrack(s, cooperative);
      expect(rows.map((r) => r.track)).toEqual(s.tracks.map((t) => t.id));
      for (const r of rows) {
        const h = s.history.tracks[r.track];
        const stage = s.tracks.find((t) => t.id === r.track)!.stages.find((x) => x.id === h.stage)!;
        expect(r.history).toBe(`${textOf(stage.name)}: ${textOf(h.text)}`);
        expect(r.compared).not.toBeNull();
        expect(r.cite.length).toBeGreaterThan(0);
      }
      const a = historySentence(rows);
      const b = historySentence(historyByTrack(s, crisis));
      expect(a).toMatch(/^This game (went further than|stopped where history did|fell short of history)/);
      expect(a).not.toBe(b);
      // Reciprocators get further than history on more tracks than hardliners do.
      const further = (rs: typeof rows) => rs.filter((r) => r.compared === 'further').length;
      expect(further(rows)).toBeGreaterThan(further(historyByTrack(s, crisis)));
    });
  }

  it('the words and the stage come from the file: a variant that moves history moves the comparison', () => {
    const shipped = requireScenario(join(SCENARIO_DIR, 'reset-2009.yaml'));
    const text = [
      'extends: reset-2009',
      'id: reset-2009-variant',
      'history:',
      '  tracks:',
      '    arms:',
      '      stage: verified',
      '      text: In this telling the new treaty was signed, ratified and verified by Christmas.',
    ].join('\n');
    const r = loadScenarioText(text, join(SCENARIO_DIR, 'variant.yaml'), { resolve: resolveFromFiles });
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    // Two conceders stop at the treaty's framework (two reciprocators now verify it: rules 4's START endgame cards).
    const state = playGame(shipped, 2, { us: STRATEGIES.conceder, ru: STRATEGIES.conceder }).state;
    expect(state.tracks.arms.stage).not.toBe('verified');
    const before = historyByTrack(shipped, state).find((x) => x.track === 'arms')!;
    const after = historyByTrack(r.scenario, state).find((x) => x.track === 'arms')!;
    expect(before.history).toBe('Negotiating in Geneva: START expired on December 5 with its replacement still being negotiated.');
    expect(after.history).toBe('Inspectors back at work: In this telling the new treaty was signed, ratified and verified by Christmas.');
    expect(after.compared).toBe('short');
    expect(historySentence(historyByTrack(r.scenario, state))).toMatch(/fell short of history on [^.]*Arms control \(START replacement\)/);
    // A scenario that tells no history of its tracks gets no rows, and no sentence.
    const none = { ...shipped, history: { ...shipped.history, tracks: {} } };
    expect(historyByTrack(none, state)).toEqual([]);
    expect(historySentence([])).toBe('');
  });
});

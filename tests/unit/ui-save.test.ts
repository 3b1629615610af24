// The single-player save and the JSON export carry the rules the game was played under; a save from other
// rules is refused with a message and a fresh start, as a damaged one is (its moves would make another game).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { playGame } from '../../src/ai/runner';
import { STRATEGIES } from '../../src/ai/strategies';
import { RULES_VERSION, logOf } from '../../src/engine';
import { loadScenarioText } from '../../src/scenario/load';
import { gameLogJson } from '../../src/ui/export';
import { SCENARIO_DIR } from '../../src/scenario/files';

// The page's scenario list comes from a build-time module; here a source loads through the checker itself.
vi.mock('../../src/ui/scenarios', () => ({
  loadSource: async (source: { text: string; file: string }) => loadScenarioText(source.text, source.file),
}));
const { SAVE_KEY, SAVE_VERSION, readSave } = await import('../../src/ui/save');

const file = 'reset-2009.yaml';
const text = readFileSync(join(SCENARIO_DIR, file), 'utf8');
const loaded = loadScenarioText(text, file);
if (!loaded.ok) throw new Error(`${file} does not load`);
const { state } = playGame(loaded.scenario, 3, { us: STRATEGIES.reciprocator, ru: STRATEGIES.random });

function saved(fields: Record<string, unknown>): void {
  const save = { version: SAVE_VERSION, source: { file, text, builtIn: true }, settings: { side: 'us', opponent: 'computer', difficulty: 'normal', seed: 3 }, log: logOf(state), ...fields };
  localStorage.setItem(SAVE_KEY, JSON.stringify(save));
}

beforeEach(() => {
  const items = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  });
});
afterEach(() => void vi.unstubAllGlobals());

describe('a saved game and the rules it was played under', () => {
  it('a save under this engine’s rules resumes exactly where it was', async () => {
    saved({ rulesVersion: RULES_VERSION });
    const r = await readSave();
    if (!r?.ok) expect.fail(r ? r.message : 'no save');
    expect(JSON.stringify(r.state)).toBe(JSON.stringify(state));
  });

  it('a save from other rules is refused with a message that names both versions and offers a fresh start', async () => {
    for (const other of [RULES_VERSION + 1, RULES_VERSION - 1]) {
      saved({ rulesVersion: other });
      const r = await readSave();
      expect(r).toEqual({ ok: false, message: expect.stringMatching(new RegExp(`other rules \\(rules version ${other}; .* plays rules ${RULES_VERSION}\\).*fresh start`)) });
    }
  });

  it('a save written before saves said their rules was played under rules 1', async () => {
    saved({});
    const r = await readSave();
    // Rules 2 changed the game (seats, graded options, the historian's pass): a rules-1 save is refused with a sentence.
    expect(RULES_VERSION).toBeGreaterThan(1);
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/other rules \(rules version 1;/) });
  });
});

describe('the game log a teacher downloads', () => {
  it('says which rules its log replays under, beside its format version', () => {
    const json = JSON.parse(gameLogJson(loaded.scenario, state)) as { format: string; version: number; rulesVersion: number; log: unknown };
    expect(json).toMatchObject({ format: 'reset-game-log', version: 2, rulesVersion: RULES_VERSION, log: logOf(state) });
  });
});

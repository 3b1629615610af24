// extends: a variant starts from another scenario and overrides parts of it; lists of things with ids
// merge by id; problems are reported in the file that wrote the value.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { textOf } from '../../src/engine';
import { loadScenarioFile, requireScenario, SCENARIO_DIR } from '../../src/scenario/files';
import { loadScenarioText, type Problem } from '../../src/scenario/load';

const SMALL_FILE = resolve(import.meta.dirname, '../fixtures/scenarios/valid/small.yaml');
const SMALL = readFileSync(SMALL_FILE, 'utf8');
const work = mkdtempSync(join(tmpdir(), 'reset-extends-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** What a page does: it knows some scenarios' texts by name. */
const inMemory = (files: Record<string, string>) => (ref: string) => files[ref];
const errors = (ps: Problem[]) => ps.filter((p) => p.severity === 'error');

describe('extends', () => {
  it('a few lines make a variant: fields override, mappings merge, cards merge by id', () => {
    const variant = `extends: small
id: small-hard
turns: 6
sides:
  ru:
    goal: 7
cards:
  - id: cut-warheads
    value: 2
  - id: extra-inspections
    side: ru
    track: arms
    title: Extra inspections
    text: Let inspectors in twice a year.
    value: 2
`;
    const r = loadScenarioText(variant, 'hard.yaml', { resolve: inMemory({ small: SMALL }) });
    expect(r.ok ? [] : r.problems).toEqual([]);
    if (!r.ok) return;
    const base = requireScenario(SMALL_FILE);
    expect(r.scenario.id).toBe('small-hard');
    expect(r.scenario.turns).toBe(6);
    expect(r.scenario.sides.ru.goal).toBe(7);
    expect(r.scenario.sides.ru.priorities).toEqual(base.sides.ru.priorities);
    expect(r.scenario.sides.us).toEqual(base.sides.us);
    expect(r.scenario.cards.map((c) => c.id)).toEqual([...base.cards.map((c) => c.id), 'extra-inspections']);
    const cut = r.scenario.cards[0];
    expect({ value: cut.value, title: textOf(cut.title), cost: cut.cost }).toEqual({ value: 2, title: 'Cut warheads', cost: 2 });
    expect(r.scenario.tracks).toEqual(base.tracks);
  });

  it('an item with remove: true drops an inherited one', () => {
    const r = loadScenarioText('extends: small\nevents:\n  - { id: spy-scandal, remove: true }\n', 'calm.yaml', { resolve: inMemory({ small: SMALL }) });
    expect(r.ok && r.scenario.events).toEqual([]);
  });

  it('a stage can be changed inside an inherited track', () => {
    const variant = 'extends: small\ntracks:\n  - id: arms\n    stages:\n      signed:\n        value: 0.8\n';
    const r = loadScenarioText(variant, 'v.yaml', { resolve: inMemory({ small: SMALL }) });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.scenario.tracks[0].stages.find((s) => s.id === 'signed')).toMatchObject({ value: 0.8, name: 'Treaty signed' });
  });

  it('a mistake in the variant is reported at its line in the variant, with did-you-mean', () => {
    const variant = 'extends: small\nid: broken-variant\ncards:\n  - id: cut-warheads\n    track: arm\n';
    const r = loadScenarioText(variant, 'variant.yaml', { resolve: inMemory({ small: SMALL }) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(errors(r.problems)).toEqual([{ file: 'variant.yaml', line: 5, column: 12, path: 'cards[0].track', message: 'unknown track "arm"; did you mean "arms"?', severity: 'error' }]);
  });

  it('a problem the variant causes in what it inherits is reported in the base file', () => {
    // Sending SIGN back to "closed" leaves it no way out, and the inherited "open" unreachable.
    const variant = 'extends: small\ntracks:\n  - id: trade\n    stages:\n      closed:\n        on: { SIGN: closed }\n';
    const r = loadScenarioText(variant, 'variant.yaml', { resolve: inMemory({ small: SMALL }) });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(errors(r.problems).map((p) => `${p.file}:${p.line}:${p.column}: ${p.message.split(':')[0]}`)).toEqual([
        'variant.yaml:5:7: stage "closed" of track "trade" cannot be left',
        'small:55:7: stage "open" of track "trade" cannot be reached from its start "closed"',
      ]);
  });

  it('an unknown base, a missing resolver and a circle are errors at the extends line', () => {
    const unknown = loadScenarioText('id: x\nextends: nowhere\n', 'v.yaml', { resolve: inMemory({}) });
    expect(!unknown.ok && unknown.problems[0]).toMatchObject({ line: 2, column: 10, message: expect.stringContaining('unknown scenario "nowhere"') });
    const noResolver = loadScenarioText('extends: small\n', 'v.yaml');
    expect(!noResolver.ok && noResolver.problems[0].message).toContain('extends needs the scenario files, which the game in the browser cannot open');
    const circle = loadScenarioText('extends: b\n', 'a', { resolve: inMemory({ a: 'extends: b\n', b: 'extends: a\n' }) });
    expect(!circle.ok && circle.problems[0].message).toBe('extends goes round in a circle: a -> b -> a');
    const self = loadScenarioText('extends: me\n', 'me', { resolve: inMemory({ me: 'extends: me\n' }) });
    expect(!self.ok && self.problems[0].message).toContain('circle');
  });

  it('a resolver that throws is a message, not an exception', () => {
    const r = loadScenarioText('extends: small\n', 'v.yaml', {
      resolve: () => {
        throw new Error('permission denied');
      },
    });
    expect(!r.ok && r.problems[0].message).toBe('cannot read "small": permission denied');
  });

  it('on disk, extends takes a built-in id or a path relative to the file', () => {
    writeFileSync(join(work, 'base.yaml'), SMALL);
    writeFileSync(join(work, 'by-path.yaml'), 'extends: ./base.yaml\nid: by-path\nturns: 5\n');
    const byPath = loadScenarioFile(join(work, 'by-path.yaml'));
    expect(byPath.ok && [byPath.scenario.id, byPath.scenario.turns]).toEqual(['by-path', 5]);
    writeFileSync(join(work, 'by-id.yaml'), 'extends: reset-2009\nid: reset-2009-long\nturns: 14\n');
    const byId = loadScenarioFile(join(work, 'by-id.yaml'));
    const base = requireScenario(join(SCENARIO_DIR, 'reset-2009.yaml'));
    expect(byId.ok && [byId.scenario.id, byId.scenario.turns, byId.scenario.cards.length]).toEqual(['reset-2009-long', 14, base.cards.length]);
  });
});

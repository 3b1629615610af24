// The authoring guide is followed literally: its walkthrough's YAML blocks, in order, make a scenario
// the checker accepts; its variant example extends a shipped scenario; its reference matches the schema.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createGame, DEFAULT_COUNTERPART, textOf } from '../../src/engine';
import { loadScenarioFile, requireScenario, SCENARIO_DIR } from '../../src/scenario/files';
import { formatProblem } from '../../src/scenario/load';
import { REFERENCE_END, REFERENCE_START, referenceMarkdown, schemaFieldNames, withReference } from '../../src/scenario/schema-doc';
import schema from '../../scenarios/schema.json';
import { runCli } from '../cli-process';

const ROOT = resolve(import.meta.dirname, '../..');
const GUIDE = join(ROOT, 'docs/scenario-authoring.md');
const guide = readFileSync(GUIDE, 'utf8');
const work = mkdtempSync(join(tmpdir(), 'reset-guide-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const section = (from: string, to: string) => guide.slice(guide.indexOf(from), guide.indexOf(to));
const yamlBlocks = (text: string) => [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
const notTranslations = <T extends { message: string }>(ps: T[]) => ps.filter((p) => !/translation/i.test(p.message));

describe('docs/scenario-authoring.md', () => {
  it('the walkthrough, copied block by block into one file, makes a scenario the checker accepts', async () => {
    const blocks = yamlBlocks(section('## Walkthrough', '## Variants'));
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    const file = join(work, 'fishing.yaml');
    writeFileSync(file, blocks.join(''));
    try {
      const r = loadScenarioFile(file);
      expect(r.ok ? notTranslations(r.warnings).map(formatProblem) : r.problems.map(formatProblem)).toEqual([]);
      if (!r.ok) return;
      expect(r.scenario.tracks.map((t) => t.id)).toEqual(['quotas', 'patrols']);
      // Eastland's stance for the computer, with the defaults for what it leaves out.
      expect(r.scenario.seats).toEqual(['westland', 'eastland']);
      expect(r.scenario.sides.eastland.counterpart).toMatchObject({ concession: 'boulware', wants: { tracks: ['patrols'], cards: [] }, tone: { prefers: 'neutral', patience: 1 } });
      expect(createGame(r.scenario, 1).phase).not.toBe('ended');
      // ... and so does the command the guide tells the reader to run.
      const checked = await runCli('scenario-check.ts', ['--quiet', file]);
      expect({ code: checked.code, out: checked.out }).toEqual({ code: 0, out: '' });
    } finally {
      rmSync(file, { force: true });
    }
  });

  it('the variant example extends a shipped scenario in a few lines and changes what it says', () => {
    const [variant] = yamlBlocks(section('## Variants', '## What the checker checks'));
    expect(variant.split('\n').filter((l) => l.trim() && !l.startsWith('#')).length).toBeLessThanOrEqual(15);
    const file = join(work, 'reset-2009-short.yaml');
    writeFileSync(file, variant);
    const r = loadScenarioFile(file);
    expect(r.ok ? notTranslations(r.warnings).map(formatProblem) : r.problems.map(formatProblem)).toEqual([]);
    if (!r.ok) return;
    const base = requireScenario(join(SCENARIO_DIR, 'reset-2009.yaml'));
    expect(r.scenario.id).toBe('reset-2009-short');
    expect(textOf(r.scenario.title)).toBe('Reset 2009 (short version)');
    expect(r.scenario.turns).toBe(10);
    expect(r.scenario.sides.us.goal).toBe(8);
    expect(r.scenario.sides.ru).toEqual(base.sides.ru);
    const card = r.scenario.cards.find((c) => c.id === 'start-md-link')!;
    const baseCard = base.cards.find((c) => c.id === 'start-md-link')!;
    expect({ value: card.value, cost: card.cost, title: card.title }).toEqual({ value: 5, cost: 2, title: baseCard.title });
    expect(r.scenario.cards.map((c) => c.id)).toEqual(base.cards.map((c) => c.id));
  });

  it('the graded options example, saved beside the walkthrough\'s file, checks clean and means what the guide says', () => {
    writeFileSync(join(work, 'fishing.yaml'), yamlBlocks(section('## Walkthrough', '## Variants')).join(''));
    const [example] = yamlBlocks(section('## Graded options', '## Varied briefs'));
    const file = join(work, 'fishing-graded.yaml');
    writeFileSync(file, example);
    try {
      const r = loadScenarioFile(file);
      expect(r.ok ? notTranslations(r.warnings).map(formatProblem) : r.problems.map(formatProblem)).toEqual([]);
      if (!r.ok) return;
      const s = r.scenario;
      // The graded card is three cards of one issue, in the order written; the survey is worth 2 to both sides.
      expect(s.cards.filter((c) => c.issue === 'closed-season').map((c) => `${c.id}:${c.level}:${c.value}`)).toEqual(['season-2-weeks:1:2', 'season-4-weeks:2:3', 'season-6-weeks:3:5']);
      expect(s.cards.some((c) => c.id === 'closed-season')).toBe(false);
      expect(s.cards.find((c) => c.id === 'stock-survey')!.worth).toEqual({ westland: 2, eastland: 2 });
      expect(s.tracks.find((t) => t.id === 'patrols')!.stages.find((st) => st.id === 'patrolling')!.worth).toEqual({ westland: 0.4, eastland: 1 });
      expect([s.sides.westland.reservation, s.sides.eastland.reservation]).toEqual([2, 1]);
    } finally {
      rmSync(join(work, 'fishing.yaml'), { force: true });
    }
  });

  it('the stance and history example extends a shipped scenario and changes only what it says', () => {
    const [variant] = yamlBlocks(section('## What history did', '## What the checker checks'));
    const file = join(work, 'reset-2009-hawkish.yaml');
    writeFileSync(file, variant);
    const r = loadScenarioFile(file);
    expect(r.ok ? notTranslations(r.warnings).map(formatProblem) : r.problems.map(formatProblem)).toEqual([]);
    if (!r.ok) return;
    const base = requireScenario(join(SCENARIO_DIR, 'reset-2009.yaml'));
    const moscow = r.scenario.sides.ru.counterpart!;
    expect(moscow.neverGives.map((n) => n.card)).toEqual(['transit-paperwork']);
    expect(moscow.tone).toEqual({ prefers: 'hostile', patience: 0, mirrorsBelow: 60, memory: 6 });
    // What it does not say is inherited: the rest of Moscow's stance, Washington's, and the other tracks' history.
    expect({ ...moscow, neverGives: [], tone: null }).toEqual({ ...base.sides.ru.counterpart!, neverGives: [], tone: null });
    expect(r.scenario.sides.us.counterpart).toEqual(base.sides.us.counterpart);
    expect(r.scenario.history.tracks.afghanistan.stage).toBe('frozen');
    expect(r.scenario.history.tracks.afghanistan.cite).toEqual(base.history.tracks.afghanistan.cite);
    expect({ ...r.scenario.history.tracks, afghanistan: null }).toEqual({ ...base.history.tracks, afghanistan: null });
    expect(r.scenario.history.deal).toEqual(base.history.deal);
  });

  it('the reference is the one generated from the schema (UPDATE_REFERENCE=1 rewrites it)', () => {
    if (process.env.UPDATE_REFERENCE) writeFileSync(GUIDE, withReference(guide));
    const doc = readFileSync(GUIDE, 'utf8');
    const generated = doc.slice(doc.indexOf(REFERENCE_START) + REFERENCE_START.length, doc.indexOf(REFERENCE_END)).trim();
    expect(generated).toBe(referenceMarkdown());
  });

  it('the defaults the schema gives for the computer\'s stance are the engine\'s own', () => {
    type Node = { properties?: Record<string, { description?: string }> };
    const defs = (schema as unknown as { definitions: Record<string, Node> }).definitions;
    const said = (def: string, field: string) => /Default: ([^.]+)\./.exec(defs[def].properties![field].description ?? '')?.[1];
    const tone = DEFAULT_COUNTERPART.tone;
    expect(['prefers', 'patience', 'mirrorsBelow', 'memory'].map((f) => said('toneReading', f))).toEqual([tone.prefers, tone.patience, tone.mirrorsBelow, tone.memory].map(String));
    expect(['concession', 'multilateral', 'channelsEarly', 'reassureAllies'].map((f) => said('counterpart', f))).toEqual(
      [DEFAULT_COUNTERPART.concession, DEFAULT_COUNTERPART.multilateral, DEFAULT_COUNTERPART.channelsEarly, DEFAULT_COUNTERPART.reassureAllies].map(String),
    );
  });

  it('every field of the schema is in the reference, with a meaning', () => {
    const documented = new Set(schemaFieldNames());
    const missing: string[] = [];
    const undescribed: string[] = [];
    type Node = { properties?: Record<string, Node>; items?: Node; description?: string; $ref?: string };
    const walk = (n: Node, prefix: string) => {
      for (const [name, p] of Object.entries(n.properties ?? {})) {
        const field = prefix + name;
        if (!documented.has(field)) missing.push(field);
        if (!p.description) undescribed.push(field);
        if (!p.$ref && p.properties) walk(p, `${field}.`);
        if (!p.$ref && p.items?.properties) walk(p.items, `${field}[].`);
      }
    };
    walk(schema as Node, '');
    for (const def of Object.values((schema as { definitions: Record<string, Node> }).definitions)) walk(def, '');
    expect(missing).toEqual([]);
    expect(undescribed).toEqual([]);
  });
});

// Random damage to valid scenarios: every result is accepted (and then a game starts from it) or
// rejected with messages that have a place; the checker never throws and never fails on its own.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { createGame, legalMoves, pendingSides } from '../../src/engine';
import { SCENARIO_DIR } from '../../src/scenario/files';
import { loadScenarioText, type LoadResult } from '../../src/scenario/load';

const SMALL = readFileSync(resolve(import.meta.dirname, '../fixtures/scenarios/valid/small.yaml'), 'utf8');
const RESET = readFileSync(join(SCENARIO_DIR, 'reset-2009.yaml'), 'utf8');
const SOURCES = [SMALL, RESET];

function expectWellFormed(r: LoadResult): void {
  if (r.ok) {
    const g = createGame(r.scenario, 1);
    for (const side of pendingSides(g)) legalMoves(r.scenario, g, side);
    return;
  }
  expect(r.problems.length).toBeGreaterThan(0);
  for (const p of r.problems) {
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.column).toBeGreaterThanOrEqual(1);
    expect(p.message.length).toBeGreaterThan(0);
    // The catch-all for our own bugs must never be reached.
    expect(p.message).not.toContain('the checker failed');
  }
}

/** Every path to a value in the data, for picking one to damage. */
function paths(x: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(x)) x.forEach((v, i) => paths(v, [...at, i], out));
  else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) paths(v, [...at, k], out);
  return out;
}

type Damage = { kind: 'replace'; value: unknown } | { kind: 'delete' } | { kind: 'rename'; to: string };

function damage(data: unknown, path: (string | number)[], d: Damage): unknown {
  if (path.length === 0) return d.kind === 'replace' ? d.value : data;
  const copy = structuredClone(data) as Record<string, unknown>;
  let parent: Record<string, unknown> = copy;
  for (const k of path.slice(0, -1)) parent = parent[String(k)] as Record<string, unknown>;
  const last = path[path.length - 1];
  if (d.kind === 'replace') parent[String(last)] = d.value;
  else if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else {
    const v = parent[String(last)];
    delete parent[String(last)];
    if (d.kind === 'rename') parent[d.to] = v;
  }
  return copy;
}

const damageArb: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), value: fc.oneof(fc.anything({ maxDepth: 2 }), fc.integer({ min: -1000, max: 1000 }), fc.constantFrom('', 'us', 'ru', 'talks', 'SIGN', 'trust.us', null, true, [], {})) }),
  fc.record({ kind: fc.constant('delete' as const) }),
  fc.record({ kind: fc.constant('rename' as const), to: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('id', 'SIGN', 'final', 'tittle', 'value')) }),
);

describe('random damage to valid scenarios', () => {
  it('changing, deleting or renaming any one value is accepted or explained, in YAML and JSON', () => {
    const parsed = SOURCES.map((t) => parse(t) as unknown);
    fc.assert(
      fc.property(fc.nat({ max: 1 }), fc.nat(), damageArb, fc.boolean(), (which, pick, d, asJson) => {
        const data = parsed[which];
        const all = paths(data);
        const mutated = damage(data, all[pick % all.length], d);
        const text = asJson ? JSON.stringify(mutated, null, 2) ?? 'null' : stringify(mutated);
        expectWellFormed(loadScenarioText(text, asJson ? 'mutated.json' : 'mutated.yaml'));
      }),
      { numRuns: 300, seed: 20091 },
    );
  });

  it('cutting, inserting and shuffling characters and lines of the text is accepted or explained', () => {
    const edit = fc.oneof(
      fc.record({ op: fc.constant('cut' as const), at: fc.nat(), len: fc.nat({ max: 40 }) }),
      fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(':', '- ', '\t', '  ', '"', "'", '&a ', '*a', '{', ']', '\n', '#', '---\n', '!!binary ', '? ')) }),
      fc.record({ op: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
      fc.record({ op: fc.constant('indent' as const), line: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
    );
    fc.assert(
      fc.property(fc.nat({ max: 1 }), fc.array(edit, { minLength: 1, maxLength: 4 }), (which, edits) => {
        let text = SOURCES[which];
        for (const e of edits) {
          if (e.op === 'cut') {
            const at = e.at % text.length;
            text = text.slice(0, at) + text.slice(at + e.len);
          } else if (e.op === 'insert') {
            const at = e.at % (text.length + 1);
            text = text.slice(0, at) + e.text + text.slice(at);
          } else {
            const lines = text.split('\n');
            if (e.op === 'swapLines') {
              const a = e.a % lines.length;
              const b = e.b % lines.length;
              [lines[a], lines[b]] = [lines[b], lines[a]];
            } else {
              const i = e.line % lines.length;
              lines[i] = e.by >= 0 ? ' '.repeat(e.by) + lines[i] : lines[i].replace(new RegExp(`^ {0,${-e.by}}`), '');
            }
            text = lines.join('\n');
          }
        }
        expectWellFormed(loadScenarioText(text, 'edited.yaml'));
      }),
      { numRuns: 300, seed: 20092 },
    );
  });
});

// Read a scenario file (YAML or JSON): parse, check against scenarios/schema.json, fill defaults.
// Problems come back as data with file, line and column, for people to act on.
import Ajv, { type ErrorObject } from 'ajv';
import { LineCounter, isMap, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { completeScenario, type Scenario, type ScenarioInput } from '../engine';
import schema from '../../scenarios/schema.json';

export interface Problem {
  file: string;
  line: number;
  column: number;
  /** Where in the scenario, e.g. tracks[2].stages.signed.on.SIGN */
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

export type LoadResult = { ok: true; scenario: Scenario; warnings: Problem[] } | { ok: false; problems: Problem[] };

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

export const MAX_SCENARIO_BYTES = 1_000_000;

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}${p.path ? ` (at ${p.path})` : ''}`;
}

/** Parse and check a scenario's text. Never throws for bad input. */
export function loadScenarioText(text: string, file = 'scenario.yaml'): LoadResult {
  const problem = (message: string, line = 1, column = 1, path = ''): Problem => ({ file, line, column, path, message, severity: 'error' });
  if (text.length > MAX_SCENARIO_BYTES)
    return { ok: false, problems: [problem(`the file is ${text.length} bytes; a scenario may be at most ${MAX_SCENARIO_BYTES} bytes`)] };
  if (text.trim() === '') return { ok: false, problems: [problem('the file is empty: a scenario needs at least id, title, turns, sides, tracks and cards')] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return problem(`not valid YAML/JSON: ${e.message.split('\n')[0]}`, pos.line, pos.col);
      }),
    };
  }
  const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
  if (!data || typeof data !== 'object' || Array.isArray(data))
    return { ok: false, problems: [problem('a scenario is a mapping of fields (id, title, turns, ...), not a single value or a list')] };
  if (!validate(data)) {
    return { ok: false, problems: schemaProblems(validate.errors ?? [], doc, lineCounter, file) };
  }
  const refs = referenceProblems(data as unknown as ScenarioInput, doc, lineCounter, file);
  if (refs.length > 0) return { ok: false, problems: refs };
  return { ok: true, scenario: completeScenario(data as unknown as ScenarioInput), warnings: [] };
}

/** The node at a JSON pointer, or its nearest existing parent. */
export function nodeAt(doc: Document, pointer: (string | number)[]): Node | undefined {
  let node: unknown = doc.contents;
  let last: Node | undefined = doc.contents ?? undefined;
  for (const key of pointer) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown })?.value === key);
      if (!pair) return last;
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items[Number(key)];
    } else return last;
    if (node && typeof node === 'object' && 'range' in (node as object)) last = node as Node;
  }
  return last;
}

export function pathText(pointer: (string | number)[]): string {
  return pointer.map((k, i) => (typeof k === 'number' || /^\d+$/.test(String(k)) ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

function positionOf(doc: Document, lc: LineCounter, pointer: (string | number)[]): { line: number; column: number } {
  const node = nodeAt(doc, pointer);
  const offset = node?.range?.[0] ?? 0;
  const pos = lc.linePos(offset);
  return { line: pos.line, column: pos.col };
}

const decodePointer = (p: string): string[] => (p === '' ? [] : p.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')));

function schemaProblems(errors: ErrorObject[], doc: Document, lc: LineCounter, file: string): Problem[] {
  // oneOf produces a cascade; keep the most specific error for each place.
  const byPath = new Map<string, ErrorObject>();
  for (const e of errors) {
    const key = e.instancePath + (e.keyword === 'additionalProperties' ? `/${(e.params as { additionalProperty: string }).additionalProperty}` : '');
    if (e.keyword === 'oneOf' && [...byPath.keys()].some((k) => k.startsWith(e.instancePath))) continue;
    if (!byPath.has(key)) byPath.set(key, e);
  }
  return [...byPath.entries()].map(([key, e]) => {
    const pointer = decodePointer(key);
    const { line, column } = positionOf(doc, lc, pointer);
    return { file, line, column, path: pathText(pointer), message: describe(e), severity: 'error' as const };
  });
}

function describe(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return `missing field "${String(p.missingProperty)}"`;
    case 'additionalProperties':
      return `unknown field "${String(p.additionalProperty)}"`;
    case 'type':
      return `expected ${String(p.type)}`;
    case 'enum':
      return `expected one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'pattern':
      return 'expected a short id: lower-case letters, digits and dashes, starting with a letter';
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
      return `expected a number ${String(p.comparison)} ${String(p.limit)}`;
    case 'oneOf':
      return 'expected text (a string, or { en, ru }) or one of the allowed forms';
    default:
      return e.message ?? 'invalid value';
  }
}

/** References to things that do not exist: tracks, stages, cards, channels, third parties. */
function referenceProblems(s: ScenarioInput, doc: Document, lc: LineCounter, file: string): Problem[] {
  const out: Problem[] = [];
  const add = (pointer: (string | number)[], message: string) => {
    const { line, column } = positionOf(doc, lc, pointer);
    out.push({ file, line, column, path: pathText(pointer), message, severity: 'error' });
  };
  const tracks = new Map(s.tracks.map((t) => [t.id, t]));
  const channels = new Set((s.channels ?? []).map((c) => c.id));
  const parties = new Set((s.thirdParties ?? []).map((t) => t.id));
  s.tracks.forEach((t, i) => {
    if (!(t.start in t.stages)) add(['tracks', i, 'start'], `unknown stage "${t.start}" in track "${t.id}"`);
    for (const [sid, st] of Object.entries(t.stages))
      for (const [ev, tr] of Object.entries(st.on ?? {})) {
        const to = typeof tr === 'string' ? tr : tr!.to;
        if (!(to in t.stages)) add(['tracks', i, 'stages', sid, 'on', ev], `unknown stage "${to}" in track "${t.id}"`);
      }
  });
  s.cards.forEach((c, i) => {
    if (!tracks.has(c.track)) add(['cards', i, 'track'], `unknown track "${c.track}"`);
    for (const ally of Object.keys(c.allies ?? {})) if (!parties.has(ally)) add(['cards', i, 'allies', ally], `unknown third party "${ally}"`);
  });
  (s.events ?? []).forEach((e, i) =>
    (e.effects ?? []).forEach((f, j) => {
      if ('track' in f && !tracks.has(f.track)) add(['events', i, 'effects', j, 'track'], `unknown track "${f.track}"`);
      if ('channel' in f && !channels.has(f.channel)) add(['events', i, 'effects', j, 'channel'], `unknown channel "${f.channel}"`);
    }),
  );
  return out;
}

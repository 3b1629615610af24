// Read a scenario file (YAML or JSON): parse, resolve `extends`, check against scenarios/schema.json
// and for meaning (check.ts), fill defaults. Problems come back as data with file, line and column,
// the line and column of the value in the text the author wrote. Browser-safe: no node: imports.
import Ajv, { type ErrorObject } from 'ajv';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { completeScenario, type Scenario, type ScenarioInput } from '../engine';
import schema from '../../scenarios/schema.json';
import { meaningFindings, type Pointer } from './check';
import { mergeScenarioData } from './extends';
import { closest, didYouMean, shown } from './suggest';

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

/** Another scenario's text for `extends: <ref>` (a built-in id or a path relative to `from`), or undefined if there is none. */
export type ScenarioResolver = (ref: string, from: string) => string | { file: string; text: string } | undefined;

export interface LoadOptions {
  resolve?: ScenarioResolver;
  /** Ids `extends` may name (the built-in scenarios), for "did you mean" when it names another. */
  knownScenarios?: string[];
}

const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
const validate = ajv.compile(schema);

export const MAX_SCENARIO_BYTES = 1_000_000;
/** Deeper than any real scenario (about 8 levels) by far; deeper input is refused before it is walked. */
const MAX_DEPTH = 64;
const MAX_EXTENDS = 8;

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}${p.path ? ` (at ${p.path})` : ''}`;
}

/** One parsed file of an `extends` chain. */
interface Layer {
  file: string;
  doc: Document;
  lc: LineCounter;
  data: Record<string, unknown>;
}

const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

const problemAt = (file: string, message: string, line = 1, column = 1, path = '', severity: Problem['severity'] = 'error'): Problem => ({
  file,
  line,
  column,
  path,
  message,
  severity,
});

/** Parse and check a scenario's text. Never throws for bad input. */
export function loadScenarioText(text: string, file = 'scenario.yaml', options: LoadOptions = {}): LoadResult {
  try {
    return load(text, file, options);
  } catch (e) {
    // A bug of ours, not the author's: still a message, never a stack trace.
    return { ok: false, problems: [problemAt(file, `the checker failed on this file (${(e as Error).message}); please report it`)] };
  }
}

function load(text: string, file: string, options: LoadOptions): LoadResult {
  const chain: Layer[] = [];
  let current: { text: string; file: string } = { text, file };
  for (;;) {
    const parsed = parseLayer(current.text, current.file);
    if ('problems' in parsed) return { ok: false, problems: parsed.problems };
    chain.push(parsed);
    const ref = parsed.data.extends;
    if (ref === undefined) break;
    const at = positionIn(parsed, ['extends']);
    const fail = (message: string) => ({ ok: false as const, problems: [problemAt(parsed.file, message, at.line, at.column, 'extends')] });
    if (typeof ref !== 'string' || ref === '') return fail(`expected the id of a built-in scenario or a relative path, found ${shown(ref)}`);
    if (chain.length > MAX_EXTENDS) return fail(`extends goes more than ${MAX_EXTENDS} files deep`);
    if (!options.resolve) return fail(`cannot read "${ref}" here: extends needs the scenario files, which the game in the browser cannot open (npm run scenario:check, sim and analyze can)`);
    let found: ReturnType<ScenarioResolver>;
    try {
      found = options.resolve(ref, parsed.file);
    } catch (e) {
      return fail(`cannot read "${ref}": ${(e as Error).message}`);
    }
    if (found === undefined) {
      const hint = didYouMean(ref, options.knownScenarios ?? []);
      return fail(`unknown scenario "${ref}" in extends${hint || ': give a built-in id (such as reset-2009) or a path relative to this file'}`);
    }
    const next = typeof found === 'string' ? { text: found, file: ref } : found;
    if (chain.some((l) => l.file === next.file))
      return fail(`extends goes round in a circle: ${[...chain.map((l) => l.file), next.file].map(fileName).join(' -> ')}`);
    current = next;
  }
  // The base first, each file on top of the one it extends.
  let merged: unknown = chain[chain.length - 1].data;
  for (let i = chain.length - 2; i >= 0; i--) merged = mergeScenarioData(merged, chain[i].data);
  const data = { ...(merged as Record<string, unknown>) };
  delete data.extends;

  const locate = (pointer: Pointer, atKey = false) => locateInChain(chain, data, pointer, atKey);
  const across = acrossExtends(chain);
  if (!validate(data)) {
    const problems = schemaProblems(validate.errors ?? [], data, locate, true, across.nearMisses);
    // Pruning oneOf branches must never leave an invalid scenario without a message.
    return { ok: false, problems: inTextOrder([...across.problems, ...(problems.length > 0 ? problems : schemaProblems(validate.errors ?? [], data, locate, false))]) };
  }
  if (across.problems.length > 0) return { ok: false, problems: across.problems };
  const findings = meaningFindings(data as unknown as ScenarioInput);
  const problems = findings.map((f) => {
    const at = locate(f.pointer, f.atKey);
    return problemAt(at.file, f.message, at.line, at.column, at.path, f.severity);
  });
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) return { ok: false, problems: [...errors, ...problems.filter((p) => p.severity !== 'error')] };
  return { ok: true, scenario: completeScenario(data as unknown as ScenarioInput), warnings: problems };
}

function parseLayer(text: string, file: string): Layer | { problems: Problem[] } {
  const fail = (message: string, line = 1, column = 1) => ({ problems: [problemAt(file, message, line, column)] });
  if (typeof text !== 'string') return fail('the file is not text');
  // Editors on Windows may start a UTF-8 file with a byte order mark: not part of the scenario (JSON.parse refused it).
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length > MAX_SCENARIO_BYTES)
    return fail(`the file is ${text.length} characters long; a scenario may be at most ${MAX_SCENARIO_BYTES} (split it, or remove what it repeats)`);
  if (text.trim() === '') return fail('the file is empty: a scenario needs at least id, title, turns, sides, tracks and cards');
  if (text.includes('\u0000')) return fail('the file is not text (it contains NUL bytes): is it a scenario at all?');
  const depth = nestingDepth(text);
  if (depth.depth > MAX_DEPTH) return fail(`the data is nested more than ${MAX_DEPTH} levels deep`, depth.line, depth.column);
  const lc = new LineCounter();
  if (/\.json$/i.test(file) || (!/\.ya?ml$/i.test(file) && /^\s*[{[]/.test(text))) {
    const jsonError = strictJsonError(text);
    if (jsonError) {
      const before = text.slice(0, jsonError.offset ?? 0);
      const pos = { line: before.split('\n').length, col: before.length - before.lastIndexOf('\n') };
      return fail(`not valid JSON: ${jsonError.message}`, pos.line, pos.col);
    }
  }
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true, strict: true });
  if (doc.errors.length > 0) {
    const seen = new Set<number>();
    const problems: Problem[] = [];
    // After the first structural error the parser is guessing; duplicate keys are each their own mistake.
    const firstStructural = doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
    for (const e of doc.errors.filter((x) => x.code === 'DUPLICATE_KEY' || x === firstStructural)) {
      const pos = lc.linePos(e.pos[0]);
      if (seen.has(pos.line)) continue;
      seen.add(pos.line);
      const deeper = e.code === 'BLOCK_AS_IMPLICIT_KEY' ? overIndented(text, pos.line) : undefined;
      if (deeper) {
        if (!seen.has(deeper.line))
          problems.push(problemAt(file, 'bad indentation: this line is indented further than the one before, which already has its value (line it up with the fields above)', deeper.line, deeper.col));
        seen.add(deeper.line);
        continue;
      }
      const unclosed = /end with an? ([}\]])/.exec(e.message)?.[1];
      const opened = unclosed ? openBracket(text, pos.line, unclosed === '}' ? '{' : '[', unclosed) : undefined;
      if (unclosed && opened) {
        problems.push(
          problemAt(file, `a "${unclosed === '}' ? '{' : '['}" opened here is never closed: end it with "${unclosed}"`, opened.line, opened.col),
        );
        continue;
      }
      const noColon = e.code === 'MULTILINE_IMPLICIT_KEY' ? missingColon(text, pos.line) : undefined;
      if (noColon) {
        problems.push(problemAt(file, `no ":" after the field name "${noColon.key}": write ${noColon.key}: and a space, then the value`, pos.line, noColon.col));
        continue;
      }
      const misaligned = e.code === 'BAD_INDENT' && /same column/.test(e.message) ? misalignedLine(text, pos.line) : undefined;
      if (misaligned) {
        problems.push(problemAt(file, misaligned.message, pos.line, misaligned.col));
        continue;
      }
      const at = e.code === 'MISSING_CHAR' && /quote/.test(e.message) ? openQuote(text) ?? pos : pos;
      const lineText = text.split('\n')[at.line - 1] ?? '';
      const twoColons = e.code === 'BLOCK_AS_IMPLICIT_KEY' && (lineText.replace(/"[^"]*"|'[^']*'/g, '').match(/: /g) ?? []).length > 1;
      const key = e.code === 'DUPLICATE_KEY' ? /^["']?([^"':\n]+)/.exec(text.slice(e.pos[0]))?.[1]?.trim() : undefined;
      const message = twoColons
        ? 'two ": " on one line: a value that contains ": " must be in quotes'
        : key
          ? `duplicate key "${key}": each field may appear once in a mapping`
          : yamlMessage(e.code, e.message);
      problems.push(problemAt(file, message, at.line, at.col));
    }
    return { problems };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return fail(/alias/i.test((e as Error).message) ? 'too many aliases (*name) expand to too much data: write the values out' : `cannot read the data: ${(e as Error).message}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    const pos = lc.linePos(doc.contents?.range?.[0] ?? 0);
    return fail(
      `a scenario is a mapping of fields (id, title, turns, ...), found ${shown(data)}${typeof data === 'string' && !/[:\n]/.test(text.trim()) ? ' (is this a YAML file at all?)' : ''}`,
      pos.line,
      pos.col,
    );
  }
  return { file, doc, lc, data: data as Record<string, unknown> };
}

/** JSON.parse's complaint about a .json file, with its offset when the engine gives one. */
function strictJsonError(text: string): { message: string; offset?: number } | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    return { message: message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, ''), offset: at ? Number(at[1]) : undefined };
  }
}

/** A key indented under a line that already has a value (`name: x` then a deeper `start: y`): the deeper line is the mistake. */
function overIndented(text: string, line: number): { line: number; col: number } | undefined {
  const lines = text.split('\n');
  const current = lines[line - 1] ?? '';
  const next = lines[line] ?? '';
  const indent = (l: string) => /^ */.exec(l)![0].length;
  if (/^\s*(- )?[^\s:#][^:#]*:\s+[^\s#]/.test(current) && indent(next) > indent(current) && /^\s*[^\s:#][^:#]*:/.test(next))
    return { line: line + 1, col: indent(next) + 1 };
  return undefined;
}

/** The last bracket before `line` (or on it) that its own line leaves open. */
function openBracket(text: string, line: number, open: string, close: string): { line: number; col: number } | undefined {
  const lines = text.split('\n');
  for (let i = Math.min(line, lines.length) - 1; i >= 0; i--) {
    const code = lines[i].replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, (m) => ' '.repeat(m.length)).replace(/\s#.*$/, '');
    const stack: number[] = [];
    for (let c = 0; c < code.length; c++) {
      if (code[c] === open) stack.push(c);
      else if (code[c] === close) stack.pop();
    }
    if (stack.length > 0) return { line: i + 1, col: stack[0] + 1 };
  }
  return undefined;
}

/** A line that reads as a field without its colon (`leader Prime Minister`): the field name and where it starts. */
function missingColon(text: string, line: number): { key: string; col: number } | undefined {
  const current = text.split('\n')[line - 1] ?? '';
  const m = /^(\s*(?:- )?)([A-Za-z$][\w$-]*)\s+[^:#]*$/.exec(current);
  return m && !current.includes(':') ? { key: m[2], col: m[1].length + 1 } : undefined;
}

/** A line that lines up with neither the field above it nor an outer one: say both columns, so the author sees which line is off. */
function misalignedLine(text: string, line: number): { col: number; message: string } | undefined {
  const lines = text.split('\n');
  const current = lines[line - 1] ?? '';
  const col = /^ */.exec(current)![0].length + 1;
  for (let i = line - 2; i >= 0; i--) {
    if (/^\s*(#.*)?$/.test(lines[i])) continue;
    // The column of the field on that line, after any "- " that starts a list item.
    const above = /^[ -]*/.exec(lines[i])![0].length + 1;
    if (above === col) return undefined;
    return {
      col,
      message: `bad indentation: this line starts at column ${col}, the field on line ${i + 1} at column ${above}; the fields of one mapping must start at the same column (indent with spaces)`,
    };
  }
  return undefined;
}

/** Where a quote that is never closed opens: the first line with an odd number of double quotes. */
function openQuote(text: string): { line: number; col: number } | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const code = lines[i].replace(/\\"/g, '').replace(/\s#.*$/, '');
    const quotes = [...code].filter((c) => c === '"').length;
    if (quotes % 2 === 1) return { line: i + 1, col: code.indexOf('"') + 1 };
  }
  return undefined;
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return `duplicate key: ${first} (each field may appear once in a mapping)`;
    case 'TAB_AS_INDENT':
      return `tab used for indentation: ${first} (indent YAML with spaces)`;
    case 'MISSING_CHAR':
      return `not valid YAML/JSON: ${first} (a quote or bracket opened here is never closed)`;
    default:
      return `bad indentation or structure: ${first} (check the spaces at the start of this line and the one before; YAML indents with spaces)`;
  }
}

/** How deeply brackets and indentation nest, without building anything (so deep input cannot overflow the stack). */
function nestingDepth(text: string): { depth: number; line: number; column: number } {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let inQuote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      line++;
      lineStart = i + 1;
      continue;
    }
    if (inQuote) {
      if (ch === inQuote && text[i - 1] !== '\\') inQuote = '';
      continue;
    }
    if (ch === '"' || (ch === "'" && /[\s[{,:]/.test(text[i - 1] ?? ' '))) inQuote = ch;
    else if (ch === '#' && /\s/.test(text[i - 1] ?? ' ')) {
      const end = text.indexOf('\n', i);
      i = (end < 0 ? text.length : end) - 1;
    } else if (ch === '[' || ch === '{') {
      if (++depth > MAX_DEPTH) return { depth, line, column: i - lineStart + 1 };
    } else if (ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
    else if (i === lineStart) {
      // Indentation depth of block YAML: two columns per level at the very least.
      let j = i;
      while (text[j] === ' ') j++;
      if ((j - i) / 2 > MAX_DEPTH * 2) return { depth: MAX_DEPTH + 1, line, column: 1 };
    }
  }
  return { depth, line, column: 1 };
}

/** The node at a pointer in one document, or undefined if the document does not have it. */
function exactNode(doc: Document, pointer: Pointer, atKey: boolean): Node | undefined {
  let node: unknown = doc.contents;
  for (let i = 0; i < pointer.length; i++) {
    const key = pointer[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : undefined) === String(key));
      if (!pair) return undefined;
      if (atKey && i === pointer.length - 1) return pair.key as Node;
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items[Number(key)];
    } else return undefined;
    if (!node) return undefined;
  }
  return node as Node;
}

/** The node at a JSON pointer, or its nearest existing parent. */
export function nodeAt(doc: Document, pointer: (string | number)[]): Node | undefined {
  for (let n = pointer.length; n >= 0; n--) {
    const node = exactNode(doc, pointer.slice(0, n), false);
    if (node?.range) return node;
  }
  return undefined;
}

/**
 * Where a place in the merged scenario was written: in the file nearest the top of the chain that
 * writes it. List items are matched by id, since merging by id moves them.
 */
function locateInChain(chain: Layer[], merged: unknown, pointer: Pointer, atKey: boolean): Place {
  const translate = (layer: Layer, pointer: Pointer): Pointer | undefined => {
    let m: unknown = merged;
    let d: unknown = layer.data;
    const out: Pointer = [];
    for (const key of pointer) {
      if (Array.isArray(m) && Array.isArray(d)) {
        const item = m[Number(key)] as { id?: unknown } | undefined;
        const idOf = (x: unknown) => (x && typeof x === 'object' ? (x as { id?: unknown }).id : undefined);
        // Same place when it holds the same item (duplicate ids stay apart); else find the item by id.
        const same = idOf(d[Number(key)]) === idOf(item);
        const idx = same || idOf(item) === undefined ? Number(key) : d.findIndex((x) => idOf(x) === idOf(item));
        if (idx < 0 || idx >= d.length) return undefined;
        out.push(idx);
        m = item;
        d = d[idx];
      } else if (m && d && typeof m === 'object' && typeof d === 'object' && !Array.isArray(d)) {
        if (!(String(key) in (d as object))) return undefined;
        out.push(key);
        m = (m as Record<string, unknown>)[String(key)];
        d = (d as Record<string, unknown>)[String(key)];
      } else return undefined;
    }
    return out;
  };
  for (let n = pointer.length; n >= 0; n--) {
    const sub = pointer.slice(0, n);
    for (const layer of chain) {
      const local = translate(layer, sub);
      if (!local) continue;
      const node = exactNode(layer.doc, local, atKey && n === pointer.length);
      if (node?.range) {
        const pos = layer.lc.linePos(node.range[0]);
        // The path in that file's own terms: list items merged by id may sit at another index there.
        return { file: layer.file, line: pos.line, column: pos.col, path: pathText([...local, ...pointer.slice(n)]) };
      }
    }
  }
  return { file: chain[0].file, line: 1, column: 1, path: pathText(pointer) };
}

interface Place {
  file: string;
  line: number;
  column: number;
  path: string;
}

function positionIn(layer: Layer, pointer: Pointer): { line: number; column: number } {
  const node = nodeAt(layer.doc, pointer);
  const pos = layer.lc.linePos(node?.range?.[0] ?? 0);
  return { line: pos.line, column: pos.col };
}

export function pathText(pointer: (string | number)[]): string {
  return pointer.map((k, i) => (typeof k === 'number' || /^\d+$/.test(String(k)) ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

const decodePointer = (p: string): string[] => (p === '' ? [] : p.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')));

/** Of the branches of a oneOf, keep the errors of the branch the author most likely meant. */
function pruneOneOf(errors: ErrorObject[]): ErrorObject[] {
  let kept = errors;
  const done = new Set<string>();
  for (const one of errors.filter((e) => e.keyword === 'oneOf')) {
    // The same oneOf shows up once per outer branch that reached it; judge it once, on all its errors.
    const key = `${one.instancePath} ${one.schemaPath}`;
    if (done.has(key) || !kept.includes(one)) continue;
    done.add(key);
    const prefix = `${one.schemaPath}/`;
    const alternatives = ((one.parentSchema as { oneOf?: { $ref?: string }[] } | undefined)?.oneOf ?? []);
    // A branch that is only a $ref reports its errors at the referenced schema's path (#/definitions/id/type):
    // errors at the value itself from there belong to that branch too.
    const refBranch = (e: ErrorObject) => {
      const i = alternatives.findIndex((b) => typeof b?.$ref === 'string' && e.schemaPath.startsWith(`${b.$ref}/`));
      return i >= 0 && e.instancePath === one.instancePath ? String(i) : undefined;
    };
    const branchOf = (e: ErrorObject) =>
      e.schemaPath.startsWith(prefix) && e.instancePath.startsWith(one.instancePath) ? e.schemaPath.slice(prefix.length).split('/')[0] : refBranch(e);
    const count = alternatives.length;
    const branches = new Map<string, ErrorObject[]>(Array.from({ length: count }, (_, i) => [String(i), []]));
    for (const e of errors) {
      const b = branchOf(e);
      if (b !== undefined) branches.set(b, [...(branches.get(b) ?? []), e]);
    }
    // A branch whose shape is wrong (a type error at the value itself) is not what the author meant;
    // a branch with no errors of its own fails only inside a $ref, whose errors stand on their own.
    const shaped = [...branches.values()].filter((es) => !es.some((e) => e.keyword === 'type' && e.instancePath === one.instancePath));
    const drop = new Set([...branches.values()].flat());
    if (shaped.length > 0) {
      const best = shaped.reduce((a, b) => (b.length < a.length ? b : a));
      best.forEach((e) => drop.delete(e));
      for (const e of errors) if (e.keyword === 'oneOf' && `${e.instancePath} ${e.schemaPath}` === key) drop.add(e);
    }
    kept = kept.filter((e) => !drop.has(e));
  }
  return kept;
}

/** Problems in the order an author reads the file: by line and column, each file in the order it first comes up. */
function inTextOrder(problems: Problem[]): Problem[] {
  const files = [...new Set(problems.map((p) => p.file))];
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => files.indexOf(a.p.file) - files.indexOf(b.p.file) || a.p.line - b.p.line || a.p.column - b.p.column || a.i - b.i)
    .map(({ p }) => p);
}

/** Lists merged by id in `extends`, and what one item of each is called in a message. */
const ID_LISTS: Record<string, string> = { tracks: 'track', cards: 'card', events: 'event', channels: 'channel', thirdParties: 'third party', sources: 'source' };

/**
 * Mistakes only visible across an `extends` chain: `remove: true` for an id the base does not have (it
 * would do nothing), and a new id that is a near miss of an inherited one (meant to change that item,
 * it adds an incomplete new one). The near misses are keyed "cards/<id>", for the schema's messages.
 */
function acrossExtends(chain: Layer[]): { problems: Problem[]; nearMisses: Map<string, string> } {
  const problems: Problem[] = [];
  const nearMisses = new Map<string, string>();
  for (let i = chain.length - 2; i >= 0; i--) {
    let base: unknown = chain[chain.length - 1].data;
    for (let j = chain.length - 2; j > i; j--) base = mergeScenarioData(base, chain[j].data);
    const layer = chain[i];
    for (const [list, kind] of Object.entries(ID_LISTS)) {
      const items = layer.data[list];
      const inherited = (base as Record<string, unknown>)[list];
      if (!Array.isArray(items)) continue;
      const ids = (Array.isArray(inherited) ? inherited : []).map((x) => (x && typeof x === 'object' ? (x as { id?: unknown }).id : undefined)).filter((x): x is string => typeof x === 'string');
      items.forEach((item, k) => {
        const id = item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
        if (typeof id !== 'string' || ids.includes(id)) return;
        if ((item as { remove?: unknown }).remove === true) {
          const at = positionIn(layer, [list, k, 'id']);
          const none = `nothing to remove: the scenario this extends has no ${kind} "${id}"`;
          problems.push(problemAt(layer.file, `${none}${didYouMean(id, ids) || ` (its ${PLURAL_OF[kind] ?? `${kind}s`}: ${ids.join(', ')})`}`, at.line, at.column, pathText([list, k, 'id'])));
        } else {
          const near = closest(id, ids);
          if (near) nearMisses.set(`${list}/${id}`, near);
        }
      });
    }
  }
  return { problems, nearMisses };
}
const PLURAL_OF: Record<string, string> = { 'third party': 'third parties' };

function schemaProblems(
  errors: ErrorObject[],
  data: unknown,
  locate: (p: Pointer, atKey?: boolean) => Place,
  prune = true,
  nearMisses: Map<string, string> = new Map(),
): Problem[] {
  const byPlace = new Map<string, { pointer: Pointer; e: ErrorObject; atKey: boolean; missing: string[]; message?: string }>();
  for (const e of prune ? pruneOneOf(errors) : errors) {
    if (e.keyword === 'if' || e.keyword === 'propertyNames') continue;
    const p = e.params as Record<string, unknown>;
    let pointer: Pointer = decodePointer(e.instancePath);
    let atKey = false;
    if (e.keyword === 'additionalProperties') (pointer = [...pointer, String(p.additionalProperty)]), (atKey = true);
    // A side too many: point at the first one beyond two, where the author can remove it.
    if (e.keyword === 'maxProperties' && key2(pointer) === 'sides') {
      const extra = Object.keys((valueAt(data, pointer) as object) ?? {})[Number(p.limit)];
      if (extra !== undefined) (pointer = [...pointer, extra]), (atKey = true);
    }
    if (e.propertyName !== undefined) (pointer = [...pointer, e.propertyName]), (atKey = true);
    const key = pointer.join('/');
    // One message per place: several missing fields of one item make one message.
    const id = e.keyword === 'required' ? `${key}#required` : key;
    const seen = byPlace.get(id);
    if (!seen) byPlace.set(id, { pointer, e, atKey, missing: e.keyword === 'required' ? [String(p.missingProperty)] : [] });
    else if (e.keyword === 'required' && !seen.missing.includes(String(p.missingProperty))) seen.missing.push(String(p.missingProperty));
  }
  // A required field that is there under a misspelled name is one mistake: "did you mean" says it, "missing" would repeat it.
  // Of the known names, the missing one is the likeliest meant ("ur" for a missing "ru", not "us").
  for (const entry of byPlace.values()) {
    const { pointer, e } = entry;
    if (e.keyword !== 'additionalProperties') continue;
    const known = Object.keys((e.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {});
    const required = byPlace.get(`${pointer.slice(0, -1).join('/')}#required`);
    const name = String(pointer[pointer.length - 1]);
    const missingMeant = required ? closest(name, required.missing, 2) : undefined;
    const meant = missingMeant ?? closest(name, known);
    if (missingMeant) entry.message = `unknown field "${name}"; did you mean "${missingMeant}"?`;
    if (meant && required) required.missing = required.missing.filter((m) => m !== meant);
  }
  return [...byPlace.values()].filter(({ e, missing }) => e.keyword !== 'required' || missing.length > 0).map(({ pointer, e, atKey, missing, message: told }) => {
    // An incomplete new item whose id is close to an inherited one: the author meant to change that one.
    const item = e.keyword === 'required' && pointer.length === 2 && ID_LISTS[String(pointer[0])] ? valueAt(data, pointer) : undefined;
    const itemId = item && typeof item === 'object' ? String((item as { id?: unknown }).id) : '';
    const meant = nearMisses.get(`${String(pointer[0])}/${itemId}`);
    if (meant) {
      const kind = ID_LISTS[String(pointer[0])];
      const at = locate([...pointer, 'id']);
      return problemAt(
        at.file,
        `"${itemId}" is not a ${kind} of the scenario this extends, so it would be a new ${kind}, missing ${missing.map((m) => `"${m}"`).join(', ')}; did you mean "${meant}"?`,
        at.line,
        at.column,
        at.path,
      );
    }
    const at = locate(pointer, atKey);
    const message =
      told ??
      (missing.length > 1
        ? `missing fields ${missing.map((m) => `"${m}"`).join(', ')}`
        : e.keyword === 'required' && missing[0] === 'en' && e.schemaPath.startsWith('#/definitions/text/')
          ? 'missing field "en": the English text is required (ru is its translation)'
          : e.keyword === 'required'
          ? `missing field "${missing[0]}"${fieldHint(e, missing[0])}`
          : describe(e, pointer, data));
    return problemAt(at.file, message, at.line, at.column, at.path);
  });
}

const key2 = (pointer: Pointer) => pointer.join('/');

function valueAt(data: unknown, pointer: Pointer): unknown {
  let v = data;
  for (const k of pointer) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[String(k)] : undefined;
  return v;
}

const typeName = (v: unknown) => (Array.isArray(v) ? 'a list' : v === null ? 'an empty value' : typeof v === 'object' ? 'a mapping' : `${typeof v} ${shown(v)}`);

function describe(e: ErrorObject, pointer: Pointer, data: unknown): string {
  const p = e.params as Record<string, unknown>;
  const found = valueAt(data, pointer);
  const parentSchema = e.parentSchema as { properties?: Record<string, unknown>; description?: string } | undefined;
  switch (e.keyword) {
    case 'required':
      return `missing field "${String(p.missingProperty)}"${fieldHint(e, String(p.missingProperty))}`;
    case 'additionalProperties': {
      const name = String(p.additionalProperty);
      const known = Object.keys(parentSchema?.properties ?? {});
      return `unknown field "${name}"${didYouMean(name, known) || (known.length ? `; expected one of ${known.join(', ')}` : '')}`;
    }
    case 'type':
      return e.schemaPath.startsWith('#/definitions/id/')
        ? `expected an id (lower-case letters, digits and dashes), found ${typeName(found)}`
        : `expected ${article(String(p.type))}, found ${typeName(found)}`;
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map((v) => String(v));
      const name = e.propertyName ?? String(found);
      return `expected one of ${allowed.join(', ')}, found ${e.propertyName !== undefined ? `"${name}"` : shown(found)}${didYouMean(name, allowed)}`;
    }
    case 'pattern': {
      if (!/meter/.test(e.schemaPath))
        return `expected a short id: lower-case letters, digits and dashes, starting with a letter (at most 40), found ${e.propertyName !== undefined ? `"${e.propertyName}"` : shown(found)}${idHint(e.propertyName ?? found)}`;
      const meters = sideMeters(data);
      return `expected a meter (${meters.join(', ')}, allies.<third party id>, escalation), found ${shown(found)}${meterHint(String(found), meters)}`;
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `expected a number ${String(p.comparison)} ${String(p.limit)}, found ${shown(found)}`;
    case 'minLength':
      return `expected text, found an empty string`;
    case 'minItems':
      if (pointer[pointer.length - 1] === 'options')
        return `a card with options has at least ${String(p.limit)} of them, found ${shown(found)}: add another, or make it a plain card with a value`;
      return `expected at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}, found ${shown(found)}`;
    case 'minProperties':
      if (key2(pointer) === 'sides')
        return `a scenario has two sides, found ${Object.keys((found as object) ?? {}).length}: write both under sides, each under its own id (e.g. india: and pakistan:) with at least name and priorities`;
      return `expected at least ${String(p.limit)} ${p.limit === 1 ? 'entry' : 'entries'}, found ${Object.keys((found as object) ?? {}).length}`;
    case 'maxProperties':
      if (pointer[0] === 'sides') {
        const ids = Object.keys((valueAt(data, ['sides']) as object) ?? {});
        return `a scenario has exactly two sides, but sides lists ${ids.length} (${ids.join(', ')}): remove "${String(pointer[1])}", or make it a third party (thirdParties, with a patron among the two sides)`;
      }
      return `expected at most ${String(p.limit)} entries, found ${Object.keys((found as object) ?? {}).length}`;
    case 'oneOf':
      return /text/.test(e.schemaPath)
        ? `expected text (a string, or { en: ..., ru: ... }), found ${typeName(found)}`
        : `expected ${String(parentSchema?.description ?? 'one of the allowed forms').replace(/\.$/, '').replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase())}, found ${typeName(found)}`;
    default:
      return `${e.message ?? 'invalid value'}, found ${shown(found)}`;
  }
}

/** "My Game" or export_quota written as an id would be: my-game, export-quota. */
function idHint(found: unknown): string {
  if (typeof found !== 'string') return '';
  const id = found.trim().toLowerCase().replace(/[\s_.]+/g, '-').replace(/[^a-z0-9-]/g, '').replace(/-+/g, '-').replace(/^-|-$/g, '');
  return id !== found && /^[a-z][a-z0-9-]{0,39}$/.test(id) ? `; did you mean "${id}"?` : '';
}

/** The meters of the scenario's own sides: trust.india, trust.pakistan, support.india, ... */
function sideMeters(data: unknown): string[] {
  const sides = valueAt(data, ['sides']);
  const ids = sides && typeof sides === 'object' && !Array.isArray(sides) ? Object.keys(sides) : [];
  return ['trust', 'support', 'hawks'].flatMap((m) => (ids.length ? ids.map((s) => `${m}.${s}`) : [`${m}.<side id>`]));
}

/** A misspelled meter, or one written the other way round (india.trust for trust.india). */
function meterHint(found: string, sideMeters: string[]): string {
  const meters = [...sideMeters, 'escalation'];
  const swapped = found.split('.').reverse().join('.');
  if (found.includes('.') && meters.includes(swapped.toLowerCase())) return `; did you mean "${swapped.toLowerCase()}"?`;
  return didYouMean(found, meters);
}

const article = (t: string) => ({ integer: 'a whole number', number: 'a number', string: 'text', boolean: 'true or false', object: 'a mapping', array: 'a list' })[t] ?? t;

function fieldHint(e: ErrorObject, field: string): string {
  const props = (e.parentSchema as { properties?: Record<string, { description?: string }> })?.properties;
  const d = props?.[field]?.description;
  return d ? ` (${d.replace(/\.$/, '')})` : '';
}

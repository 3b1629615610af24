// The golden corpus of recorded games (tests/fixtures/golden/): its format, the state's hash, and a
// replay through the engine alone (applyMove and applyInject, never the agents that chose the moves).
// Shared by the test (tests/unit/engine-golden.test.ts) and the recorder (scripts/record-golden.ts).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { applyInject, applyMove, createGame, whyNotInject, type GameState, type Inject, type Move, type Scenario } from '../src/engine';

/** GOLDEN_DIR=<dir> reads and records a corpus elsewhere (to try the recorder without touching the real one). */
export const GOLDEN_DIR = resolve(process.env.GOLDEN_DIR ?? join(import.meta.dirname, 'fixtures/golden'));
export const RECORD_COMMAND = 'npm run golden:record -- --write';

/** One recorded game: everything needed to replay it, and the hashes it must reproduce. */
export interface GoldenLog {
  /** RULES_VERSION of the engine that recorded it. */
  rules: number;
  scenario: string;
  seed: number;
  /** Who chose the moves (a label only: the replay never asks them again). */
  us: string;
  ru: string;
  moves: Move[];
  /** A teacher's injects, each fired when `before` moves have been made. */
  injects?: { before: number; inject: Inject }[];
  /** hashes[i] is the state's hash after i × every moves (hashes[0]: the new game). */
  every: number;
  hashes: string[];
  /** The hash of the state after the last move: the game is over. */
  final: string;
}

/**
 * A stable serialisation of plain data: the JSON the replay test compares byte for byte, with object keys
 * sorted, so that building the same state with its fields in another order (a refactor) hashes the same.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const keys = Object.keys(value).sort();
  let out = '';
  for (const k of keys) {
    const v = (value as Record<string, unknown>)[k];
    if (v === undefined) continue; // as JSON.stringify: an absent field and an undefined one are the same
    out += `${out ? ',' : ''}${JSON.stringify(k)}:${canonicalJson(v)}`;
  }
  return `{${out}}`;
}

/**
 * What defines a game at a moment: the whole state (meters, tracks, channels, agreements, the generator's
 * state, every turn's moves, ledger and news). If the state's shape changes but not the game, map the new
 * shape back to this one here, and the corpus still checks the refactor.
 */
export function gameContent(state: GameState): unknown {
  // Rules 2 added the scenario's seats to the state (the same two ids in every game of a scenario): not the game.
  const { seats: _seats, ...game } = state;
  return game;
}

/** A short hash (64 bits of SHA-256) of the game's content. */
export function stateHash(state: GameState): string {
  return createHash('sha256').update(canonicalJson(gameContent(state))).digest('hex').slice(0, 16);
}

export interface Replayed {
  hashes: string[];
  final: string;
  /** The first move the rules refused, if any (the replay stops there). */
  refused?: { move: number; reason: string };
  state: GameState;
}

/** Replay a log's moves and injects from a new game, hashing the state every `every` moves and at the end. */
export function replayGolden(scenario: Scenario, log: Pick<GoldenLog, 'seed' | 'moves' | 'injects' | 'every'>): Replayed {
  let state = createGame(scenario, log.seed);
  const hashes = [stateHash(state)];
  const injects = [...(log.injects ?? [])];
  for (let i = 0; i < log.moves.length; i++) {
    while (injects.length && injects[0].before === i) {
      // A teacher's inject the scenario no longer allows (an event it dropped) is a departure, not a crash.
      const inject = injects.shift()!.inject;
      const why = whyNotInject(scenario, state, inject);
      if (why !== null) return { hashes, final: '', refused: { move: i + 1, reason: `the inject before it (${inject.kind === 'event' ? `event ${inject.event}` : inject.id}) is refused: ${why}` }, state };
      state = applyInject(scenario, state, inject);
    }
    const r = applyMove(scenario, state, log.moves[i]);
    if (!r.ok) return { hashes, final: '', refused: { move: i + 1, reason: r.reason }, state };
    state = r.state;
    if ((i + 1) % log.every === 0) hashes.push(stateHash(state));
  }
  return { hashes, final: stateHash(state), state };
}

/** Where a replay first departs from the recording, in words; null when it reproduces every hash. */
export function divergence(log: GoldenLog, got: Replayed): { afterMove: number; text: string } | null {
  const last = log.moves.length;
  if (got.refused) return { afterMove: got.refused.move, text: `move ${got.refused.move} of ${last} (${moveWords(log.moves[got.refused.move - 1])}) is now refused: ${got.refused.reason}` };
  const i = log.hashes.findIndex((h, k) => got.hashes[k] !== h);
  if (i === 0) return { afterMove: 0, text: 'the new game already differs, before any move (createGame, the scenario or the first turn’s events)' };
  if (i > 0) {
    const from = (i - 1) * log.every + 1;
    const to = i * log.every;
    const moves = log.moves.slice(from - 1, to).map((m, k) => `${from + k}. ${moveWords(m)}`).join('; ');
    return { afterMove: to, text: `the state first differs after move ${to} of ${last} (it matched after move ${from - 1}); one of moves ${from}–${to} now does something else: ${moves}` };
  }
  if (got.hashes.length !== log.hashes.length) return { afterMove: last, text: `the replay hashed ${got.hashes.length} checkpoints, the recording ${log.hashes.length}` };
  if (got.final !== log.final) {
    const from = (log.hashes.length - 1) * log.every + 1;
    return { afterMove: last, text: `the state first differs at the end, after move ${last} (it matched after move ${from - 1}); moves ${from}–${last}: ${log.moves.slice(from - 1).map((m, k) => `${from + k}. ${moveWords(m)}`).join('; ')}` };
  }
  return null;
}

/** A move in a few words: "us propose give a,b ask c". */
export function moveWords(move: Move | undefined): string {
  if (!move) return 'no move';
  const rest = Object.entries(move)
    .filter(([k]) => k !== 'type' && k !== 'side')
    .map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(',') || '-' : String(v)}`);
  return [move.side, move.type, ...rest].join(' ');
}

/** Who played whom, in which game: "reset-2009, seed 2, hardliner (us) vs agent:hard (ru)". */
export const gameName = (log: GoldenLog) => `${log.scenario}, seed ${log.seed}, ${log.us} (us) vs ${log.ru} (ru)${log.injects?.length ? `, ${log.injects.length} injects` : ''}`;

export const goldenFile = (scenarioId: string) => join(GOLDEN_DIR, `${scenarioId}.jsonl.gz`);

/** The recorded scenario ids (one file each). */
export function goldenScenarios(): string[] {
  if (!existsSync(GOLDEN_DIR)) return [];
  return readdirSync(GOLDEN_DIR)
    .filter((f) => f.endsWith('.jsonl.gz'))
    .map((f) => f.slice(0, -'.jsonl.gz'.length))
    .sort();
}

export function readGolden(scenarioId: string): GoldenLog[] {
  const file = goldenFile(scenarioId);
  if (!existsSync(file)) return [];
  return gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as GoldenLog);
}

/** One log a line, gzip'd: the same logs always give the same bytes. */
export function encodeGolden(logs: GoldenLog[]): Buffer {
  return gzipSync(logs.map((l) => JSON.stringify(l)).join('\n') + '\n', { level: 9 });
}

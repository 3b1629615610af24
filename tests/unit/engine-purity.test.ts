// src/engine is pure and headless: it imports only its own files, xstate and immer, and reads no clock,
// no global randomness and nothing of the browser.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ENGINE = resolve(import.meta.dirname, '../../src/engine');
const files = readdirSync(ENGINE, { recursive: true, encoding: 'utf8' }).filter((f) => /\.[cm]?[jt]sx?$/.test(f));
/** The code without its comments, so that a comment mentioning Math.random does not count. */
const code = (f: string) =>
  readFileSync(join(ENGINE, f), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

const FORBIDDEN: [string, RegExp][] = [
  ['Math.random', /\bMath\s*\.\s*random\b/],
  ['Date', /\bDate\b/],
  ['performance (a clock)', /\bperformance\s*\./],
  ['timers', /\b(setTimeout|setInterval|requestAnimationFrame|queueMicrotask)\b/],
  ['DOM globals', /\b(window|document|navigator|localStorage|sessionStorage|HTMLElement|fetch|XMLHttpRequest|WebSocket)\b/],
  ['phaser', /phaser/i],
  ['howler', /howler|\bHowl\b/],
  ['Node built-ins', /\bprocess\s*\.|\brequire\s*\(/],
];

describe('the engine is pure', () => {
  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  for (const f of files) {
    it(`${f} imports only engine files, xstate and immer, and uses no clock, global randomness or browser API`, () => {
      const src = code(f);
      const imports = [...src.matchAll(/\b(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2]);
      for (const spec of imports) expect(spec, `${f} imports ${spec}`).toMatch(/^(\.\/[\w./-]+|xstate(\/[\w-]+)?|immer)$/);
      for (const [name, pattern] of FORBIDDEN) expect(pattern.test(src), `${f} uses ${name}`).toBe(false);
    });
  }
});

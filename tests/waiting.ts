// Tests wait for the event they need, never for a fixed time: a sleep long enough on an idle machine is too short on
// a loaded one, and a sleep long enough for a loaded one wastes every idle run. Each wait has a generous limit (the
// 2-core machines here run at load average 10+ with other suites) and its error says what it waited for.
// Nothing here imports vitest: unit tests, browser tests and benchmarks share it.
import type { Page } from 'playwright-core';

/**
 * How long a test waits for one event (a page's scene, a heading, a message, a navigation) before it fails: generous,
 * for a loaded 2-core machine. At load average 20 a page that loads in 2 s idle took over 30 s from the dev server.
 * The browser tests' Playwright waits, expect.poll and until() all default to it: a test names no shorter limit.
 */
export const EVENT_TIMEOUT = 60_000;
/**
 * How long one test, or one beforeAll/afterAll, may take (vitest.config.ts): a whole game in a browser took 57 s, and a
 * fixed-size property test 65 s, at load average 16-25 (9-19 s idle). A hang is caught by EVENT_TIMEOUT long before.
 */
export const TEST_TIMEOUT = 240_000;

/** Resolve with the first truthy value of `condition` (checked every 20 ms); reject after `timeout` naming `what`. */
export async function until<T>(condition: () => T | Promise<T>, what: string, timeout = EVENT_TIMEOUT): Promise<NonNullable<T>> {
  const deadline = performance.now() + timeout;
  for (;;) {
    const value = await condition();
    if (value) return value as NonNullable<T>;
    if (performance.now() > deadline) throw new Error(`waited ${timeout / 1000} s for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The subset of a Colyseus room (client side) a wait needs. */
interface MessageSource {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  onMessage(type: string, callback: (payload: any) => void): () => void;
}

/**
 * The next message of `type` on `room` that satisfies `predicate`. Call it before the action that causes the message
 * (a message that came earlier is not seen); reject after `timeout` naming what was awaited.
 */
export function nextMessage<T = unknown>(room: MessageSource, type: string, predicate: (payload: T) => boolean = () => true, what = `a "${type}" message`, timeout = EVENT_TIMEOUT): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`waited ${timeout / 1000} s for ${what}`));
    }, timeout);
    const stop = room.onMessage(type, (payload: unknown) => {
      if (!predicate(payload as T)) return;
      clearTimeout(timer);
      stop();
      resolve(payload as T);
    });
  });
}

/**
 * Let `ms` of wall-clock time pass, for the one kind of test that needs it: one that checks that nothing happens
 * while time passes (a timer that must not fire). Load can only make such a wait check less, never fail it.
 * Everything else waits for its event.
 */
export function timePasses(ms: number, why: string): Promise<void> {
  void why; // said at the call, for the reader
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * Wait until a browser page has drawn `frames` more animation frames: what a screenshot needs after a change (the
 * canvas repainted, a tween under way), counted in frames the page really drew rather than in time.
 */
export async function animationFrames(page: Page, frames = 10): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        let left = n;
        const step = () => (--left <= 0 ? resolve() : requestAnimationFrame(step));
        requestAnimationFrame(step);
      }),
    frames,
  );
}

// The classroom server's front door: every HTTP request and WebSocket upgrade passes here before Colyseus or
// express sees it. Same-origin only (plus the addresses of the other processes of a scaled-out server), security
// headers on every answer, bodies refused by their declared size before a byte is read, and only the two
// matchmaking routes a page uses: joinById and reconnect of a room whose id (the join code) the caller sends.
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { createHash, timingSafeEqual } from 'node:crypto';

/** Bytes a request body may have: a session request carries an uploaded scenario (up to 1,000,000 characters). */
export const SESSION_BODY_BYTES = 2_500_000;
/** Everything else: join options (a name, a seat key, a teacher token) and nothing more. */
export const SMALL_BODY_BYTES = 16_384;

/** The only Colyseus matchmaking methods a page calls; join, joinOrCreate and create by room name are refused. */
export const MATCHMAKE_METHODS = ['joinById', 'reconnect'];
const MATCHMAKE_ROUTE = /^\/matchmake\/([^/]+)\/([^/]+)$/;

export interface FrontDoor {
  /** Origins (scheme://host:port) of the other processes sharing this server's Redis: they may call this one. */
  siblings(): string[];
  /** True while the server is stopping: no new sessions, joins or moves. */
  stopping(): boolean;
}

const json = (res: ServerResponse, status: number, error: string) => {
  const body = JSON.stringify({ error });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
};

/** scheme://host[:port] of an Origin header, lower case; null for `null` or garbage. */
export function originOf(header: string | undefined): string | null {
  if (!header || header === 'null') return null;
  try {
    const u = new URL(header);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** The hosts this request was addressed to (its Host, and the X-Forwarded-Host a proxy in front sets). */
const hostsOf = (req: IncomingMessage) =>
  [req.headers.host, ...String(req.headers['x-forwarded-host'] ?? '').split(',')].map((h) => (h ?? '').trim().toLowerCase()).filter(Boolean);

/** No Origin (curl, the Node SDK, a same-origin GET), the page's own origin, or a sibling process's. */
export function originAllowed(req: IncomingMessage, door: FrontDoor): { ok: boolean; sibling: string | null } {
  const header = req.headers.origin;
  if (header === undefined) return { ok: true, sibling: null };
  const origin = originOf(header);
  if (origin === null) return { ok: false, sibling: null };
  if (hostsOf(req).includes(new URL(origin).host)) return { ok: true, sibling: null };
  // By host: behind a TLS proxy the sibling's page is https while the process calls itself http.
  const host = new URL(origin).host;
  const sibling = door.siblings().some((o) => new URL(o).host === host) ? origin : null;
  return { ok: sibling !== null, sibling };
}

/** The Content-Security-Policy the teacher, student and game pages run under. */
export function contentSecurityPolicy(siblings: string[]): string {
  const ws = siblings.map((o) => o.replace(/^http/, 'ws'));
  return [
    "default-src 'self'",
    "script-src 'self'",
    // The game page's loading style is inline, and Phaser and the DOM layer set element styles.
    "style-src 'self' 'unsafe-inline'",
    // Phaser's built-in textures and decoded sounds are data: and blob: URLs.
    "img-src 'self' data: blob:",
    "media-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${[...siblings, ...ws].join(' ')}`.trim(),
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function secure(res: ServerResponse, door: FrontDoor) {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(door.siblings()));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // The teacher link carries its key in the hash and log links carry ?token=: no page sends its address anywhere.
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-site');
}

/** The most a request to this path may carry. */
export const bodyLimitFor = (path: string) => (path === '/api/sessions' ? SESSION_BODY_BYTES : SMALL_BODY_BYTES);

/**
 * Put the front door ahead of every `request` listener already on the server (Colyseus's router and express,
 * which `Server.listen()` attached): a request the door answers never reaches them.
 */
export function installFrontDoor(server: HttpServer, door: FrontDoor) {
  const inner = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    secure(res, door);
    const path = (req.url ?? '/').split('?')[0];
    const { ok, sibling } = originAllowed(req, door);
    if (!ok) return json(res, 403, 'This server answers only its own pages: requests from other sites are refused.');
    if (sibling) {
      // Another process of this server: its pages may reconnect through this one (no cookies: no credentials).
      res.setHeader('Access-Control-Allow-Origin', sibling);
      res.setHeader('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS') {
      if (sibling) {
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
        res.setHeader('Access-Control-Allow-Headers', 'content-type');
        res.setHeader('Access-Control-Max-Age', '600');
      }
      res.writeHead(204, { Allow: 'GET, HEAD, POST' });
      return res.end();
    }
    if (path.startsWith('/matchmake/')) {
      const m = MATCHMAKE_ROUTE.exec(path);
      if (req.method !== 'POST' || !m || !MATCHMAKE_METHODS.includes(m[1])) return json(res, 404, 'There is nothing at this address: a class session is joined with its code.');
    }
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    if (hasBody) {
      const declared = req.headers['content-length'];
      const limit = bodyLimitFor(path);
      const refuse = (status: number, sentence: string) => {
        // Not read: the connection closes instead of draining what the caller keeps sending.
        res.setHeader('Connection', 'close');
        json(res, status, sentence);
        res.once('finish', () => req.socket.destroy());
      };
      if (declared === undefined && req.headers['transfer-encoding'] !== undefined) return refuse(411, 'Send the request with its Content-Length.');
      if (Number(declared ?? 0) > limit) return refuse(413, `The request is too large: this address takes at most ${Math.floor(limit / 1000)} kB.`);
      if (door.stopping()) return json(res, 503, 'The server is stopping: try again in a moment.');
    }
    for (const listener of inner) listener.call(server, req, res);
  });
}

/** For ws's verifyClient: a WebSocket from a foreign page's Origin is refused before the handshake. */
export const upgradeAllowed = (door: FrontDoor) => (info: { req: IncomingMessage }) => !door.stopping() && originAllowed(info.req, door).ok;

/** Compare a typed password with the server's without leaking its length or content through timing. */
export function samePassword(typed: unknown, expected: string): boolean {
  if (typeof typed !== 'string') return false;
  const h = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(h(typed), h(expected));
}

/** Counts per key over a sliding window (per address: sessions created, wrong passwords). */
export class WindowCounter {
  private hits = new Map<string, number[]>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}
  /** How many the key has in the window now. */
  count(key: string, now = Date.now()): number {
    const kept = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (kept.length) this.hits.set(key, kept);
    else this.hits.delete(key);
    return kept.length;
  }
  full(key: string, now = Date.now()) {
    return this.count(key, now) >= this.limit;
  }
  add(key: string, now = Date.now()) {
    this.hits.set(key, [...(this.hits.get(key) ?? []), now]);
  }
}

// A page's link to its class session: join the room, keep rejoining after Wi-Fi drops or a server restart
// (the server replays its tables from the logs, so a fresh join with the seat key or teacher token is enough),
// and number every message so the server can refuse replays. A scaled-out server names its other processes: when
// the one this page came from is gone, the page reconnects through the next live one.
import { Client, type Room } from '@colyseus/sdk';
import { JOIN_CODE } from '../protocol';

export type LinkState = 'connecting' | 'online' | 'reconnecting' | 'refused';

export interface LinkEvents {
  /** Join options, asked again before every attempt (a student's seat key may have been stored meanwhile). */
  auth(): Record<string, unknown>;
  message(type: string, payload: unknown): void;
  state(state: LinkState, detail?: string): void;
}

export interface Link {
  /** Send a message; `seq` is added for messages the server checks for replays. */
  send(type: string, payload?: Record<string, unknown>, numbered?: boolean): boolean;
  close(): Promise<void>;
  readonly state: LinkState;
}

/** The classroom server's address: the page's own origin, or ?server=http://host:port when the pages come from elsewhere. */
export function serverOrigin(): string {
  return new URLSearchParams(location.search).get('server') ?? location.origin;
}

/** The other processes of a scaled-out server, as the last one reached listed them (its /api/info). */
let servers: string[] = [];
/** The process the link last joined through. */
let current: string | null = null;

/** Where this page reaches the class server now: the process its link is on (the page's own origin until then). */
export function currentOrigin(): string {
  return current ?? serverOrigin();
}

/** The other processes this page knows of (for the page's own tests of failover). */
export const knownServers = (): readonly string[] => servers;

/** Every process to try, in order: the one in use, the page's own, then the others the server listed. */
const candidates = () => [...new Set([currentOrigin(), serverOrigin(), ...servers])];

async function learnServers(base: string) {
  const info = (await (await fetch(`${base}/api/info`, { credentials: 'omit' })).json()) as { servers?: string[] };
  // A process names itself http://; a page served over https (a TLS proxy in front) reaches it the same way.
  if (Array.isArray(info.servers)) servers = info.servers.filter((s) => typeof s === 'string' && /^https?:\/\//.test(s)).map((s) => (location.protocol === 'https:' ? s.replace(/^http:/, 'https:') : s));
}

export async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(currentOrigin() + path, init);
  const body = (await res.json().catch(() => ({}))) as T & { error?: string };
  if (!res.ok) throw new Error(body.error ?? `the server answered ${res.status}`);
  return body;
}

export const normalCode = (text: string) => text.trim().toUpperCase().replace(/[^A-Z0-9]/g, '');
export const isJoinCode = (code: string) => JOIN_CODE.test(code);

/** Errors that retrying cannot fix: a wrong teacher link, a missing name, an ended session, an unknown code. */
class Refused extends Error {}
const AUTH_FAILED = 525;

// The server checks numbers per connection; one counter per page keeps them rising across rejoins.
let seq = 0;

export function connect(code: string, events: LinkEvents): Link {
  let room: Room | null = null;
  let next = 0;
  let closed = false;
  let attempt = 0;
  let state: LinkState = 'connecting';
  const setState = (s: LinkState, detail?: string) => {
    state = s;
    events.state(s, detail);
  };

  const join = async () => {
    // After a failure, the next process in the list (a page whose own process died goes on through another).
    const list = candidates();
    const base = list[next % list.length];
    let joined: Room;
    try {
      const open = await fetch(`${base}/api/sessions/${code}/open`, { method: 'POST', credentials: 'omit' });
      if (open.status === 404) throw new Refused(`There is no class session with the code ${code}: check the code your teacher shows.`);
      if (open.status === 410) throw new Refused(((await open.json().catch(() => ({}))) as { error?: string }).error ?? `The class session ${code} has ended.`);
      if (!open.ok) throw new Error(`the server answered ${open.status}`);
      // No cookies are ever needed: the SDK's default (credentials: include) would make CORS to a sibling fail.
      const client = new Client(base, { fetchFn: (url, init) => fetch(url, { ...init, credentials: 'omit' }) });
      joined = await client.joinById(code, events.auth());
    } catch (e) {
      if (!(e instanceof Refused)) next++;
      throw e;
    }
    current = base;
    next = 0;
    void learnServers(base).catch(() => undefined);
    return joined;
  };
  const joinOnce = async () => {
    try {
      return await join();
    } catch (e) {
      const err = e as { code?: number; message?: string };
      if (err.code === AUTH_FAILED) throw new Refused(err.message || 'the server refused to let this page in');
      throw e;
    }
  };

  const run = async () => {
    while (!closed) {
      try {
        const r = await joinOnce();
        if (closed) {
          await r.leave(true);
          return;
        }
        room = r;
        attempt = 0;
        // Colyseus's own reconnection cannot survive a server restart; this loop rejoins with the seat instead.
        r.reconnection.enabled = false;
        r.onMessage('*', (type, payload) => {
          // The server counts per seat, across pages: a new page (or another laptop) numbers on from the seat's last.
          const last = (payload as { lastSeq?: unknown } | null)?.lastSeq;
          if (type === 'welcome' && typeof last === 'number') seq = Math.max(seq, last);
          events.message(String(type), payload);
        });
        r.onLeave((closeCode, reason) => {
          room = null;
          if (closed) return;
          if (closeCode === 4000 || closeCode === 4001) {
            // The server closed this page: the same seat joined from another page (4000), or the teacher removed the student (4001).
            closed = true;
            setState('refused', reason || 'You joined from another page; this one has stopped.');
            return;
          }
          setState('reconnecting');
          void run();
        });
        setState('online');
        return;
      } catch (e) {
        if (e instanceof Refused) {
          closed = true;
          setState('refused', e.message);
          return;
        }
        attempt++;
        setState(attempt === 1 && state === 'connecting' ? 'connecting' : 'reconnecting', (e as Error).message);
        await new Promise((r) => setTimeout(r, Math.min(3000, 250 * 2 ** Math.min(attempt, 4))));
      }
    }
  };
  void run();

  return {
    get state() {
      return state;
    },
    send(type, payload = {}, numbered = false) {
      if (!room || state !== 'online') return false;
      room.send(type, numbered ? { seq: ++seq, ...payload } : payload);
      return true;
    },
    async close() {
      closed = true;
      await room?.leave(true);
    },
  };
}

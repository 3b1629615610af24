// The one place that knows sound files. Everything else calls play('accept') and friends.
// Nothing plays before the player's first real gesture (a trusted pointer or key event): sounds
// asked for earlier are dropped, not queued, and the ambient loop waits for that gesture. howler
// and the audio files load only then (a dynamic import), so they cost nothing at start-up.
export type SoundName = 'proposal' | 'accept' | 'reject' | 'event' | 'meterUp' | 'meterDown' | 'click';
export const SOUND_NAMES: readonly SoundName[] = ['proposal', 'accept', 'reject', 'event', 'meterUp', 'meterDown', 'click'];

export interface SoundSettings {
  muted: boolean;
  volume: number;
}

/** What the sound system has done, for the settings panel and for browser tests. */
export interface SoundStatus {
  /** A trusted user gesture has happened. */
  unlocked: boolean;
  /** howler and the files are loaded. */
  loaded: boolean;
  /** The Web Audio context's state ('none' before howler loads). */
  context: string;
  /** Sounds that started playing on a running context, by name. */
  played: Record<SoundName, number>;
  /** Sounds asked for before the first gesture (dropped) or while muted. */
  dropped: number;
  ambient: boolean;
}

export const SETTINGS_KEY = 'reset.sound.v1';
const DEFAULTS: SoundSettings = { muted: false, volume: 0.6 };

function loadSettings(): SoundSettings {
  try {
    const raw = globalThis.localStorage?.getItem(SETTINGS_KEY);
    if (!raw) return { ...DEFAULTS };
    const v = JSON.parse(raw) as Partial<SoundSettings>;
    return {
      muted: typeof v.muted === 'boolean' ? v.muted : DEFAULTS.muted,
      volume: typeof v.volume === 'number' && Number.isFinite(v.volume) ? clamp01(v.volume) : DEFAULTS.volume,
    };
  } catch {
    return { ...DEFAULTS }; // unreadable or blocked storage: defaults, never an error
  }
}

function saveSettings(): void {
  try {
    globalThis.localStorage?.setItem(SETTINGS_KEY, JSON.stringify(settings));
  } catch {
    // storage full or blocked: the setting lasts for this visit only
  }
}

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));

let settings: SoundSettings = loadSettings();
const status: SoundStatus = {
  unlocked: false,
  loaded: false,
  context: 'none',
  played: Object.fromEntries(SOUND_NAMES.map((n) => [n, 0])) as Record<SoundName, number>,
  dropped: 0,
  ambient: false,
};

type Player = import('./player').Player;
let player: Player | null = null;
let wantAmbient = false;
/** Sounds asked for between the gesture and howler finishing loading (e.g. that very click). */
let pending: SoundName[] = [];

export function soundSettings(): SoundSettings {
  return { ...settings };
}

export function soundStatus(): SoundStatus {
  if (player) status.context = player.contextState();
  return { ...status, played: { ...status.played } };
}

export function setMuted(muted: boolean): void {
  settings = { ...settings, muted };
  saveSettings();
  player?.apply(settings);
}

export function setVolume(volume: number): void {
  settings = { ...settings, volume: clamp01(volume) };
  saveSettings();
  player?.apply(settings);
}

export function play(name: SoundName): void {
  if (!status.unlocked || settings.muted) {
    status.dropped++;
    return;
  }
  if (player) player.play(name);
  else if (pending.length < 4) pending.push(name);
}

/** The quiet music loop: starts now if the player has already interacted, else at the first gesture. */
export function startAmbient(): void {
  wantAmbient = true;
  player?.ambient(true);
}

export function stopAmbient(): void {
  wantAmbient = false;
  player?.ambient(false);
}

const GESTURES = ['pointerdown', 'keydown', 'touchend'] as const;

function onGesture(e: Event): void {
  // Synthetic events (dispatchEvent, scripted clicks) are not a user's gesture.
  if (!e.isTrusted || status.unlocked) return;
  status.unlocked = true;
  for (const g of GESTURES) window.removeEventListener(g, onGesture, true);
  void import('./player').then(({ createPlayer }) => {
    player = createPlayer(settings, (name) => {
      status.played[name]++;
    });
    player.resume();
    status.loaded = true;
    status.context = player.contextState();
    player.onAmbient((on) => (status.ambient = on));
    if (wantAmbient) player.ambient(true);
    for (const n of pending) player.play(n);
    pending = [];
  });
}

if (typeof window !== 'undefined') {
  for (const g of GESTURES) window.addEventListener(g, onGesture, true);
}

// The one place that knows sound files. Everything else calls play('accept') and friends.
// (The sound issue fills in the real files and the ambient loop; this is the interface.)
export type SoundName = 'proposal' | 'accept' | 'reject' | 'event' | 'meterUp' | 'meterDown' | 'click';

export interface SoundSettings {
  muted: boolean;
  volume: number;
}

let settings: SoundSettings = { muted: false, volume: 0.6 };

export function soundSettings(): SoundSettings {
  return { ...settings };
}

export function setMuted(muted: boolean): void {
  settings = { ...settings, muted };
}

export function setVolume(volume: number): void {
  settings = { ...settings, volume: Math.max(0, Math.min(1, volume)) };
}

export function play(_name: SoundName): void {
  // Filled in by the sound module.
}

export function startAmbient(): void {
  // Filled in by the sound module.
}

// howler and the sound files, loaded by sound.ts at the first user gesture (never at start-up).
import { Howl, Howler } from 'howler';
import type { SoundName, SoundSettings } from './sound';
import proposalUrl from '../../assets/audio/proposal.wav?url';
import acceptUrl from '../../assets/audio/accept.wav?url';
import rejectUrl from '../../assets/audio/reject.wav?url';
import eventUrl from '../../assets/audio/event.wav?url';
import meterUpUrl from '../../assets/audio/meterUp.wav?url';
import meterDownUrl from '../../assets/audio/meterDown.wav?url';
import clickUrl from '../../assets/audio/click.wav?url';
import ambientUrl from '../../assets/audio/ambient.wav?url';

const FILES: Record<SoundName, string> = {
  proposal: proposalUrl,
  accept: acceptUrl,
  reject: rejectUrl,
  event: eventUrl,
  meterUp: meterUpUrl,
  meterDown: meterDownUrl,
  click: clickUrl,
};

/** Music sits well under the effects. */
const AMBIENT_LEVEL = 0.25;

export interface Player {
  play(name: SoundName): void;
  ambient(on: boolean): void;
  onAmbient(listener: (on: boolean) => void): void;
  apply(settings: SoundSettings): void;
  resume(): void;
  contextState(): string;
}

export function createPlayer(settings: SoundSettings, onPlayed: (name: SoundName) => void): Player {
  Howler.autoSuspend = false; // the ambient loop keeps the context busy anyway; no surprise suspends
  const running = () => Howler.ctx?.state === 'running';
  const howls = Object.fromEntries(
    (Object.keys(FILES) as SoundName[]).map((name) => {
      const howl = new Howl({ src: [FILES[name]], format: ['wav'], preload: true });
      howl.on('play', () => {
        if (running()) onPlayed(name);
      });
      return [name, howl];
    }),
  ) as Record<SoundName, Howl>;
  const music = new Howl({ src: [ambientUrl], format: ['wav'], loop: true, volume: AMBIENT_LEVEL, preload: true });
  let ambientListener: (on: boolean) => void = () => {};
  music.on('play', () => ambientListener(true));
  music.on('stop', () => ambientListener(false));
  music.on('pause', () => ambientListener(false));

  const apply = (s: SoundSettings) => {
    Howler.volume(s.volume);
    Howler.mute(s.muted);
  };
  apply(settings);

  return {
    play(name) {
      howls[name].play();
    },
    ambient(on) {
      if (on && !music.playing()) music.play();
      if (!on) music.stop();
    },
    onAmbient(listener) {
      ambientListener = listener;
    },
    apply,
    resume() {
      void Howler.ctx?.resume?.();
    },
    contextState() {
      return Howler.ctx?.state ?? 'none';
    },
  };
}

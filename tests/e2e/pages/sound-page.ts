// Test page for src/audio/sound.ts: the real module, real howler, real files.
import { play, setMuted, setVolume, soundSettings, soundStatus, startAmbient } from '../../../src/audio/sound';

const mute = document.querySelector<HTMLInputElement>('#mute')!;
const volume = document.querySelector<HTMLInputElement>('#volume')!;
const out = document.querySelector<HTMLPreElement>('#status')!;

mute.checked = soundSettings().muted;
volume.value = String(soundSettings().volume);
mute.addEventListener('change', () => setMuted(mute.checked));
volume.addEventListener('input', () => setVolume(Number(volume.value)));
document.querySelector('#propose')!.addEventListener('click', () => play('proposal'));

// The game asks for music and sounds from the start; none may be heard before a gesture.
startAmbient();
play('event');
setInterval(() => {
  play('meterUp');
  out.textContent = JSON.stringify(soundStatus());
}, 150);
// A scripted click is not a user's gesture.
document.querySelector<HTMLButtonElement>('#propose')!.click();

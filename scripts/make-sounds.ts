// Synthesises every sound in assets/audio (self-made, CC0): short tones with envelopes and a quiet
// ambient pad loop, written as mono 16-bit WAV. Run: npx tsx scripts/make-sounds.ts
// Deterministic: no randomness except a seeded generator, so re-running gives the same files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const OUT = resolve(import.meta.dirname, '../assets/audio');
const RATE = 22050;

type Voice = (t: number) => number;

/** Attack-decay envelope: rises in `a` seconds, then falls exponentially with time constant `d`. */
const env = (t: number, a: number, d: number) => (t < a ? t / a : Math.exp(-(t - a) / d));
const sine = (f: number, t: number) => Math.sin(2 * Math.PI * f * t);
/** Two-operator FM: a bell or soft brass depending on ratio and index. */
const fm = (f: number, ratio: number, index: number, t: number) => Math.sin(2 * Math.PI * f * t + index * Math.sin(2 * Math.PI * f * ratio * t));

/** A note starting at `at` seconds. */
const note = (at: number, voice: Voice): Voice => (t) => (t < at ? 0 : voice(t - at));
const mix = (...voices: Voice[]): Voice => (t) => voices.reduce((s, v) => s + v(t), 0);

function render(seconds: number, voice: Voice, peak = 0.8, rate = RATE, loop = false): Int16Array {
  const n = Math.round(seconds * rate);
  const raw = new Float64Array(n);
  let max = 1e-9;
  for (let i = 0; i < n; i++) {
    raw[i] = voice(i / rate);
    max = Math.max(max, Math.abs(raw[i]));
  }
  // Short fade-out so no file ends with a click.
  const fade = Math.round(0.01 * rate);
  const out = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    const tail = loop ? 1 : Math.min(1, (n - 1 - i) / fade);
    out[i] = Math.round((raw[i] / max) * peak * tail * 32767);
  }
  return out;
}

function wav(samples: Int16Array, rate = RATE): Buffer {
  const data = samples.length * 2;
  const b = Buffer.alloc(44 + data);
  b.write('RIFF', 0);
  b.writeUInt32LE(36 + data, 4);
  b.write('WAVE', 8);
  b.write('fmt ', 12);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20); // PCM
  b.writeUInt16LE(1, 22); // mono
  b.writeUInt32LE(rate, 24);
  b.writeUInt32LE(rate * 2, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36);
  b.writeUInt32LE(data, 40);
  for (let i = 0; i < samples.length; i++) b.writeInt16LE(samples[i], 44 + i * 2);
  return b;
}

const bell = (f: number, d = 0.25): Voice => (t) => env(t, 0.005, d) * fm(f, 3.5, 2 * env(t, 0.001, d / 2), t);
const soft = (f: number, d = 0.2): Voice => (t) => env(t, 0.01, d) * (sine(f, t) + 0.3 * sine(2 * f, t));

// Each sound is told apart by shape as well as pitch, so it works for listeners who hear pitch poorly.
const sounds: Record<string, { seconds: number; voice: Voice; peak?: number }> = {
  // A package slides across the table: two rising soft notes.
  proposal: { seconds: 0.45, voice: mix(note(0, soft(440, 0.12)), note(0.12, soft(554.4, 0.18))) },
  // Agreement: a bright major triad, arpeggiated upwards.
  accept: { seconds: 0.8, voice: mix(note(0, bell(523.3, 0.3)), note(0.08, bell(659.3, 0.3)), note(0.16, bell(784, 0.4))) },
  // Refusal: a low falling minor second with a buzzier timbre.
  reject: {
    seconds: 0.6,
    voice: mix(note(0, (t) => env(t, 0.01, 0.15) * fm(233.1, 1, 1.5, t)), note(0.15, (t) => env(t, 0.01, 0.25) * fm(220, 1, 1.5, t))),
  },
  // News arrives: a teletype-like triple tick then a bell.
  event: {
    seconds: 0.7,
    voice: mix(
      note(0, (t) => env(t, 0.001, 0.015) * sine(1800, t)),
      note(0.07, (t) => env(t, 0.001, 0.015) * sine(1800, t)),
      note(0.14, (t) => env(t, 0.001, 0.015) * sine(1800, t)),
      note(0.22, bell(880, 0.35)),
    ),
  },
  // A meter rises: a short upward glide.
  meterUp: { seconds: 0.3, voice: (t) => env(t, 0.01, 0.08) * Math.sin(2 * Math.PI * (500 * t + 0.5 * 700 * t * t)) },
  // A meter falls: a short downward glide.
  meterDown: { seconds: 0.3, voice: (t) => env(t, 0.01, 0.08) * Math.sin(2 * Math.PI * (700 * t - 0.5 * 700 * t * t)) },
  // A button: a very short soft click.
  click: { seconds: 0.08, voice: (t) => env(t, 0.001, 0.012) * sine(1200, t), peak: 0.5 },
};

/** Ambient pad: slow chords (Am – F – C – G) of detuned sines, each fading into the next; loops seamlessly. */
function ambient(): Int16Array {
  const rate = 11025; // a low pad needs no more
  const chord = 4; // seconds per chord
  const chords = [
    [220, 261.6, 329.6],
    [174.6, 220, 261.6],
    [130.8, 196, 261.6],
    [196, 246.9, 293.7],
  ];
  const length = chord * chords.length;
  // Every frequency completes whole cycles in the loop, so the end joins the start without a click.
  const whole = (f: number) => Math.round(f * length) / length;
  const voice: Voice = (t) => {
    let s = 0;
    for (let c = 0; c < chords.length; c++) {
      // Distance in time to this chord's centre, wrapping round the loop.
      let dt = t - (c + 0.5) * chord;
      dt -= Math.round(dt / length) * length;
      const w = Math.max(0, Math.cos((Math.PI * dt) / (2 * chord))); // raised-cosine crossfade
      if (w === 0) continue;
      for (const f of chords[c]) s += w * w * (sine(whole(f), t) + sine(whole(f * 1.003), t) + 0.2 * sine(whole(2 * f), t));
    }
    return s * (0.85 + 0.15 * sine(1 / length, t)); // one slow swell per loop
  };
  return render(length, voice, 0.5, rate, true);
}

mkdirSync(OUT, { recursive: true });
for (const [name, s] of Object.entries(sounds)) {
  const file = join(OUT, `${name}.wav`);
  const buf = wav(render(s.seconds, s.voice, s.peak));
  writeFileSync(file, buf);
  console.log(`${name}.wav  ${buf.length} bytes`);
}
const pad = wav(ambient(), 11025);
writeFileSync(join(OUT, 'ambient.wav'), pad);
console.log(`ambient.wav  ${pad.length} bytes`);

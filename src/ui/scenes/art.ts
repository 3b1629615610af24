// The table's drawn art: the room, the negotiating table, the sides' flags and the leaders' portraits, all drawn
// here with the 2D canvas (shapes and gradients, no image files: original work, see assets/LICENSES.md). The table
// scene loads this module when it first opens (import()), so none of it is on the title screen's critical path.
// Every function draws in the table's world units onto a context already scaled to the screen's pixels.
import type { FlagDef } from '../../engine';

type Ctx = CanvasRenderingContext2D;

export function roundRect(ctx: Ctx, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
}

/** The room: a panelled wall in the evening light, the floor under the table. */
export function paintRoom(ctx: Ctx, w: number, h: number): void {
  const wall = ctx.createLinearGradient(0, 0, 0, h);
  wall.addColorStop(0, '#1d3144');
  wall.addColorStop(0.55, '#16283a');
  wall.addColorStop(1, '#0d1a26');
  ctx.fillStyle = wall;
  ctx.fillRect(0, 0, w, h);
  // Wall panels: tall frames with a lighter edge.
  ctx.lineWidth = 1;
  for (let x = 12; x < w; x += 74) {
    ctx.strokeStyle = 'rgba(255,255,255,0.045)';
    ctx.strokeRect(x, 44, 62, h - 60);
    ctx.strokeStyle = 'rgba(0,0,0,0.25)';
    ctx.strokeRect(x + 1, 45, 62, h - 60);
  }
  // A warm light from above the table.
  const light = ctx.createRadialGradient(w * 0.66, h * 0.55, 20, w * 0.66, h * 0.55, w * 0.6);
  light.addColorStop(0, 'rgba(255, 214, 150, 0.10)');
  light.addColorStop(1, 'rgba(255, 214, 150, 0)');
  ctx.fillStyle = light;
  ctx.fillRect(0, 0, w, h);
}

/** The negotiating table: a polished wooden rim around a baize top. */
export function paintTable(ctx: Ctx, x: number, y: number, w: number, h: number): void {
  ctx.save();
  ctx.shadowColor = 'rgba(0,0,0,0.55)';
  ctx.shadowBlur = 18;
  ctx.shadowOffsetY = 6;
  const wood = ctx.createLinearGradient(x, y, x, y + h);
  wood.addColorStop(0, '#6b4226');
  wood.addColorStop(0.5, '#4e2f1a');
  wood.addColorStop(1, '#3a2213');
  ctx.fillStyle = wood;
  roundRect(ctx, x, y, w, h, 22);
  ctx.fill();
  ctx.restore();
  const felt = ctx.createRadialGradient(x + w / 2, y + h / 2, 10, x + w / 2, y + h / 2, Math.max(w, h) * 0.7);
  felt.addColorStop(0, '#24584a');
  felt.addColorStop(1, '#173d33');
  ctx.fillStyle = felt;
  roundRect(ctx, x + 7, y + 7, w - 14, h - 14, 16);
  ctx.fill();
  ctx.strokeStyle = 'rgba(240, 200, 120, 0.35)';
  ctx.lineWidth = 1.5;
  roundRect(ctx, x + 11, y + 11, w - 22, h - 22, 13);
  ctx.stroke();
}

function star(ctx: Ctx, cx: number, cy: number, r: number): void {
  ctx.beginPath();
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 ? r * 0.42 : r;
    ctx.lineTo(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
  }
  ctx.closePath();
  ctx.fill();
}

function emblem(ctx: Ctx, kind: FlagDef['emblem'], cx: number, cy: number, r: number, colour: string, field: string): void {
  ctx.fillStyle = colour;
  switch (kind) {
    case 'star':
      star(ctx, cx, cy, r);
      break;
    case 'stars':
      for (let row = 0; row < 3; row++) for (let col = 0; col < 4; col++) star(ctx, cx - r * 1.2 + col * r * 0.8, cy - r * 0.7 + row * r * 0.7, r * 0.22);
      break;
    case 'circle':
      ctx.beginPath();
      ctx.arc(cx, cy, r * 0.7, 0, 2 * Math.PI);
      ctx.fill();
      break;
    case 'crescent':
      ctx.beginPath();
      ctx.arc(cx, cy, r * 0.75, 0, 2 * Math.PI);
      ctx.fill();
      ctx.fillStyle = field;
      ctx.beginPath();
      ctx.arc(cx + r * 0.28, cy - r * 0.05, r * 0.62, 0, 2 * Math.PI);
      ctx.fill();
      break;
    case 'wheel':
      ctx.strokeStyle = colour;
      ctx.lineWidth = Math.max(0.6, r * 0.12);
      ctx.beginPath();
      ctx.arc(cx, cy, r * 0.7, 0, 2 * Math.PI);
      for (let i = 0; i < 12; i++) {
        ctx.moveTo(cx, cy);
        ctx.lineTo(cx + r * 0.7 * Math.cos((i * Math.PI) / 6), cy + r * 0.7 * Math.sin((i * Math.PI) / 6));
      }
      ctx.stroke();
      break;
    default:
      break;
  }
}

/** A side's flag from its scenario (`flag`: colours, pattern, emblem), with a fold of shade and a thin edge. */
export function paintFlag(ctx: Ctx, flag: FlagDef, x: number, y: number, w: number, h: number): void {
  const c = flag.colours;
  const at = (i: number) => c[Math.min(i, c.length - 1)];
  ctx.save();
  roundRect(ctx, x, y, w, h, 1.5);
  ctx.clip();
  switch (flag.pattern ?? 'bands') {
    case 'bands':
      c.forEach((col, i) => ((ctx.fillStyle = col), ctx.fillRect(x, y + (i * h) / c.length, w, h / c.length + 0.5)));
      break;
    case 'columns':
      c.forEach((col, i) => ((ctx.fillStyle = col), ctx.fillRect(x + (i * w) / c.length, y, w / c.length + 0.5, h)));
      break;
    case 'stripes':
      for (let i = 0; i < 13; i++) ((ctx.fillStyle = at(i % 2)), ctx.fillRect(x, y + (i * h) / 13, w, h / 13 + 0.5));
      ctx.fillStyle = at(2);
      ctx.fillRect(x, y, w * 0.42, (h * 7) / 13);
      break;
    case 'cross':
      ctx.fillStyle = at(0);
      ctx.fillRect(x, y, w, h);
      ctx.fillStyle = at(1);
      ctx.fillRect(x + w * 0.3, y, h * 0.2, h);
      ctx.fillRect(x, y + h * 0.4, w, h * 0.2);
      break;
    case 'diagonal':
      ctx.fillStyle = at(0);
      ctx.fillRect(x, y, w, h);
      ctx.fillStyle = at(1);
      ctx.beginPath();
      ctx.moveTo(x + w, y);
      ctx.lineTo(x + w, y + h);
      ctx.lineTo(x, y + h);
      ctx.closePath();
      ctx.fill();
      break;
  }
  if (flag.emblem && flag.emblem !== 'none') {
    const inCanton = flag.pattern === 'stripes';
    const cx = inCanton ? x + w * 0.21 : x + w / 2;
    const cy = inCanton ? y + (h * 3.5) / 13 : y + h / 2;
    emblem(ctx, flag.emblem, cx, cy, inCanton ? h * 0.22 : h * 0.3, flag.emblemColour ?? (inCanton ? '#ffffff' : at(c.length > 1 ? 1 : 0) === '#ffffff' ? at(0) : '#ffffff'), inCanton ? at(2) : at(0));
  }
  const fold = ctx.createLinearGradient(x, y, x + w, y);
  fold.addColorStop(0, 'rgba(255,255,255,0.12)');
  fold.addColorStop(0.5, 'rgba(0,0,0,0.10)');
  fold.addColorStop(1, 'rgba(255,255,255,0.06)');
  ctx.fillStyle = fold;
  ctx.fillRect(x, y, w, h);
  ctx.restore();
  ctx.strokeStyle = 'rgba(0,0,0,0.5)';
  ctx.lineWidth = 0.8;
  roundRect(ctx, x, y, w, h, 1.5);
  ctx.stroke();
}

/** A small number from a name, so that each leader keeps one face. */
function hash(s: string): number {
  let h = 2166136261;
  for (const ch of s) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return h >>> 0;
}

const SKIN = ['#f1c9a5', '#e0ac82', '#c68a62', '#8d5a3b', '#f5d5bd'];
const HAIR = ['#2b2118', '#5a4030', '#a9a9a9', '#d8d2c4', '#1b1b1b'];

/**
 * A leader as a stylised bust: a face, hair, a dark suit and a tie in the side's colour, before the side's flag. The
 * face and hair come from the leader's name, so each scenario's leaders look the same every time.
 */
export function paintPortrait(ctx: Ctx, leader: string, flag: FlagDef, tie: string, x: number, y: number, w: number, h: number): void {
  const n = hash(leader || 'leader');
  ctx.save();
  roundRect(ctx, x, y, w, h, 8);
  ctx.clip();
  const back = ctx.createLinearGradient(x, y, x, y + h);
  back.addColorStop(0, '#3c5670');
  back.addColorStop(1, '#1c2c3c');
  ctx.fillStyle = back;
  ctx.fillRect(x, y, w, h);
  ctx.globalAlpha = 0.55;
  paintFlag(ctx, flag, x + w * 0.52, y + 6, w * 0.44, w * 0.29);
  ctx.globalAlpha = 1;
  const cx = x + w / 2;
  // Shoulders and suit.
  ctx.fillStyle = '#20262e';
  ctx.beginPath();
  ctx.moveTo(x - 4, y + h);
  ctx.quadraticCurveTo(x + 2, y + h * 0.7, cx - w * 0.16, y + h * 0.66);
  ctx.lineTo(cx + w * 0.16, y + h * 0.66);
  ctx.quadraticCurveTo(x + w - 2, y + h * 0.7, x + w + 4, y + h);
  ctx.closePath();
  ctx.fill();
  // Shirt and tie.
  ctx.fillStyle = '#f2f2f2';
  ctx.beginPath();
  ctx.moveTo(cx - w * 0.13, y + h * 0.66);
  ctx.lineTo(cx + w * 0.13, y + h * 0.66);
  ctx.lineTo(cx, y + h * 0.9);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = tie;
  ctx.beginPath();
  ctx.moveTo(cx - w * 0.035, y + h * 0.68);
  ctx.lineTo(cx + w * 0.035, y + h * 0.68);
  ctx.lineTo(cx + w * 0.05, y + h * 0.86);
  ctx.lineTo(cx, y + h * 0.93);
  ctx.lineTo(cx - w * 0.05, y + h * 0.86);
  ctx.closePath();
  ctx.fill();
  // Neck and face.
  const skin = SKIN[n % SKIN.length];
  ctx.fillStyle = skin;
  ctx.fillRect(cx - w * 0.08, y + h * 0.52, w * 0.16, h * 0.15);
  ctx.beginPath();
  ctx.ellipse(cx, y + h * 0.4, w * 0.2, h * 0.2, 0, 0, 2 * Math.PI);
  ctx.fill();
  // Hair: short, parted, receding or close-cropped.
  const style = (n >> 3) % 4;
  ctx.fillStyle = HAIR[(n >> 6) % HAIR.length];
  ctx.beginPath();
  if (style === 0) ctx.ellipse(cx, y + h * 0.29, w * 0.205, h * 0.11, 0, Math.PI, 2 * Math.PI);
  else if (style === 1) {
    ctx.ellipse(cx, y + h * 0.3, w * 0.21, h * 0.12, 0, Math.PI, 2 * Math.PI);
    ctx.rect(cx - w * 0.21, y + h * 0.3, w * 0.05, h * 0.1);
  } else if (style === 2) {
    ctx.rect(cx - w * 0.205, y + h * 0.33, w * 0.045, h * 0.09);
    ctx.rect(cx + w * 0.16, y + h * 0.33, w * 0.045, h * 0.09);
  } else ctx.ellipse(cx, y + h * 0.27, w * 0.17, h * 0.07, 0, Math.PI, 2 * Math.PI);
  ctx.fill();
  // Eyes, brows and a level mouth: a negotiator's face.
  ctx.fillStyle = '#1e1e1e';
  for (const side of [-1, 1]) {
    ctx.beginPath();
    ctx.arc(cx + side * w * 0.075, y + h * 0.41, Math.max(1, w * 0.017), 0, 2 * Math.PI);
    ctx.fill();
    ctx.fillRect(cx + side * w * 0.075 - w * 0.04, y + h * 0.365, w * 0.08, Math.max(1, h * 0.012));
  }
  ctx.fillRect(cx - w * 0.05, y + h * 0.5, w * 0.1, Math.max(1, h * 0.012));
  if ((n >> 9) % 3 === 0) {
    ctx.strokeStyle = '#1e1e1e';
    ctx.lineWidth = Math.max(0.8, w * 0.012);
    for (const side of [-1, 1]) {
      ctx.beginPath();
      ctx.arc(cx + side * w * 0.075, y + h * 0.41, w * 0.045, 0, 2 * Math.PI);
      ctx.stroke();
    }
  }
  ctx.restore();
  ctx.strokeStyle = 'rgba(240, 200, 120, 0.6)';
  ctx.lineWidth = 2;
  roundRect(ctx, x, y, w, h, 8);
  ctx.stroke();
}

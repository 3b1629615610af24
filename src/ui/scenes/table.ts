// The negotiation table on the canvas: the other leader across the table with what they last said, the meters with
// their causes floating beside them and the package's preview on them, the tracks as lanes with a legend, the score
// against the goal, and the cards: the other side's concessions across the table, your hand in front of you, and the
// package built between them by dragging (or clicking) cards. It draws the engine's view of the seat on screen
// (store.table()) and forwards input as moves or draft changes; the accessible layer shows and does the same.
//
// Everything that stays put between two changes is painted onto the board (./board.ts) with the 2D canvas; Phaser
// draws only what moves (the meter bars, a card being dragged) and takes the pointer through zones. The meters' notes
// are painted onto a board of their own over the first, and faded by the browser.
import Phaser from 'phaser';
import { allNews, otherSide, readMeter, textOf, type CardDef, type Move, type Scenario, type Side, type SigningPreview, type TableView } from '../../engine';
import { play } from '../../audio/sound';
import { store, words, type Change } from '../session';
import { agreementName, causeWords, phaseName, reasonWords, sideColor, sideFlag, sideLabel, signed, trackLabel } from '../labels';
import { handOf, type HandCard, type Kind } from '../draft';
import { W, H, FONT } from './loading';
import { Board, css } from './board';
import { crispScene, zoomOf } from './crisp';
import { REDRAW } from './frames';
import type * as Art from './art';

const UP = '#7fd4ff';
const DOWN = '#ffb27a';
const PROGRESS = 0x009e73;
const BREAKDOWN = 0xd55e00;
type Ctx = CanvasRenderingContext2D;

/** The table's regions, in world units. */
const LEFT = { x: 10, w: 280 };
const RIGHT = { x: 302, w: 590 };
const BAR = { w: 196, h: 10 };
/** A meter's row: its label, its bar, and a line kept free under the bar for the note of its last change. */
const ROW = 40;
/** A meter's label: its font, made smaller down to `min` to keep one line, else two lines `second` apart. */
const LABEL = { size: 11.5, min: 9, second: 11 };
const NOTE = { y: 27, size: 10.5, bold: 9, min: 8, h: 12, w: RIGHT.x - LEFT.x - 10 };
/** How long a meter's note stays, then fades (ms). */
const NOTE_STAYS = 2800;
const NOTE_FADES = 800;
const CARD_H = 66;

interface MeterView {
  path: string;
  label: string;
  /** Where its label starts: above `y` by a line when the label takes two (a long one, as in Russian). */
  labelY: number;
  bar: Phaser.GameObjects.Rectangle;
  ghost: Phaser.GameObjects.Rectangle;
  x: number;
  y: number;
  shown: number;
  colour: number;
  /** A high value is bad (hawks, escalation). */
  inverse: boolean;
}

/** A place on the canvas that takes the pointer: a card, a button, a card's setting. */
export interface Hit {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

interface Press {
  kind: Kind;
  card: HandCard;
  from: 'hand' | 'package';
  x0: number;
  y0: number;
  dragging: boolean;
}

/** Text laid out in a box (its font size and lines), by text, font and box: a cache of measurements, the same for every table. */
const layouts = new Map<string, { size: number; lines: string[] }>();

/** The texts written onto a board's canvas in its last paint (what the table shows, for tests and tools). */
const written = new WeakMap<Ctx, string[]>();
/** Those of them that did not fit their box and were ended with an ellipsis. */
const shortened = new WeakMap<Ctx, string[]>();

/** A text on the board: font, wrapping, and an ellipsis only at a word's end when the lines run out. */
function font(size: number, bold = false, italic = false): string {
  return `${italic ? 'italic ' : ''}${bold ? 'bold ' : ''}${size}px ${FONT}`;
}

/** Words into lines no wider than `width` (a word longer than the line keeps a line of its own, never cut). */
function wrap(ctx: Ctx, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (line && ctx.measureText(next).width > width) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
  }
  return lines;
}

interface TextOpts {
  size?: number;
  min?: number;
  bold?: boolean;
  italic?: boolean;
  colour?: string;
  align?: CanvasTextAlign;
  lines?: number;
  leading?: number;
}

/**
 * Write `text` in a box `width` wide: wrapped, made smaller down to `min` until it fits in `lines` lines, then ended
 * with an ellipsis after the last whole word that fits. Returns the height used.
 */
function write(ctx: Ctx, text: string, x: number, y: number, width: number, o: TextOpts = {}): number {
  written.get(ctx)?.push(text);
  const { size = 13, bold = false, italic = false, colour = '#f2f2f2', align = 'left', lines: max = 1 } = o;
  // The same text in the same box is laid out the same: measuring it again on every repaint cost most of a repaint.
  const key = `${size}|${o.min}|${bold}|${italic}|${max}|${width}|${text}`;
  let known = layouts.get(key);
  if (!known) {
    let s = size;
    let lines: string[] = [];
    for (; s >= (o.min ?? size); s -= 0.5) {
      ctx.font = font(s, bold, italic);
      lines = wrap(ctx, text, width);
      if (lines.length <= max && lines.every((l) => ctx.measureText(l).width <= width)) break;
    }
    s = Math.max(s, o.min ?? size);
    ctx.font = font(s, bold, italic);
    if (lines.length > max) {
      lines = lines.slice(0, max);
      let last = lines[max - 1].split(' ');
      while (last.length > 1 && ctx.measureText(`${last.join(' ')}…`).width > width) last = last.slice(0, -1);
      lines[max - 1] = `${last.join(' ').replace(/[\s,;:—-]+$/, '')}…`;
    }
    known = { size: s, lines };
    if (layouts.size > 4000) layouts.clear();
    layouts.set(key, known);
  }
  const { size: s, lines } = known;
  if (lines.at(-1)?.endsWith('…') && !text.endsWith('…')) shortened.get(ctx)?.push(text);
  ctx.font = font(s, bold, italic);
  ctx.fillStyle = colour;
  ctx.textAlign = align;
  ctx.textBaseline = 'top';
  const lead = o.leading ?? Math.round(s * 1.22);
  const ax = align === 'center' ? x + width / 2 : align === 'right' ? x + width : x;
  lines.forEach((l, i) => ctx.fillText(l, ax, y + i * lead));
  ctx.textAlign = 'left';
  return lines.length * lead;
}

/**
 * A meter's note in its one line: the net change and its biggest causes, as many as fit whole (the rest counted as
 * '(+n more)'; the ledger has them all), in a font made smaller down to NOTE.min before a cause is left out, and
 * shortened when one alone does not fit.
 */
export function noteFor(ctx: Ctx, net: string, causes: string[], more: (n: number) => string, width: number): { line: string; size: number; bold: boolean } {
  let last = '';
  for (let k = Math.min(2, causes.length); k >= 1; k--) {
    const line = `${net}: ${causes.slice(0, k).join('; ')}${causes.length > k ? more(causes.length - k) : ''}`;
    // Bold down to NOTE.bold, then regular down to NOTE.min.
    for (let size = NOTE.size; size >= NOTE.min; size -= 0.5) {
      const bold = size >= NOTE.bold;
      ctx.font = font(size, bold);
      if (ctx.measureText(line).width <= width) return { line, size, bold };
    }
    last = line;
  }
  // Even shortened it does not fit: written in the smallest font, ended by write() with an ellipsis at a word's end.
  return shortenQuote(ctx, last, width) ?? { line: last, size: NOTE.min, bold: false };
}

/** The notes' font sizes, largest first (NOTE.size down to NOTE.min by half points). */
const sizes = (): number[] => Array.from({ length: (NOTE.size - NOTE.min) * 2 + 1 }, (_, i) => NOTE.size - i / 2);

/**
 * One cause longer than the line even in the smallest font (a card's long title quoted in it): the longest quoted
 * title is shortened with an ellipsis until the note fits its line, so that it never runs over the next meter's label.
 * The ledger and the panel keep the cause whole. Null when the line quotes no title or cannot be made to fit.
 */
function shortenQuote(ctx: Ctx, line: string, width: number): { line: string; size: number; bold: boolean } | null {
  // A card's title, not a short quoted word («Ястребы»): cutting that says nothing.
  const quote = [...line.matchAll(/(["«“„])([^"»”“]+)(["»”“])/g)].filter((q) => q[2].length > 16).sort((a, b) => b[2].length - a[2].length)[0];
  if (quote) {
    const [whole, open, title, close] = quote;
    const before = line.slice(0, quote.index);
    const after = line.slice(quote.index + whole.length);
    // The largest font in which enough of the title stays to be recognised (a dozen letters), else the smallest.
    for (const [size, keep] of [...sizes().map((z) => [z, 12] as const), [NOTE.min, 4] as const]) {
      const bold = size >= NOTE.bold;
      ctx.font = font(size, bold);
      for (let n = title.length - 1; n >= keep; n--) {
        const candidate = `${before}${open}${title.slice(0, n).trimEnd()}…${close}${after}`;
        if (ctx.measureText(candidate).width <= width) return { line: candidate, size, bold };
      }
    }
  }
  return null;
}

/** The speech bubble's font for a text: the largest (12 px down to 8.5) at which it is whole in the bubble, by text. */
const bubbleFits = new Map<string, { size: number; lines: number; leading: number }>();
export function bubbleFit(ctx: Ctx, text: string, width: number, height: number): { size: number; lines: number; leading: number } {
  const key = `${width}|${height}|${text}`;
  let fit = bubbleFits.get(key);
  if (!fit) {
    for (let size = 12; size >= 8.5; size -= 0.5) {
      const leading = Math.round(size * 1.18 * 10) / 10;
      const lines = Math.floor(height / leading);
      ctx.font = font(size, false, true);
      fit = { size, lines, leading };
      const wrapped = wrap(ctx, text, width);
      if (wrapped.length <= lines && wrapped.every((l) => ctx.measureText(l).width <= width)) break;
    }
    if (bubbleFits.size > 200) bubbleFits.clear();
    bubbleFits.set(key, fit!);
  }
  return fit!;
}

export class TableScene extends Phaser.Scene {
  private meters = new Map<string, MeterView>();
  private board!: Board;
  /** The meters' notes of the last change, on a board of their own over the table's, faded by CSS: no frames drawn for them. */
  private notes!: Board;
  private noteTimer = 0;
  /** The note on each meter now (a later change replaces a meter's note; the others stay until all fade together). */
  private noteOf = new Map<string, { view: MeterView; net: number; entries: { delta: number; cause: string }[] }>();
  private art: typeof Art | null = null;
  private room: HTMLCanvasElement | null = null;
  private texts: string[] = [];
  private cut: string[] = [];
  /** The meters' notes last painted, and whether write() had to end one with an ellipsis (no title in it could be shortened). */
  private notesPainted: { text: string; cut: boolean }[] = [];
  /** The card whose control has the keyboard focus in the accessible panel: outlined on the table too. */
  private focused: { kind: Kind; id: string } | null = null;
  private zones: Phaser.GameObjects.Zone[] = [];
  private hits: Hit[] = [];
  private off: (() => void) | null = null;
  private reduced = false;
  private press: Press | null = null;
  private ghost: Phaser.GameObjects.Container | null = null;
  /** Where the package is built (and the offer shown), in world units. */
  private zone = { x: RIGHT.x + 8, y: 0, w: RIGHT.w - 16, h: 128 };
  private layout = { tracksY: 40, tableY: 0, theirsY: 0, handY: 0, rowsY: 0, newsY: 0, sides: [] as { side: Side; y: number }[] };
  private paints = 0;

  constructor() {
    super('table');
  }

  /** Where each card and button is on the canvas now (world units), by name: for tests and tools. */
  hitAreas(): Hit[] {
    return this.hits.map((h) => ({ ...h }));
  }

  create() {
    crispScene(this);
    const { scenario } = store.session!;
    const lang = store.language;
    const w = words().canvas;
    this.reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.meters.clear();
    this.hits = [];
    this.zones = [];
    this.press = null;
    this.ghost = null;
    this.board = new Board(this);
    this.notes = new Board(this, 'notes');
    this.noteOf.clear();
    this.events.once('shutdown', () => clearTimeout(this.noteTimer));
    this.room = null;

    // Meters down the left, under the other leader: one block per side, allies under their patron, escalation last.
    let y = 200;
    this.layout.sides = [];
    // A label too long for one line even in its smallest font (a Russian ally's) takes two, and its row a line more.
    const measure = document.createElement('canvas').getContext('2d')!;
    measure.font = font(LABEL.min);
    const extra = (label: string) => (measure.measureText(label).width > LEFT.w ? LABEL.second : 0);
    for (const side of scenario.seats) {
      this.layout.sides.push({ side, y });
      y += 20; // the side's name and flag
      const colour = sideColor(scenario, side);
      const add = (path: string, label: string, inverse = false) => {
        const more = extra(label);
        this.addMeter(path, label, y + more, inverse, colour, y);
        y += ROW + more;
      };
      add(`trust.${side}`, w.trustIn(sideLabel(scenario, otherSide(scenario.seats, side), lang)));
      add(`support.${side}`, w.support);
      add(`hawks.${side}`, w.hawks, true);
      for (const t of scenario.thirdParties.filter((p) => p.patron === side)) add(`allies.${t.id}`, w.allies(textOf(t.name, lang)));
      y += 4;
    }
    const more = extra(w.escalation);
    this.addMeter('escalation', w.escalation, y + 4 + more, true, 0xe69f00, y + 4);
    this.layout.newsY = y + 4 + more + ROW + 4;

    // The right: tracks on top, then the table with the other side's cards, the package, your hand and the buttons.
    const tracksH = 18 + scenario.tracks.length * 19;
    this.layout.tableY = this.layout.tracksY + tracksH + 6;
    const t = this.layout.tableY;
    this.layout.theirsY = t + 14;
    this.zone.y = this.layout.theirsY + 16 + 2 * (CARD_H + 5) + 4;
    this.layout.handY = this.zone.y + this.zone.h + 6;
    this.layout.rowsY = this.layout.handY + 16 + 2 * (CARD_H + 5) + 2;

    // A card chosen by keyboard in the panel is outlined where it lies on the table (hand or package).
    const focus = (e: FocusEvent) => {
      const m = /^(give|ask)-(.+)$/.exec((e.target as HTMLElement | null)?.dataset?.focus ?? '');
      // A checkbox names its card; a graded issue's radio names the issue and its option (or none).
      const option = m && store.session?.scenario.cards.find((c) => c.issue && (m[2] === `issue-${c.issue}-${c.id}` || m[2] === `issue-${c.issue}-none`));
      const next = m ? { kind: m[1] as Kind, id: option ? (m[2].endsWith('-none') ? `issue:${option.issue}` : option.id) : m[2] } : null;
      if (JSON.stringify(next) === JSON.stringify(this.focused)) return;
      this.focused = next;
      this.repaint();
      this.game.events.emit(REDRAW);
    };
    document.addEventListener('focusin', focus);
    this.events.once('shutdown', () => document.removeEventListener('focusin', focus));
    this.input.on('pointermove', (p: Phaser.Input.Pointer) => this.dragTo(p));
    this.input.on('pointerup', (p: Phaser.Input.Pointer) => this.drop(p));
    this.input.on('gameout', () => this.cancelDrag());

    this.draw(true);
    this.off = store.onChange((change) => this.onChange(change));
    this.events.once('shutdown', () => this.off?.());
    this.input.keyboard?.on('keydown-L', () => document.querySelector<HTMLButtonElement>('[data-focus="ledger"]')?.click());
    // The art (room, table, flags, portraits) comes with the table, not with the title screen.
    void import('./art').then((art) => {
      this.art = art;
      if (!this.sys.isActive()) return;
      this.draw(false);
      document.body.dataset.art = 'ready';
      this.game.events.emit(REDRAW);
    });
  }

  private addMeter(path: string, label: string, y: number, inverse: boolean, colour: number, labelY: number) {
    const x = LEFT.x;
    const bar = this.add.rectangle(x, y + 15, 0, BAR.h, colour).setOrigin(0, 0);
    const ghost = this.add.rectangle(x, y + 15, 0, BAR.h, 0xffffff, 0.55).setOrigin(0, 0).setVisible(false);
    this.meters.set(path, { path, label, labelY, bar, ghost, x, y, shown: -1, colour, inverse });
  }

  private onChange(change: Change) {
    this.draw(false);
    // The number and causes of each change, under their meter in the line kept for it: a long card title quoted in a cause shortened to keep the line (the ledger has all).
    const byMeter = new Map<string, typeof change.ledger>();
    for (const e of change.ledger) byMeter.set(e.meter, [...(byMeter.get(e.meter) ?? []), e]);
    let any = false;
    for (const [path, entries] of byMeter) {
      const view = this.meters.get(path);
      if (view) this.noteOf.set(path, { view, net: entries.reduce((sum, e) => sum + e.delta, 0), entries });
      any ||= Boolean(view);
    }
    if (any) this.showNotes([...this.noteOf.values()]);
  }

  /**
   * The last change's notes, painted once onto the notes' board and faded out by the browser (a CSS transition): the
   * frame of a move makes no text texture for Phaser to upload and draw, and the fade costs no frame of ours.
   */
  private showNotes(notes: { view: MeterView; net: number; entries: { delta: number; cause: string }[] }[]) {
    const w = words().canvas;
    const { scenario } = store.session!;
    const lang = store.language;
    const layer = this.notes.element;
    this.notesPainted = [];
    this.notes.paint(String(++this.paints), (ctx) => {
      const cut: string[] = [];
      shortened.set(ctx, cut);
      for (const { view, net, entries } of notes) {
        const good = view.inverse ? net < 0 : net > 0;
        const biggest = [...entries].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta)).map((e) => causeWords(scenario, e.cause, lang));
        const text = noteFor(ctx, signed(net), biggest, w.more, NOTE.w);
        ctx.font = font(text.size, text.bold);
        ctx.fillStyle = '#0b1620';
        ctx.fillRect(view.x - 1, view.y + NOTE.y - 1, Math.min(NOTE.w + 6, ctx.measureText(text.line).width + 6), NOTE.h + 1);
        // One line, kept for it under its bar: never over the next meter's label.
        write(ctx, text.line, view.x + 2, view.y + NOTE.y, NOTE.w, { size: text.size, bold: text.bold, colour: good ? UP : DOWN });
        this.notesPainted.push({ text: text.line, cut: cut.includes(text.line) });
      }
    });
    // Shown at once, then faded by the compositor (reduced motion: gone at once after the same time).
    clearTimeout(this.noteTimer);
    layer.style.transition = 'none';
    layer.style.opacity = '1';
    this.noteTimer = window.setTimeout(() => {
      layer.style.transition = this.reduced ? 'none' : `opacity ${NOTE_FADES}ms ease-in`;
      layer.style.opacity = '0';
      this.noteOf.clear();
    }, NOTE_STAYS);
  }

  /** The preview on the table now: the draft's, else the offer's when this side may accept it. */
  private preview(seat: TableView): SigningPreview | null {
    const mine = store.draftPreview();
    if (mine) return mine;
    if (seat.phase === 'responses' && seat.offer?.preview && store.humanToAct() === seat.side) return seat.offer.preview;
    return null;
  }

  private draw(first: boolean) {
    const s = store.session!;
    const { scenario } = s;
    const seat = store.table(); // the engine's view of the seat on screen: nothing hidden from it is drawn
    const preview = this.preview(seat);
    const ok = preview && !preview.refused ? preview : null;
    for (const view of this.meters.values()) {
      const v = readMeter(seat.view, view.path);
      const width = (BAR.w * Math.max(0, Math.min(100, v))) / 100;
      if (first || this.reduced) view.bar.width = width;
      else if (view.shown !== v) this.tweens.add({ targets: view.bar, width, duration: 700, ease: 'Cubic.easeOut' });
      view.shown = v;
      // The preview on the bar: the stretch it would gain or lose if the package were signed.
      const d = ok?.onSigning[view.path] ?? 0;
      const to = Math.max(0, Math.min(100, v + d));
      view.ghost.setVisible(d !== 0);
      if (d) view.ghost.setPosition(view.x + (BAR.w * Math.min(v, to)) / 100, view.y + 15).setSize((BAR.w * Math.abs(to - v)) / 100, BAR.h).setFillStyle(d > 0 !== view.inverse ? 0x7fd4ff : 0xffb27a, 0.8);
    }
    this.placeZones(seat);
    this.repaint();
  }

  private repaint() {
    const seat = store.table();
    const preview = this.preview(seat);
    this.board.paint(String(++this.paints), (ctx) => this.paintTable(ctx, seat, preview));
  }

  // ---- input: cards dragged or clicked, buttons clicked ----

  private hit(id: string, x: number, y: number, w: number, h: number, onDown: (p: Phaser.Input.Pointer) => void) {
    this.hits.push({ id, x, y, w, h });
    const zone = this.add.zone(x, y, w, h).setOrigin(0, 0).setInteractive({ useHandCursor: true });
    zone.on('pointerdown', onDown);
    this.zones.push(zone);
  }

  private button(id: string, x: number, y: number, w: number, act: () => void) {
    this.hit(id, x, y, w, 30, () => {
      play('click');
      act();
    });
  }

  /** The cards in the hands, laid out: up to two rows, as wide as the row allows. */
  private laidOut(cards: HandCard[], top: number): { card: HandCard; x: number; y: number; w: number }[] {
    const rows = cards.length > 6 ? 2 : 1;
    const cols = Math.max(1, Math.ceil(cards.length / rows));
    const w = Math.min(140, (RIGHT.w - 16 - (cols - 1) * 5) / cols);
    return cards.map((card, i) => ({ card, x: RIGHT.x + 8 + (i % cols) * (w + 5), y: top + Math.floor(i / cols) * (CARD_H + 5), w }));
  }

  /** The package's cards in the zone: your side's on the left, theirs on the right, two to a row. */
  private packageSlots(ids: string[], kind: Kind): { id: string; x: number; y: number; w: number; h: number }[] {
    const half = (this.zone.w - 24) / 2;
    const x0 = this.zone.x + 8 + (kind === 'ask' ? half + 8 : 0);
    const w = (half - 6) / 2;
    return ids.map((id, i) => ({ id, x: x0 + (i % 2) * (w + 6), y: this.zone.y + 36 + Math.floor(i / 2) * 31, w, h: 28 }));
  }

  private placeZones(seat: TableView) {
    for (const z of this.zones) z.destroy();
    this.zones = [];
    this.hits = [];
    const { scenario } = store.session!;
    const me = seat.side;
    const them = otherSide(scenario.seats, me);
    const mode = store.packageMode();
    const draft = store.draft;
    const redLines = new Set(scenario.sides[me].redLines.map((r) => r.card));
    this.hits.push({ id: 'package-zone', ...this.zone }); // where cards are dropped (not a control of its own)
    if (mode) {
      const cards = (kind: Kind, side: Side, top: number) => {
        const hand = handOf(scenario, seat.view, side);
        for (const { card, x, y, w } of this.laidOut(hand.filter((c) => !draft.inPackage(kind, c)), top)) {
          const shown = draft.shown(kind, card);
          if (kind === 'give' && redLines.has(shown.id)) continue;
          this.hit(`card:${kind}:${card.key}`, x, y, w, CARD_H - (card.issue ? 16 : 0), (p) => this.pick(p, kind, card, 'hand'));
          if (card.issue) {
            this.button(`step:${kind}:${card.key}:-1`, x, y + CARD_H - 16, w / 2, () => (draft.step(kind, card, -1), store.refresh()));
            this.zones.at(-1)!.setSize(w / 2, 16);
            this.hits.at(-1)!.h = 16;
            this.button(`step:${kind}:${card.key}:+1`, x + w / 2, y + CARD_H - 16, w / 2, () => (draft.step(kind, card, 1), store.refresh()));
            this.zones.at(-1)!.setSize(w / 2, 16);
            this.hits.at(-1)!.h = 16;
          }
        }
        for (const slot of this.packageSlots([...draft[kind]], kind)) {
          const card = hand.find((c) => c.options.some((o) => o.id === slot.id));
          if (card) this.hit(`package:${kind}:${card.key}`, slot.x, slot.y, slot.w, slot.h, (p) => this.pick(p, kind, card, 'package'));
        }
      };
      cards('ask', them, this.layout.theirsY + 16);
      cards('give', me, this.layout.handY + 16);
    }
    // Buttons: the moves the seat may make now, as the accessible layer offers them.
    if (store.humanToAct() !== me) return;
    const foot = this.zone.y + this.zone.h - 36;
    const right = this.zone.x + this.zone.w - 8;
    if (mode && !draft.empty) {
      const preview = store.draftPreview();
      const sendW = 150;
      if (preview && !preview.refused) this.button('send', right - sendW, foot, sendW, () => this.sendDraft());
      this.button('clear', right - sendW - 76, foot, 70, () => (draft.clear(), store.refresh()));
    }
    if (mode === 'propose') {
      const venue = scenario.tracks.some((t) => t.venue);
      if (venue) this.button('format', this.zone.x + 8, foot, 150, () => ((draft.format = draft.format === 'bilateral' ? 'multilateral' : 'bilateral'), store.refresh()));
    }
    const row = this.layout.rowsY;
    this.chipRow(this.chips(seat)).forEach(({ id, move, x, y, w: cw }) => this.button(id, x, row + y, cw, () => store.send(move)));
  }

  /** The moves the seat may make now as buttons on the table (packages are built with the cards; channels are in the panel). */
  private chips(seat: TableView): { id: string; move: Move }[] {
    const chips: { id: string; move: Move }[] = [];
    for (const m of seat.moves) {
      if (m.type === 'statement') chips.push({ id: `statement:${m.tone}`, move: m });
      else if (m.type === 'pass' || m.type === 'accept' || m.type === 'reject' || m.type === 'done') chips.push({ id: m.type, move: m });
      else if (m.type === 'implement' || m.type === 'delay' || m.type === 'defect' || m.type === 'verify') chips.push({ id: `${m.type}:${m.agreement}`, move: m });
    }
    return chips;
  }

  /** The chips' places: in rows across the table's foot. */
  private chipRow(chips: { id: string; move: Move }[]): { id: string; move: Move; label: string; x: number; y: number; w: number }[] {
    const out = [];
    let x = RIGHT.x + 8;
    let y = 0;
    for (const c of chips) {
      const label = this.chipLabel(c.move);
      const w = Math.min(RIGHT.w - 16, Math.max(92, label.length * 7.2 + 20));
      if (x + w > RIGHT.x + RIGHT.w - 8) {
        x = RIGHT.x + 8;
        y += 34;
      }
      out.push({ ...c, label, x, y, w });
      x += w + 6;
    }
    return out;
  }

  private chipLabel(m: Move): string {
    const w = words();
    switch (m.type) {
      case 'statement':
        return w.table.statementButton[m.tone];
      case 'pass':
        return w.table.pass;
      case 'accept':
        return w.table.accept;
      case 'reject':
        return w.table.reject;
      case 'done':
        return w.table.doneImplementing;
      case 'implement':
      case 'delay':
      case 'defect':
      case 'verify':
        return w.table.agreementButton[m.type](m.agreement);
      default:
        return m.type;
    }
  }

  private sendDraft() {
    const refused = store.sendPackage();
    if (refused) store.refresh();
  }

  private pick(p: Phaser.Input.Pointer, kind: Kind, card: HandCard, from: 'hand' | 'package') {
    this.press = { kind, card, from, x0: p.worldX, y0: p.worldY, dragging: false };
  }

  private inZone(x: number, y: number): boolean {
    const z = this.zone;
    return x >= z.x && x <= z.x + z.w && y >= z.y && y <= z.y + z.h;
  }

  private dragTo(p: Phaser.Input.Pointer) {
    const press = this.press;
    if (!press || !p.isDown) return;
    if (!press.dragging && Math.hypot(p.worldX - press.x0, p.worldY - press.y0) < 6) return;
    if (!press.dragging) {
      press.dragging = true;
      const option = store.draft.shown(press.kind, press.card);
      const bg = this.add.rectangle(0, 0, 130, 40, 0xf4efe2).setStrokeStyle(2, 0xf0e442).setOrigin(0.5);
      const label = this.add
        .text(0, 0, textOf(option.title, store.language), { fontFamily: FONT, fontSize: '11px', color: '#1d1d1d', wordWrap: { width: 122 }, align: 'center', fixedHeight: 30 })
        .setOrigin(0.5);
      this.ghost = this.add.container(p.worldX, p.worldY, [bg, label]).setDepth(20).setAlpha(0.92);
      this.repaint(); // the lifted card fades in its place
    }
    this.ghost?.setPosition(p.worldX, p.worldY);
    this.game.events.emit(REDRAW);
  }

  private drop(p: Phaser.Input.Pointer) {
    const press = this.press;
    this.press = null;
    this.ghost?.destroy();
    this.ghost = null;
    if (!press) return;
    const draft = store.draft;
    if (!press.dragging) {
      play('click');
      draft.toggle(press.kind, press.card);
    } else {
      const inside = this.inZone(p.worldX, p.worldY);
      if (press.from === 'hand' && inside) draft.place(press.kind, press.card);
      else if (press.from === 'package' && !inside) draft.remove(press.kind, press.card);
      else {
        this.repaint();
        this.game.events.emit(REDRAW);
        return;
      }
      play('click');
    }
    store.refresh();
  }

  private cancelDrag() {
    if (!this.press?.dragging) return;
    this.press = null;
    this.ghost?.destroy();
    this.ghost = null;
    this.repaint();
    this.game.events.emit(REDRAW);
  }

  // ---- painting the board ----

  /** Every text the board shows now (each as it was written, before wrapping), for tests and tools. */
  paintedTexts(): string[] {
    return [...this.texts];
  }

  /** The meters' notes last painted, and whether each had to be ended with an ellipsis. */
  paintedNotes(): { text: string; cut: boolean }[] {
    return [...this.notesPainted];
  }

  /** The texts the board shows shortened with an ellipsis (a card's title may be; a name, a label or a speech never). */
  cutTexts(): string[] {
    return [...this.cut];
  }

  private paintTable(ctx: Ctx, seat: TableView, preview: SigningPreview | null) {
    this.texts = [];
    this.cut = [];
    written.set(ctx, this.texts);
    shortened.set(ctx, this.cut);
    const { scenario } = store.session!;
    const lang = store.language;
    const w = words().canvas;
    const art = this.art;
    const me = seat.side;
    const them = otherSide(scenario.seats, me);
    const state = seat.view;
    // The room and the table, painted once per size and copied: their gradients and shadow cost most of a repaint.
    const room = this.roomImage();
    if (room) ctx.drawImage(room, 0, 0, W, H);
    else {
      ctx.fillStyle = '#14283a';
      ctx.fillRect(0, 0, W, H);
    }

    // Header: the scenario, the turn and phase, whose move, and the score so far against the goal.
    const mover = store.humanToAct();
    ctx.fillStyle = 'rgba(0,0,0,0.35)';
    ctx.fillRect(0, 0, W, 34);
    if (art) art.paintFlag(ctx, sideFlag(scenario, me), 10, 8, 27, 18);
    write(ctx, textOf(scenario.title, lang), 44, 8, 230, { size: 16, min: 12, bold: true });
    write(ctx, `${w.turnLine(state.turn, scenario.turns, phaseName(state.phase, lang))}${mover ? w.toMove(sideLabel(scenario, mover, lang)) : w.waiting}`, 282, 10, 330, { size: 13, min: 11 });
    const sc = seat.score;
    const scoreText = w.score(signed(sc.score, 1), sc.goal);
    write(ctx, scoreText, 620, 3, 270, { size: 13, bold: true, align: 'right' });
    const gx = 700;
    const gw = 190;
    const frac = (v: number) => Math.max(0, Math.min(1, sc.goal > 0 ? v / sc.goal : 0));
    ctx.fillStyle = '#0b1620';
    ctx.fillRect(gx, 22, gw, 7);
    ctx.fillStyle = sc.score >= sc.goal ? '#009e73' : '#56b4e9';
    ctx.fillRect(gx, 22, gw * frac(sc.score), 7);
    if (preview && !preview.refused && preview.score) {
      const to = sc.score + preview.score;
      ctx.fillStyle = preview.score > 0 ? 'rgba(127,212,255,0.75)' : 'rgba(255,178,122,0.9)';
      const a = frac(Math.min(sc.score, to));
      const b = frac(Math.max(sc.score, to));
      ctx.fillRect(gx + gw * a, 22, Math.max(1.5, gw * (b - a)), 7);
    }
    ctx.strokeStyle = '#f0e442';
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(gx + gw, 19);
    ctx.lineTo(gx + gw, 32);
    ctx.stroke();

    this.paintLeader(ctx, scenario, them);
    this.paintMeters(ctx, scenario, preview);
    this.paintNews(ctx, scenario, seat);
    this.paintTracks(ctx, scenario, seat);

    // The table and what is on it.
    if (!room) {
      ctx.fillStyle = '#1f4a3f';
      ctx.fillRect(RIGHT.x, this.layout.tableY, RIGHT.w, H - this.layout.tableY - 4);
    }
    const mode = store.packageMode();
    const draft = store.draft;
    const redLines = new Set(scenario.sides[me].redLines.map((r) => r.card));
    const hand = (kind: Kind, side: Side, top: number, heading: string) => {
      write(ctx, heading, RIGHT.x + 10, top - 15, RIGHT.w - 20, { size: 12, bold: true, colour: '#e8e0c8' });
      const cards = handOf(scenario, state, side).filter((c) => !(mode && draft.inPackage(kind, c)));
      for (const { card, x, y, w: cw } of this.laidOut(cards, top)) {
        const lifted = this.press?.dragging && this.press.card === card && this.press.kind === kind;
        this.paintCard(ctx, scenario, card, draft.shown(kind, card), x, y, cw, kind, { red: kind === 'give' && redLines.has(draft.shown(kind, card).id), faded: lifted || !mode });
      }
      if (!cards.length) write(ctx, w.emptyHand, RIGHT.x + 10, top + 4, RIGHT.w - 20, { size: 12, italic: true, colour: '#c8d8c8' });
    };
    hand('ask', them, this.layout.theirsY + 16, w.acrossTable(sideLabel(scenario, them, lang)));
    this.paintZone(ctx, scenario, seat, preview);
    hand('give', me, this.layout.handY + 16, w.yourHand);

    // The buttons: the moves open to the seat now.
    if (store.humanToAct() === me) {
      const chips = this.chips(seat);
      const colours: Record<string, string> = { 'statement:conciliatory': '#007a5a', 'statement:neutral': '#55606b', 'statement:hostile': '#b34700', accept: '#0072b2', reject: '#7a3b1f', done: '#0072b2' };
      for (const c of this.chipRow(chips)) this.chip(ctx, c.label, c.x, this.layout.rowsY + c.y, c.w, colours[c.id] ?? (c.id.startsWith('defect') ? '#7a3b1f' : '#2f4c66'));
    }
  }

  /** The room with the table in it, at the board's pixels (drawn again only when the size changes). */
  private roomImage(): HTMLCanvasElement | null {
    const art = this.art;
    if (!art) return null;
    const zoom = zoomOf(this.game);
    const width = Math.round(W * zoom);
    const height = Math.round(H * zoom);
    if (this.room?.width === width && this.room.height === height) return this.room;
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d')!;
    ctx.scale(width / W, height / H);
    art.paintRoom(ctx, W, H);
    const t = this.layout.tableY;
    art.paintTable(ctx, RIGHT.x - 4, t - 4, RIGHT.w + 8, H - t);
    this.room = canvas;
    return canvas;
  }

  private chip(ctx: Ctx, label: string, x: number, y: number, w: number, fill: string, disabled = false) {
    ctx.globalAlpha = disabled ? 0.45 : 1;
    ctx.fillStyle = fill;
    ctx.beginPath();
    ctx.roundRect(x, y, w, 30, 7);
    ctx.fill();
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 1.5;
    ctx.stroke();
    write(ctx, label, x + 4, y + 8, w - 8, { size: 13, min: 10, bold: true, align: 'center' });
    ctx.globalAlpha = 1;
  }

  private paintCard(ctx: Ctx, scenario: Scenario, card: HandCard, option: CardDef, x: number, y: number, w: number, kind: Kind, o: { red: boolean; faded: boolean }) {
    const lang = store.language;
    const side = option.side;
    ctx.globalAlpha = o.faded ? 0.55 : 1;
    ctx.fillStyle = 'rgba(0,0,0,0.35)'; // a hard shadow: a blurred one cost a repaint more than the rest of the card
    ctx.beginPath();
    ctx.roundRect(x + 1.5, y + 2.5, w, CARD_H, 5);
    ctx.fill();
    ctx.fillStyle = '#f4efe2';
    ctx.beginPath();
    ctx.roundRect(x, y, w, CARD_H, 5);
    ctx.fill();
    // The track's name in the band on top: one line, else two (a long name, as in Russian), never cut.
    const track = trackLabel(scenario, option.track, lang).replace(/\s*\(.*\)\s*/, ' ').trim();
    ctx.font = font(8, true);
    const two = ctx.measureText(track).width > w - 8;
    const band = two ? 20 : 14;
    ctx.fillStyle = css(sideColor(scenario, side));
    ctx.beginPath();
    ctx.roundRect(x, y, w, band, [5, 5, 0, 0]);
    ctx.fill();
    if (two) write(ctx, track, x + 4, y + 1.5, w - 8, { size: 8.5, min: 8, bold: true, colour: '#ffffff', lines: 2, leading: 8.8 });
    else write(ctx, track, x + 4, y + 1.5, w - 8, { size: 10, min: 8, bold: true, colour: '#ffffff' });
    const lines = (card.issue || o.red ? 3 : 4) - (two ? 1 : 0); // a setting or a red-line band takes the last line
    // Above the band a setting or a red line takes at the foot, or down to the foot.
    const tight = card.issue || o.red;
    write(ctx, textOf(option.title, lang), x + 4, y + band + 2, w - 8, { size: tight ? 11 : 11.5, min: two ? 9 : 9.5, colour: '#1d1d1d', lines, leading: tight ? 10.8 : 11.5 });
    if (card.issue) {
      const at = card.options.indexOf(option) + 1;
      ctx.fillStyle = '#e2d9c0';
      ctx.fillRect(x + 1, y + CARD_H - 14, w - 2, 13);
      write(ctx, `‹  ${words().canvas.option(at, card.options.length)}  ›`, x + 2, y + CARD_H - 14, w - 4, { size: 10.5, min: 9, bold: true, colour: '#1d1d1d', align: 'center' });
    }
    if (this.isFocused(kind, card)) this.outline(ctx, x, y, w, CARD_H);
    if (o.red) {
      ctx.strokeStyle = '#d55e00';
      ctx.lineWidth = 2.5;
      ctx.beginPath();
      ctx.roundRect(x + 1, y + 1, w - 2, CARD_H - 2, 5);
      ctx.stroke();
      ctx.fillStyle = 'rgba(213, 94, 0, 0.92)';
      ctx.fillRect(x + 1, y + CARD_H - 14, w - 2, 13);
      write(ctx, words().canvas.redLine, x + 2, y + CARD_H - 13.5, w - 4, { size: 10, min: 8, bold: true, align: 'center' });
    }
    ctx.globalAlpha = 1;
  }

  private isFocused(kind: Kind, card: HandCard): boolean {
    const f = this.focused;
    return Boolean(f && f.kind === kind && (f.id === card.key || card.options.some((o) => o.id === f.id)));
  }

  /** The keyboard focus's ring, in the panel's focus colour. */
  private outline(ctx: Ctx, x: number, y: number, w: number, h: number) {
    ctx.strokeStyle = '#f0e442';
    ctx.lineWidth = 3;
    ctx.beginPath();
    ctx.roundRect(x - 2.5, y - 2.5, w + 5, h + 5, 7);
    ctx.stroke();
  }

  private paintZone(ctx: Ctx, scenario: Scenario, seat: TableView, preview: SigningPreview | null) {
    const z = this.zone;
    const w = words().canvas;
    const lang = store.language;
    const me = seat.side;
    const them = otherSide(scenario.seats, me);
    const mode = store.packageMode();
    const draft = store.draft;
    const offer = seat.offer;
    const showDraft = Boolean(mode && (!draft.empty || !offer));
    ctx.fillStyle = 'rgba(0,0,0,0.22)';
    ctx.beginPath();
    ctx.roundRect(z.x, z.y, z.w, z.h, 10);
    ctx.fill();
    ctx.setLineDash([6, 4]);
    ctx.strokeStyle = showDraft ? '#f0e442' : 'rgba(255,255,255,0.4)';
    ctx.lineWidth = 1.5;
    ctx.stroke();
    ctx.setLineDash([]);
    const half = (z.w - 24) / 2;
    const mini = (ids: string[], kind: Kind) => {
      for (const slot of this.packageSlots(ids, kind)) {
        const lifted = this.press?.dragging && this.press.from === 'package' && this.press.card.options.some((o) => o.id === slot.id);
        ctx.globalAlpha = lifted ? 0.4 : 1;
        ctx.fillStyle = '#f4efe2';
        ctx.beginPath();
        ctx.roundRect(slot.x, slot.y, slot.w, slot.h, 4);
        ctx.fill();
        const c = scenario.cards.find((x) => x.id === slot.id);
        ctx.fillStyle = css(sideColor(scenario, c?.side ?? me));
        ctx.fillRect(slot.x, slot.y, 4, slot.h);
        write(ctx, c ? textOf(c.title, lang) : slot.id, slot.x + 7, slot.y + 2, slot.w - 10, { size: 10.5, min: 9, colour: '#1d1d1d', lines: 2, leading: 11.5 });
        if (this.focused?.kind === kind && c && (this.focused.id === c.id || this.focused.id === `issue:${c.issue}`)) this.outline(ctx, slot.x, slot.y, slot.w, slot.h);
        ctx.globalAlpha = 1;
      }
    };
    const columns = (left: string, right: string) => {
      write(ctx, left, z.x + 10, z.y + 20, half - 4, { size: 11.5, bold: true, colour: '#e8e0c8' });
      write(ctx, right, z.x + 16 + half, z.y + 20, half - 4, { size: 11.5, bold: true, colour: '#e8e0c8' });
    };
    const themName = sideLabel(scenario, them, lang);
    const foot = z.y + z.h - 36;
    if (showDraft) {
      write(ctx, mode === 'counter' ? w.yourCounter : w.yourPackage, z.x + 10, z.y + 4, z.w - 20, { size: 13, bold: true, colour: '#f0e442' });
      columns(w.youGive, w.youAsk(themName));
      mini([...draft.give], 'give');
      mini([...draft.ask], 'ask');
      if (draft.empty) write(ctx, w.dragHint, z.x + 10, z.y + 52, z.w - 20, { size: 12.5, italic: true, colour: '#d8e8d8', lines: 2, align: 'center' });
    } else if (offer) {
      write(ctx, w.offerOf(sideLabel(scenario, offer.by, lang), offer.isCounter), z.x + 10, z.y + 4, z.w - 20, { size: 13, bold: true, colour: '#ffffff' });
      const mineToGive = offer.by === me ? offer.give : offer.ask;
      const mineToGet = offer.by === me ? offer.ask : offer.give;
      columns(w.youGive, w.youGet);
      mini(mineToGive, 'give');
      mini(mineToGet, 'ask');
    } else {
      const agreements = seat.view.agreements;
      write(ctx, agreements.length ? w.agreementsHeading : w.noPackage, z.x + 10, z.y + 4, z.w - 20, { size: 13, bold: true });
      const lines = agreements.map((a) => `${agreementName(scenario, a.id, a.tracks, lang)}: ${words().agreementStatus[a.status]}`);
      const last = seat.view.lastAnswer;
      if (last && !agreements.length) lines.push(w.lastAnswer(last.turn, sideLabel(scenario, last.side, lang), last.answer, last.reason && words().refusalReasons[last.reason]));
      write(ctx, lines.slice(-4).join('\n'), z.x + 10, z.y + 24, z.w - 20, { size: 12, lines: 5 });
    }
    // The preview's scores and the Send, under the package.
    if (preview) {
      const text = preview.refused ? w.cannotSend(preview.refused) : w.ifSigned(signed(preview.score), signed(preview.worth));
      const from = z.x + (mode === 'propose' && scenario.tracks.some((t) => t.venue) ? 166 : 10);
      const to = mode && !draft.empty ? z.x + z.w - 240 : z.x + z.w - 10;
      write(ctx, text, from, foot - 2, to - from, { size: 12, min: 10, bold: true, colour: preview.refused ? '#ffb27a' : '#ffffff', lines: 3, leading: 12 });
    }
    if (store.humanToAct() === me && mode) {
      if (mode === 'propose' && scenario.tracks.some((t) => t.venue)) this.chip(ctx, w.formatChip(words().formats[draft.format]), z.x + 8, foot, 150, '#2f4c66');
      if (!draft.empty) {
        const right = z.x + z.w - 8;
        this.chip(ctx, mode === 'propose' ? words().table.sendProposal : words().table.sendCounter, right - 150, foot, 150, '#0072b2', !preview || Boolean(preview.refused));
        this.chip(ctx, w.clear, right - 226, foot, 70, '#55606b');
      }
    }
  }

  private paintLeader(ctx: Ctx, scenario: Scenario, them: Side) {
    const lang = store.language;
    const w = words().canvas;
    const x = LEFT.x;
    const y = 42;
    const leader = textOf(scenario.sides[them].leader, lang) || sideLabel(scenario, them, lang);
    if (this.art) this.art.paintPortrait(ctx, textOf(scenario.sides[them].leader, 'en'), sideFlag(scenario, them), css(sideColor(scenario, them)), x, y, 92, 118);
    const bx = x + 100;
    write(ctx, leader, bx, y, LEFT.w - 100, { size: 12.5, min: 10.5, bold: true, lines: 2 });
    if (this.art) this.art.paintFlag(ctx, sideFlag(scenario, them), bx, y + 30, 20, 13);
    write(ctx, sideLabel(scenario, them, lang), bx + 25, y + 30, LEFT.w - 125, { size: 11.5, colour: '#c8d6e4' });
    // The speech bubble: the other side's explanation of its last move, as far as this seat may see it.
    const reason = store.visibleReason();
    const said = reason && reason.side === them ? `“${reasonWords(scenario, reason.reason, lang)}”` : store.isHuman(them) ? w.otherPlayer : w.silent;
    const by = y + 48;
    const bh = 110;
    ctx.fillStyle = '#f7f3e8';
    ctx.beginPath();
    ctx.roundRect(bx, by, LEFT.w - 100, bh, 8);
    ctx.moveTo(bx, by + 18);
    ctx.lineTo(bx - 9, by + 26);
    ctx.lineTo(bx, by + 30);
    ctx.fill();
    const fit = bubbleFit(ctx, said, LEFT.w - 114, bh - 10);
    write(ctx, said, bx + 7, by + 6, LEFT.w - 114, { size: fit.size, italic: true, colour: '#1d1d1d', lines: fit.lines, leading: fit.leading });
  }

  private paintMeters(ctx: Ctx, scenario: Scenario, preview: SigningPreview | null) {
    const lang = store.language;
    const ok = preview && !preview.refused ? preview : null;
    for (const { side, y } of this.layout.sides) {
      if (this.art) this.art.paintFlag(ctx, sideFlag(scenario, side), LEFT.x, y + 3, 18, 12);
      write(ctx, sideLabel(scenario, side, lang), LEFT.x + 24, y + 1, LEFT.w - 24, { size: 13, bold: true });
    }
    for (const view of this.meters.values()) {
      const v = readMeter(store.table().view, view.path);
      write(ctx, view.label, view.x, view.labelY, LEFT.w, { size: LABEL.size, min: LABEL.min, colour: '#dfe6ee', lines: view.labelY < view.y ? 2 : 1, leading: LABEL.second });
      ctx.fillStyle = '#8899aa';
      ctx.fillRect(view.x - 1, view.y + 14, BAR.w + 2, BAR.h + 2);
      ctx.fillStyle = '#222a33';
      ctx.fillRect(view.x, view.y + 15, BAR.w, BAR.h);
      write(ctx, String(v), view.x + BAR.w + 6, view.y + 12, 30, { size: 13, bold: true });
      const d = ok?.onSigning[view.path];
      if (d) write(ctx, `${signed(d)}`, view.x + BAR.w + 38, view.y + 12, 40, { size: 12.5, bold: true, colour: d > 0 !== view.inverse ? UP : DOWN });
    }
  }

  private paintNews(ctx: Ctx, scenario: Scenario, seat: TableView) {
    const lang = store.language;
    const w = words().canvas;
    const y = this.layout.newsY;
    if (y > H - 50) return;
    write(ctx, w.news, LEFT.x, y, LEFT.w, { size: 12.5, bold: true });
    const news = allNews(seat.view).slice(-3).reverse();
    let at = y + 17;
    if (!news.length) write(ctx, w.noNews, LEFT.x, at, LEFT.w, { size: 11.5, colour: '#c8d6e4' });
    for (const n of news) {
      const ev = scenario.events.find((e) => e.id === n.event);
      const title = (ev && textOf(ev.title, lang)) || n.title;
      if (at > H - 20) break;
      at += write(ctx, `${w.newsTurn(n.turn)} ${title}`, LEFT.x, at, LEFT.w, { size: 11.5, colour: '#c8d6e4', lines: Math.max(1, Math.min(3, Math.floor((H - 6 - at) / 14))) }) + 4;
    }
  }

  private paintTracks(ctx: Ctx, scenario: Scenario, seat: TableView) {
    const lang = store.language;
    const w = words().canvas;
    const x = RIGHT.x;
    let y = this.layout.tracksY;
    ctx.fillStyle = 'rgba(0,0,0,0.3)';
    ctx.beginPath();
    ctx.roundRect(x - 4, y - 2, RIGHT.w + 8, 18 + scenario.tracks.length * 19 + 2, 6);
    ctx.fill();
    // The legend: progress runs right from the start, breakdown left of it, and a ring marks where a track stands.
    const pip = (cx: number, cy: number, kind: 'progress' | 'reached' | 'breakdown' | 'broken', now = false) => {
      const colour = kind === 'breakdown' || kind === 'broken' ? css(BREAKDOWN) : css(PROGRESS);
      ctx.fillStyle = colour;
      ctx.strokeStyle = colour;
      ctx.lineWidth = 1.8;
      ctx.beginPath();
      if (kind === 'breakdown' || kind === 'broken') ctx.rect(cx - 4.5, cy - 4.5, 9, 9);
      else ctx.arc(cx, cy, 5, 0, 2 * Math.PI);
      if (kind === 'reached' || kind === 'broken') ctx.fill();
      else ctx.stroke();
      if (now) {
        ctx.strokeStyle = '#ffffff';
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.arc(cx, cy, 8.5, 0, 2 * Math.PI);
        ctx.stroke();
      }
    };
    ctx.font = font(12, true);
    const tracksW = ctx.measureText(w.tracks).width;
    write(ctx, w.tracks, x + 2, y + 1, tracksW + 4, { size: 12, bold: true });
    const legend: [string, 'progress' | 'reached' | 'breakdown' | 'broken', boolean][] = [
      [w.legendReached, 'reached', false],
      [w.legendAhead, 'progress', false],
      [w.legendBreakdown, 'breakdown', false],
      [w.legendNow, 'reached', true],
    ];
    let lx = x + tracksW + 16;
    for (const [label, kind, now] of legend) {
      pip(lx + 6, y + 8, kind, now);
      ctx.font = font(11);
      const lw = ctx.measureText(label).width;
      write(ctx, label, lx + 16, y + 2, lw + 4, { size: 11, colour: '#dfe6ee' });
      lx += lw + 34;
    }
    y += 18;
    const mid = x + 300; // the start of every track: breakdown to the left, progress to the right
    scenario.tracks.forEach((track, i) => {
      const standing = seat.tracks[i];
      const idx = track.stages.findIndex((s) => s.id === standing.stage);
      const cy = y + 9;
      const progress = track.stages.filter((s) => s.value >= 0);
      const breakdown = track.stages.filter((s) => s.value < 0);
      const current = track.stages[idx];
      write(ctx, textOf(track.name, lang), x + 2, y + 2, mid - 18 - breakdown.length * 17 - x, { size: 12, min: 9.5, bold: true });
      const reachedUpTo = current && current.value >= 0 ? progress.indexOf(current) : -1;
      progress.forEach((s, j) => pip(mid + 8 + j * 17, cy, j <= reachedUpTo ? 'reached' : 'progress', s === current));
      breakdown.forEach((s, j) => pip(mid - 10 - j * 17, cy, s === current ? 'broken' : 'breakdown', s === current));
      const after = mid + 8 + progress.length * 17 + 4;
      write(ctx, textOf(current?.name, lang), after, y + 3, x + RIGHT.w - after, { size: 11.5, min: 9.5, colour: current && current.value < 0 ? '#ffb27a' : '#ffffff' });
      y += 19;
    });
  }
}

// The negotiation table on the canvas: meters that animate with their cause floating beside them,
// the five tracks as lanes, the package on the table with the answer's reason, and the news ticker.
// It draws engine state and forwards clicks as moves; the accessible layer shows the same state.
import Phaser from 'phaser';
import { allNews, otherSide, readMeter, textOf, type Move, type Side } from '../../engine';
import { play } from '../../audio/sound';
import { store, words, type Change } from '../session';
import { describeMove, newsWords, phaseName, sideColor, sideLabel, signed } from '../labels';
import { W, FONT } from './loading';
import { Board, css } from './board';
import { crispScene } from './crisp';
import { REDRAW } from './frames';

const BAR_W = 300;
const ROW = 44;
const UP = '#7fd4ff';
const DOWN = '#ffb27a';

interface MeterView {
  bar: Phaser.GameObjects.Rectangle;
  value: Phaser.GameObjects.Text;
  x: number;
  y: number;
  shown: number;
  /** A high value is bad (hawks, escalation). */
  inverse: boolean;
}

export class TableScene extends Phaser.Scene {
  private meters = new Map<string, MeterView>();
  private header!: Phaser.GameObjects.Text;
  private turnText!: Phaser.GameObjects.Text;
  private lanes: { stage: Phaser.GameObjects.Text; next: Phaser.GameObjects.Text; x: number; y: number }[] = [];
  /** Everything that stays put between two changes (see ./board.ts); Phaser draws the bars, notes and chips. */
  private board!: Board;
  private chipY = 680;
  private floaters = new Map<string, Phaser.GameObjects.Text>();
  private tableText!: Phaser.GameObjects.Text;
  private reasonText!: Phaser.GameObjects.Text;
  private newsText!: Phaser.GameObjects.Text;
  private chips: Phaser.GameObjects.Container[] = [];
  private off: (() => void) | null = null;
  private reduced = false;

  constructor() {
    super('table');
  }

  create() {
    crispScene(this);
    const s = store.session!;
    const { scenario } = s;
    const lang = store.language;
    const w = words().canvas;
    this.reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.meters.clear();
    this.floaters.clear();
    this.lanes = [];
    const board = (this.board = new Board(this)); // the felt, and under Phaser's canvas whatever stays put
    const big = { fontFamily: FONT, fontSize: '22px', color: '#ffffff', fontStyle: 'bold' };
    const label = { fontFamily: FONT, fontSize: '17px', color: '#e8e8e8' };
    this.header = board.add(this.add.text(16, 10, textOf(scenario.title, lang), big));
    this.turnText = board.add(this.add.text(W - 16, 12, '', { ...label, fontSize: '19px' }).setOrigin(1, 0));

    // Meters: one column per side in the scenario's order, allies under their patron, escalation across.
    const sides = scenario.seats;
    sides.forEach((side, col) => {
      const x = 16 + col * 446;
      const colour = sideColor(scenario, side);
      board.add(this.add.rectangle(x, 42, 422, 4, colour).setOrigin(0, 0));
      board.add(this.add.text(x, 48, sideLabel(scenario, side, lang), { ...big, fontSize: '19px' }));
      let y = 76;
      const add = (path: string, text: string, inverse = false) => {
        this.addMeter(path, text, x, y, inverse, colour, 370);
        y += ROW;
      };
      add(`trust.${side}`, w.trustIn(sideLabel(scenario, otherSide(scenario.seats, side), lang)));
      add(`support.${side}`, w.support);
      add(`hawks.${side}`, w.hawks, true);
      for (const t of scenario.thirdParties.filter((p) => p.patron === side)) add(`allies.${t.id}`, w.allies(textOf(t.name, lang)));
    });
    const rows = Math.max(...sides.map((side) => 3 + scenario.thirdParties.filter((p) => p.patron === side).length));
    const escY = 76 + rows * ROW;
    this.addMeter('escalation', w.escalation, 16, escY, true, 0xe69f00, W - 32 - 52);

    // Tracks as lanes: name, stages as pips, the stage reached, and what the next stage needs.
    let y = escY + ROW + 6;
    for (const track of scenario.tracks) {
      board.add(this.add.rectangle(16, y, W - 32, 44, 0x000000, 0.28).setOrigin(0, 0));
      board.add(this.add.text(26, y + 3, textOf(track.name, lang), { ...label, fontStyle: 'bold' }));
      const stage = board.add(this.add.text(26, y + 23, '', { ...label, fontSize: '15px', color: '#ffffff' }));
      const next = board.add(this.add.text(W - 26, y + 23, '', { ...label, fontSize: '15px', color: '#c8c8c8' }).setOrigin(1, 0));
      this.lanes.push({ stage, next, x: 560, y: y + 12 });
      y += 48;
    }

    // The package on the table, the answer's reason, and the news ticker.
    y += 4;
    this.tableText = board.add(this.add.text(16, y, '', { ...label, fontSize: '16px', wordWrap: { width: 520 } }));
    this.reasonText = board.add(this.add.text(16, y + 44, '', { ...label, fontSize: '16px', fontStyle: 'italic', color: '#f0e442', wordWrap: { width: 520 } }));
    this.chipY = 720 - 44;
    board.add(this.add.rectangle(552, y - 2, W - 568, 720 - y - 6, 0x000000, 0.35).setOrigin(0, 0));
    board.add(this.add.text(562, y + 2, w.news, { ...label, fontStyle: 'bold' }));
    this.newsText = board.add(this.add.text(562, y + 24, '', { ...label, fontSize: '14px', wordWrap: { width: W - 590 } }));

    this.draw(true);
    this.off = store.onChange((change) => this.onChange(change));
    this.events.once('shutdown', () => this.off?.());
    this.input.keyboard?.on('keydown-L', () => document.querySelector<HTMLButtonElement>('[data-focus="ledger"]')?.click());
  }

  private addMeter(path: string, text: string, x: number, y: number, inverse: boolean, color: number, width = BAR_W) {
    const board = this.board;
    board.add(this.add.text(x, y, text, { fontFamily: FONT, fontSize: '15px', color: '#e0e0e0' }));
    const bx = x;
    board.add(this.add.rectangle(bx - 1, y + 18, width + 2, 20, 0x8899aa).setOrigin(0, 0)); // the track's edge
    board.add(this.add.rectangle(bx, y + 19, width, 18, 0x222a33).setOrigin(0, 0));
    const bar = this.add.rectangle(bx, y + 19, 0, 18, color).setOrigin(0, 0);
    const value = board.add(this.add.text(bx + width + 8, y + 17, '', { fontFamily: FONT, fontSize: '18px', color: '#ffffff', fontStyle: 'bold' }));
    const view: MeterView = { bar, value, x: bx, y, shown: -1, inverse };
    (bar as unknown as { full: number }).full = width;
    this.meters.set(path, view);
  }

  /** A meter as the side on screen may see it (a statement still sealed has not moved it yet). */
  private read(path: string): number {
    return readMeter(store.table().view, path);
  }

  private onChange(change: Change) {
    this.draw(false);
    const w = words().canvas;
    // The number and cause of each change float beside its meter (one note per meter, newest wins).
    const byMeter = new Map<string, typeof change.ledger>();
    for (const e of change.ledger) byMeter.set(e.meter, [...(byMeter.get(e.meter) ?? []), e]);
    for (const [path, entries] of byMeter) {
      const view = this.meters.get(path);
      if (!view) continue;
      this.floaters.get(path)?.destroy();
      const net = entries.reduce((sum, e) => sum + e.delta, 0);
      const good = view.inverse ? net < 0 : net > 0;
      const cut = (t: string) => (t.length > 40 ? `${t.slice(0, 39)}…` : t);
      const biggest = entries.reduce((x, e) => (Math.abs(e.delta) > Math.abs(x.delta) ? e : x));
      const more = entries.length > 1 ? w.more(entries.length - 1) : '';
      const full = (view.bar as unknown as { full: number }).full;
      // Inside the bar's track, right-aligned: the label above and the number beside stay readable.
      const t = this.add
        .text(view.x + full - 2, view.y + 20, `${signed(net)} ${cut(biggest.cause)}${more}`, {
          fontFamily: FONT,
          fontSize: '13px',
          color: good ? UP : DOWN,
          fontStyle: 'bold',
          backgroundColor: '#0b1620',
          padding: { x: 4, y: 0 },
        })
        .setOrigin(1, 0)
        .setDepth(10);
      // Never wider than the bar's track: shorten the cause until the note fits (the ledger keeps it whole).
      for (let n = Math.min(39, biggest.cause.length); t.width > full - 4 && n > 8; n -= 3)
        t.setText(`${signed(net)} ${biggest.cause.slice(0, n).trimEnd()}…${more}`);
      this.floaters.set(path, t);
      const gone = () => {
        if (this.floaters.get(path) === t) this.floaters.delete(path);
        t.destroy();
      };
      // Not a scene timer: the loop sleeps while nothing moves (./frames.ts), and would never reach it.
      if (this.reduced)
        setTimeout(() => {
          if (!t.scene) return; // the table was left meanwhile
          gone();
          this.game.events.emit(REDRAW);
        }, 3000);
      // It fades where it stands: drifting up, it crossed the meter's label above.
      else this.tweens.add({ targets: t, alpha: 0, delay: 2200, duration: 800, onComplete: gone });
    }
  }

  private draw(first: boolean) {
    const s = store.session!;
    const { scenario } = s;
    const seat = store.table(); // the engine's view of the seat on screen: nothing hidden from it is drawn
    const state = seat.view;
    const lang = store.language;
    const w = words().canvas;
    const me = store.humanToAct();
    this.turnText.setText(`${w.turnLine(state.turn, scenario.turns, phaseName(state.phase, lang))}${me ? w.toMove(sideLabel(scenario, me, lang)) : w.waiting}`);
    for (const [path, view] of this.meters) {
      const v = this.read(path);
      const full = (view.bar as unknown as { full: number }).full;
      const width = (full * Math.max(0, Math.min(100, v))) / 100;
      view.value.setText(String(v));
      if (first || this.reduced) view.bar.width = width;
      else if (view.shown !== v) this.tweens.add({ targets: view.bar, width, duration: 700, ease: 'Cubic.easeOut' });
      view.shown = v;
    }
    const pips: [x: number, y: number, r: number, color: number][] = []; // each stage of a track is a circle
    scenario.tracks.forEach((track, i) => {
      const lane = this.lanes[i];
      const at = state.tracks[track.id].stage;
      const idx = track.stages.findIndex((x) => x.id === at);
      const stage = track.stages[idx];
      const pipsX = W - 26 - track.stages.length * 22;
      track.stages.forEach((st, j) => {
        const cx = pipsX + j * 22 + 8;
        const cy = lane.y;
        if (j === idx) pips.push([cx, cy, 8, st.value < 0 ? 0xd55e00 : 0x009e73]);
        else pips.push([cx, cy, 6, st.value < 0 ? 0xd55e00 : 0xaaaaaa], [cx, cy, 4, 0x10202c]);
      });
      lane.stage.setText(w.now(textOf(stage?.name, lang)));
      const next = seat.tracks[i].next;
      const nextName = next && textOf(track.stages.find((x) => x.id === next.to)?.name, lang);
      lane.next.setText(next ? `${w.next(nextName ?? '', words().trackEvents[next.on])}${next.needs?.trustAtLeast ? w.bothTrust(next.needs.trustAtLeast) : ''}` : w.noFurther);
    });
    const p = state.proposal;
    const answer = state.lastAnswer ? `${w.lastAnswer(state.lastAnswer.turn, sideLabel(scenario, state.lastAnswer.side, lang), state.lastAnswer.answer)}\n` : '';
    this.tableText.setText(
      p
        ? describeMove(scenario, { type: p.isCounter ? 'counter' : 'propose', side: p.by, give: p.give, ask: p.ask, format: p.format }, lang)
        : `${answer}${state.agreements.length ? w.agreements(state.agreements.map((a) => `${a.id} ${words().agreementStatus[a.status]}`).join(', ')) : w.noPackage}`,
    );
    // The package, then the answer's reason under it; both stay above the chips (the side panel has them whole).
    const bottom = (me && state.phase === 'statements' ? this.chipY : 720) - 6;
    this.fitText(this.tableText, bottom - 22);
    this.reasonText.setY(this.tableText.y + (this.tableText.text ? this.tableText.height + 6 : 0));
    const reason = store.visibleReason();
    this.reasonText.setText(reason ? `“${reason.reason}”` : '');
    this.fitText(this.reasonText, bottom);
    const news = allNews(state).slice(-3).reverse();
    this.newsText.setText(news.length ? news.map((n) => `${w.newsTurn(n.turn)} ${newsWords(scenario, n, lang).title} [${n.cite.join(', ')}]`).join('\n\n') : w.noNews);
    this.drawChips(me);
    this.board.paint(pips.join(' '), (ctx) => {
      for (const [x, y, r, color] of pips) {
        ctx.fillStyle = css(color);
        ctx.beginPath();
        ctx.arc(x, y, r, 0, 2 * Math.PI);
        ctx.fill();
      }
    });
  }

  /** Shorten a wrapped text word by word until its bottom edge is above `bottom`. */
  private fitText(t: Phaser.GameObjects.Text, bottom: number) {
    const close = t.text.startsWith('“') ? '”' : '';
    let words = t.text.split(' ');
    while (words.length > 3 && t.y + t.height > bottom) {
      words = words.slice(0, -2);
      t.setText(`${words.join(' ').replace(/[\s,;:—-]+$/, '')}…${close}`);
    }
  }

  /** Clickable statement chips on the canvas (the same moves as the accessible buttons). */
  private drawChips(me: Side | null) {
    for (const c of this.chips) c.destroy();
    this.chips = [];
    const seat = store.table();
    if (!me || me !== seat.side || seat.phase !== 'statements') return;
    const moves = seat.moves.filter((m): m is Extract<Move, { type: 'statement' }> => m.type === 'statement');
    moves.forEach((m, i) => {
      const x = 16 + i * 170;
      const y = this.chipY;
      const bg = this.add.rectangle(0, 0, 160, 34, [0x009e73, 0x666666, 0xd55e00][i]).setOrigin(0, 0).setStrokeStyle(2, 0xffffff);
      const text = this.add.text(80, 17, words().canvas.chips[m.tone], { fontFamily: FONT, fontSize: '17px', color: '#ffffff', fontStyle: 'bold' }).setOrigin(0.5);
      const chip = this.add.container(x, y, [bg, text]);
      const zone = this.add.zone(0, 0, 160, 34).setOrigin(0, 0).setInteractive({ useHandCursor: true });
      chip.add(zone);
      zone.on('pointerdown', () => {
        play('click');
        store.send(m);
      });
      this.chips.push(chip);
    });
  }
}

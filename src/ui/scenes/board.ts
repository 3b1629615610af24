// The table's board: whatever on the canvas stays put between two changes of the game (labels, meter
// tracks, lanes and their texts, the package, the news) is painted, once per change, onto a plain 2D
// canvas placed under Phaser's (transparent) WebGL canvas, with the felt as its background. Phaser then draws
// on every frame only what moves: the meter bars and a card being dragged. (The meters' notes are painted on a second
// board laid over this one, faded by CSS.)
//
// Why: under software WebGL (Chromium without a GPU: SwiftShader) every pixel a text or panel covers
// costs on every frame. The table's texts and panels took 20–45 ms of GPU-process time per frame
// (a 60 Hz frame has 16.7 ms); baking them into one full-canvas WebGL image cost even more (a textured
// quad that size is the slowest thing to draw there). The browser shows a still canvas for almost
// nothing, as it does the felt (showFelt).
//
// The objects stay Phaser Text and Rectangle objects (Text still lays out, wraps and measures the
// strings), hidden from the WebGL renderer; paint() copies each one's own canvas, or its fill, onto
// the board in the order they were added. Only filled rectangles are painted (no strokes).
//
// The board has as many pixels as Phaser's canvas (the screen's own: ./crisp.ts) and paints the 900×720 world
// scaled onto them; the texts' own canvases are rendered at that scale, so they are copied pixel for pixel.
import Phaser from 'phaser';
import { FELT, showFelt } from './loading';
import { zoomOf } from './crisp';

export type BoardItem = Phaser.GameObjects.Text | Phaser.GameObjects.Rectangle;

export const css = (color: number, alpha = 1) => `rgba(${(color >> 16) & 255}, ${(color >> 8) & 255}, ${color & 255}, ${alpha})`;

export class Board {
  private readonly items: BoardItem[] = [];
  private readonly canvas = document.createElement('canvas');
  private readonly ctx: CanvasRenderingContext2D;
  /** What the board shows: a repaint that would change nothing is skipped. */
  private painted = '';
  /** The last paint's key and extra shapes, painted again when the canvas changes size. */
  private last: { key: string; extra?: (ctx: CanvasRenderingContext2D) => void } = { key: '' };

  /** `layer` names a board laid over the first (its background clear): the table's notes, which fade by CSS, not by frames. */
  constructor(
    private readonly scene: Phaser.Scene,
    layer?: string,
  ) {
    const { game } = scene;
    this.canvas.setAttribute('aria-hidden', 'true');
    this.canvas.dataset.board = layer ?? 'table';
    // Absolutely placed where Phaser's canvas is (see place()), under it: Phaser's canvas is positioned
    // too, and comes later in the page. The board goes just before Phaser's parent element, so that the
    // parent still holds one canvas (tests and tools look for `#game canvas`). The felt moves from
    // Phaser's canvas to the board.
    Object.assign(this.canvas.style, { position: 'absolute', pointerEvents: 'none', background: layer ? 'none' : FELT });
    (game.canvas.parentElement ?? game.canvas).before(this.canvas);
    // The page's print style hides Phaser's parent; the board, beside it, goes too.
    if (!document.getElementById('board-print')) document.head.append(Object.assign(document.createElement('style'), { id: 'board-print', textContent: '@media print { canvas[data-board] { display: none; } }' }));
    game.canvas.style.position = 'relative';
    game.canvas.style.background = 'none';
    // A canvas in memory, not on the GPU: painted once per change, it is then only shown. A GPU-backed one (the
    // default) is rasterised in the GPU process and, under software compositing (SwiftShader), read back in the
    // frame's commit: 50-130 ms frames after a move at a loaded machine, the p99 of the table while meters animate.
    this.ctx = this.canvas.getContext('2d', { willReadFrequently: true })!;
    this.place();
    game.scale.on(Phaser.Scale.Events.RESIZE, this.resized, this);
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      game.scale.off(Phaser.Scale.Events.RESIZE, this.resized, this);
      this.canvas.remove();
      showFelt(scene);
    });
  }

  /** The board's canvas in the page (its style: a layer fades by CSS). */
  get element(): HTMLCanvasElement {
    return this.canvas;
  }

  /** Put an object on the board: Phaser stops drawing it. */
  add<T extends BoardItem>(item: T): T {
    this.items.push(item);
    item.setVisible(false);
    return item;
  }

  /** A new size: the same pixels as Phaser's canvas, in the same place, painted again. */
  private resized() {
    this.place();
    this.painted = '';
    this.paint(this.last.key, this.last.extra);
  }

  /** Same pixels, size and place as Phaser's canvas (its scale manager sizes and centres it with margins). */
  private place() {
    const game = this.scene.game.canvas;
    if (this.canvas.width !== game.width) this.canvas.width = game.width;
    if (this.canvas.height !== game.height) this.canvas.height = game.height;
    const style = this.canvas.style;
    Object.assign(style, { width: game.style.width, height: game.style.height, marginLeft: game.style.marginLeft, marginTop: game.style.marginTop, translate: '' });
    const want = game.getBoundingClientRect();
    const got = this.canvas.getBoundingClientRect();
    if (want.left !== got.left || want.top !== got.top) style.translate = `${want.left - got.left}px ${want.top - got.top}px`;
  }

  /** Paint the board as its objects now stand, then `extra` (shapes drawn straight onto it; `key` says what they show). */
  paint(key = '', extra?: (ctx: CanvasRenderingContext2D) => void): void {
    this.last = { key, extra };
    const zoom = zoomOf(this.scene.game);
    const state = `${this.canvas.width}x${this.canvas.height}\n${key}\n${this.items.map((o) => (o instanceof Phaser.GameObjects.Text ? `T${o.x},${o.y},${o.alpha},${o.text}` : `R${o.x},${o.y},${o.width},${o.height},${o.fillColor},${o.fillAlpha},${o.alpha}`)).join('\n')}`;
    if (state === this.painted) return;
    this.painted = state;
    const ctx = this.ctx;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.setTransform(zoom, 0, 0, zoom, 0, 0); // world units onto the canvas's pixels
    ctx.imageSmoothingQuality = 'high';
    for (const o of this.items) {
      const x = o.x - o.displayOriginX;
      const y = o.y - o.displayOriginY;
      if (o instanceof Phaser.GameObjects.Text) {
        if (!o.text) continue;
        ctx.globalAlpha = o.alpha;
        ctx.drawImage(o.canvas, x, y, o.width, o.height);
      } else if (o.isFilled) {
        ctx.globalAlpha = 1;
        ctx.fillStyle = css(o.fillColor, o.fillAlpha * o.alpha);
        ctx.fillRect(x, y, o.width, o.height);
      }
    }
    ctx.globalAlpha = 1;
    extra?.(ctx);
  }
}

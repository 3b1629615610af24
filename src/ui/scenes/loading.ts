// Loading: a real progress bar over the images the table uses.
import Phaser from 'phaser';
import feltUrl from '../../../assets/images/felt.png?url';
import { textOf, type FlagDef, type Scenario } from '../../engine';
import { SEAT_COLORS, sideFlag } from '../labels';
import type * as Art from './art';
import { store, words } from '../session';
import { crispScene, zoomOf } from './crisp';
import { REDRAW } from './frames';

export const W = 900;
export const H = 720;
export const FONT = 'system-ui, "Segoe UI", Roboto, sans-serif';

/**
 * The felt under the backdrop: the page's felt (#game's background, FELT_AROUND) shows through the transparent
 * canvas, one felt across the whole box rather than a second one fitted to the canvas with bands around it. It is
 * drawn by the browser rather than as a full-screen WebGL image on every frame: under software WebGL (no GPU) that
 * one image cost as much per frame as everything else on the table together.
 */
export function showFelt(scene: Phaser.Scene): void {
  scene.game.canvas.style.background = 'none';
}
export const FELT = `url("${feltUrl}") 0 0 / 100% 100% no-repeat`;
/** The felt behind the canvas too, so that the margins left where the 900×720 table is fitted into a wider or taller box are felt, not bands of page. */
export const FELT_AROUND = `url("${feltUrl}") center / cover no-repeat`;

export class LoadingScene extends Phaser.Scene {
  constructor(private readonly onDone: () => void) {
    super('loading');
  }
  preload() {
    crispScene(this);
    document.body.dataset.scene = 'loading';
    const frame = this.add.rectangle(W / 2, H / 2, 400, 28).setStrokeStyle(2, 0xffffff);
    const bar = this.add.rectangle(W / 2 - 196, H / 2, 0, 20, 0x56b4e9).setOrigin(0, 0.5);
    const label = this.add.text(W / 2, H / 2 + 40, words().page.loadingPercent(0), { fontFamily: FONT, fontSize: '20px', color: '#ffffff' }).setOrigin(0.5);
    this.load.on('progress', (p: number) => {
      bar.width = 392 * p;
      label.setText(words().page.loadingPercent(Math.round(p * 100)));
    });
    void frame;
    this.load.image('felt', feltUrl);
  }
  create() {
    // Hand over once Phaser counts this scene as running (after create() returns), so that the next
    // screen can stop it: stopped from inside create() it went on running, hidden under the felt.
    this.events.once(Phaser.Scenes.Events.CREATE, () => this.onDone());
  }
}

/** The emblem's size on the table, in world units. */
const EMBLEM = 256;

/**
 * The emblem (the two sides, split by a white line, in a white ring), drawn with the 2D canvas at the size it is
 * shown in device pixels, so that it is smooth and sharp at any size; drawn again when that size changes.
 */
function emblemTexture(scene: Phaser.Scene): string {
  const px = Math.max(16, Math.ceil(EMBLEM * zoomOf(scene.game)));
  const key = `emblem-${px}`;
  if (scene.textures.exists(key)) return key;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = px;
  const ctx = canvas.getContext('2d')!;
  const c = px / 2;
  ctx.fillStyle = '#ececec';
  ctx.beginPath();
  ctx.arc(c, c, px * 0.47, 0, 2 * Math.PI);
  ctx.fill();
  for (const [colour, from] of [[SEAT_COLORS[0], Math.PI / 2], [SEAT_COLORS[1], -Math.PI / 2]] as const) {
    ctx.fillStyle = `#${colour.toString(16).padStart(6, '0')}`;
    ctx.beginPath();
    ctx.arc(c, c, px * 0.43, from, from + Math.PI);
    ctx.closePath();
    ctx.fill();
  }
  ctx.fillStyle = '#ececec';
  ctx.fillRect(c - px * 0.018, c - px * 0.45, px * 0.036, px * 0.9);
  scene.textures.addCanvas(key, canvas);
  return key;
}

/**
 * Under the logo: the scenario's two sides and its year once one is chosen (on the title screen, or the game's), the
 * game's tagline before. Nothing in it belongs to any one scenario.
 */
export function captionUnderLogo(): string {
  const w = words().page;
  const lang = store.language;
  const game = store.session?.scenario;
  const shown = store.screen === 'title' || !game ? store.onTitle : { sides: game.seats.map((id) => game.sides[id].name), year: game.year };
  return shown ? w.caption(textOf(shown.sides[0], lang), textOf(shown.sides[1], lang), shown.year) : w.tagline;
}

/** A flag drawn with the 2D canvas at the device pixels it is shown at (like the emblem). */
function flagTexture(scene: Phaser.Scene, art: typeof Art, flag: FlagDef, w: number, h: number): string {
  const zoom = zoomOf(scene.game);
  const key = `flag-${JSON.stringify(flag)}-${Math.ceil(w * zoom)}`;
  if (scene.textures.exists(key)) return key;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil((w + 8) * zoom);
  canvas.height = Math.ceil((h + 8) * zoom);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(zoom, zoom);
  ctx.shadowColor = 'rgba(0,0,0,0.5)';
  art.paintFlag(ctx, flag, 4, 4, w, h);
  scene.textures.addCanvas(key, canvas);
  return key;
}

/** Behind the title, briefing and hand-off: the emblem, nothing confidential. */
export class BackdropScene extends Phaser.Scene {
  constructor() {
    super('backdrop');
  }
  create(data: { caption?: string }) {
    crispScene(this);
    showFelt(this);
    const w = words().page;
    const emblem = this.add.image(W / 2, H / 2 - 60, emblemTexture(this)).setDisplaySize(EMBLEM, EMBLEM);
    const redraw = () => {
      const old = emblem.texture.key;
      emblem.setTexture(emblemTexture(this)).setDisplaySize(EMBLEM, EMBLEM);
      if (old !== emblem.texture.key) this.textures.remove(old); // one size at a time, not one per size the window had
    };
    this.scale.on(Phaser.Scale.Events.RESIZE, redraw);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.scale.off(Phaser.Scale.Events.RESIZE, redraw));
    this.add.text(W / 2, H / 2 + 110, w.brand, { fontFamily: FONT, fontSize: '64px', color: '#ffffff', fontStyle: 'bold' }).setOrigin(0.5);
    const caption = this.add.text(W / 2, H / 2 + 170, data.caption ?? captionUnderLogo(), { fontFamily: FONT, fontSize: '22px', color: '#dddddd' }).setOrigin(0.5);
    if (!data.caption) {
      const off = store.onTitleChoice(() => {
        caption.setText(captionUnderLogo());
        this.game.events.emit(REDRAW);
      });
      this.events.once(Phaser.Scenes.Events.SHUTDOWN, off);
    }
    // The briefing and the hand-off: the game's two flags either side of the emblem (public, like its caption).
    const game = store.session?.scenario;
    if (game && store.screen !== 'title') void import('./art').then((art) => this.showFlags(art, game));
    // One slow turn as the screen comes up, then still: a screen people read should not redraw forever.
    if (!matchMedia('(prefers-reduced-motion: reduce)').matches) this.tweens.add({ targets: emblem, angle: 360, duration: 6000, ease: 'Cubic.easeOut' });
  }

  private showFlags(art: typeof Art, scenario: Scenario) {
    if (!this.sys.isActive()) return;
    const size = { w: 150, h: 100 };
    scenario.seats.forEach((side, i) => {
      const x = W / 2 + (i === 0 ? -1 : 1) * 250;
      const image = this.add.image(x, H / 2 - 60, flagTexture(this, art, sideFlag(scenario, side), size.w, size.h)).setDisplaySize(size.w + 8, size.h + 8);
      const redraw = () => image.setTexture(flagTexture(this, art, sideFlag(scenario, side), size.w, size.h)).setDisplaySize(size.w + 8, size.h + 8);
      this.scale.on(Phaser.Scale.Events.RESIZE, redraw);
      this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.scale.off(Phaser.Scale.Events.RESIZE, redraw));
    });
    this.game.events.emit(REDRAW);
  }
}

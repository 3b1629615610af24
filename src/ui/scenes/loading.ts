// Loading: a real progress bar over the images the table uses.
import Phaser from 'phaser';
import emblemUrl from '../../../assets/images/emblem.png?url';
import feltUrl from '../../../assets/images/felt.png?url';

export const W = 900;
export const H = 720;
export const FONT = 'system-ui, "Segoe UI", Roboto, sans-serif';

export class LoadingScene extends Phaser.Scene {
  constructor(private readonly onDone: () => void) {
    super('loading');
  }
  preload() {
    document.body.dataset.scene = 'loading';
    const frame = this.add.rectangle(W / 2, H / 2, 400, 28).setStrokeStyle(2, 0xffffff);
    const bar = this.add.rectangle(W / 2 - 196, H / 2, 0, 20, 0x56b4e9).setOrigin(0, 0.5);
    const label = this.add.text(W / 2, H / 2 + 40, 'Loading 0 %', { fontFamily: FONT, fontSize: '20px', color: '#ffffff' }).setOrigin(0.5);
    this.load.on('progress', (p: number) => {
      bar.width = 392 * p;
      label.setText(`Loading ${Math.round(p * 100)} %`);
    });
    void frame;
    this.load.image('emblem', emblemUrl);
    this.load.image('felt', feltUrl);
  }
  create() {
    this.onDone();
  }
}

/** Behind the title, briefing and hand-off: the emblem, nothing confidential. */
export class BackdropScene extends Phaser.Scene {
  constructor() {
    super('backdrop');
  }
  create(data: { caption?: string }) {
    this.add.image(W / 2, H / 2, 'felt').setDisplaySize(W, H);
    const emblem = this.add.image(W / 2, H / 2 - 60, 'emblem').setScale(2);
    this.add.text(W / 2, H / 2 + 110, 'RESET', { fontFamily: FONT, fontSize: '64px', color: '#ffffff', fontStyle: 'bold' }).setOrigin(0.5);
    this.add.text(W / 2, H / 2 + 170, data.caption ?? 'United States · Russia · 2009–2017', { fontFamily: FONT, fontSize: '22px', color: '#dddddd' }).setOrigin(0.5);
    if (!matchMedia('(prefers-reduced-motion: reduce)').matches) this.tweens.add({ targets: emblem, angle: 360, duration: 60000, repeat: -1 });
  }
}

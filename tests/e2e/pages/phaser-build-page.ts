// Exercises every Phaser feature the UI relies on, so the custom production build can be checked
// in a real browser: Text, Graphics, Rectangle, Container, Image, Zone, tweens, time events,
// pointer and keyboard input, the loader (image, text, json) and the Scale manager, on WebGL.
import Phaser from 'phaser';

const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

class CheckScene extends Phaser.Scene {
  constructor() {
    super('check');
  }
  preload() {
    this.load.image('pixel', PIXEL);
    this.load.text('note', `data:text/plain;base64,${btoa('loaded')}`); // Phaser reads data: URLs as base64
    this.load.json('data', `data:application/json;base64,${btoa('{"ok":true}')}`);
  }
  create() {
    const note = this.cache.text.get('note') as string;
    const data = this.cache.json.get('data') as { ok: boolean };
    const g = this.add.graphics();
    g.fillStyle(0x0072b2, 1).fillRoundedRect(40, 40, 300, 60, 8);
    const label = this.add.text(60, 55, `Custom build: ${note}, json ${data.ok}`, { fontFamily: 'sans-serif', fontSize: '20px', color: '#ffffff' });
    const meter = this.add.rectangle(0, 0, 10, 24, 0xe69f00).setOrigin(0, 0.5);
    const box = this.add.container(60, 160, [this.add.rectangle(0, 0, 400, 30, 0x333333).setOrigin(0, 0.5), meter]);
    const img = this.add.image(500, 160, 'pixel').setDisplaySize(30, 30);
    this.tweens.add({ targets: meter, width: 300, duration: 400, yoyo: true, repeat: -1 });
    this.tweens.add({ targets: img, angle: 360, duration: 1000, repeat: -1 });
    let ticks = 0;
    this.time.addEvent({ delay: 50, loop: true, callback: () => (ticks++, (document.body.dataset.ticks = String(ticks))) });
    const zone = this.add.zone(40, 40, 300, 60).setOrigin(0, 0).setInteractive({ useHandCursor: true });
    zone.on('pointerdown', () => {
      label.setText('Clicked');
      document.body.dataset.clicked = 'yes';
    });
    this.input.keyboard!.on('keydown-ENTER', () => (document.body.dataset.key = 'Enter'));
    document.body.dataset.renderer = this.game.renderer.type === Phaser.WEBGL ? 'webgl' : 'other';
    document.body.dataset.scale = String(this.scale.width);
    void box;
    document.body.dataset.scene = 'title';
  }
}

new Phaser.Game({
  type: Phaser.AUTO,
  parent: 'game',
  width: 1280,
  height: 720,
  backgroundColor: '#12202e',
  scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
  scene: [CheckScene],
});

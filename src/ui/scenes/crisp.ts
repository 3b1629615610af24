// Drawn at the screen's own pixels. The scenes lay the table out in a fixed world of W×H units (900×720); the
// canvas is as many device pixels as it shows (its CSS size times devicePixelRatio), and each scene's camera
// zooms the world onto it. Text is rendered at that zoom too, so that it is sharp rather than stretched.
// (Phaser 4 has no resolution setting for the game: its ScaleManager's FIT mode sizes the canvas's CSS box to the
// parent, and setGameSize sets how many pixels the canvas has.)
import Phaser from 'phaser';
import { W, H } from './loading';

/** Device pixels per world unit. */
export const zoomOf = (game: Phaser.Game): number => game.scale.width / W;

/**
 * Give the canvas one pixel per device pixel of the box it is shown in (the table fitted into #game), once the
 * box or the device pixel ratio changes. Returns false when the box is hidden (the debrief hides the canvas).
 */
export function fitToScreen(game: Phaser.Game): boolean {
  const box = (game.canvas.parentElement ?? game.canvas).getBoundingClientRect();
  if (box.width < 1 || box.height < 1) return false;
  const fit = Math.min(box.width / W, box.height / H);
  const dpr = window.devicePixelRatio || 1;
  const width = Math.max(1, Math.round(W * fit * dpr));
  const height = Math.max(1, Math.round(H * fit * dpr));
  game.scale.getParentBounds();
  if (game.scale.width !== width || game.scale.height !== height) game.scale.setGameSize(width, height);
  else game.scale.refresh();
  return true;
}

/** Keep the canvas fitted as the page is resized, zoomed, or moved to a screen of another pixel ratio. */
export function keepFitted(game: Phaser.Game): void {
  const fit = () => fitToScreen(game);
  new ResizeObserver(fit).observe(game.canvas.parentElement ?? game.canvas);
  const watchRatio = () => {
    const query = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    query.addEventListener('change', () => (fit(), watchRatio()), { once: true });
  };
  watchRatio();
  fit();
}

/** Text objects in a display list, those inside containers too. */
function textsIn(list: Phaser.GameObjects.GameObject[], out: Phaser.GameObjects.Text[] = []): Phaser.GameObjects.Text[] {
  for (const o of list) {
    if (o instanceof Phaser.GameObjects.Text) out.push(o);
    else if (o instanceof Phaser.GameObjects.Container) textsIn(o.list, out);
  }
  return out;
}

/**
 * Make a scene crisp: its camera shows the W×H world on the whole canvas, and every text in it (now and added
 * later) is rendered at the canvas's pixels per world unit. Call first in create() (or preload()).
 */
export function crispScene(scene: Phaser.Scene): void {
  const apply = () => {
    const zoom = zoomOf(scene.game);
    scene.cameras.main.setSize(scene.scale.width, scene.scale.height).setZoom(zoom).centerOn(W / 2, H / 2);
    for (const t of textsIn(scene.children.list)) if (t.style.resolution !== zoom) t.setResolution(zoom);
  };
  const added = (o: Phaser.GameObjects.GameObject) => {
    const zoom = zoomOf(scene.game);
    if (o instanceof Phaser.GameObjects.Text && o.style.resolution !== zoom) o.setResolution(zoom);
  };
  apply();
  scene.scale.on(Phaser.Scale.Events.RESIZE, apply);
  scene.events.on(Phaser.Scenes.Events.ADDED_TO_SCENE, added);
  scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
    scene.scale.off(Phaser.Scale.Events.RESIZE, apply);
    scene.events.off(Phaser.Scenes.Events.ADDED_TO_SCENE, added);
  });
}

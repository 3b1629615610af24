// Phaser draws only while something on the canvas changes or moves. A Phaser game redraws its whole canvas every
// frame, and at a table where nothing moves that cost a laptop's battery ~10 ms of GPU-process time per frame
// under software WebGL. So the game's loop sleeps (Phaser's TimeStep.sleep(), public since 3.0) once a couple of
// frames have passed with no tween running and no scene loading, and wakes (TimeStep.wake()) when something may
// change what it draws: a move, a new screen, a new size, or a scene's own REDRAW event. (Phaser 4 handles pointer
// and key events as they come, not in its step: a click on a chip or a key for a scene is taken while it sleeps.)
import Phaser from 'phaser';

/** A scene that changes what it draws outside a tween (a timer of its own ran out) emits this on game.events. */
export const REDRAW = 'reset-redraw';

/** Frames drawn with nothing moving before the loop sleeps: the last change gets drawn, and one more for safety. */
const SETTLE_FRAMES = 2;

export interface FrameGate {
  /** Draw again (from the next animation frame) until things settle. */
  wake(): void;
}

export function drawOnlyWhenNeeded(game: Phaser.Game): FrameGate {
  let quiet = 0;
  let pending = false;
  const moving = () => game.scene.isActive('loading') || game.scene.getScenes(true).some((s) => s.tweens.getTweens().length > 0);
  game.events.on(Phaser.Core.Events.POST_RENDER, () => {
    if (moving()) quiet = 0;
    else if (++quiet >= SETTLE_FRAMES) game.loop.sleep();
  });
  const wake = () => {
    quiet = 0;
    if (game.loop.running || pending) return;
    // On the next frame, not inside the caller (a DOM event, a Phaser input handler): wake() steps at once.
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      if (game.loop.running) return;
      game.loop.resetDelta(); // time asleep is not time to animate: a tween begun now starts from its start
      game.loop.wake();
    });
  };
  game.events.on(REDRAW, wake);
  game.scale.on(Phaser.Scale.Events.RESIZE, wake);
  return { wake };
}

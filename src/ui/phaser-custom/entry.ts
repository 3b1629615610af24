// A smaller Phaser for the production build: Phaser's own core entry plus only the game objects the
// UI uses (Text, Graphics, Image come with core; Rectangle, Container and Zone are added here), and the
// full Display, Math and Utils namespaces (small, used all over scene code) and Geom's Rectangle and Circle.
// vite.config.ts points 'phaser' here for `vite build` only (see ./vite-plugin.ts); dev and tests
// use the full package. Phaser's sound is left out: howler owns sound (src/audio), so the game config
// should say `audio: { noAudio: true }` (then this.load.audio is skipped rather than failing here).
import Core from 'phaser-src/phaser-core.js';
import Container from 'phaser-src/gameobjects/container/Container.js';
import 'phaser-src/gameobjects/container/ContainerFactory.js'; // registers this.add / this.make
import 'phaser-src/gameobjects/container/ContainerCreator.js'; // registers this.add / this.make
import Zone from 'phaser-src/gameobjects/zone/Zone.js';
import 'phaser-src/gameobjects/zone/ZoneFactory.js'; // registers this.add / this.make
import 'phaser-src/gameobjects/zone/ZoneCreator.js'; // registers this.add / this.make
import Shape from 'phaser-src/gameobjects/shape/Shape.js';
import Rectangle from 'phaser-src/gameobjects/shape/rectangle/Rectangle.js';
import 'phaser-src/gameobjects/shape/rectangle/RectangleFactory.js'; // registers this.add / this.make
import Display from 'phaser-src/display/index.js';
import GeomRectangle from 'phaser-src/geom/rectangle/index.js';
import GeomCircle from 'phaser-src/geom/circle/index.js';
import PhaserMath from 'phaser-src/math/index.js';
import Utils from 'phaser-src/utils/index.js';

const GameObjects = {
  ...Core.GameObjects,
  Container,
  Zone,
  Shape,
  Rectangle,
};

const Geom = { Rectangle: GeomRectangle, Circle: GeomCircle }; // hit areas; the rest of Geom (~8 KB gz) is unused
const Phaser = { ...Core, GameObjects, Display: { ...Display, ...Core.Display }, Geom, Math: PhaserMath, Utils };
(globalThis as { Phaser?: unknown }).Phaser = Phaser;
export default Phaser;

// Named exports, as Phaser's ESM build has them (a name missing here fails the build loudly).
export const {
  AUTO,
  CANVAS,
  WEBGL,
  HEADLESS,
  FOREVER,
  NONE,
  UP,
  DOWN,
  LEFT,
  RIGHT,
  VERSION,
  Animations,
  BlendModes,
  Cache,
  Cameras,
  Class,
  DOM,
  Data,
  Events,
  Filters,
  Game,
  Input,
  Loader,
  Plugins,
  Renderer,
  Scale,
  ScaleModes,
  Scene,
  Scenes,
  Structs,
  Textures,
  Time,
  TintModes,
  Tweens,
} = Phaser;
export { GameObjects, Display, Geom, PhaserMath as Math, Utils };

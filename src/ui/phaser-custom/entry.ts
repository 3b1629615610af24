// A smaller Phaser for the production build: Phaser's core (as its phaser-core.js entry lists it) with
// only the game objects the UI uses (Text, Graphics, Image, Rectangle, Container, Zone), the loader's
// image, JSON and text files, the full Display, Math and Utils namespaces, and Geom's Rectangle and Circle.
// vite.config.ts points 'phaser' here for `vite build` only (see ./vite-plugin.ts); dev and tests
// use the full package. Phaser's sound is left out: howler owns sound (src/audio), so the game config
// should say `audio: { noAudio: true }` (then this.load.audio is skipped rather than failing here).
import 'phaser-src/polyfills/requestVideoFrame.js';
import CONST from 'phaser-src/const.js';
import Extend from 'phaser-src/utils/object/Extend.js';
import AnimationsNs from 'phaser-src/animations/index.js';
import BlendModesNs from 'phaser-src/renderer/BlendModes.js';
import CacheNs from 'phaser-src/cache/index.js';
import Scene2D from 'phaser-src/cameras/2d/index.js';
import CoreNs from 'phaser-src/core/index.js';
import ClassFn from 'phaser-src/utils/Class.js';
import DataNs from 'phaser-src/data/index.js';
import Masks from 'phaser-src/display/mask/index.js';
import DOMNs from 'phaser-src/dom/index.js';
import EventsNs from 'phaser-src/events/index.js';
import GameClass from 'phaser-src/core/Game.js';
import DisplayList from 'phaser-src/gameobjects/DisplayList.js';
import GameObjectCreator from 'phaser-src/gameobjects/GameObjectCreator.js';
import GameObjectFactory from 'phaser-src/gameobjects/GameObjectFactory.js';
import UpdateList from 'phaser-src/gameobjects/UpdateList.js';
import Components from 'phaser-src/gameobjects/components/index.js';
import BuildGameObject from 'phaser-src/gameobjects/BuildGameObject.js';
import GameObject from 'phaser-src/gameobjects/GameObject.js';
import Graphics from 'phaser-src/gameobjects/graphics/Graphics.js';
import 'phaser-src/gameobjects/graphics/GraphicsFactory.js'; // each Factory/Creator registers this.add.x / this.make.x
import 'phaser-src/gameobjects/graphics/GraphicsCreator.js';
import Image from 'phaser-src/gameobjects/image/Image.js';
import 'phaser-src/gameobjects/image/ImageFactory.js';
import 'phaser-src/gameobjects/image/ImageCreator.js';
import Text from 'phaser-src/gameobjects/text/Text.js';
import 'phaser-src/gameobjects/text/TextFactory.js';
import 'phaser-src/gameobjects/text/TextCreator.js';
import Container from 'phaser-src/gameobjects/container/Container.js';
import 'phaser-src/gameobjects/container/ContainerFactory.js';
import 'phaser-src/gameobjects/container/ContainerCreator.js';
import Zone from 'phaser-src/gameobjects/zone/Zone.js';
import 'phaser-src/gameobjects/zone/ZoneFactory.js';
import 'phaser-src/gameobjects/zone/ZoneCreator.js';
import Shape from 'phaser-src/gameobjects/shape/Shape.js';
import Rectangle from 'phaser-src/gameobjects/shape/rectangle/Rectangle.js';
import 'phaser-src/gameobjects/shape/rectangle/RectangleFactory.js';
import InputNs from 'phaser-src/input/index.js';
import ImageFile from 'phaser-src/loader/filetypes/ImageFile.js'; // each FileType registers this.load.x
import JSONFile from 'phaser-src/loader/filetypes/JSONFile.js';
import TextFile from 'phaser-src/loader/filetypes/TextFile.js';
import File from 'phaser-src/loader/File.js';
import FileTypesManager from 'phaser-src/loader/FileTypesManager.js';
import LoaderPlugin from 'phaser-src/loader/LoaderPlugin.js';
import LoaderEvents from 'phaser-src/loader/events/index.js';
import DisplayNs from 'phaser-src/display/index.js';
import GeomRectangle from 'phaser-src/geom/rectangle/index.js';
import GeomCircle from 'phaser-src/geom/circle/index.js';
import PhaserMath from 'phaser-src/math/index.js';
import UtilsNs from 'phaser-src/utils/index.js';
import PluginsNs from 'phaser-src/plugins/index.js';
import RendererNs from 'phaser-src/renderer/index.js';
import ScaleNs from 'phaser-src/scale/index.js';
import ScaleModesNs from 'phaser-src/renderer/ScaleModes.js';
import SceneClass from 'phaser-src/scene/Scene.js';
import ScenesNs from 'phaser-src/scene/index.js';
import StructsNs from 'phaser-src/structs/index.js';
import TexturesNs from 'phaser-src/textures/index.js';
import TimeNs from 'phaser-src/time/index.js';
import TintModesNs from 'phaser-src/renderer/TintModes.js';
import TweensNs from 'phaser-src/tweens/index.js';

// Phaser's phaser-core.js, written out without the parts the UI never uses: Sprite, Layer, Filters,
// and the loader's atlas, sprite-sheet, audio, XML, script and plugin file types.
const Phaser = Extend(
  false,
  {
    Animations: AnimationsNs,
    BlendModes: BlendModesNs,
    Cache: CacheNs,
    Cameras: { Scene2D },
    Core: CoreNs,
    Class: ClassFn,
    Data: DataNs,
    Display: { ...DisplayNs, Masks },
    DOM: DOMNs,
    Events: EventsNs,
    Game: GameClass,
    GameObjects: { DisplayList, GameObjectCreator, GameObjectFactory, UpdateList, Components, BuildGameObject, GameObject, Graphics, Image, Text, Container, Zone, Shape, Rectangle },
    Geom: { Rectangle: GeomRectangle, Circle: GeomCircle }, // hit areas; the rest of Geom (~8 KB gz) is unused
    Input: InputNs,
    Loader: { Events: LoaderEvents, FileTypes: { ImageFile, JSONFile, TextFile }, File, FileTypesManager, LoaderPlugin },
    Math: PhaserMath,
    Plugins: PluginsNs,
    Renderer: RendererNs,
    Scale: ScaleNs,
    ScaleModes: ScaleModesNs,
    Scene: SceneClass,
    Scenes: ScenesNs,
    Structs: StructsNs,
    Textures: TexturesNs,
    Time: TimeNs,
    TintModes: TintModesNs,
    Tweens: TweensNs,
    Utils: UtilsNs,
  },
  CONST,
);
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
export const { GameObjects, Display, Geom, Utils } = Phaser;
export { PhaserMath as Math };

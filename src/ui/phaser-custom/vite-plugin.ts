// Build-time switch to the custom Phaser entry (./entry.ts): only for `vite build`, so the dev
// server and the browser tests run the full package. Phaser's source tests feature flags with
// `typeof FLAG`; they are fixed here as Phaser's own webpack build does (without this the build
// pulls in phaser3spectorjs and fails).
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const PHASER_SRC = resolve(import.meta.dirname, '../../../node_modules/phaser/src');
const FLAGS: Record<string, boolean> = {
  WEBGL_RENDERER: true,
  CANVAS_RENDERER: false,
  WEBGL_DEBUG: false,
  FEATURE_SOUND: false,
  PLUGIN_CAMERA3D: false,
  PLUGIN_FBINSTANT: false,
};
const FLAG_RE = new RegExp(`typeof (${Object.keys(FLAGS).join('|')})\\b`, 'g');

export function phaserCustomBuild(): Plugin {
  return {
    name: 'reset:phaser-custom-build',
    apply: 'build',
    enforce: 'pre',
    config: () => ({
      resolve: {
        alias: [
          { find: /^phaser$/, replacement: resolve(import.meta.dirname, 'entry.ts') },
          { find: /^phaser-src\//, replacement: `${PHASER_SRC}/` },
        ],
      },
    }),
    transform(code, id) {
      if (!id.startsWith(PHASER_SRC) || !code.includes('typeof ')) return null;
      const out = code.replace(FLAG_RE, (_, flag: string) => String(FLAGS[flag]));
      return out === code ? null : { code: out, map: null };
    },
  };
}

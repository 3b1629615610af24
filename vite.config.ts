import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { builtInScenarios } from './src/scenario/built-in-plugin';
import { scenarioHotReload } from './src/scenario/vite-plugin';
import { phaserCustomBuild } from './src/ui/phaser-custom/vite-plugin';

export default defineConfig({
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  define: { global: 'globalThis' },
  plugins: [scenarioHotReload(), builtInScenarios(), phaserCustomBuild()],
  build: {
    target: 'es2022',
    sourcemap: false,
    // The classroom server serves only the files the classroom pages need, read from the manifest (src/net/server/pages.ts).
    manifest: true,
    rollupOptions: {
      input: {
        game: resolve(import.meta.dirname, 'index.html'),
        lessons: resolve(import.meta.dirname, 'lessons.html'),
        teacher: resolve(import.meta.dirname, 'classroom/teacher.html'),
        student: resolve(import.meta.dirname, 'classroom/student.html'),
      },
    },
  },
});

import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/**
 * Three bundles (issue #2): main (the Electron shell plus the browser host, which share the
 * services, and the parse worker), preload (CommonJS: a sandboxed window cannot load an ES module preload), renderer.
 */
export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rolldownOptions: {
        input: {
          index: resolve('src/main/electron/main.ts'),
          host: resolve('src/main/host/cli.ts'),
          // The parse worker (issue #10 §1), found by mail/parsePool.ts next to the bundle as
          // worker/parseWorker.mjs — the same relative path as beside its source, for Vitest.
          'worker/parseWorker': resolve('src/main/services/mail/worker/parseWorker.mjs'),
        },
        output: {
          entryFileNames: (chunk: { name: string }) => (chunk.name === 'worker/parseWorker' ? '[name].mjs' : '[name].js'),
        },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('src/main/electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [react()],
    build: {
      // Minified: the window parses less before the first folder shows (issue #3: first rows
      // within a second). POSTVAK_NO_MINIFY=1 keeps names readable for a CPU profile.
      minify: !process.env.POSTVAK_NO_MINIFY,
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    // The search index's Worker is a module Worker (issue #13 §3): its chunks load as ES modules,
    // and sqlite-wasm finds sqlite3.wasm beside itself by `new URL(…, import.meta.url)`.
    worker: { format: 'es' },
    optimizeDeps: { exclude: ['@sqlite.org/sqlite-wasm'] },
  },
});

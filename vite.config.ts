import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { buildStamp } from './scripts/vite-build-stamp.js';
import { precompress } from './scripts/vite-precompress.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('web'),
  plugins: [react(), buildStamp(here('.'), here('dist/web')), precompress()],
  build: {
    outDir: here('dist/web'),
    emptyOutDir: true,
    // Maps would publish the sources next to the app; the dev server has its own.
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:8080', changeOrigin: false },
    },
  },
});

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Vitest reads this file too (there is no vitest.config.ts): it must keep the repository root as its root,
// or it would look for tests under web/.
const underVitest = Boolean(process.env.VITEST);

export default defineConfig({
  root: underVitest ? here('.') : here('web'),
  plugins: [react()],
  build: {
    outDir: here('dist/web'),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:8080', changeOrigin: false },
    },
  },
});

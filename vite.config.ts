import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer is built once and served as files by either host; no dev server in tests. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
  },
  worker: { format: 'es' },
});

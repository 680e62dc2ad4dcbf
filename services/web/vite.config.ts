import { defineConfig } from 'vite';

export default defineConfig({
  esbuild: { jsx: 'automatic' },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    proxy: { '/api': process.env.GEVINST_API ?? 'http://localhost:3000', '/healthz': process.env.GEVINST_API ?? 'http://localhost:3000' },
  },
});

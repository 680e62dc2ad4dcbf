import { defineConfig } from 'vite';

const api = process.env.GEVINST_API ?? 'http://localhost:3000';

export default defineConfig({
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        manualChunks: (id) => (/node_modules\/.*\/(echarts|zrender)\//.test(id) ? 'charts' : /node_modules/.test(id) ? 'vendor' : undefined),
      },
      // react-router marks its modules "use client" for React Server Components; a browser bundle has no use for it
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: { proxy: { '/api': api, '/healthz': api } },
});

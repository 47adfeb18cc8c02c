/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const server = process.env.FLOORWATCH_SERVER ?? 'http://127.0.0.1:5080';

export default defineConfig({
  plugins: [react()],
  // The server serves dist/ at its root with an SPA fallback: assets are absolute from '/'.
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: server, changeOrigin: true },
      '/hubs': { target: server, changeOrigin: true, ws: true },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
    // The property tests (many seeds) take a few seconds here and can take several times that on a busy machine.
    testTimeout: 30_000,
  },
});

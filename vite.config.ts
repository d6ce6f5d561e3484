/** Vite build of the browser client: `index.html` at the root, output in `dist/client`, nothing from the network. */
import { defineConfig } from 'vite';

export default defineConfig({
  root: '.',
  // Relative base: the built client works from any path (static server, the game server, file copies).
  base: './',
  // What the client ships that is not code (fonts, favicon, coastlines: assets/README.md) is served at the
  // site root in dev and copied beside index.html on build.
  publicDir: 'assets',
  // `npm run dev` serves the client with hot reload on :5173 and hands the lobby API and the game socket
  // to the game server (`npm start`, :8000; GAME_SERVER to point elsewhere), so online play works in dev too.
  server: {
    port: 5173,
    host: true,
    proxy: {
      '/games': { target: process.env['GAME_SERVER'] ?? 'http://localhost:8000', changeOrigin: true },
      '/socket.io': { target: process.env['GAME_SERVER'] ?? 'http://localhost:8000', changeOrigin: true, ws: true },
    },
  },
  preview: { port: 8000, host: true },
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
    rollupOptions: {
      output: {
        // Phaser (1.4 MB) gets a chunk of its own so our code's size is measured alone (the coastlines are in assets/).
        manualChunks(id: string) {
          if (id.includes('node_modules/phaser')) return 'phaser';
          if (
            id.includes('node_modules/boardgame.io') ||
            id.includes('node_modules/immer') ||
            id.includes('node_modules/redux')
          )
            return 'bgio';
          return undefined;
        },
      },
    },
  },
  worker: { format: 'es' },
});

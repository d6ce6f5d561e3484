/**
 * Production build of the game server (`npm run build`): src/server/main.ts and the bot worker as
 * plain Node ESM in dist/server, run by `npm start` with `node` (no tsx or Vite at run time).
 * boardgame.io is bundled in because plain Node cannot import its subpaths (no exports map);
 * every other package stays in node_modules.
 */
import { cpSync } from 'node:fs';
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  // PostgreSQL's schema migrations are read at start from beside main.js (storage/pg-migrations.ts).
  plugins: [
    {
      name: 'copy-migrations',
      closeBundle: () => cpSync('src/server/storage/migrations', 'dist/server/migrations', { recursive: true }),
    },
  ],
  ssr: { noExternal: ['boardgame.io'], target: 'node' },
  build: {
    ssr: true,
    outDir: 'dist/server',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: { main: 'src/server/main.ts', 'bot-worker': 'src/server/bot-worker.ts' },
      // boardgame.io's FlatFile storage (never used here) requires it lazily; it is not installed.
      external: ['node-persist'],
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});

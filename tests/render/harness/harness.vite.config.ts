/** Dev server for the renderer harness: `npx vite --config tests/render/harness/harness.vite.config.ts`. */
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
export default defineConfig({
  root: here('../../..'),
  // The client's fonts and coastlines (assets/), at the site root as in the game.
  publicDir: here('../../../assets'),
  server: { port: 8010 },
});

// @ts-check
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/** Two pages, the dashboard at / and the participant portal at /portal/, built into dist/web for the gateway to serve. */
export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [preact()],
  resolve: { alias: { '@sinergi/contracts/': here('../../libs/contracts/src/') } },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    // The gateway's CSP allows no inline script or style: every asset is a file of its own.
    assetsInlineLimit: 0,
    rollupOptions: { input: { dashboard: here('index.html'), portal: here('portal/index.html') } },
  },
});

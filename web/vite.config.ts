import { defineConfig } from 'vitest/config';

// The app is static files: `scripts/start-web.sh` builds it into dist/ and
// serves it; the node and the IPFS gateways are reached from the browser.
export default defineConfig({
  base: './',
  build: { outDir: 'dist', target: 'es2022', chunkSizeWarningLimit: 2048 },
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
});

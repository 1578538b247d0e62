import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// `npm run dev` serves the site with hot reload and passes API and media calls to a running
// Glimpse (GLIMPSE_API, default http://localhost:8080), so config.js can keep apiBase "".
const api = process.env.GLIMPSE_API || 'http://localhost:8080';

export default defineConfig({
  plugins: [preact()],
  server: {
    proxy: {
      '/api': api,
      '/media': api,
    },
  },
  build: {
    // Hashed files under /assets/ are cached for good by the jar and CDNs (see README).
    assetsDir: 'assets',
    target: 'es2020',
  },
  test: {
    include: ['test/**/*.test.js'],
  },
});

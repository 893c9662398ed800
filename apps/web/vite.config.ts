import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API server runs beside Vite; in production it serves dist/ itself.
const apiServer = process.env.API_URL ?? 'http://127.0.0.1:3000';
const proxied = ['/api', '/docs', '/healthz', '/readyz'];
const dashboardLibraries =
  /node_modules[\\/](recharts|d3-[a-z-]+|victory-vendor|sigma|graphology[a-z-]*|topojson-client|world-atlas|@mantine[\\/]charts|es-toolkit|immer|redux|@reduxjs|react-redux|reselect|decimal\.js-light|eventemitter3)[\\/]/;

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // The dashboards' chart chunk (~750 kB, ~220 kB gzip) is loaded only when a dashboard opens.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          // Groups take modules in priority order, with their dependencies: the app's shared libraries
          // are claimed first, so the dashboards' libraries (loaded lazily) never pull them into their chunk.
          groups: [
            {
              name: 'mantine',
              test: /node_modules[\\/]@mantine[\\/](core|hooks|notifications)[\\/]/,
              priority: 3,
            },
            // Validation for forms (the shared Zod contracts): only screens with a form load it.
            { name: 'forms', test: /node_modules[\\/](zod|@mantine[\\/]form)[\\/]/, priority: 3 },
            {
              name: 'vendor',
              test: (id) => /node_modules[\\/]/.test(id) && !dashboardLibraries.test(id),
              priority: 2,
            },
            // Only the dashboards load these: charts, the world map and the graph renderer.
            { name: 'charts', test: dashboardLibraries, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: Object.fromEntries(proxied.map((prefix) => [prefix, { target: apiServer, changeOrigin: false }])),
  },
});

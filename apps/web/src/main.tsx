// Mantine's global styles; each component's stylesheet comes with the component (vite.config.ts says how).
// Not default-css-variables.css: BrandedMantineProvider writes every theme variable itself.
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/global.css';
import './app/global.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { queryClient } from './app/query-client';
import { BrandedMantineProvider } from './features/brand/branded-theme';
import { createAppRouter } from './routes/router';

const router = createAppRouter(queryClient);
// The first screen's code (the signed-in shell and the screen itself) starts loading now, beside the
// session check (GET /me, preloaded by index.html), rather than after it: the router fetches a route's
// code only once every beforeLoad has answered. A failure here is the router's to report when it loads.
for (const route of router.getMatchedRoutes(window.location.pathname)[0]) {
  router.loadRouteChunk(route)?.catch(() => undefined);
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrandedMantineProvider>
        <RouterProvider router={router} />
      </BrandedMantineProvider>
    </QueryClientProvider>
  </StrictMode>,
);

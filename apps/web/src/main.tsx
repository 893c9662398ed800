// Mantine's global styles; each component's stylesheet comes with the component (vite.config.ts says how).
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
import './app/global.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { queryClient } from './app/query-client';
import { BrandedMantineProvider } from './features/brand/branded-theme';
import { createAppRouter } from './routes/router';

const router = createAppRouter(queryClient);
const AppNotifications = lazy(() =>
  import('./app/notifications').then((m) => ({ default: m.AppNotifications })),
);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrandedMantineProvider>
        <Suspense fallback={null}>
          <AppNotifications />
        </Suspense>
        <RouterProvider router={router} />
      </BrandedMantineProvider>
    </QueryClientProvider>
  </StrictMode>,
);

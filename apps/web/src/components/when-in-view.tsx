import { Box } from '@mantine/core';
import { useInViewport } from '@mantine/hooks';
import { type ReactNode, Suspense, useState } from 'react';

/**
 * Renders `children` (typically a lazily loaded chart) once the box first scrolls into view, and keeps
 * it from then on. Until then the box holds its final height, so nothing below it moves when it fills.
 * A chart below the fold costs the first paint neither its code (~220 KiB gzip for the chart library)
 * nor the main thread's time to draw it.
 */
export function WhenInView({ height, children }: { height: number; children: ReactNode }) {
  const { ref, inViewport } = useInViewport();
  const [seen, setSeen] = useState(false);
  // Kept once seen: scrolling the chart away again must not unmount it.
  if (inViewport && !seen) setSeen(true);
  return (
    <Box ref={ref} mih={height}>
      {seen && <Suspense fallback={null}>{children}</Suspense>}
    </Box>
  );
}

import { useMatch, useRouter } from '@tanstack/react-router';
import { useCallback } from 'react';

/**
 * Runs a change of the current page's search parameters only while the person is still on that page.
 * A search box updates the URL once typing pauses; if the person clicked a link in the meantime, the
 * next screen may still be loading (screens load lazily) and the late update would pull them back.
 */
export function useWhileHere() {
  const router = useRouter();
  // The pathname of the match this screen renders, not the router's location: that one already names
  // the next page while it loads.
  const here = useMatch({ strict: false, select: (m) => m.pathname });
  return useCallback(
    (change: () => unknown) => {
      if (router.latestLocation.pathname === here) void change();
    },
    [router, here],
  );
}

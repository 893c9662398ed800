import { Typography } from '@mantine/core';
import { useRouter } from '@tanstack/react-router';
import type { MouseEvent } from 'react';

/**
 * Markdown the server rendered and sanitized (no raw HTML, no script, only safe links). Only an
 * `html` field from the API ever reaches this; a `body` as written is never rendered as HTML.
 * Links within the app (mentions lead to the member directory) navigate without a reload.
 */
export function ServerHtml({ html }: { html: string }) {
  const router = useRouter();
  function onClick(event: MouseEvent<HTMLDivElement>) {
    const link = (event.target as HTMLElement).closest('a');
    const href = link?.getAttribute('href');
    if (!href?.startsWith('/') || href.startsWith('//') || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    event.preventDefault();
    void router.navigate({ href });
  }
  return <Typography fz="sm" onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />;
}

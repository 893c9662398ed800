import { Typography } from '@mantine/core';
import Markdown, { type Components } from 'react-markdown';

// The page around the text has its own title; the text's headings sit one level below it.
const shiftedHeadings: Components = { h1: 'h2', h2: 'h3', h3: 'h4', h4: 'h5', h5: 'h6' };

/**
 * Agreement text is Markdown written by the vendor. react-markdown builds React elements and skips
 * raw HTML (and unsafe link protocols), so nothing in the text can run script or inject markup.
 */
export function MarkdownText({ children }: { children: string }) {
  return (
    <Typography>
      <Markdown components={shiftedHeadings}>{children}</Markdown>
    </Typography>
  );
}

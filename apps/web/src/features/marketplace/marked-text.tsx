import { Mark } from '@mantine/core';

export interface MarkedPart {
  text: string;
  marked: boolean;
}

/**
 * Splits a search snippet into plain and matched parts: the server marks matched words as
 * «word». Parsed into text, never HTML, so nothing in a profile can inject markup.
 */
export function splitMarked(snippet: string): MarkedPart[] {
  const parts: MarkedPart[] = [];
  let marked = false;
  let text = '';
  const flush = () => {
    if (text) parts.push({ text, marked });
    text = '';
  };
  for (const ch of snippet) {
    if (ch === '«' && !marked) {
      flush();
      marked = true;
    } else if (ch === '»' && marked) {
      flush();
      marked = false;
    } else {
      text += ch;
    }
  }
  flush();
  return parts;
}

/** A snippet with its matched words highlighted (<mark>). */
export function MarkedText({ snippet }: { snippet: string }) {
  return (
    <>
      {splitMarked(snippet).map((part, i) =>
        part.marked ? <Mark key={i}>{part.text}</Mark> : <span key={i}>{part.text}</span>,
      )}
    </>
  );
}

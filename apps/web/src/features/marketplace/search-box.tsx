import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';

const DEBOUNCE_MS = 350;

interface SearchBoxProps {
  /** The words in the URL. */
  value: string;
  /** Called with the trimmed words once typing pauses (or on Enter). */
  onSearch: (q: string) => void;
  label: string;
  placeholder: string;
}

/**
 * The search words: typed freely, sent to the URL once typing pauses. A change of the URL from
 * elsewhere (a link, "show every partner") shows in the box; the box's own change does not reset
 * what was typed meanwhile.
 */
export function SearchBox({ value, onSearch, label, placeholder }: SearchBoxProps) {
  const [text, setText] = useState(value);
  // The words this box last sent, and the URL value it last saw.
  const [sent, setSent] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (value !== sent) {
      setText(value);
      setSent(value);
    }
  }

  const send = (q: string) => {
    setSent(q);
    onSearch(q);
  };
  const debounced = useDebouncedCallback((q: string) => send(q.trim()), DEBOUNCE_MS);

  return (
    <TextInput
      type="search"
      label={label}
      placeholder={placeholder}
      leftSection={<IconSearch size={16} aria-hidden />}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        debounced(e.currentTarget.value);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          debounced.cancel();
          send(text.trim());
        }
      }}
      rightSection={
        text ? (
          <CloseButton
            aria-label="Clear the search words"
            onClick={() => {
              debounced.cancel();
              setText('');
              send('');
            }}
          />
        ) : null
      }
      maxLength={200}
    />
  );
}

import { Button, Group, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { createContext, type ReactNode, use, useState } from 'react';

// One filter bar for the lists whose filters live in the URL (deals, partners, referrals): a search box
// that answers every keystroke while the URL (and the request) follow once typing pauses, the list's own
// selects, and "Clear filters" once anything narrows the list.

interface SearchBox {
  text: string;
  type: (text: string) => void;
  flush: () => void;
  clear: () => void;
}

const SearchContext = createContext<SearchBox | null>(null);

interface Props {
  /** Names the search landmark, e.g. "Filter deals". */
  label: string;
  /** The search text in the URL now. */
  q: string | undefined;
  /** Called with the typed text once typing pauses (undefined when only spaces are left). */
  onSearch: (q: string | undefined) => void;
  /** Whether anything narrows the list: offers "Clear filters". */
  filtered: boolean;
  /** Clears every filter; the search box empties itself. */
  onClear: () => void;
  children: ReactNode;
}

export function FilterBar({ label, q, onSearch, filtered, onClear, children }: Props) {
  const [text, setText] = useState(q ?? '');
  const apply = useDebouncedCallback((value: string) => onSearch(value.trim() || undefined), 300);
  const box: SearchBox = {
    text,
    type: (value) => {
      setText(value);
      apply(value);
    },
    flush: () => apply.flush(),
    clear: () => {
      apply.cancel();
      setText('');
    },
  };
  return (
    <SearchContext value={box}>
      <Group align="flex-end" gap="sm" role="search" aria-label={label}>
        {children}
        {filtered && (
          <Button
            variant="subtle"
            onClick={() => {
              box.clear();
              onClear();
            }}
          >
            Clear filters
          </Button>
        )}
      </Group>
    </SearchContext>
  );
}

/** The filter bar's search box; Enter searches at once. */
export function FilterSearch({ placeholder, width }: { placeholder: string; width: number }) {
  const box = use(SearchContext);
  if (!box) throw new Error('FilterSearch outside a FilterBar');
  return (
    <TextInput
      label="Search"
      placeholder={placeholder}
      leftSection={<IconSearch size={16} />}
      value={box.text}
      onChange={(e) => box.type(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') box.flush();
      }}
      w={{ base: '100%', sm: width }}
    />
  );
}

import { Alert, Box, Loader, Paper, Tabs, Text, Textarea, UnstyledButton } from '@mantine/core';
import { useDebouncedValue, useId } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useRef, useState } from 'react';
import { mentionableQueryOptions, usePreview } from '../../api/community';
import { errorMessage } from '../../api/client';
import { ServerHtml } from './html-content';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The space whose members may be @mentioned; without it there is no autocomplete. */
  spaceId?: string;
  maxLength: number;
  error?: string;
  minRows?: number;
  placeholder?: string;
  autoFocus?: boolean;
}

/** An @word right before the caret: what the person is typing a mention of. */
function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)@([^\s@[\]()]{0,40})$/.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[2]!.length - 1, query: match[2]! };
}

/**
 * Markdown with Write and Preview tabs. Preview is the server's rendering (the same sanitizer posts
 * go through). Typing @ offers the space's members and inserts a mention token `@[Name](user:<id>)`.
 */
export function MarkdownComposer({
  label,
  value,
  onChange,
  spaceId,
  maxLength,
  error,
  minRows = 4,
  placeholder,
  autoFocus,
}: Props) {
  const [tab, setTab] = useState<string | null>('write');
  const preview = usePreview();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const [debounced] = useDebouncedValue(mention?.query ?? '', 150);
  const listId = useId();
  const candidates = useQuery({
    ...mentionableQueryOptions(spaceId ?? '', debounced),
    enabled: Boolean(spaceId && mention),
  });
  const options = mention ? (candidates.data ?? []).slice(0, 8) : [];
  const open = Boolean(mention) && (options.length > 0 || candidates.isFetching);

  function track(text: string, caret: number) {
    const next = spaceId ? mentionAt(text, caret) : null;
    setMention(next);
    if (next?.query !== mention?.query) setActive(0);
  }

  function insert(person: { id: string; name: string }) {
    if (!mention) return;
    const caret = mention.start + 1 + mention.query.length;
    const token = `@[${person.name.replace(/[[\]]/g, '')}](user:${person.id}) `;
    const next = value.slice(0, mention.start) + token + value.slice(caret);
    onChange(next);
    setMention(null);
    const at = mention.start + token.length;
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(at, at);
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!open || options.length === 0) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => (i + 1) % options.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => (i - 1 + options.length) % options.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      const person = options[active];
      if (person) insert(person);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setMention(null);
    }
  }

  return (
    <Box>
      <Tabs
        value={tab}
        onChange={(next) => {
          setTab(next);
          if (next === 'preview' && value.trim()) preview.mutate(value);
        }}
        variant="outline"
      >
        <Tabs.List aria-label={`${label}: write or preview`}>
          <Tabs.Tab value="write">Write</Tabs.Tab>
          <Tabs.Tab value="preview">Preview</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="write" pt="xs">
          <Box pos="relative">
            <Textarea
              ref={textarea}
              label={label}
              description={
                spaceId
                  ? 'Markdown. Type @ to mention a member of this space.'
                  : 'Markdown: **bold**, _italic_, lists, [links](https://…).'
              }
              placeholder={placeholder}
              autosize
              minRows={minRows}
              maxRows={20}
              maxLength={maxLength}
              value={value}
              error={error}
              data-autofocus={autoFocus || undefined}
              onChange={(e) => {
                onChange(e.currentTarget.value);
                track(e.currentTarget.value, e.currentTarget.selectionStart);
              }}
              onKeyDown={onKeyDown}
              onClick={(e) => track(e.currentTarget.value, e.currentTarget.selectionStart)}
              onBlur={() => setTimeout(() => setMention(null), 150)}
              // A multi-line text box that suggests (a textarea may not take the combobox role): it says it
              // completes from a list, which list, and which suggestion is active.
              aria-autocomplete={spaceId ? 'list' : undefined}
              aria-controls={open ? listId : undefined}
              aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
            />
            {open && (
              <Paper
                withBorder
                shadow="md"
                p={4}
                pos="absolute"
                style={{ zIndex: 300, left: 0, right: 0, maxWidth: 360 }}
              >
                {/* A listbox may hold only options: the loader sits beside it while the search runs. */}
                {options.length === 0 && (
                  <Loader size="xs" m="xs" role="status" aria-label="Looking for members" />
                )}
                <Box id={listId} role="listbox" aria-label="Members to mention">
                  {options.map((person, i) => (
                    <UnstyledButton
                      key={person.id}
                      id={`${listId}-${i}`}
                      role="option"
                      aria-selected={i === active}
                      tabIndex={-1}
                      display="block"
                      w="100%"
                      px="sm"
                      py={6}
                      bg={i === active ? 'var(--mantine-color-indigo-light)' : undefined}
                      style={{ borderRadius: 4 }}
                      onMouseDown={(e) => {
                        e.preventDefault();
                        insert(person);
                      }}
                      onMouseEnter={() => setActive(i)}
                    >
                      <Text size="sm">{person.name}</Text>
                    </UnstyledButton>
                  ))}
                </Box>
              </Paper>
            )}
          </Box>
        </Tabs.Panel>
        <Tabs.Panel value="preview" pt="xs">
          <Paper withBorder p="sm" mih={80} aria-label={`${label} preview`} aria-live="polite">
            {!value.trim() ? (
              <Text c="dimmed" size="sm">
                Nothing to preview yet.
              </Text>
            ) : preview.isPending ? (
              <Loader size="sm" role="status" aria-label="Rendering the preview" />
            ) : preview.isError ? (
              <Alert color="red" role="alert">
                {errorMessage(preview.error)}
              </Alert>
            ) : preview.data ? (
              <>
                <ServerHtml html={preview.data.html} />
                {preview.data.mentions.length > 0 && (
                  <Text size="xs" c="dimmed" mt="xs">
                    Notifies {preview.data.mentions.map((m) => m.name).join(', ')}
                  </Text>
                )}
              </>
            ) : null}
          </Paper>
        </Tabs.Panel>
      </Tabs>
    </Box>
  );
}

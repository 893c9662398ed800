import { Paper, Tabs, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { MarkdownText } from './markdown';

interface Props {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  label?: string;
}

/** A Markdown textarea with a preview of exactly what partners will read. */
export function MarkdownEditor({ value, onChange, error, label = 'Agreement text (Markdown)' }: Props) {
  const [tab, setTab] = useState<string | null>('write');
  return (
    <Tabs value={tab} onChange={setTab} keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="write">Write</Tabs.Tab>
        <Tabs.Tab value="preview">Preview</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="write" pt="sm">
        <Textarea
          label={label}
          description="Headings with #, lists with 1. or -, **bold**. HTML is not rendered."
          required
          autosize
          minRows={10}
          maxRows={24}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
          error={error}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
      </Tabs.Panel>
      <Tabs.Panel value="preview" pt="sm">
        <Paper withBorder p="md" mih={200} aria-label="Preview">
          {value.trim() ? (
            <MarkdownText>{value}</MarkdownText>
          ) : (
            <Text c="dimmed">Nothing to preview yet.</Text>
          )}
        </Paper>
        {error && (
          <Text c="red" size="sm" mt="xs" role="alert">
            {error}
          </Text>
        )}
      </Tabs.Panel>
    </Tabs>
  );
}

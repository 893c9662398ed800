// The frame every part of a scorecard sits in, and how it reads a ratio.
import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export const pct = (v: number) => `${(v * 100).toFixed(0)}%`;

export function Section({
  title,
  id,
  note,
  children,
}: {
  title: string;
  id: string;
  note?: string;
  children: ReactNode;
}) {
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Group gap="sm" align="baseline">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {note && (
          <Text size="xs" c="dimmed">
            {note}
          </Text>
        )}
      </Group>
      {children}
    </Stack>
  );
}

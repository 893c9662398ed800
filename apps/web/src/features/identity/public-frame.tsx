import { Center, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { BrandMark, PoweredBy, SupportContact } from '../brand/brand-mark';

/** The frame of the pages a person reaches signed out, from the sign-in page or an emailed link. */
export function PublicFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Paper component="main" withBorder shadow="sm" p="xl" w="100%" maw={460} aria-labelledby="page-title">
        <Stack>
          <div>
            <BrandMark size="md" />
            <Title order={1} id="page-title" size="h2">
              {title}
            </Title>
          </div>
          {children}
          <SupportContact />
          <PoweredBy />
        </Stack>
      </Paper>
    </Center>
  );
}

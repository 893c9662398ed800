import { SimpleGrid, Table, Text } from '@mantine/core';
import type { Scorecard } from '../../api/analytics';
import { HeadlineCard } from './headline-card';
import { Section } from './scorecard-section';

/** Certified people (by certification), course completion and content engagement (docs/METRICS.md). */
export function EnablementSection({ card: c, currency }: { card: Scorecard; currency: string }) {
  const e = c.enablement;
  return (
    <Section
      title="Enablement"
      id="scorecard-enablement"
      note="Certifications in force at the end of the period"
    >
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <HeadlineCard
          label="Certified people"
          figure={{ value: e.certifiedPeople }}
          unit="count"
          currency={currency}
        />
        <HeadlineCard
          label="Course completion rate"
          figure={e.completionRate}
          unit="rate"
          currency={currency}
        />
        <HeadlineCard
          label="Content views"
          figure={{ value: e.contentViews }}
          unit="count"
          currency={currency}
        />
        <HeadlineCard
          label="Content downloads"
          figure={{ value: e.contentDownloads }}
          unit="count"
          currency={currency}
        />
      </SimpleGrid>
      {e.certifiedByType.length > 0 ? (
        <Table withTableBorder aria-label="Certified people by certification" mt="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Certification</Table.Th>
              <Table.Th ta="right">People</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {e.certifiedByType.map((t) => (
              <Table.Tr key={t.typeId}>
                <Table.Th scope="row" fw={400}>
                  {t.name}
                </Table.Th>
                <Table.Td ta="right">{t.people}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" c="dimmed" mt="sm">
          Nobody holds a certification yet.
        </Text>
      )}
    </Section>
  );
}

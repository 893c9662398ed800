import { SimpleGrid } from '@mantine/core';
import type { Scorecard } from '../../api/analytics';
import { HeadlineCard } from './headline-card';
import { Section } from './scorecard-section';

/**
 * Account mapping on one partner's card (docs/METRICS.md): the vendor's open-opportunity accounts the
 * partner disclosed it knows in its latest run, and the vendor's open pipeline there. Vendor staff only.
 */
export function MappingSection({ card: c, currency }: { card: Scorecard; currency: string }) {
  const m = c.mapping;
  if (!m) return null;
  return (
    <Section
      title="Account mapping"
      id="scorecard-mapping"
      note="Latest finished mapping run; pipeline at today's rates"
    >
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <HeadlineCard
          label="Open opportunities the partner knows"
          figure={
            m.openAccountsWithOverlap === null
              ? { value: null, reason: m.openPipelineWithOverlap.reason }
              : { value: m.openAccountsWithOverlap }
          }
          unit="count"
          currency={currency}
        />
        <HeadlineCard
          label="Open pipeline at those accounts"
          figure={m.openPipelineWithOverlap}
          unit="money"
          currency={currency}
        />
      </SimpleGrid>
    </Section>
  );
}

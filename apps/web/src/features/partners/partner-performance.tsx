// The partner page's performance tab: the partner's scorecard figures for the default period
// (revenue, pipeline, referrals, engagement, health, tier progress). Loaded only when the tab opens,
// so the charts it draws stay out of the partner page's first load.
import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconReportAnalytics } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { scorecardCsvHref, scorecardQueryOptions } from '../../api/analytics';
import { ButtonLink } from '../../components/links';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { formatPeriod } from '../analytics/format';
import { HeadlineCard } from '../analytics/headline-card';
import { Engagement, Health } from '../analytics/scorecard-health';
import { Section } from '../analytics/scorecard-section';
import { Tiers } from '../analytics/scorecard-tiers';

export function PartnerPerformance({ partnerId }: { partnerId: string }) {
  const card = useQuery(scorecardQueryOptions(partnerId, {}));
  if (card.isPending) return <LoadingState label="Loading the partner's figures…" />;
  if (card.isError) return <ErrorAlert error={card.error} title="The figures could not be loaded" />;
  const c = card.data;
  const currency = c.period.currency;
  const csv = (section: string) => scorecardCsvHref(partnerId, {}, section);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="baseline">
        <Text size="sm" c="dimmed">
          {formatPeriod(c.period.from, c.period.to)} · amounts in {currency}
        </Text>
        <ButtonLink
          to="/analytics/partners/$partnerId"
          params={{ partnerId }}
          variant="default"
          size="xs"
          leftSection={<IconReportAnalytics size={14} />}
        >
          Full scorecard
        </ButtonLink>
      </Group>
      <Section title="Revenue and pipeline" id="partner-revenue">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
          <HeadlineCard label="Sourced revenue" figure={c.revenue.sourced} unit="money" currency={currency} />
          <HeadlineCard
            label="Influence credit"
            figure={c.revenue.influenceCredit}
            unit="money"
            currency={currency}
          />
          <HeadlineCard label="Open pipeline" figure={c.pipeline.value} unit="money" currency={currency} />
          <HeadlineCard
            label="Open deals"
            figure={{ value: c.pipeline.openDeals }}
            unit="count"
            currency={currency}
          />
        </SimpleGrid>
      </Section>
      <Section
        title="Referrals"
        id="partner-referrals"
        note="Partner-to-partner referrals created in the period"
      >
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
          <HeadlineCard label="Sent" figure={{ value: c.referrals.sent }} unit="count" currency={currency} />
          <HeadlineCard
            label="Received"
            figure={{ value: c.referrals.received }}
            unit="count"
            currency={currency}
          />
          <HeadlineCard
            label="Acceptance rate"
            figure={c.referrals.acceptanceRate}
            unit="rate"
            currency={currency}
          />
          <HeadlineCard
            label="Conversion rate"
            figure={c.referrals.conversionRate}
            unit="rate"
            currency={currency}
          />
        </SimpleGrid>
      </Section>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Health card={c} csv={csv('health')} />
        <Engagement card={c} csv={csv('engagement')} />
      </SimpleGrid>
      <Tiers card={c} csv={csv('tiers')} />
    </Stack>
  );
}

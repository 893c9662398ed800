import { Badge, Breadcrumbs, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBuilding, IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { scorecardCsvHref, scorecardQueryOptions } from '../../api/analytics';
import { isApiError } from '../../api/client';
import { formatDate } from '../../components/dates';
import { AnchorLink, ButtonLink } from '../../components/links';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { useSession } from '../auth/session';
import { PartnerStatusBadge, statusLabels } from '../partners/partner-status-badge';
import { FilterBar, modelLabels } from './filter-bar';
import { formatPeriod } from './format';
import { HeadlineCard } from './headline-card';
import type { DashboardProps } from './dashboard-props';
import { Section } from './scorecard-section';
import { EnablementSection } from './scorecard-enablement';
import { MappingSection } from './scorecard-mapping';
import { Engagement, Health } from './scorecard-health';
import { Tiers, Benchmarks } from './scorecard-tiers';
import { useBrandTitle } from '../brand/brand-mark';

type Props = DashboardProps & { partnerId: string };

/**
 * One partner's scorecard (metrics.md): its revenue, pipeline, referrals, engagement, health and
 * tier progress, with anonymous benchmarks. Vendor staff read any partner's; a partner its own.
 */
export function ScorecardPage({ partnerId, params, onParamsChange }: Props) {
  const { organization } = useSession();
  const isVendor = organization.kind === 'vendor';
  const card = useQuery(scorecardQueryOptions(partnerId, params));
  const c = card.data;
  useBrandTitle(`${c ? `${c.partner.name} · ` : ''}Scorecard`);

  const breadcrumbs = isVendor ? (
    <Breadcrumbs>
      <AnchorLink to="/analytics" search={{ from: params.from, to: params.to }}>
        Analytics
      </AnchorLink>
      <Text size="sm">{c?.partner.name ?? 'Scorecard'}</Text>
    </Breadcrumbs>
  ) : null;

  if (card.isPending) return <LoadingState label="Loading the scorecard…" />;
  if (card.isError) {
    // 404 also means "not yours to see": the API does not tell the two apart, and neither do we.
    return (
      <Stack>
        {breadcrumbs}
        <Title order={1}>{isApiError(card.error, 404) ? 'Scorecard not found' : 'Scorecard'}</Title>
        {isApiError(card.error, 404) ? (
          <Text>
            There is no partner at this address, or you may not see its scorecard.{' '}
            {isVendor && <AnchorLink to="/partners">Back to the partner list</AnchorLink>}
          </Text>
        ) : (
          <ErrorAlert error={card.error} title="The scorecard could not be loaded" />
        )}
      </Stack>
    );
  }
  if (!c) return null;

  const own = organization.id === c.partner.id;
  const currency = c.period.currency;
  const status = c.partner.status in statusLabels ? (c.partner.status as keyof typeof statusLabels) : null;

  return (
    <Stack gap="lg">
      {breadcrumbs}
      <Group justify="space-between" align="flex-start">
        <div>
          <Text c="dimmed" size="sm" fw={500}>
            {own ? 'Your scorecard' : 'Partner scorecard'}
          </Text>
          <Group gap="sm">
            <Title order={1}>{c.partner.name}</Title>
            <Badge variant="light" color="gray" tt="none">
              {c.partner.partnerTypeName}
            </Badge>
            {status ? (
              <PartnerStatusBadge status={status} />
            ) : (
              <Badge variant="light">{c.partner.status}</Badge>
            )}
          </Group>
        </div>
        <Group gap="xs">
          {isVendor && (
            <ButtonLink
              to="/partners/$id"
              params={{ id: c.partner.id }}
              variant="default"
              leftSection={<IconBuilding size={16} />}
            >
              Partner page
            </ButtonLink>
          )}
          <Button
            component="a"
            href={scorecardCsvHref(partnerId, params)}
            download
            variant="default"
            leftSection={<IconDownload size={16} />}
          >
            Download CSV
          </Button>
        </Group>
      </Group>
      <FilterBar params={params} onChange={onParamsChange} periodOnly showModel />
      <Text size="xs" c="dimmed" aria-live="polite">
        {formatPeriod(c.period.from, c.period.to)} · amounts in {currency} · influence credit:{' '}
        {modelLabels[c.model].toLowerCase()}
      </Text>

      <Section title="Revenue" id="scorecard-revenue">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <HeadlineCard label="Sourced revenue" figure={c.revenue.sourced} unit="money" currency={currency} />
          <HeadlineCard
            label="Influence credit"
            figure={c.revenue.influenceCredit}
            unit="money"
            currency={currency}
          />
          <HeadlineCard
            label="Won deals credited"
            figure={{ value: c.revenue.wonDeals }}
            unit="count"
            currency={currency}
          />
        </SimpleGrid>
      </Section>

      <Section title="Pipeline" id="scorecard-pipeline" note={`Open deals at ${formatDate(c.pipeline.at)}`}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
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
        id="scorecard-referrals"
        note="Partner-to-partner referrals created in the period"
      >
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }}>
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
          <HeadlineCard
            label="Fees earned"
            figure={c.referrals.feesEarned}
            unit="money"
            currency={currency}
          />
        </SimpleGrid>
      </Section>

      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Health card={c} csv={scorecardCsvHref(partnerId, params, 'health')} />
        <Engagement card={c} csv={scorecardCsvHref(partnerId, params, 'engagement')} />
      </SimpleGrid>
      <EnablementSection card={c} currency={currency} />
      {isVendor && <MappingSection card={c} currency={currency} />}
      <Tiers card={c} csv={scorecardCsvHref(partnerId, params, 'tiers')} />
      <Benchmarks card={c} own={own} csv={scorecardCsvHref(partnerId, params, 'benchmarks')} />
    </Stack>
  );
}

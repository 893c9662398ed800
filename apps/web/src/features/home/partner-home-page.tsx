import { Badge, Card, Group, List, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { isMoneyMetric } from '@partnergraph/shared/codes';
import { formatMinor } from '@partnergraph/shared/money-format';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { partnerHomeQueryOptions, type PartnerHome } from '../../api/home';
import { formatDate } from '../../components/dates';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { metricLabels } from '../programs/labels';
import { useSession } from '../auth/session';

// The partner's first screen: only what needs the organization now, each line a link to act on it,
// and, where nothing waits, the next step that would make something happen. No charts: the page
// must paint fast on a phone.

type Requirement = PartnerHome['nextTiers'][number]['requirements'][number];

function Section({
  title,
  count,
  children,
  more,
}: {
  title: string;
  count?: number;
  children: ReactNode;
  more?: ReactNode;
}) {
  const id = `home-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {count !== undefined && count > 0 && (
          <Badge variant="filled" aria-label={`${count} waiting`}>
            {count}
          </Badge>
        )}
      </Group>
      <Stack gap="xs">
        {children}
        {more}
      </Stack>
    </Card>
  );
}

/** What to do when a section is empty: a sentence and the link that starts it (underlined: a link in running text must not rely on colour alone). */
function Empty({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}

function amountOf(r: Requirement, value: number) {
  return isMoneyMetric(r.metric) && r.currency ? formatMinor(value, r.currency) : String(value);
}

/** Progress toward a "more is better" rule; a ceiling (lte, lt) is either kept or not. */
function progressOf(r: Requirement) {
  if (r.met) return 100;
  if (r.value === null) return 0;
  if ((r.comparison === 'gte' || r.comparison === 'gt') && r.threshold > 0) {
    return Math.min(99, Math.round((r.value / r.threshold) * 100));
  }
  return 0;
}

function RequirementLine({ r }: { r: Requirement }) {
  const name = r.label ?? metricLabels[r.metric];
  const pct = progressOf(r);
  return (
    <Stack gap={2}>
      <Group justify="space-between" gap="xs">
        <Text size="sm">{name}</Text>
        <Text size="sm" c={r.met ? 'teal.9' : undefined} fw={500}>
          {r.met
            ? 'Met'
            : r.value === null
              ? `needs ${amountOf(r, r.threshold)}`
              : `${amountOf(r, r.value)} of ${amountOf(r, r.threshold)}`}
        </Text>
      </Group>
      <Progress value={pct} aria-label={`${name}: ${pct}% of the requirement`} size="sm" />
    </Stack>
  );
}

export function PartnerHomePage() {
  const home = useQuery(partnerHomeQueryOptions);
  const { organization } = useSession();
  // The page's heading comes from the session, so the page is named while what waits is still loading.
  if (home.isPending || home.isError) {
    return (
      <Stack gap="lg">
        <Title order={1}>{organization.name}</Title>
        {home.isPending ? (
          <LoadingState label="Loading what needs you…" />
        ) : (
          <ErrorAlert error={home.error} title="Your home could not be loaded" />
        )}
      </Stack>
    );
  }
  const h = home.data;
  const waitingCount =
    h.referrals.total +
    h.leads.total +
    h.expiringDeals.total +
    h.agreements.length +
    h.claimsDue.total +
    h.announcements.total;

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{h.organization.name}</Title>
        <Text c="dimmed">
          {waitingCount === 0
            ? 'Nothing waits for you right now.'
            : `${waitingCount} ${waitingCount === 1 ? 'thing needs' : 'things need'} you now.`}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section
          title="Referrals to answer"
          count={h.referrals.total}
          more={
            h.referrals.total > h.referrals.items.length && (
              <AnchorLink to="/referrals" size="sm">
                All {h.referrals.total} referrals
              </AnchorLink>
            )
          }
        >
          {h.referrals.items.length ? (
            <List spacing={4} size="sm" listStyleType="none">
              {h.referrals.items.map((r) => (
                <List.Item key={r.id}>
                  <AnchorLink to="/referrals/$referralId" params={{ referralId: r.id }}>
                    {r.companyName}
                  </AnchorLink>{' '}
                  <Text span size="sm" c="dimmed">
                    {/* The sender's name is withheld when the referral does not disclose it. */}
                    {r.fromName ? `from ${r.fromName}, ` : ''}
                    {formatDate(r.since)}
                  </Text>
                </List.Item>
              ))}
            </List>
          ) : (
            <Empty>
              No referral waits for your answer. Partners you work with send you theirs here;{' '}
              <AnchorLink underline="always" to="/referrals/new">
                send one of yours
              </AnchorLink>{' '}
              to start the exchange.
            </Empty>
          )}
        </Section>

        <Section
          title="Leads to accept"
          count={h.leads.total}
          more={
            h.leads.total > h.leads.items.length && (
              <AnchorLink to="/leads" size="sm">
                All {h.leads.total} offers
              </AnchorLink>
            )
          }
        >
          {h.leads.items.length ? (
            <List spacing={4} size="sm" listStyleType="none">
              {h.leads.items.map((l) => (
                <List.Item key={l.id}>
                  <AnchorLink to="/leads/$leadId" params={{ leadId: l.id }}>
                    {l.companyName ?? 'A new lead'}
                  </AnchorLink>{' '}
                  {l.deadlineAt && (
                    <Text span size="sm" c="dimmed">
                      answer by {formatDate(l.deadlineAt)}
                    </Text>
                  )}
                </List.Item>
              ))}
            </List>
          ) : (
            <Empty>
              No lead offer waits. Leads the vendor routes to you appear here with the deadline to accept
              them; a complete{' '}
              <AnchorLink underline="always" to="/organization/profile">
                profile
              </AnchorLink>{' '}
              helps routing find you.
            </Empty>
          )}
        </Section>

        <Section title="Deal protection ending soon" count={h.expiringDeals.total}>
          {h.expiringDeals.items.length ? (
            <List spacing={4} size="sm" listStyleType="none">
              {h.expiringDeals.items.map((d) => (
                <List.Item key={d.id}>
                  <AnchorLink to="/deals/$dealId" params={{ dealId: d.id }}>
                    {d.customerName}
                  </AnchorLink>{' '}
                  <Text span size="sm" c="dimmed">
                    protected until {formatDate(d.expiresAt)}
                  </Text>
                </List.Item>
              ))}
            </List>
          ) : (
            <Empty>
              No deal&apos;s protection ends in the next 14 days.{' '}
              <AnchorLink underline="always" to="/deals/new">
                Register your next opportunity
              </AnchorLink>{' '}
              to protect it.
            </Empty>
          )}
        </Section>

        <Section title="Agreements to accept" count={h.agreements.length}>
          {h.agreements.length ? (
            <List spacing={4} size="sm" listStyleType="none">
              {h.agreements.map((a) => (
                <List.Item key={`${a.agreementId}-${a.versionNumber}`}>
                  <AnchorLink to="/agreements/$id" params={{ id: a.agreementId }}>
                    {a.name} (version {a.versionNumber})
                  </AnchorLink>{' '}
                  <Text span size="sm" c="dimmed">
                    required by {a.programName}
                  </Text>
                </List.Item>
              ))}
            </List>
          ) : (
            <Empty>
              Every agreement your programs require is accepted. See your{' '}
              <AnchorLink underline="always" to="/my-programs">
                programs
              </AnchorLink>
              .
            </Empty>
          )}
        </Section>

        <Section title="Fund claims due" count={h.claimsDue.total}>
          {h.claimsDue.items.length ? (
            <List spacing={4} size="sm" listStyleType="none">
              {h.claimsDue.items.map((c) => (
                <List.Item key={c.requestId}>
                  <AnchorLink to="/funds">{c.title}</AnchorLink>{' '}
                  <Text span size="sm" c="dimmed">
                    {formatMinor(c.amount, c.currency)}, claim by {formatDate(c.claimDeadline)}
                  </Text>
                </List.Item>
              ))}
            </List>
          ) : (
            <Empty>
              No approved activity waits for a claim.{' '}
              <AnchorLink underline="always" to="/funds">
                Propose your next campaign or event
              </AnchorLink>{' '}
              for co-marketing money.
            </Empty>
          )}
        </Section>

        <Section title="Your next tier">
          {h.nextTiers.length ? (
            h.nextTiers.map((n) => (
              <Stack key={n.enrollmentId} gap="xs">
                <Text size="sm">
                  <AnchorLink underline="always" to="/my-programs">
                    {n.programName}
                  </AnchorLink>
                  : {n.currentTier ?? 'no tier yet'} → <strong>{n.nextTier}</strong>
                </Text>
                {n.requirements.map((r, i) => (
                  <RequirementLine key={i} r={r} />
                ))}
                <Text size="xs" c="dimmed">
                  As of {formatDate(n.evaluatedAt)}
                </Text>
              </Stack>
            ))
          ) : (
            <Empty>
              Your progress toward the next tier shows here once your enrollment is evaluated. See{' '}
              <AnchorLink underline="always" to="/my-programs">
                your programs
              </AnchorLink>
              .
            </Empty>
          )}
        </Section>

        <Section
          title="Announcements to read"
          count={h.announcements.total}
          more={
            h.announcements.total > h.announcements.items.length && (
              <AnchorLink to="/community/announcements" size="sm">
                All {h.announcements.total} unread
              </AnchorLink>
            )
          }
        >
          {h.announcements.items.length ? (
            <List spacing={4} size="sm" listStyleType="none">
              {h.announcements.items.map((a) => (
                <List.Item key={a.id}>
                  <AnchorLink to="/community/announcements/$announcementId" params={{ announcementId: a.id }}>
                    {a.title}
                  </AnchorLink>{' '}
                  <Text span size="sm" c="dimmed">
                    {formatDate(a.publishedAt)}
                  </Text>
                </List.Item>
              ))}
            </List>
          ) : (
            <Empty>
              You have read every announcement. Past ones stay in{' '}
              <AnchorLink underline="always" to="/community/announcements">
                announcements
              </AnchorLink>
              .
            </Empty>
          )}
        </Section>

        <Section title="New for you" count={h.newContent.length}>
          {h.newContent.length ? (
            <List spacing={4} size="sm" listStyleType="none">
              {h.newContent.map((a) => (
                <List.Item key={a.id}>
                  <AnchorLink to="/enablement/library/$assetId" params={{ assetId: a.id }}>
                    {a.title}
                  </AnchorLink>{' '}
                  <Text span size="sm" c="dimmed">
                    {formatDate(a.publishedAt)}
                  </Text>
                </List.Item>
              ))}
            </List>
          ) : (
            <Empty>
              Nothing new for your segment this month. Browse the{' '}
              <AnchorLink underline="always" to="/enablement/library">
                library
              </AnchorLink>{' '}
              or take a{' '}
              <AnchorLink underline="always" to="/enablement/courses">
                course
              </AnchorLink>
              .
            </Empty>
          )}
        </Section>
      </SimpleGrid>
    </Stack>
  );
}

import { Badge, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPlugConnected, IconSparkles } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type OrgRef, type Recommendation, recommendationsQueryOptions } from '../../api/connections';
import { partnerTypesQueryOptions } from '../../api/partner-types';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { useCan, useSession } from '../auth/session';
import { ConnectModal } from '../marketplace/connect-modal';
import { PathAnchor, profilePath } from './path-links';
import { useBrandTitle } from '../brand/brand-mark';

const noOpenKinds: ReadonlySet<never> = new Set();

/** Partners worth connecting with, each with the reasons the platform sees, and a way to ask them. */
export function RecommendationsPage() {
  // The vendor's recommendations come from account mapping, not the marketplace (docs/ACCOUNT-MAPPING.md).
  const isVendor = useSession().organization.kind === 'vendor';
  const title = isVendor ? 'Partners who know your pipeline' : 'Partners to meet';
  useBrandTitle(`${title}`);
  const recommendations = useQuery(recommendationsQueryOptions);
  const types = useQuery(partnerTypesQueryOptions);
  const canConnect = useCan('connections:manage');
  const [connecting, setConnecting] = useState<OrgRef | null>(null);
  const typeName = (code: string) => types.data?.find((t) => t.code === code)?.name ?? code;

  return (
    <Stack>
      <div>
        <Group gap="xs">
          <IconSparkles size={24} aria-hidden />
          <Title order={1}>{title}</Title>
        </Group>
        {isVendor ? (
          <Text c="dimmed" size="sm">
            Partners whose account mapping showed they know the customers in your open pipeline: only the
            overlaps their sharing levels disclosed, from each partnership&apos;s latest run.{' '}
            <AnchorLink to="/mapping" size="sm">
              Account mapping
            </AnchorLink>
          </Text>
        ) : (
          <Text c="dimmed" size="sm">
            Partners in the marketplace who complement yours: by type, the countries and industries you share,
            services you do not offer, and partners your connections work with.{' '}
            <AnchorLink to="/connections" size="sm">
              Your connections
            </AnchorLink>
          </Text>
        )}
      </div>
      {recommendations.isPending ? (
        <LoadingState label="Finding partners to meet…" />
      ) : recommendations.isError ? (
        <ErrorAlert error={recommendations.error} title="The recommendations could not be loaded" />
      ) : recommendations.data.length === 0 ? (
        <Text c="dimmed" py="xl" ta="center">
          {isVendor
            ? 'No partner has disclosed an overlap with your open opportunities yet. Map accounts with your partners, and check again.'
            : 'No recommendations right now. Publish your marketplace profile with the countries, industries and services you cover, and check again.'}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {recommendations.data.map((r) => (
            <RecommendationCard
              key={r.organizationId}
              recommendation={r}
              typeName={typeName}
              onConnect={canConnect ? () => setConnecting({ id: r.organizationId, name: r.name }) : undefined}
            />
          ))}
        </SimpleGrid>
      )}
      {connecting && (
        // Keyed by the partner: a new partner starts a fresh form. Recommendations leave out open connections.
        <ConnectModal
          key={connecting.id}
          opened
          onClose={() => setConnecting(null)}
          partner={connecting}
          openKinds={noOpenKinds}
        />
      )}
    </Stack>
  );
}

function RecommendationCard({
  recommendation: r,
  typeName,
  onConnect,
}: {
  recommendation: Recommendation;
  typeName: (code: string) => string;
  onConnect?: () => void;
}) {
  const headingId = `recommendation-${r.organizationId}`;
  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={headingId}>
      <Stack gap="sm" h="100%">
        <div>
          <Title order={2} size="h4" id={headingId}>
            <PathAnchor href={profilePath(r.organizationId)} inherit>
              {r.name}
            </PathAnchor>
          </Title>
          {r.partnerTypes.length > 0 && (
            <Group gap={4} mt={4}>
              {r.partnerTypes.map((code) => (
                <Badge key={code} variant="light" color="gray" size="sm">
                  {typeName(code)}
                </Badge>
              ))}
            </Group>
          )}
        </div>
        <div>
          <Text size="sm" fw={500} id={`${headingId}-why`}>
            Why
          </Text>
          <List size="sm" spacing={2} aria-labelledby={`${headingId}-why`}>
            {r.reasons.map((reason) => (
              <List.Item key={reason}>{reason}</List.Item>
            ))}
          </List>
        </div>
        <Group gap="sm" mt="auto">
          {onConnect && (
            <Button leftSection={<IconPlugConnected size={16} />} onClick={onConnect}>
              Connect
            </Button>
          )}
          <PathAnchor
            href={profilePath(r.organizationId)}
            size="sm"
            // The name starts with the visible text, so speech users can say what they see.
            aria-label={`View profile of ${r.name}`}
          >
            View profile
          </PathAnchor>
        </Group>
      </Stack>
    </Card>
  );
}

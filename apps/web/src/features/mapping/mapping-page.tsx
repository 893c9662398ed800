import { Alert, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { partnershipsQueryOptions, useOptIn } from '../../api/mapping';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { useCan, useSession } from '../auth/session';
import { useState } from 'react';
import { OrganizationPicker } from '../deals/organization-picker';
import { PartnershipPanel } from './partnership-panel';
import { PopulationsSection } from './populations-section';
import { useBrandTitle } from '../brand/brand-mark';

/** Partner ↔ partner: pick a partner you know; it maps once it opts in too. */
function MapWithPartner() {
  const [other, setOther] = useState<string | null>(null);
  const optIn = useOptIn();
  return (
    <Group align="flex-end">
      <OrganizationPicker
        source="counterparts"
        label="Map accounts with another partner"
        description="It must opt in too; your accounts stay in your browser"
        value={other}
        onChange={setOther}
        w={360}
      />
      <Button disabled={!other} loading={optIn.isPending} onClick={() => other && optIn.mutate(other)}>
        Ask to map
      </Button>
      {optIn.error && <ErrorAlert error={optIn.error} />}
    </Group>
  );
}

function Partnerships() {
  const { organization } = useSession();
  const canManage = useCan('mapping:manage');
  const query = useQuery(partnershipsQueryOptions);
  const optIn = useOptIn();
  if (query.isPending) return <LoadingState label="Loading mapping partners" />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const withVendor = query.data.some((p) => p.kind === 'vendor_partner');
  return (
    <Stack gap="xl">
      {organization.kind === 'partner' && !withVendor && (
        <Alert title="Map your accounts with the vendor">
          <Stack gap="xs">
            <Text size="sm">
              Opting in lets you find shared customers and open opportunities. Your accounts stay in your
              browser; each side chooses per population what the other learns.
            </Text>
            {canManage ? (
              <Button w="fit-content" loading={optIn.isPending} onClick={() => optIn.mutate(undefined)}>
                Opt in
              </Button>
            ) : (
              <Text size="sm">Ask your partner admin to opt in.</Text>
            )}
            {optIn.error && <ErrorAlert error={optIn.error} />}
          </Stack>
        </Alert>
      )}
      {organization.kind === 'partner' && canManage && <MapWithPartner />}
      {query.data.length === 0 && organization.kind === 'vendor' && (
        <Text c="dimmed">No partner has opted in to account mapping yet.</Text>
      )}
      {query.data.map((p) => (
        <PartnershipPanel key={p.id} p={p} />
      ))}
    </Stack>
  );
}

export function MappingPage() {
  useBrandTitle('Account mapping');
  return (
    <Stack gap="lg" maw={1200}>
      <div>
        <Title order={1}>Account mapping</Title>
        <Text c="dimmed">
          Shared customers and open opportunities, found by a private set intersection: neither side hands
          over its account list.
        </Text>
      </div>
      <Tabs defaultValue="partners">
        <Tabs.List>
          <Tabs.Tab value="partners">Mapping partners</Tabs.Tab>
          <Tabs.Tab value="populations">My populations</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="partners" pt="md">
          <Partnerships />
        </Tabs.Panel>
        <Tabs.Panel value="populations" pt="md">
          <PopulationsSection />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconExternalLink, IconPencil, IconSend } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { ApiError, errorMessage, isApiError, isStaleVersion } from '../../api/client';
import {
  type Integration,
  installsQueryOptions,
  integrationQueryOptions,
  useIntegrationStep,
  useRecordInstall,
} from '../../api/connections';
import { formatDate, formatDateTime } from '../../components/dates';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { useCan, useSession } from '../auth/session';
import { IntegrationFormModal } from './integration-form';
import { installsLabel, IntegrationStatusBadge, ReviewActions, STALE_INTEGRATION } from './integration-parts';
import { ProfileLink } from './path-links';
import { useBrandTitle } from '../brand/brand-mark';

/** One integration listing: for everyone once published; drafts and reviews for the owner and the vendor. */
export function IntegrationPage({ integrationId }: { integrationId: string }) {
  const integration = useQuery(integrationQueryOptions(integrationId));
  useBrandTitle(`${integration.data?.name ?? 'Integration'}`);

  const breadcrumbs = (
    <Breadcrumbs>
      <AnchorLink to="/integrations">Integrations</AnchorLink>
      <Text size="sm">{integration.data?.name ?? 'Integration'}</Text>
    </Breadcrumbs>
  );

  if (integration.isPending) return <LoadingState label="Loading integration…" />;
  if (integration.isError) {
    const notFound = isApiError(integration.error, 404);
    return (
      <Stack>
        {breadcrumbs}
        <Title order={1}>{notFound ? 'Integration not found' : 'Integration'}</Title>
        {notFound ? (
          <Text>
            There is no integration at this address, or it is not published.{' '}
            <AnchorLink to="/integrations">Back to the catalog</AnchorLink>
          </Text>
        ) : (
          <ErrorAlert error={integration.error} title="The integration could not be loaded" />
        )}
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      {breadcrumbs}
      <IntegrationView integration={integration.data} />
    </Stack>
  );
}

function IntegrationView({ integration: i }: { integration: Integration }) {
  const { organization } = useSession();
  const canManage = useCan('integrations:manage');
  const canRecord = useCan('integrations:installs');
  const owner = organization.id === i.organization.id;
  const vendor = organization.kind === 'vendor';
  const canEdit = canManage && owner;
  const step = useIntegrationStep(i.id);
  const [editing, setEditing] = useState(false);

  function submitForReview() {
    step.mutate(
      { verb: 'submit', version: i.version },
      {
        onSuccess: (saved) =>
          notifications.show({
            color: 'green',
            message: `${saved.name} is with the vendor for review. You will see their decision here.`,
          }),
      },
    );
  }

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text c="dimmed" size="sm" fw={500}>
            {i.category}
          </Text>
          <Group gap="sm">
            <Title order={1}>{i.name}</Title>
            {i.status !== 'published' && <IntegrationStatusBadge status={i.status} />}
          </Group>
          <Text size="sm" mt={4}>
            by <ProfileLink org={i.organization} /> · {installsLabel(i.installCount)}
          </Text>
        </div>
        <Group gap="xs">
          {canEdit && (
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
              Edit
            </Button>
          )}
          {canEdit && (i.status === 'draft' || i.status === 'rejected') && (
            <Button leftSection={<IconSend size={16} />} onClick={submitForReview} loading={step.isPending}>
              Submit for review
            </Button>
          )}
          <ReviewActions integration={i} />
        </Group>
      </Group>

      {step.error && step.variables?.verb === 'submit' && (
        <Alert
          color={isStaleVersion(step.error) ? 'orange' : 'red'}
          icon={<IconAlertTriangle />}
          role="alert"
          withCloseButton
          onClose={step.reset}
        >
          {isStaleVersion(step.error) ? STALE_INTEGRATION : errorMessage(step.error)}
        </Alert>
      )}
      {i.status === 'rejected' && (
        <Alert color="red" title="The vendor sent this listing back" icon={<IconAlertTriangle />}>
          {i.reviewReason ?? 'No reason was given.'}
          {canEdit && ' Change the listing and submit it again.'}
        </Alert>
      )}
      {i.status === 'submitted' && (
        <Alert color="yellow" title="In review">
          {vendor
            ? `${i.organization.name} submitted this listing: publish it to the catalog, or reject it with a reason.`
            : 'The vendor reviews the listing before it appears in the catalog.'}
        </Alert>
      )}
      {i.status === 'draft' && owner && (
        <Alert color="gray" title="Draft">
          Only your organization and the vendor see this listing. Submit it for review to have it published.
        </Alert>
      )}

      <IntegrationDetails integration={i} />
      {(vendor || owner) && <InstallsSection integration={i} canRecord={canRecord} />}
      {canEdit && <IntegrationFormModal opened={editing} onClose={() => setEditing(false)} integration={i} />}
    </>
  );
}

function IntegrationDetails({ integration: i }: { integration: Integration }) {
  const rows: [string, ReactNode][] = [
    [
      'Description',
      <Text key="d" size="sm" style={{ whiteSpace: 'pre-line' }}>
        {i.description}
      </Text>,
    ],
    [
      'Documentation',
      i.documentationUrl ? (
        <Anchor key="doc" href={i.documentationUrl} target="_blank" rel="noopener noreferrer" size="sm">
          <Group gap={4} component="span" wrap="nowrap">
            {i.documentationUrl}
            <IconExternalLink size={14} aria-label="(opens in a new tab)" />
          </Group>
        </Anchor>
      ) : (
        <Text key="doc" c="dimmed" size="sm">
          Not given
        </Text>
      ),
    ],
    [
      'Editions',
      i.editions.length ? (
        <Group key="e" gap={4}>
          {i.editions.map((e) => (
            <Badge key={e} variant="light" color="gray">
              {e}
            </Badge>
          ))}
        </Group>
      ) : (
        <Text key="e" c="dimmed" size="sm">
          Any edition
        </Text>
      ),
    ],
    ['Category', i.category],
    ['Built by', <ProfileLink key="o" org={i.organization} />],
    ['Installed accounts', new Intl.NumberFormat('en').format(i.installCount)],
  ];
  if (i.publishedAt) rows.push(['Published', formatDateTime(i.publishedAt)]);
  rows.push(['Last changed', formatDateTime(i.updatedAt)]);

  return (
    <Table variant="vertical" layout="fixed" withTableBorder aria-label="Integration details">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={200}>{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Which customer accounts run the integration: the vendor's staff and the listing partner see them. */
function InstallsSection({ integration: i, canRecord }: { integration: Integration; canRecord: boolean }) {
  const installs = useQuery(installsQueryOptions(i.id));

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="installs-heading">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="installs-heading">
            Installed accounts
          </Title>
          <Text size="sm" c="dimmed">
            Counted once per customer domain. Other partners see only the count.
          </Text>
        </div>
        {installs.isPending ? (
          <LoadingState label="Loading installs…" />
        ) : installs.isError ? (
          <ErrorAlert error={installs.error} title="The installs could not be loaded" />
        ) : installs.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            No installs recorded yet.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table striped aria-label="Installed accounts">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Customer</Table.Th>
                  <Table.Th>Domain</Table.Th>
                  <Table.Th>Installed</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {installs.data.map((row) => (
                  <Table.Tr key={row.customerDomain}>
                    <Table.Td>
                      {row.customerName ?? (
                        <Text size="sm" c="dimmed" span>
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{row.customerDomain}</Table.Td>
                    <Table.Td>{formatDate(`${row.installedAt.slice(0, 10)}T12:00:00`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {canRecord && <RecordInstallForm integrationId={i.id} />}
      </Stack>
    </Card>
  );
}

const today = () => {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

function RecordInstallForm({ integrationId }: { integrationId: string }) {
  const record = useRecordInstall(integrationId);
  const [domain, setDomain] = useState('');
  const [name, setName] = useState('');
  const [installedAt, setInstalledAt] = useState(today);
  const [missing, setMissing] = useState(false);
  const fields = record.error instanceof ApiError ? record.error.fieldErrors() : {};
  const placed = Boolean(fields.customerDomain || fields.customerName || fields.installedAt);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (domain.trim().length < 3) return setMissing(true);
    record.mutate(
      {
        customerDomain: domain.trim(),
        customerName: name.trim() || undefined,
        installedAt: installedAt || undefined,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: `The install at ${domain.trim()} is recorded.` });
          setDomain('');
          setName('');
          setInstalledAt(today());
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="record-install-heading">
      <Stack gap="xs">
        <Text fw={500} size="sm" id="record-install-heading">
          Record an install
        </Text>
        {record.error && !placed && (
          <Alert color="red" role="alert">
            {errorMessage(record.error)}
          </Alert>
        )}
        <Group align="flex-start" gap="sm">
          <TextInput
            label="Customer domain"
            placeholder="acme.com"
            required
            maxLength={253}
            value={domain}
            onChange={(e) => {
              setDomain(e.currentTarget.value);
              setMissing(false);
            }}
            error={missing ? 'Give the customer’s web domain' : fields.customerDomain}
            w={{ base: '100%', sm: 220 }}
          />
          <TextInput
            label="Customer name"
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fields.customerName}
            w={{ base: '100%', sm: 220 }}
          />
          <TextInput
            label="Installed on"
            type="date"
            value={installedAt}
            onChange={(e) => setInstalledAt(e.currentTarget.value)}
            error={fields.installedAt}
            w={{ base: '100%', sm: 170 }}
          />
          <Button type="submit" mt={25} loading={record.isPending}>
            Record install
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          Recording a domain again updates its name and date.
        </Text>
      </Stack>
    </form>
  );
}

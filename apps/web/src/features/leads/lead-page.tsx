import {
  Alert,
  Breadcrumbs,
  Button,
  Card,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatMinor } from '@partnergraph/shared/money-format';
import { IconAlertTriangle, IconArrowsShuffle, IconCheck, IconTransform, IconX } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { errorMessage, isApiError } from '../../api/client';
import { type Lead, leadQueryOptions, useLeadAction } from '../../api/leads';
import { partnerListQueryOptions } from '../../api/partners';
import { countryName } from '../../components/countries';
import { formatDateTime } from '../../components/dates';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { ReasonForm } from '../../components/reason-form';
import { useCan } from '../auth/session';
import { closeButtonProps } from '../programs/modal-props';
import { ConvertLeadModal } from './convert-lead-modal';
import { LeadStatusBadge } from './lead-status';
import { RoutingHistory } from './routing-history';
import { useBrandTitle } from '../brand/brand-mark';

type Dialog = 'decline' | 'convert' | 'close' | 'assign' | null;

export function LeadPage({ leadId }: { leadId: string }) {
  const lead = useQuery(leadQueryOptions(leadId));
  useBrandTitle(`${lead.data?.company?.name ?? 'Lead'}`);
  const breadcrumbs = (
    <Breadcrumbs>
      <AnchorLink to="/leads" search={{}}>
        Leads
      </AnchorLink>
      <Text size="sm">{lead.data?.company?.name ?? 'Lead'}</Text>
    </Breadcrumbs>
  );
  if (lead.isPending) return <LoadingState label="Loading lead…" />;
  if (lead.isError) {
    const notFound = isApiError(lead.error, 404);
    return (
      <Stack>
        {breadcrumbs}
        <Title order={1}>{notFound ? 'Lead not found' : 'Lead'}</Title>
        {notFound ? (
          <Text>There is no lead at this address, or you may not see it.</Text>
        ) : (
          <ErrorAlert error={lead.error} title="The lead could not be loaded" />
        )}
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      {breadcrumbs}
      {lead.data.view === 'left' ? <LeftView lead={lead.data} /> : <LeadView lead={lead.data} />}
    </Stack>
  );
}

/** A lead taken back from this partner: when, and nothing else. */
function LeftView({ lead }: { lead: Lead }) {
  const how =
    lead.leftAs === 'declined' ? 'Declined' : lead.leftAs === 'referred' ? 'Referred on' : 'Withdrawn';
  return (
    <Stack>
      <Title order={1}>Lead withdrawn</Title>
      <Alert color="gray" icon={<IconAlertTriangle />}>
        {how} on {lead.leftAt ? formatDateTime(lead.leftAt) : 'an earlier date'}. This lead is no longer
        assigned to your organization.
      </Alert>
    </Stack>
  );
}

function LeadView({ lead: l }: { lead: Lead }) {
  const canRespond = useCan('leads:respond');
  const canManage = useCan('leads:manage');
  const act = useLeadAction(l.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const holding = canRespond && l.assignedTo !== null;
  const open = l.status === 'unassigned' || l.status === 'offered' || l.status === 'accepted';

  const run = (a: Parameters<typeof act.mutate>[0], message: string) =>
    act.mutate(a, {
      onSuccess: () => {
        notifications.show({ color: 'green', message });
        setDialog(null);
      },
    });

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text c="dimmed" size="sm" fw={500}>
            Lead
          </Text>
          <Group gap="sm">
            <Title order={1}>{l.company!.name}</Title>
            {l.status && <LeadStatusBadge status={l.status} />}
          </Group>
          {l.deadlineAt && (
            <Text size="sm" c="dimmed">
              Accept by {formatDateTime(l.deadlineAt)}
            </Text>
          )}
        </div>
        <Group gap="xs">
          {holding && l.status === 'offered' && (
            <>
              <Button
                color="green"
                leftSection={<IconCheck size={16} />}
                loading={act.isPending && act.variables?.verb === 'accept'}
                onClick={() =>
                  run({ verb: 'accept', version: l.version }, `You accepted the lead ${l.company!.name}.`)
                }
              >
                Accept
              </Button>
              <Button
                variant="light"
                color="red"
                leftSection={<IconX size={16} />}
                onClick={() => setDialog('decline')}
              >
                Decline
              </Button>
            </>
          )}
          {holding && l.status === 'accepted' && (
            <Button leftSection={<IconTransform size={16} />} onClick={() => setDialog('convert')}>
              Convert to deal
            </Button>
          )}
          {canManage && open && (
            <>
              <Button
                variant="light"
                leftSection={<IconArrowsShuffle size={16} />}
                onClick={() => setDialog('assign')}
              >
                Reassign
              </Button>
              <Button variant="subtle" color="red" onClick={() => setDialog('close')}>
                Close
              </Button>
            </>
          )}
        </Group>
      </Group>
      {act.error && (act.variables?.verb === 'accept' || act.variables?.verb === 'assign') && (
        <Alert color="red" role="alert" withCloseButton onClose={act.reset}>
          {errorMessage(act.error)}
        </Alert>
      )}
      {l.view === 'offer' && (
        <Text size="sm" c="dimmed">
          The contact’s details show once you accept the lead.
        </Text>
      )}
      {l.dealId && (
        <Alert color="green" icon={<IconCheck />}>
          This lead became a deal.{' '}
          <AnchorLink to="/deals/$dealId" params={{ dealId: l.dealId }}>
            Open the deal
          </AnchorLink>
        </Alert>
      )}
      <LeadDetails lead={l} />
      <RoutingHistory lead={l} />

      <Modal
        opened={dialog === 'decline' || dialog === 'close'}
        onClose={() => setDialog(null)}
        title={dialog === 'close' ? 'Close the lead' : 'Decline the lead'}
        closeButtonProps={closeButtonProps}
        centered
      >
        {(dialog === 'decline' || dialog === 'close') && (
          <ReasonForm
            explanation={
              dialog === 'close'
                ? 'The lead leaves every queue; the partner holding it is told it was withdrawn.'
                : 'The lead goes to the next eligible partner; the vendor sees your reason.'
            }
            reasonDescription="Recorded with the lead and in the audit log"
            reasonRequired
            staleMessage="The lead changed meanwhile: it has been reloaded."
            label={dialog === 'close' ? 'Close lead' : 'Decline lead'}
            color="red"
            error={act.variables?.verb === dialog ? act.error : null}
            pending={act.isPending}
            onCancel={() => setDialog(null)}
            onSubmit={(reason) =>
              run(
                { verb: dialog, version: l.version, reason: reason ?? '' },
                dialog === 'close' ? 'The lead was closed.' : 'You declined the lead.',
              )
            }
          />
        )}
      </Modal>
      <Modal
        opened={dialog === 'assign'}
        onClose={() => setDialog(null)}
        title="Reassign the lead"
        closeButtonProps={closeButtonProps}
        centered
      >
        {dialog === 'assign' && (
          <AssignForm
            pending={act.isPending}
            onSubmit={(organizationId) =>
              run(
                { verb: 'assign', version: l.version, ...(organizationId ? { organizationId } : {}) },
                organizationId ? 'The lead was assigned.' : 'The lead was routed again.',
              )
            }
          />
        )}
      </Modal>
      <ConvertLeadModal lead={l} opened={dialog === 'convert'} onClose={() => setDialog(null)} />
    </>
  );
}

function AssignForm({
  pending,
  onSubmit,
}: {
  pending: boolean;
  onSubmit: (organizationId: string | null) => void;
}) {
  const partners = useInfiniteQuery(partnerListQueryOptions({ status: 'active' }));
  const [choice, setChoice] = useState<string | null>(null);
  const options = (partners.data?.pages ?? [])
    .flatMap((p) => p.items)
    .map((p) => ({ value: p.id, label: p.name }));
  return (
    <Stack>
      <Select
        label="Partner"
        description="Leave empty to route the lead through the rules again"
        placeholder="Choose a partner"
        data={options}
        value={choice}
        onChange={setChoice}
        searchable
        clearable
      />
      <Group justify="flex-end">
        <Button loading={pending} onClick={() => onSubmit(choice)}>
          {choice ? 'Assign' : 'Route again'}
        </Button>
      </Group>
    </Stack>
  );
}

function LeadDetails({ lead: l }: { lead: Lead }) {
  const c = l.company!;
  const rows: [string, ReactNode][] = [
    ['Company', c.domain ? `${c.name} (${c.domain})` : c.name],
    ['Country', countryName(c.country)],
    ['Industry', c.industry ?? 'Not given'],
    ['Size', c.size ? `${c.size} employees` : 'Not given'],
    ['Need', l.need],
    ['Products', l.products.length ? l.products.join(', ') : 'Not given'],
    [
      'Estimated value',
      l.estimatedAmount !== null && l.estimatedCurrency
        ? formatMinor(l.estimatedAmount, l.estimatedCurrency)
        : 'Not given',
    ],
    [
      'Contact',
      l.contact
        ? [l.contact.name, l.contact.email, l.contact.phone].filter(Boolean).join(' · ')
        : 'Shown once accepted',
    ],
    ['Assigned to', l.assignedTo?.name ?? 'The vendor’s queue'],
    ['Source', l.source ?? ''],
  ];
  if (l.duplicates.length) {
    rows.push([
      'Possible duplicates',
      l.duplicates.map((d) => `${d.kind} ${d.name}: ${d.reason}`).join('; '),
    ]);
  }
  if (l.closedReason) rows.push(['Closed because', l.closedReason]);
  return (
    <Card withBorder padding="lg" component="section">
      <Table variant="vertical" layout="fixed" withTableBorder aria-label="Lead details">
        <Table.Tbody>
          {rows.map(([k, v]) => (
            <Table.Tr key={k}>
              <Table.Th w={180}>{k}</Table.Th>
              <Table.Td>{v}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatMinor } from '@partnergraph/shared/money-format';
import { IconAlertTriangle, IconArrowRight, IconCheck, IconTransform, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { isApiError, isStaleVersion } from '../../api/client';
import { type Referral, referralQueryOptions, useDecideReferral } from '../../api/referrals';
import { industriesQueryOptions } from '../../api/settings';
import { countryName } from '../../components/countries';
import { formatDateTime } from '../../components/dates';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { ReasonForm } from '../../components/reason-form';
import { useCan, useSession } from '../auth/session';
import { closeButtonProps } from '../programs/modal-props';
import { formatDay } from '../settings/format';
import { ConvertReferralModal } from './convert-referral-modal';
import { dealOutcomeCopy, referralSourceLabel } from './labels';
import { referralActionError, STALE_REFERRAL } from './referral-errors';
import { OutcomeBadge, recipientName, ReferralStatusBadge, referrerName } from './referral-badges';
import { useBrandTitle } from '../brand/brand-mark';

type Dialog = 'reject' | 'convert' | null;

/** One referral, for either party and the vendor; the recipient answers it here. */
export function ReferralPage({ referralId }: { referralId: string }) {
  const referral = useQuery(referralQueryOptions(referralId));
  useBrandTitle(`${referral.data?.company.name ?? 'Referral'}`);

  const breadcrumbs = (
    <Breadcrumbs>
      <AnchorLink to="/referrals">Referrals</AnchorLink>
      <Text size="sm">{referral.data?.company.name ?? 'Referral'}</Text>
    </Breadcrumbs>
  );

  if (referral.isPending) return <LoadingState label="Loading referral…" />;
  if (referral.isError) {
    // 404 also means "not visible to you": the API does not tell the two apart, and neither do we.
    const notFound = isApiError(referral.error, 404);
    return (
      <Stack>
        {breadcrumbs}
        <Title order={1}>{notFound ? 'Referral not found' : 'Referral'}</Title>
        {notFound ? (
          <Text>
            There is no referral at this address, or you may not see it.{' '}
            <AnchorLink to="/referrals">Back to the referrals</AnchorLink>
          </Text>
        ) : (
          <ErrorAlert error={referral.error} title="The referral could not be loaded" />
        )}
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      {breadcrumbs}
      <ReferralView referral={referral.data} />
    </Stack>
  );
}

function ReferralView({ referral: r }: { referral: Referral }) {
  const { organization } = useSession();
  const canRespond = useCan('referrals:respond');
  const decide = useDecideReferral(r.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const isRecipient = canRespond && r.recipient.id === organization.id;

  function accept() {
    decide.mutate(
      { verb: 'accept', version: r.version },
      {
        onSuccess: (saved) =>
          notifications.show({
            color: 'green',
            message: `You accepted the referral of ${saved.company.name}.`,
          }),
      },
    );
  }

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text c="dimmed" size="sm" fw={500}>
            Referral
          </Text>
          <Group gap="sm">
            <Title order={1}>{r.company.name}</Title>
            <ReferralStatusBadge status={r.status} />
          </Group>
          <Group gap={6} mt={4}>
            <Text size="sm">{referrerName(r)}</Text>
            <IconArrowRight size={14} aria-label="to" style={{ flexShrink: 0 }} />
            <Text size="sm">{recipientName(r)}</Text>
          </Group>
        </div>
        {isRecipient && r.status === 'submitted' && (
          <Group gap="xs">
            <Button
              color="green"
              leftSection={<IconCheck size={16} />}
              onClick={accept}
              loading={decide.isPending && decide.variables?.verb === 'accept'}
            >
              Accept
            </Button>
            <Button
              variant="light"
              color="red"
              leftSection={<IconX size={16} />}
              onClick={() => {
                decide.reset();
                setDialog('reject');
              }}
            >
              Reject
            </Button>
          </Group>
        )}
        {/* Once accepted, the referral only moves on by becoming a deal. */}
        {isRecipient && r.status === 'accepted' && (
          <Button leftSection={<IconTransform size={16} />} onClick={() => setDialog('convert')}>
            Convert to deal
          </Button>
        )}
      </Group>

      {decide.error && decide.variables?.verb === 'accept' && (
        <Alert
          color={isStaleVersion(decide.error) ? 'orange' : 'red'}
          icon={<IconAlertTriangle />}
          role="alert"
          withCloseButton
          onClose={decide.reset}
        >
          {referralActionError(decide.error)}
        </Alert>
      )}

      {isRecipient && (r.status === 'submitted' || r.status === 'accepted') && (
        <Text size="sm" c="dimmed">
          {r.status === 'submitted'
            ? 'Accept the referral to take the prospect on, or reject it with a reason the referrer will see.'
            : 'Accepted. Once the prospect is qualified, convert it into a deal: the deal’s status becomes the referral’s outcome.'}
        </Text>
      )}

      <Outcome referral={r} />
      <ReferralDetails referral={r} />

      <Modal
        opened={dialog === 'reject'}
        onClose={() => setDialog(null)}
        title={`Reject the referral of ${r.company.name}`}
        closeButtonProps={closeButtonProps}
        centered
      >
        {dialog === 'reject' && (
          <ReasonForm
            explanation={
              r.referrer
                ? `${r.referrer.name} sees that you declined the prospect, and why.`
                : 'The lead is closed, with your reason on record.'
            }
            reasonDescription="Shown to both parties and recorded in the audit log"
            reasonRequired
            staleMessage={STALE_REFERRAL}
            label="Reject referral"
            color="red"
            error={decide.variables?.verb === 'reject' ? decide.error : null}
            pending={decide.isPending}
            onCancel={() => setDialog(null)}
            onSubmit={(reason) =>
              decide.mutate(
                { verb: 'reject', version: r.version, reason: reason ?? '' },
                {
                  onSuccess: (saved) => {
                    notifications.show({
                      color: 'green',
                      message: `You rejected the referral of ${saved.company.name}.`,
                    });
                    setDialog(null);
                  },
                },
              )
            }
          />
        )}
      </Modal>
      <ConvertReferralModal referral={r} opened={dialog === 'convert'} onClose={() => setDialog(null)} />
    </>
  );
}

/** The deal the referral became, and the referral fee once that deal is won. */
function Outcome({ referral: r }: { referral: Referral }) {
  if (!r.deal) return null;
  const deal = r.deal;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="referral-outcome">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="referral-outcome">
            Outcome
          </Title>
          <AnchorLink to="/deals/$dealId" params={{ dealId: deal.id }} fw={500}>
            Open the deal
          </AnchorLink>
        </Group>
        <Table variant="vertical" layout="fixed" withTableBorder aria-label="Referral outcome">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={180}>Deal</Table.Th>
              <Table.Td>
                <Group gap="xs">
                  <OutcomeBadge deal={deal} />
                  <Text size="sm" c="dimmed">
                    {outcomeExplanation(deal.status)}
                  </Text>
                </Group>
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{deal.status === 'won' ? 'Won amount' : 'Deal amount'}</Table.Th>
              <Table.Td>{formatMinor(deal.amount, deal.currency)}</Table.Td>
            </Table.Tr>
            {deal.closeDate && (
              <Table.Tr>
                <Table.Th>Closed</Table.Th>
                <Table.Td>{formatDay(deal.closeDate)}</Table.Td>
              </Table.Tr>
            )}
            {r.fee && (
              <Table.Tr>
                <Table.Th>Referral fee</Table.Th>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {formatMinor(r.fee.amount, r.fee.currency)} ({r.fee.percent}%)
                  </Text>
                  <Text size="xs" c="dimmed">
                    {r.fee.basis}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}

function outcomeExplanation(status: NonNullable<Referral['deal']>['status']): string {
  switch (status) {
    case 'registered':
      return 'Waiting for the vendor to approve the registration';
    case 'approved':
      return 'Open: the deal is being worked';
    case 'won':
      return 'The prospect became a customer';
    default:
      return dealOutcomeCopy[status].label;
  }
}

const none = (
  <Text c="dimmed" size="sm">
    Not given
  </Text>
);

function ReferralDetails({ referral: r }: { referral: Referral }) {
  const industries = useQuery(industriesQueryOptions);
  const industry = r.company.industry
    ? (industries.data?.find((i) => i.code === r.company.industry)?.name ?? r.company.industry)
    : null;

  const rows: [string, ReactNode][] = [
    ['From', referrerName(r) + (r.referrerUser ? ` (${r.referrerUser.name})` : '')],
    ['To', recipientName(r)],
    ['Source', referralSourceLabel[r.source]],
    ['Sent', formatDateTime(r.createdAt)],
    ['Company', r.company.name],
    ['Domain', r.company.domain ?? none],
    ['Country', r.company.country ? countryName(r.company.country) : none],
    ['Industry', industry ?? none],
    ['Contact', r.contact.name],
    [
      'Contact email',
      <Anchor key="email" href={`mailto:${r.contact.email}`} size="sm">
        {r.contact.email}
      </Anchor>,
    ],
    [
      'Contact phone',
      r.contact.phone ? (
        <Anchor key="phone" href={`tel:${r.contact.phone.replace(/[^\d+]/g, '')}`} size="sm">
          {r.contact.phone}
        </Anchor>
      ) : (
        none
      ),
    ],
    [
      'Need',
      <Text key="need" size="sm" style={{ whiteSpace: 'pre-line' }}>
        {r.need}
      </Text>,
    ],
    [
      'Estimated value',
      r.estimatedValue ? formatMinor(r.estimatedValue.amount, r.estimatedValue.currency) : none,
    ],
  ];
  if (r.decidedAt) {
    rows.push([r.status === 'rejected' ? 'Rejected' : 'Accepted', formatDateTime(r.decidedAt)]);
  }
  if (r.decisionReason) rows.push(['Reason', r.decisionReason]);

  return (
    <Table variant="vertical" layout="fixed" withTableBorder aria-label="Referral details">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={180}>{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

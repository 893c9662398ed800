import { Badge, Card, Stack, Table, Text, Title } from '@mantine/core';
import type { Lead, RoutingExplanation } from '../../api/leads';
import { formatDateTime } from '../../components/dates';

const outcomeLabel: Record<Lead['history'][number]['outcome'], string> = {
  waiting: 'Waiting for an answer',
  accepted: 'Accepted',
  declined: 'Declined',
  withdrawn: 'Withdrawn at the deadline',
  reassigned: 'Taken back by the vendor',
  referred: 'Referred on',
};
const outcomeColor: Record<Lead['history'][number]['outcome'], string> = {
  waiting: 'blue',
  accepted: 'green',
  declined: 'red',
  withdrawn: 'orange',
  reassigned: 'gray',
  referred: 'grape',
};

/** Why the rules chose as they did: the rule that fired, those skipped, and every partner considered. */
export function ExplanationView({
  explanation: x,
  label,
}: {
  explanation: RoutingExplanation;
  label: string;
}) {
  return (
    <Stack gap="xs">
      <Text size="sm">{x.summary}</Text>
      {x.skippedRules.length > 0 && (
        <Text size="xs" c="dimmed">
          Skipped: {x.skippedRules.map((s) => `“${s.name}” (${s.why})`).join('; ')}
        </Text>
      )}
      {x.candidates.length > 0 && (
        <Table withTableBorder fz="xs" aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Partner</Table.Th>
              <Table.Th>Eligible</Table.Th>
              <Table.Th>Why</Table.Th>
              <Table.Th>Weight / score</Table.Th>
              <Table.Th>Open leads</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {x.candidates.map((c) => (
              <Table.Tr key={c.organizationId}>
                <Table.Td>
                  {c.name}
                  {x.chosen?.organizationId === c.organizationId && (
                    <Badge ml="xs" size="xs" color="green">
                      chosen
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{c.eligible ? 'Yes' : 'No'}</Table.Td>
                <Table.Td>{c.reasons.join('; ')}</Table.Td>
                <Table.Td>{c.weight ?? c.score ?? '—'}</Table.Td>
                <Table.Td>{c.openLeads}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** Every assignment of the lead (a partner sees its own), each with its explanation. */
export function RoutingHistory({ lead }: { lead: Lead }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="lead-history">
      <Stack gap="md">
        <Title order={2} size="h4" id="lead-history">
          Routing history
        </Title>
        {lead.routing && <ExplanationView explanation={lead.routing} label="Last routing" />}
        {lead.history.length === 0 && !lead.routing && (
          <Text size="sm" c="dimmed">
            Not routed yet.
          </Text>
        )}
        {lead.history.map((h, i) => (
          <Stack key={h.id} gap={4}>
            <Text size="sm" fw={500}>
              {i + 1}. {h.organization.name} · {formatDateTime(h.assignedAt)}{' '}
              <Badge size="sm" color={outcomeColor[h.outcome]} variant="light">
                {outcomeLabel[h.outcome]}
                {h.outcomeAt ? ` · ${formatDateTime(h.outcomeAt)}` : ''}
              </Badge>
            </Text>
            {h.reason && (
              <Text size="xs" c="dimmed">
                Reason: {h.reason}
              </Text>
            )}
            <ExplanationView
              explanation={h.explanation}
              label={`Partners considered for assignment ${i + 1}`}
            />
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}

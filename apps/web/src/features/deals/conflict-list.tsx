import { Alert, Badge, Group, List, Paper, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { Conflict } from '../../api/deals';
import { countryName } from '../../components/countries';
import { formatDate } from '../../components/dates';
import { AnchorLink } from '../../components/links';
import { DealStatusBadge } from './deal-status-badge';

interface Props {
  conflicts: Conflict[];
  label: string;
  /** Links open in a new tab: used on the registration form, so typed input is not lost. */
  newTab?: boolean;
}

/** Open deals that look like the same customer, each with why it matched. */
export function ConflictList({ conflicts, label, newTab = false }: Props) {
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {conflicts.map(({ deal, reasons, score, blocking }) => (
        <Paper component="li" key={deal.id} withBorder p="sm" radius="sm">
          <Group justify="space-between" align="flex-start" gap="xs">
            <div>
              <Group gap="xs">
                <AnchorLink
                  to="/deals/$dealId"
                  params={{ dealId: deal.id }}
                  fw={500}
                  {...(newTab ? { target: '_blank', rel: 'noopener' } : {})}
                >
                  {deal.customerName}
                </AnchorLink>
                <DealStatusBadge status={deal.status} />
                {blocking && (
                  <Badge
                    color="red"
                    variant="light"
                    title="Approving over it needs an override with a reason"
                  >
                    Protected for another partner
                  </Badge>
                )}
              </Group>
              <Text size="sm" c="dimmed">
                {[
                  deal.customerDomain,
                  countryName(deal.country),
                  `registered by ${deal.registeredBy.name} on ${formatDate(deal.createdAt)}`,
                  deal.protectionExpiresAt && `protected until ${formatDate(deal.protectionExpiresAt)}`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </div>
            <Badge variant="outline" color={score >= 0.9 ? 'red' : 'orange'} title="How closely it matches">
              {Math.round(score * 100)}% match
            </Badge>
          </Group>
          <List size="sm" mt={4}>
            {reasons.map((reason) => (
              <List.Item key={reason}>{reason}</List.Item>
            ))}
          </List>
        </Paper>
      ))}
    </Stack>
  );
}

/**
 * What a partner learns when another partner holds its customer under protection: that it is
 * taken, and nothing more (not who, nor amounts or dates).
 */
export function ProtectedElsewhereNotice({ registered = false }: { registered?: boolean }) {
  return (
    <Alert color="red" icon={<IconLock />} title="Another partner holds this customer" role="status">
      <Text size="sm">
        This customer is under another partner’s deal protection.{' '}
        {registered
          ? 'Your registration was saved, but it is not approved while that protection runs unless the vendor makes an exception.'
          : 'You can still register it, but it is not approved while that protection runs unless the vendor makes an exception.'}
      </Text>
    </Alert>
  );
}

import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconArrowsRightLeft,
  IconFileImport,
  IconMail,
  IconWebhook,
  IconArrowsExchange,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, errorMessage, isApiError, isStaleVersion } from '../../api/client';
import {
  type Settings,
  settingsQueryOptions,
  type UpdateSettingsInput,
  useUpdateSettings,
} from '../../api/settings';
import { formatDateTime } from '../../components/dates';
import { AnchorLink, ButtonLink } from '../../components/links';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { useCan } from '../auth/session';
import { BrandSection } from './brand-form';
import { DirectCoverageForm, DirectCoverageSummary } from './direct-coverage-form';
import { EngagementWeightsForm, EngagementWeightsSummary } from './engagement-weights-form';
import { currencyOptions } from './format';
import { ProtectionRulesForm, ProtectionRulesSummary } from './protection-rules-form';
import { useBrandTitle } from '../brand/brand-mark';

const STALE =
  'The settings were changed by someone else meanwhile. The form now shows the current values; make your change again.';

/** The vendor's platform settings: the admin changes them, other vendor staff read them. */
export function SettingsPage() {
  useBrandTitle('Settings');
  const canManage = useCan('settings:manage');
  const canManageWebhooks = useCan('webhooks:manage');
  const canManageCrm = useCan('crm:manage');
  const canReadEmails = useCan('emails:read');
  const canImport = useCan('imports:manage');
  const settings = useQuery(settingsQueryOptions);
  // Kept here, not in the form: the form starts afresh from each version the server returns,
  // and the reason it did (someone else saved) must outlive that.
  const update = useUpdateSettings();
  // One mutation per section, so a refusal shows beside the form that caused it.
  const updateCoverage = useUpdateSettings();
  const updateWeights = useUpdateSettings();
  const updateProtection = useUpdateSettings();

  return (
    <Stack gap="lg" maw={760}>
      <div>
        <Title order={1}>Settings</Title>
        <Text c="dimmed" size="sm">
          Rules that apply across the ecosystem. {canManage ? '' : 'Only a vendor admin can change them.'}
        </Text>
      </div>
      <BrandSection canManage={canManage} />
      {settings.isPending ? (
        <LoadingState label="Loading settings…" />
      ) : settings.isError ? (
        <ErrorAlert error={settings.error} title="The settings could not be loaded" />
      ) : (
        <Card withBorder padding="lg" component="section" aria-labelledby="settings-money">
          <Stack>
            <Title order={2} size="h4" id="settings-money">
              Reporting and deal protection
            </Title>
            {canManage ? (
              // Keyed by its own values: a save in another section (a new version) keeps what is typed here.
              <SettingsForm
                key={`${settings.data.reportingCurrency}|${settings.data.defaultProtectionDays}`}
                settings={settings.data}
                update={update}
              />
            ) : (
              <SettingsSummary settings={settings.data} />
            )}
            <Text size="xs" c="dimmed">
              Last changed {formatDateTime(settings.data.updatedAt)}
            </Text>
          </Stack>
        </Card>
      )}
      {settings.data && (
        <>
          <Card
            withBorder
            padding="lg"
            component="section"
            aria-labelledby="settings-coverage"
            id="direct-coverage"
          >
            <Stack>
              <div>
                <Title order={2} size="h4" id="settings-coverage">
                  Direct coverage
                </Title>
                <Text size="sm" c="dimmed">
                  The markets (country × industry) you cover yourself. The coverage dashboard divides the
                  cells covered by you or a partner by these.
                </Text>
              </div>
              {canManage ? (
                <DirectCoverageForm
                  key={coverageSignature(settings.data)}
                  settings={settings.data}
                  update={updateCoverage}
                />
              ) : (
                <DirectCoverageSummary settings={settings.data} />
              )}
            </Stack>
          </Card>
          <Card withBorder padding="lg" component="section" aria-labelledby="settings-protection">
            <Stack>
              <div>
                <Title order={2} size="h4" id="settings-protection">
                  Protection rules
                </Title>
                <Text size="sm" c="dimmed">
                  Deal protection is exclusive: while one partner holds a customer (the same web domain or
                  name), another partner’s registration of it is not approved without an override.
                </Text>
              </div>
              {canManage ? (
                <ProtectionRulesForm
                  key={`${[...settings.data.protectionOverrideRoles].sort().join(',')}|${settings.data.protectedCustomerNotice}`}
                  settings={settings.data}
                  update={updateProtection}
                />
              ) : (
                <ProtectionRulesSummary settings={settings.data} />
              )}
            </Stack>
          </Card>
          <Card withBorder padding="lg" component="section" aria-labelledby="settings-weights">
            <Stack>
              <div>
                <Title order={2} size="h4" id="settings-weights">
                  Engagement weights
                </Title>
                <Text size="sm" c="dimmed">
                  Points per activity of a partner’s people over the last 90 days: the engagement score behind
                  partner health, scorecards and tier rules.
                </Text>
              </div>
              {canManage ? (
                <EngagementWeightsForm
                  key={JSON.stringify(settings.data.engagementWeights)}
                  settings={settings.data}
                  update={updateWeights}
                />
              ) : (
                <EngagementWeightsSummary settings={settings.data} />
              )}
            </Stack>
          </Card>
        </>
      )}
      <Card withBorder padding="lg" component="section" aria-labelledby="settings-fx">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h4" id="settings-fx">
              FX rates
            </Title>
            <Text size="sm" c="dimmed">
              Deals in other currencies are converted into the reporting currency at the rate in force on
              their close date (or today, while open).
            </Text>
          </div>
          <ButtonLink to="/settings/fx-rates" variant="light" leftSection={<IconArrowsRightLeft size={16} />}>
            {canManage ? 'Manage FX rates' : 'View FX rates'}
          </ButtonLink>
        </Group>
      </Card>
      {canManageWebhooks && (
        <Card withBorder padding="lg" component="section" aria-labelledby="settings-webhooks">
          <Group justify="space-between" align="flex-start">
            <div>
              <Title order={2} size="h4" id="settings-webhooks">
                Webhooks
              </Title>
              <Text size="sm" c="dimmed">
                Events (a deal approved, a partner enrolled…) POSTed to your systems, signed.
              </Text>
            </div>
            <ButtonLink to="/settings/webhooks" variant="light" leftSection={<IconWebhook size={16} />}>
              Manage webhooks
            </ButtonLink>
          </Group>
        </Card>
      )}
      {canManageCrm && (
        <Card withBorder padding="lg" component="section" aria-labelledby="settings-crm">
          <Group justify="space-between" align="flex-start">
            <div>
              <Title order={2} size="h4" id="settings-crm">
                CRM
              </Title>
              <Text size="sm" c="dimmed">
                Two-way sync with Salesforce: accounts, opportunities, won revenue.
              </Text>
            </div>
            <ButtonLink to="/settings/crm" variant="light" leftSection={<IconArrowsExchange size={16} />}>
              Manage CRM sync
            </ButtonLink>
          </Group>
        </Card>
      )}
      {canReadEmails && (
        <Card withBorder padding="lg" component="section" aria-labelledby="settings-emails">
          <Group justify="space-between" align="flex-start">
            <div>
              <Title order={2} size="h4" id="settings-emails">
                Email outbox
              </Title>
              <Text size="sm" c="dimmed">
                Every email sent: invitations, password resets, notices.
              </Text>
            </div>
            <ButtonLink to="/settings/emails" variant="light" leftSection={<IconMail size={16} />}>
              Open the outbox
            </ButtonLink>
          </Group>
        </Card>
      )}
      {canImport && (
        <Card withBorder padding="lg" component="section" aria-labelledby="settings-imports">
          <Group justify="space-between" align="flex-start">
            <div>
              <Title order={2} size="h4" id="settings-imports">
                Imports
              </Title>
              <Text size="sm" c="dimmed">
                Partners, people, enrollments, connections, referrals, FX rates and deals from CSV files.
              </Text>
            </div>
            <ButtonLink to="/settings/imports" variant="light" leftSection={<IconFileImport size={16} />}>
              Import CSV files
            </ButtonLink>
          </Group>
        </Card>
      )}
    </Stack>
  );
}

const coverageSignature = (s: Settings) =>
  s.directCoverage
    .map((c) => `${c.country}|${c.industry}`)
    .sort()
    .join(',');

function SettingsSummary({ settings }: { settings: Settings }) {
  const currencyLabel =
    currencyOptions.find((c) => c.value === settings.reportingCurrency)?.label ?? settings.reportingCurrency;
  return (
    <Table variant="vertical" layout="fixed" withTableBorder aria-label="Settings">
      <Table.Tbody>
        <Table.Tr>
          <Table.Th w={220}>Reporting currency</Table.Th>
          <Table.Td>{currencyLabel}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>Default protection</Table.Th>
          <Table.Td>{settings.defaultProtectionDays} days</Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

function SettingsForm({
  settings,
  update,
}: {
  settings: Settings;
  update: ReturnType<typeof useUpdateSettings>;
}) {
  const [currency, setCurrency] = useState(settings.reportingCurrency);
  const [days, setDays] = useState<number | string>(settings.defaultProtectionDays);
  const [daysError, setDaysError] = useState<string | null>(null);
  const fieldErrors = update.error instanceof ApiError ? update.error.fieldErrors() : {};

  const changes: Omit<UpdateSettingsInput, 'version'> = {};
  if (currency !== settings.reportingCurrency) changes.reportingCurrency = currency;
  if (typeof days === 'number' && days !== settings.defaultProtectionDays)
    changes.defaultProtectionDays = days;
  const changed = Object.keys(changes).length > 0;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 730) {
      setDaysError('Give a whole number of days from 1 to 730');
      return;
    }
    if (!changed) return;
    update.mutate(
      { version: settings.version, ...changes },
      { onSuccess: () => notifications.show({ color: 'green', message: 'The settings were saved.' }) },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SettingsError error={update.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Reporting currency"
            description="Every metric and dashboard is reported in it"
            data={currencyOptions}
            value={currency}
            onChange={(value) => {
              if (value) setCurrency(value);
              if (isApiError(update.error, 422)) update.reset();
            }}
            searchable
            allowDeselect={false}
            error={fieldErrors.reportingCurrency}
          />
          <NumberInput
            label="Default protection days"
            description="How long an approved deal is protected when no tier of the partner grants days"
            min={1}
            max={730}
            allowDecimal={false}
            allowNegative={false}
            value={days}
            onChange={(value) => {
              setDays(value);
              setDaysError(null);
            }}
            error={daysError ?? fieldErrors.defaultProtectionDays}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button
            variant="default"
            disabled={!changed}
            onClick={() => {
              setCurrency(settings.reportingCurrency);
              setDays(settings.defaultProtectionDays);
              setDaysError(null);
              update.reset();
            }}
          >
            Discard changes
          </Button>
          <Button type="submit" disabled={!changed} loading={update.isPending}>
            Save settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SettingsError({ error }: { error: Error | null }) {
  if (!error) return null;
  if (error instanceof ApiError && error.status === 400 && error.errors.length > 0) return null;
  if (isStaleVersion(error)) {
    return (
      <Alert color="orange" icon={<IconAlertTriangle />} role="alert">
        {STALE}
      </Alert>
    );
  }
  if (isApiError(error, 422)) {
    // The server names the currencies that deals are priced in and that have no rate into the new one.
    return (
      <Alert
        color="red"
        icon={<IconAlertTriangle />}
        role="alert"
        title="The reporting currency was not changed"
      >
        <Text size="sm">{errorMessage(error)}</Text>
        <Text size="sm" mt="xs">
          <AnchorLink to="/settings/fx-rates">See the FX rates in force</AnchorLink>
        </Text>
      </Alert>
    );
  }
  return (
    <Alert color="red" role="alert">
      {errorMessage(error)}
    </Alert>
  );
}

import {
  ActionIcon,
  Alert,
  Breadcrumbs,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, errorMessage, isApiError } from '../../api/client';
import {
  type FxRate,
  fxRatesQueryOptions,
  settingsQueryOptions,
  useCreateFxRate,
  useDeleteFxRate,
} from '../../api/settings';
import { formatDateTime } from '../../components/dates';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState, LoadMore } from '../../components/query-state';
import { useCan } from '../auth/session';
import { closeButtonProps } from '../programs/modal-props';
import { currencyOptions, formatDay, todayDate } from './format';
import { useBrandTitle } from '../brand/brand-mark';

/** The FX rates into the reporting currency: the vendor admin keeps them; other vendor staff read them. */
export function FxRatesPage() {
  useBrandTitle('FX rates');
  const canManage = useCan('fx-rates:manage');
  const settings = useQuery(settingsQueryOptions);
  const [currency, setCurrency] = useState<string | null>(null);
  const [adding, addModal] = useDisclosure(false);
  const [deleting, setDeleting] = useState<FxRate | null>(null);
  const list = useInfiniteQuery({
    ...fxRatesQueryOptions(currency ? { currency } : {}),
    placeholderData: keepPreviousData,
  });
  const rates = list.data?.pages.flatMap((p) => p.items) ?? [];
  const reporting = settings.data?.reportingCurrency;

  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <AnchorLink to="/settings">Settings</AnchorLink>
        <Text size="sm">FX rates</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>FX rates</Title>
          <Text c="dimmed" size="sm" maw={720}>
            How many units of the reporting currency{reporting ? ` (${reporting})` : ''} one unit of a deal
            currency is worth. A rate is in force from its effective date until the next rate for the same
            currency.
          </Text>
        </div>
        {canManage && (
          <Button leftSection={<IconPlus size={16} />} onClick={addModal.open}>
            Add rate
          </Button>
        )}
      </Group>
      <Group align="flex-end" role="search" aria-label="Filter FX rates">
        <Select
          label="Currency"
          placeholder="Any currency"
          data={currencyOptions}
          value={currency}
          onChange={setCurrency}
          searchable
          clearable
          w={{ base: '100%', sm: 280 }}
        />
      </Group>
      {list.isPending ? (
        <LoadingState label="Loading FX rates…" />
      ) : list.isError ? (
        <ErrorAlert error={list.error} title="The FX rates could not be loaded" />
      ) : rates.length === 0 ? (
        <Text c="dimmed" py="xl" ta="center">
          {currency ? `No rates for ${currency} yet.` : 'No FX rates yet.'}
        </Text>
      ) : (
        <>
          <div style={{ opacity: list.isPlaceholderData ? 0.5 : 1 }} aria-busy={list.isPlaceholderData}>
            <FxRatesTable rates={rates} onDelete={canManage ? setDeleting : undefined} />
          </div>
          <LoadMore
            hasNextPage={list.hasNextPage}
            isFetchingNextPage={list.isFetchingNextPage}
            fetchNextPage={list.fetchNextPage}
            shown={rates.length}
            noun={rates.length === 1 ? 'rate' : 'rates'}
          />
        </>
      )}
      {canManage && (
        <>
          <Modal
            opened={adding}
            onClose={addModal.close}
            title="Add an FX rate"
            closeButtonProps={closeButtonProps}
          >
            {adding && <AddRateForm reportingCurrency={reporting} onDone={addModal.close} />}
          </Modal>
          <Modal
            opened={deleting !== null}
            onClose={() => setDeleting(null)}
            title="Delete FX rate"
            closeButtonProps={closeButtonProps}
            centered
          >
            {deleting && <DeleteRate rate={deleting} onDone={() => setDeleting(null)} />}
          </Modal>
        </>
      )}
    </Stack>
  );
}

const rateText = (rate: FxRate) => `1 ${rate.currency} = ${rate.rate} ${rate.reportingCurrency}`;

function FxRatesTable({ rates, onDelete }: { rates: FxRate[]; onDelete?: (rate: FxRate) => void }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label="FX rates">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Currency</Table.Th>
            <Table.Th>Rate</Table.Th>
            <Table.Th>Effective from</Table.Th>
            <Table.Th>Added</Table.Th>
            {onDelete && (
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rates.map((rate) => (
            <Table.Tr key={rate.id}>
              <Table.Td fw={500}>{rate.currency}</Table.Td>
              <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{rateText(rate)}</Table.Td>
              <Table.Td>{formatDay(rate.effectiveDate)}</Table.Td>
              <Table.Td>{formatDateTime(rate.createdAt)}</Table.Td>
              {onDelete && (
                <Table.Td ta="right">
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => onDelete(rate)}
                    aria-label={`Delete the ${rate.currency} rate from ${formatDay(rate.effectiveDate)}`}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DeleteRate({ rate, onDone }: { rate: FxRate; onDone: () => void }) {
  const remove = useDeleteFxRate();
  return (
    <Stack>
      <Text>
        Delete the rate <b>{rateText(rate)}</b> in force from {formatDay(rate.effectiveDate)}? Deals it
        converts fall back to the rate in force before it.
      </Text>
      {remove.error && (
        <Alert
          color="red"
          role="alert"
          title={isApiError(remove.error, 409) ? 'The rate is still needed' : undefined}
        >
          {errorMessage(remove.error)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {remove.error ? 'Close' : 'Cancel'}
        </Button>
        <Button
          color="red"
          loading={remove.isPending}
          disabled={isApiError(remove.error, 409)}
          onClick={() =>
            remove.mutate(rate.id, {
              onSuccess: () => {
                notifications.show({ color: 'green', message: `The ${rate.currency} rate was deleted.` });
                onDone();
              },
            })
          }
        >
          Delete rate
        </Button>
      </Group>
    </Stack>
  );
}

interface Values {
  currency: string | null;
  rate: string;
  effectiveDate: string;
}
type Errors = Partial<Record<keyof Values, string>>;

function AddRateForm({ reportingCurrency, onDone }: { reportingCurrency?: string; onDone: () => void }) {
  const create = useCreateFxRate();
  const [values, setValues] = useState<Values>({ currency: null, rate: '', effectiveDate: todayDate() });
  const [localErrors, setLocalErrors] = useState<Errors>({});
  const server = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const errors: Errors = {
    currency: server.currency,
    rate: server.rate,
    effectiveDate: server.effectiveDate,
    ...localErrors,
  };
  const formError =
    create.error && !server.currency && !server.rate && !server.effectiveDate
      ? errorMessage(create.error)
      : null;
  // A currency converts into the reporting currency, never into itself.
  const options = currencyOptions.filter((c) => c.value !== reportingCurrency);
  const set = (patch: Partial<Values>) => {
    setValues((v) => ({ ...v, ...patch }));
    setLocalErrors({});
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Errors = {};
    const rate = values.rate.trim();
    if (!values.currency) found.currency = 'Choose a currency';
    if (!/^\d{1,12}(\.\d{1,12})?$/.test(rate)) found.rate = 'A positive decimal number, e.g. 1.0842';
    else if (!/[1-9]/.test(rate)) found.rate = 'A rate must be greater than zero';
    if (!values.effectiveDate) found.effectiveDate = 'Give the date the rate takes effect';
    setLocalErrors(found);
    if (Object.keys(found).length > 0 || !values.currency) return;
    create.mutate(
      { currency: values.currency, rate, effectiveDate: values.effectiveDate },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: `Added ${rateText(saved)}.` });
          onDone();
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <Select
          label="Currency"
          description="The deal currency converted from"
          required
          data-autofocus
          data={options}
          value={values.currency}
          onChange={(currency) => set({ currency })}
          searchable
          error={errors.currency}
        />
        <TextInput
          label="Rate"
          description={`${reportingCurrency ?? 'Reporting currency'} units per one ${values.currency ?? 'unit'}, exact (e.g. 1.0842)`}
          required
          inputMode="decimal"
          value={values.rate}
          onChange={(e) => set({ rate: e.currentTarget.value })}
          error={errors.rate}
        />
        <TextInput
          label="Effective date"
          description="In force from this day until the next rate for the currency"
          type="date"
          required
          value={values.effectiveDate}
          onChange={(e) => set({ effectiveDate: e.currentTarget.value })}
          error={errors.effectiveDate}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Add rate
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

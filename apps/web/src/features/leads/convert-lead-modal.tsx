import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { convertLeadBody } from '@partnergraph/shared/contracts/leads';
import { formatMinor } from '@partnergraph/shared/money-format';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { z } from 'zod';
import { type ConvertedLead, type Lead, useConvertLead } from '../../api/leads';
import { showServerErrors, useContractForm } from '../../components/forms';
import { ButtonLink } from '../../components/links';
import { closeButtonProps } from '../programs/modal-props';
import { currencyOptions, majorAmountText, parseMajorAmount, todayDate } from '../settings/format';

/**
 * The form holds the amount as typed (major units); the contract is checked on the body it would send
 * (the amount read by the currency's digits), so the rules are the server's.
 */
const formSchema = z
  .object({ amount: z.string(), currency: z.string(), expectedCloseDate: z.string() })
  .superRefine((v, ctx) => {
    const parsed = parseMajorAmount(v.amount, v.currency || 'USD');
    if ('error' in parsed) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: parsed.error });
      return;
    }
    const body = convertLeadBody.safeParse({
      version: 1,
      amount: parsed.minor,
      currency: v.currency,
      expectedCloseDate: v.expectedCloseDate,
    });
    for (const issue of body.success ? [] : body.error.issues) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
  });

export function ConvertLeadModal({
  lead,
  opened,
  onClose,
}: {
  lead: Lead;
  opened: boolean;
  onClose: () => void;
}) {
  const [done, setDone] = useState<ConvertedLead | null>(null);
  const close = () => {
    setDone(null);
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={done ? 'Deal registered' : `Convert ${lead.company?.name ?? 'the lead'} into a deal`}
      closeButtonProps={closeButtonProps}
      size="lg"
    >
      {opened &&
        (done ? (
          <Stack>
            <Alert color="green" icon={<IconCircleCheck />} title="The lead is now a protected deal">
              {done.deal.customer.name}, {formatMinor(done.deal.amount, done.deal.currency)}: registered by
              your organization and protected, since the vendor routed the lead to you.
            </Alert>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Stay on the lead
              </Button>
              <ButtonLink to="/deals/$dealId" params={{ dealId: done.deal.id }}>
                Open the deal
              </ButtonLink>
            </Group>
          </Stack>
        ) : (
          <ConvertForm lead={lead} onCancel={close} onDone={setDone} />
        ))}
    </Modal>
  );
}

function ConvertForm({
  lead,
  onCancel,
  onDone,
}: {
  lead: Lead;
  onCancel: () => void;
  onDone: (r: ConvertedLead) => void;
}) {
  const convert = useConvertLead(lead.id);
  const [alert, setAlert] = useState<string | null>(null);
  const form = useContractForm(formSchema, {
    amount:
      lead.estimatedAmount !== null && lead.estimatedCurrency
        ? majorAmountText(lead.estimatedAmount, lead.estimatedCurrency)
        : '',
    currency: lead.estimatedCurrency ?? 'USD',
    expectedCloseDate: '',
  });
  const submit = form.onSubmit((v) => {
    const parsed = parseMajorAmount(v.amount, v.currency);
    if ('error' in parsed) return;
    setAlert(null);
    convert.mutate(
      {
        version: lead.version,
        amount: parsed.minor,
        currency: v.currency,
        expectedCloseDate: v.expectedCloseDate,
      },
      { onSuccess: onDone, onError: (error) => setAlert(showServerErrors(form, error)) },
    );
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">
          Your organization registers a deal for {lead.company?.name}; it is checked for conflicts and
          protected at once.
        </Text>
        {alert && (
          <Alert color="red" role="alert">
            {alert}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label="Amount"
            description="In major units, e.g. 25000"
            required
            inputMode="decimal"
            data-autofocus
            {...form.getInputProps('amount')}
          />
          <Select
            label="Currency"
            required
            data={currencyOptions}
            searchable
            allowDeselect={false}
            {...form.getInputProps('currency')}
          />
          <TextInput
            label="Expected close date"
            type="date"
            required
            min={todayDate()}
            {...form.getInputProps('expectedCloseDate')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={convert.isPending}>
            Register the deal
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Breadcrumbs, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useCreateDeal } from '../../api/deals';
import { showServerErrors, useContractForm } from '../../components/forms';
import { AnchorLink } from '../../components/links';
import { useSession } from '../auth/session';
import {
  createBodyFrom,
  DealFormFields,
  dealFormSchema,
  type DealFormValues,
  emptyDealForm,
} from './deal-form';
import { useBrandTitle } from '../brand/brand-mark';

/** Partners register an opportunity for review; vendor staff record a vendor-sourced deal (approved at once). */
export function NewDealPage() {
  const { organization } = useSession();
  const isVendor = organization.kind === 'vendor';
  const title = isVendor ? 'Record a vendor-sourced deal' : 'Register a deal';
  useBrandTitle(`${title}`);
  const navigate = useNavigate();
  const create = useCreateDeal();
  const form = useContractForm<DealFormValues>(dealFormSchema, emptyDealForm);
  // What the server refused that no field shows goes above the fields.
  const [formError, setFormError] = useState<string | null>(null);

  function submit(values: DealFormValues) {
    setFormError(null);
    create.mutate(createBodyFrom(values), {
      onError: (error) => setFormError(showServerErrors(form, error)),
      onSuccess: (deal) => {
        notifications.show({
          color: 'green',
          message: isVendor
            ? `The deal with ${deal.customer.name} was recorded.`
            : `The deal with ${deal.customer.name} was registered and waits for review.`,
        });
        void navigate({ to: '/deals/$dealId', params: { dealId: deal.id } });
      },
    });
  }

  return (
    <Stack maw={880}>
      <Breadcrumbs>
        <AnchorLink to="/deals">Deals</AnchorLink>
        <Text size="sm">{title}</Text>
      </Breadcrumbs>
      <div>
        <Title order={1}>{title}</Title>
        <Text c="dimmed" size="sm">
          {isVendor
            ? 'A deal your team found itself: it is approved at once and has no sourcing partner. Add partners who help as involvements.'
            : 'Register an opportunity to have it protected: once your channel manager approves it, no other partner can claim the customer until the protection ends.'}
        </Text>
      </div>
      <Paper
        withBorder
        p="lg"
        component="form"
        onSubmit={form.onSubmit(submit)}
        noValidate
        aria-label={title}
      >
        <DealFormFields form={form} formError={formError} />
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => void navigate({ to: '/deals' })}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            {isVendor ? 'Record deal' : 'Register deal'}
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}

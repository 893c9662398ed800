import {
  Alert,
  Button,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import type { InvolvementRole } from '@partnergraph/shared/contracts/deals';
import { introBody } from '@partnergraph/shared/contracts/mapping';
import { formatMinor } from '@partnergraph/shared/money-format';
import { errorMessage } from '../../api/client';
import { useAskForIntro, useProposeInvolvement } from '../../api/mapping';
import { showServerErrors, useContractForm } from '../../components/forms';
import { involvementRoles, roleLabels } from '../deals/labels';

/** Roles a partner takes on a deal it joins from an overlap: the deal already has its source. */
const joinRoles = involvementRoles
  .filter((r) => r !== 'sourced')
  .map((value) => ({ value, label: roleLabels[value] }));

export interface OpenDealChoice {
  id: string;
  customerName: string;
  status: string;
  amount: number;
  currency: string;
  registrant: string;
  counterpartOnIt: boolean;
}

/** Role and note of an involvement proposed from an overlap (both sides), then the request itself. */
function InvolvementForm(props: {
  partnershipId: string;
  overlapId: string;
  deals?: OpenDealChoice[];
  submitLabel: string;
  done: string;
}) {
  const propose = useProposeInvolvement();
  const choosable = (props.deals ?? []).filter((d) => !d.counterpartOnIt);
  const [dealId, setDealId] = useState<string | null>(choosable[0]?.id ?? null);
  const [role, setRole] = useState<InvolvementRole>('co_sell');
  const [note, setNote] = useState('');
  if (propose.isSuccess)
    return (
      <Alert color="green" role="status">
        {props.done}
      </Alert>
    );
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        propose.mutate({
          id: props.partnershipId,
          overlapId: props.overlapId,
          role: role as Exclude<InvolvementRole, 'sourced'>,
          ...(dealId && props.deals ? { dealId } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        });
      }}
    >
      <Stack gap="sm">
        {props.deals && (
          <Select
            label="Open deal"
            required
            data={choosable.map((d) => ({
              value: d.id,
              label: `${d.customerName} · ${d.status} · ${formatMinor(d.amount, d.currency)} · ${d.registrant}`,
            }))}
            value={dealId}
            onChange={setDealId}
            allowDeselect={false}
          />
        )}
        <Select
          label="Role"
          data={joinRoles}
          value={role}
          onChange={(v) => v && setRole(v as InvolvementRole)}
          allowDeselect={false}
        />
        <Textarea
          label="Note"
          description="Read by the vendor and your own organization"
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        {propose.error && <Alert color="red">{errorMessage(propose.error)}</Alert>}
        <Button type="submit" loading={propose.isPending}>
          {props.submitLabel}
        </Button>
      </Stack>
    </form>
  );
}

/** The referral form: the company, a contact and the need, sent to the counterpart. */
function ReferralForm(props: { partnershipId: string; companyName: string; companyDomain: string }) {
  const ask = useAskForIntro();
  const [message, setMessage] = useState<string | null>(null);
  const form = useContractForm(introBody, {
    companyName: props.companyName,
    companyDomain: props.companyDomain,
    contactName: '',
    contactEmail: '',
    need: '',
  });
  if (ask.isSuccess)
    return (
      <Alert color="green" role="status">
        Sent as a referral. You can follow it under Referrals.
      </Alert>
    );
  return (
    <form
      onSubmit={form.onSubmit((values) => {
        setMessage(null);
        ask.mutate(
          { id: props.partnershipId, ...values },
          { onError: (err) => setMessage(showServerErrors(form, err)) },
        );
      })}
    >
      <Stack gap="sm">
        <TextInput label="Company" required {...form.getInputProps('companyName')} />
        <TextInput label="Domain" required {...form.getInputProps('companyDomain')} />
        <TextInput label="Contact name" required {...form.getInputProps('contactName')} />
        <TextInput label="Contact e-mail" required {...form.getInputProps('contactEmail')} />
        <Textarea
          label="What the intro is for"
          required
          autosize
          minRows={2}
          {...form.getInputProps('need')}
        />
        {message && <Alert color="red">{message}</Alert>}
        <Button type="submit" loading={ask.isPending}>
          Send
        </Button>
      </Stack>
    </form>
  );
}

/**
 * A partner's "Ask for an intro" from an overlap: where the vendor disclosed the account as an open
 * opportunity with an open deal, it asks to join that deal (the vendor confirms); otherwise, or if it
 * prefers, it sends the counterpart a referral of the company.
 */
export function IntroButton(props: {
  partnershipId: string;
  overlapId: string;
  companyName: string;
  companyDomain: string;
  canJoinDeal: boolean;
}) {
  const [opened, { open, close }] = useDisclosure(false);
  const [way, setWay] = useState<'involvement' | 'referral'>(props.canJoinDeal ? 'involvement' : 'referral');
  return (
    <>
      <Button size="xs" variant="light" onClick={open}>
        Ask for an intro
      </Button>
      <Modal opened={opened} onClose={close} title={`Ask for an intro to ${props.companyName}`}>
        <Stack gap="sm">
          {props.canJoinDeal && (
            <>
              <Text size="sm">The vendor has an open deal at this account.</Text>
              <SegmentedControl
                aria-label="How to ask"
                value={way}
                onChange={(v) => setWay(v as typeof way)}
                data={[
                  { value: 'involvement', label: 'Join the open deal' },
                  { value: 'referral', label: 'Send a referral' },
                ]}
              />
            </>
          )}
          {way === 'involvement' && props.canJoinDeal ? (
            <InvolvementForm
              partnershipId={props.partnershipId}
              overlapId={props.overlapId}
              submitLabel="Ask to join the deal"
              done="Asked to join the vendor’s open deal. The vendor confirms it; you will see the deal once it does."
            />
          ) : (
            <ReferralForm {...props} />
          )}
        </Stack>
      </Modal>
    </>
  );
}

/** The vendor's "Ask for an intro" from an overlap: it invites the partner onto its open deal there. */
export function InviteButton(props: {
  partnershipId: string;
  overlapId: string;
  companyName: string;
  partnerName: string;
  deals: OpenDealChoice[];
}) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button size="xs" variant="light" onClick={open}>
        Ask for an intro
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={`Invite ${props.partnerName} onto a deal at ${props.companyName}`}
      >
        <InvolvementForm
          partnershipId={props.partnershipId}
          overlapId={props.overlapId}
          deals={props.deals}
          submitLabel="Invite onto the deal"
          done={`Invited. ${props.partnerName} now sees the deal’s customer, amount and status, and accepts or declines.`}
        />
      </Modal>
    </>
  );
}

import { Alert, Button, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { introBody } from '@partnergraph/shared/contracts/mapping';
import { useAskForIntro } from '../../api/mapping';
import { showServerErrors, useContractForm } from '../../components/forms';

/** "Ask for an intro" from an overlap: sends the counterpart a referral of that company. */
export function IntroButton(props: { partnershipId: string; companyName: string; companyDomain: string }) {
  const [opened, { open, close }] = useDisclosure(false);
  const ask = useAskForIntro();
  const [message, setMessage] = useState<string | null>(null);
  const form = useContractForm(introBody, {
    companyName: props.companyName,
    companyDomain: props.companyDomain,
    contactName: '',
    contactEmail: '',
    need: '',
  });
  return (
    <>
      <Button size="xs" variant="light" onClick={open}>
        Ask for an intro
      </Button>
      <Modal opened={opened} onClose={close} title={`Ask for an intro to ${props.companyName}`}>
        {ask.isSuccess ? (
          <Alert color="green" role="status">
            Sent as a referral. You can follow it under Referrals.
          </Alert>
        ) : (
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
        )}
      </Modal>
    </>
  );
}

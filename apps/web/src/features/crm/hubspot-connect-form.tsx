import { Alert, Button, Group, PasswordInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { hubspotOAuthBody, hubspotTokenBody } from '@partnergraph/shared/contracts/crm';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useConnectCrm } from '../../api/crm';
import { showServerErrors, useContractForm } from '../../components/forms';
import { callbackUrl } from './crm-callback';

/** HubSpot: a private app's token (connected at once), or a public OAuth app (granted on HubSpot's page). */
export function HubSpotConnectForm() {
  const [method, setMethod] = useState<'token' | 'oauth'>('token');
  return (
    <Stack>
      <SegmentedControl
        value={method}
        onChange={(v) => setMethod(v as 'token' | 'oauth')}
        data={[
          { value: 'token', label: 'Private app token' },
          { value: 'oauth', label: 'OAuth app' },
        ]}
      />
      {method === 'token' ? <HubSpotTokenForm /> : <HubSpotOAuthForm />}
    </Stack>
  );
}

function ApiBaseHint() {
  return (
    <Text size="xs" c="dimmed">
      https://api.hubapi.com for most accounts; your account’s regional API host if HubSpot gave you one
    </Text>
  );
}

function HubSpotTokenForm() {
  const connect = useConnectCrm();
  const navigate = useNavigate();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useContractForm(hubspotTokenBody, {
    kind: 'hubspot' as const,
    authMethod: 'token' as const,
    name: 'HubSpot',
    apiBase: 'https://api.hubapi.com',
    token: '',
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setAlert(null);
        connect.mutate(values, {
          onSuccess: (result) =>
            navigate({ to: '/settings/crm/$connectionId', params: { connectionId: result.connection.id } }),
          onError: (error) => setAlert(showServerErrors(form, error)),
        });
      })}
    >
      <Stack>
        {alert && (
          <Alert color="red" role="alert">
            {alert}
          </Alert>
        )}
        <TextInput label="Name" required key={form.key('name')} {...form.getInputProps('name')} />
        <TextInput label="API base" required key={form.key('apiBase')} {...form.getInputProps('apiBase')} />
        <ApiBaseHint />
        <PasswordInput
          label="Private app access token"
          description="HubSpot → Settings → Integrations → Private apps; stored sealed"
          required
          key={form.key('token')}
          {...form.getInputProps('token')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={connect.isPending}>
            Connect HubSpot
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function HubSpotOAuthForm() {
  const connect = useConnectCrm();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useContractForm(hubspotOAuthBody, {
    kind: 'hubspot' as const,
    authMethod: 'oauth' as const,
    name: 'HubSpot',
    apiBase: 'https://api.hubapi.com',
    authorizeBase: 'https://app.hubspot.com',
    clientId: '',
    clientSecret: '',
    redirectUri: callbackUrl(),
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setAlert(null);
        connect.mutate(values, {
          // The grant is given on HubSpot's own page, which sends the person back to the callback screen.
          onSuccess: (result) => result.authorizeUrl && window.location.assign(result.authorizeUrl),
          onError: (error) => setAlert(showServerErrors(form, error)),
        });
      })}
    >
      <Stack>
        {alert && (
          <Alert color="red" role="alert">
            {alert}
          </Alert>
        )}
        <TextInput label="Name" required key={form.key('name')} {...form.getInputProps('name')} />
        <TextInput label="API base" required key={form.key('apiBase')} {...form.getInputProps('apiBase')} />
        <ApiBaseHint />
        <TextInput
          label="Authorization base"
          description="Where HubSpot’s consent screen lives"
          required
          key={form.key('authorizeBase')}
          {...form.getInputProps('authorizeBase')}
        />
        <TextInput
          label="Client ID"
          description="From the app’s Auth tab"
          required
          key={form.key('clientId')}
          {...form.getInputProps('clientId')}
        />
        <PasswordInput
          label="Client secret"
          description="Stored sealed"
          required
          key={form.key('clientSecret')}
          {...form.getInputProps('clientSecret')}
        />
        <TextInput
          label="Redirect URL"
          description="Register exactly this on the app"
          required
          key={form.key('redirectUri')}
          {...form.getInputProps('redirectUri')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={connect.isPending}>
            Connect HubSpot
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

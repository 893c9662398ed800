import { PasswordInput, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { hubspotOAuthBody, hubspotTokenBody } from '@partnergraph/shared/contracts/crm';
import { useState } from 'react';
import { useContractForm } from '../../components/forms';
import { callbackUrl } from './crm-callback';
import { ConnectFormShell, NameAndAddress, useConnectSubmit } from './connect-form-shell';

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

const apiBaseHint =
  'https://api.hubapi.com for most accounts; your account’s regional API host if HubSpot gave you one';

function HubSpotTokenForm() {
  const form = useContractForm(hubspotTokenBody, {
    kind: 'hubspot' as const,
    authMethod: 'token' as const,
    name: 'HubSpot',
    apiBase: 'https://api.hubapi.com',
    token: '',
  });
  const submit = useConnectSubmit(form, (values) => values);
  return (
    <ConnectFormShell submit={submit} label="Connect HubSpot">
      <NameAndAddress
        name={{ key: form.key('name'), props: form.getInputProps('name') }}
        address={{ key: form.key('apiBase'), props: form.getInputProps('apiBase') }}
        addressLabel="API base"
        hint={apiBaseHint}
      />
      <PasswordInput
        label="Private app access token"
        description="HubSpot → Settings → Integrations → Private apps; stored sealed"
        required
        key={form.key('token')}
        {...form.getInputProps('token')}
      />
    </ConnectFormShell>
  );
}

function HubSpotOAuthForm() {
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
  const submit = useConnectSubmit(form, (values) => values);
  return (
    <ConnectFormShell submit={submit} label="Connect HubSpot">
      <NameAndAddress
        name={{ key: form.key('name'), props: form.getInputProps('name') }}
        address={{ key: form.key('apiBase'), props: form.getInputProps('apiBase') }}
        addressLabel="API base"
        hint={apiBaseHint}
      />
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
    </ConnectFormShell>
  );
}

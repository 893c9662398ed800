import { PasswordInput, SegmentedControl, Stack, Textarea, TextInput } from '@mantine/core';
import { salesforceJwtBody, salesforceOAuthBody } from '@partnergraph/shared/contracts/crm';
import { type ReactNode, useState } from 'react';
import { useContractForm } from '../../components/forms';
import { callbackUrl } from './crm-callback';
import { ConnectFormShell, NameAndAddress, useConnectSubmit } from './connect-form-shell';
import { HubSpotConnectForm } from './hubspot-connect-form';

export { callbackUrl };

/** The connect forms, one per CRM kind; the screens around them are generic over the kind. */
export const connectForms: Partial<
  Record<'salesforce' | 'hubspot', { label: string; Form: () => ReactNode }>
> = {
  salesforce: { label: 'Salesforce', Form: SalesforceConnectForm },
  hubspot: { label: 'HubSpot', Form: HubSpotConnectForm },
};

const loginUrlHint =
  'Production: https://login.salesforce.com · Sandbox: https://test.salesforce.com · or your My Domain (https://yourcompany.my.salesforce.com)';

function SalesforceConnectForm() {
  const [method, setMethod] = useState<'oauth' | 'jwt'>('oauth');
  return (
    <Stack>
      <SegmentedControl
        value={method}
        onChange={(v) => setMethod(v as 'oauth' | 'jwt')}
        data={[
          { value: 'oauth', label: 'Sign in with Salesforce (OAuth)' },
          { value: 'jwt', label: 'Server-to-server (JWT bearer)' },
        ]}
      />
      {method === 'oauth' ? <SalesforceOAuthForm /> : <SalesforceJwtForm />}
    </Stack>
  );
}

function SalesforceOAuthForm() {
  const form = useContractForm(salesforceOAuthBody, {
    kind: 'salesforce' as const,
    authMethod: 'oauth' as const,
    name: 'Salesforce',
    loginUrl: 'https://login.salesforce.com',
    clientId: '',
    clientSecret: '',
    redirectUri: callbackUrl(),
    apiVersion: '60.0',
  });
  const submit = useConnectSubmit(form, (values) => ({
    ...values,
    clientSecret: values.clientSecret || undefined,
  }));
  return (
    <ConnectFormShell submit={submit} label="Connect Salesforce">
      <NameAndAddress
        name={{ key: form.key('name'), props: form.getInputProps('name') }}
        address={{ key: form.key('loginUrl'), props: form.getInputProps('loginUrl') }}
        addressLabel="Login URL"
        hint={loginUrlHint}
      />
      <TextInput
        label="Consumer key"
        description="From the connected app"
        required
        key={form.key('clientId')}
        {...form.getInputProps('clientId')}
      />
      <PasswordInput
        label="Consumer secret"
        description="If the connected app requires one"
        key={form.key('clientSecret')}
        {...form.getInputProps('clientSecret')}
      />
      <TextInput
        label="Callback URL"
        description="Register exactly this on the connected app"
        required
        key={form.key('redirectUri')}
        {...form.getInputProps('redirectUri')}
      />
      <TextInput label="API version" key={form.key('apiVersion')} {...form.getInputProps('apiVersion')} />
    </ConnectFormShell>
  );
}

function SalesforceJwtForm() {
  const form = useContractForm(salesforceJwtBody, {
    kind: 'salesforce' as const,
    authMethod: 'jwt' as const,
    name: 'Salesforce',
    loginUrl: 'https://login.salesforce.com',
    clientId: '',
    username: '',
    privateKey: '',
    apiVersion: '60.0',
  });
  const submit = useConnectSubmit(form, (values) => values);
  return (
    <ConnectFormShell submit={submit} label="Connect Salesforce">
      <NameAndAddress
        name={{ key: form.key('name'), props: form.getInputProps('name') }}
        address={{ key: form.key('loginUrl'), props: form.getInputProps('loginUrl') }}
        addressLabel="Login URL"
        hint={loginUrlHint}
      />
      <TextInput
        label="Consumer key"
        required
        key={form.key('clientId')}
        {...form.getInputProps('clientId')}
      />
      <TextInput
        label="Integration user"
        description="The user the connected app is pre-authorized for"
        required
        key={form.key('username')}
        {...form.getInputProps('username')}
      />
      <Textarea
        label="Private key (PEM)"
        description="Its certificate is uploaded to the connected app; stored sealed"
        required
        autosize
        minRows={4}
        key={form.key('privateKey')}
        {...form.getInputProps('privateKey')}
      />
    </ConnectFormShell>
  );
}

import {
  Alert,
  Button,
  Group,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { salesforceJwtBody, salesforceOAuthBody } from '@partnergraph/shared/contracts/crm';
import { useNavigate } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useConnectCrm } from '../../api/crm';
import { showServerErrors, useContractForm } from '../../components/forms';
import { callbackUrl } from './crm-callback';
import { HubSpotConnectForm } from './hubspot-connect-form';

export { callbackUrl };

/** The connect forms, one per CRM kind; the screens around them are generic over the kind. */
export const connectForms: Partial<
  Record<'salesforce' | 'hubspot', { label: string; Form: () => ReactNode }>
> = {
  salesforce: { label: 'Salesforce', Form: SalesforceConnectForm },
  hubspot: { label: 'HubSpot', Form: HubSpotConnectForm },
};

const loginUrls = [
  { value: 'https://login.salesforce.com', label: 'Production' },
  { value: 'https://test.salesforce.com', label: 'Sandbox' },
];

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

function LoginUrlHint() {
  return (
    <Text size="xs" c="dimmed">
      {loginUrls.map((u) => `${u.label}: ${u.value}`).join(' · ')} · or your My Domain
      (https://yourcompany.my.salesforce.com)
    </Text>
  );
}

function SalesforceOAuthForm() {
  const connect = useConnectCrm();
  const [alert, setAlert] = useState<string | null>(null);
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
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setAlert(null);
        connect.mutate(
          { ...values, clientSecret: values.clientSecret || undefined },
          {
            // The grant is given on Salesforce's own page, which sends the person back to the callback screen.
            onSuccess: (result) => result.authorizeUrl && window.location.assign(result.authorizeUrl),
            onError: (error) => setAlert(showServerErrors(form, error)),
          },
        );
      })}
    >
      <Stack>
        {alert && (
          <Alert color="red" role="alert">
            {alert}
          </Alert>
        )}
        <TextInput label="Name" required key={form.key('name')} {...form.getInputProps('name')} />
        <TextInput
          label="Login URL"
          required
          key={form.key('loginUrl')}
          {...form.getInputProps('loginUrl')}
        />
        <LoginUrlHint />
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
        <Group justify="flex-end">
          <Button type="submit" loading={connect.isPending}>
            Connect Salesforce
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SalesforceJwtForm() {
  const connect = useConnectCrm();
  const navigate = useNavigate();
  const [alert, setAlert] = useState<string | null>(null);
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
        <TextInput
          label="Login URL"
          required
          key={form.key('loginUrl')}
          {...form.getInputProps('loginUrl')}
        />
        <LoginUrlHint />
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
        <Group justify="flex-end">
          <Button type="submit" loading={connect.isPending}>
            Connect Salesforce
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

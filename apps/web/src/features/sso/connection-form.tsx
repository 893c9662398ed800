import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  PasswordInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { createSsoConnectionBody } from '@partnergraph/shared/contracts/sso';
import { partnerRoles, vendorRoles, type Role } from '@partnergraph/shared/permissions';
import { useState } from 'react';
import { z } from 'zod';
import { useCreateSsoConnection, type CreateSsoConnectionInput } from '../../api/sso';
import { showServerErrors, useContractForm } from '../../components/forms';
import { roleLabels } from '../../components/roles';
import { useSession } from '../auth/session';

interface Values extends Record<string, unknown> {
  protocol: 'oidc' | 'saml';
  name: string;
  oidc: { issuer: string; clientId: string; clientSecret: string; scopes: string };
  saml: {
    metadataXml: string;
    metadataUrl: string;
    idpEntityId: string;
    idpSsoUrl: string;
    idpCertificate: string;
    allowIdpInitiated: boolean;
  };
  roleMapping: { attribute: string; defaultRole: Role; rules: { value: string; role: Role }[] };
}

const blank = (v: string) => (v.trim() === '' ? undefined : v);

/** What the inputs hold → the request body; only the chosen protocol's settings are sent. */
function toBody(v: Values): CreateSsoConnectionInput {
  const roleMapping = v.roleMapping;
  if (v.protocol === 'oidc')
    return {
      protocol: 'oidc',
      name: v.name,
      oidc: {
        issuer: v.oidc.issuer,
        clientId: v.oidc.clientId,
        clientSecret: v.oidc.clientSecret,
        scopes: blank(v.oidc.scopes),
      },
      roleMapping,
    };
  return {
    protocol: 'saml',
    name: v.name,
    saml: {
      metadataXml: blank(v.saml.metadataXml),
      metadataUrl: blank(v.saml.metadataUrl),
      idpEntityId: blank(v.saml.idpEntityId),
      idpSsoUrl: blank(v.saml.idpSsoUrl),
      idpCertificates: blank(v.saml.idpCertificate) ? [v.saml.idpCertificate] : undefined,
      allowIdpInitiated: v.saml.allowIdpInitiated,
    },
    roleMapping,
  };
}

// The contract validates exactly what will be sent; its paths (oidc.issuer…) are the form's own.
const formSchema = z.preprocess((v) => toBody(v as Values), createSsoConnectionBody);

export function ConnectionForm({ onDone }: { onDone: () => void }) {
  const session = useSession();
  const roles: readonly Role[] = session.organization.kind === 'vendor' ? vendorRoles : partnerRoles;
  const roleOptions = roles.map((r) => ({ value: r, label: roleLabels[r] }));
  const create = useCreateSsoConnection();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useContractForm<Values>(formSchema, {
    protocol: 'oidc',
    name: '',
    oidc: { issuer: '', clientId: '', clientSecret: '', scopes: 'openid email profile' },
    saml: {
      metadataXml: '',
      metadataUrl: '',
      idpEntityId: '',
      idpSsoUrl: '',
      idpCertificate: '',
      allowIdpInitiated: false,
    },
    roleMapping: { attribute: 'groups', defaultRole: roles[roles.length - 1]!, rules: [] },
  });
  const protocol = form.getValues().protocol;

  const submit = form.onSubmit((values) => {
    setFormError(null);
    create.mutate(toBody(values), {
      onSuccess: onDone,
      onError: (error) => setFormError(showServerErrors(form, error)),
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {session.organization.kind === 'partner' && (
          <Text size="sm" c="dimmed">
            The vendor admin approves your connection before it serves sign-ins.
          </Text>
        )}
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <SegmentedControl
          data={[
            { value: 'oidc', label: 'OpenID Connect' },
            { value: 'saml', label: 'SAML 2.0' },
          ]}
          key={form.key('protocol')}
          {...form.getInputProps('protocol')}
        />
        <TextInput
          label="Name"
          placeholder="Okta"
          required
          key={form.key('name')}
          {...form.getInputProps('name')}
        />
        {protocol === 'oidc' ? (
          <>
            <TextInput
              label="Issuer URL"
              description="Its /.well-known/openid-configuration is read (https)"
              placeholder="https://example.okta.com"
              required
              key={form.key('oidc.issuer')}
              {...form.getInputProps('oidc.issuer')}
            />
            <TextInput
              label="Client id"
              required
              key={form.key('oidc.clientId')}
              {...form.getInputProps('oidc.clientId')}
            />
            <PasswordInput
              label="Client secret"
              description="Stored sealed; never shown again"
              required
              key={form.key('oidc.clientSecret')}
              {...form.getInputProps('oidc.clientSecret')}
            />
            <TextInput
              label="Scopes"
              description="Add the scope that carries groups (e.g. groups) to map roles from them"
              key={form.key('oidc.scopes')}
              {...form.getInputProps('oidc.scopes')}
            />
          </>
        ) : (
          <>
            <Textarea
              label="IdP metadata (XML)"
              description="Paste the metadata your IdP offers: it fills the entity id, sign-in URL and certificate"
              autosize
              minRows={3}
              maxRows={8}
              key={form.key('saml.metadataXml')}
              {...form.getInputProps('saml.metadataXml')}
            />
            <TextInput
              label="…or its metadata URL"
              placeholder="https://idp.example.com/metadata"
              key={form.key('saml.metadataUrl')}
              {...form.getInputProps('saml.metadataUrl')}
            />
            <TextInput
              label="IdP entity id"
              key={form.key('saml.idpEntityId')}
              {...form.getInputProps('saml.idpEntityId')}
            />
            <TextInput
              label="IdP sign-in URL"
              key={form.key('saml.idpSsoUrl')}
              {...form.getInputProps('saml.idpSsoUrl')}
            />
            <Textarea
              label="IdP signing certificate (PEM)"
              autosize
              minRows={2}
              maxRows={6}
              key={form.key('saml.idpCertificate')}
              {...form.getInputProps('saml.idpCertificate')}
            />
            <Checkbox
              label="Allow IdP-initiated sign-in (from the IdP's app dashboard)"
              key={form.key('saml.allowIdpInitiated')}
              {...form.getInputProps('saml.allowIdpInitiated', { type: 'checkbox' })}
            />
          </>
        )}
        <TextInput
          label={protocol === 'oidc' ? 'Claim that carries roles' : 'Attribute that carries roles'}
          required
          key={form.key('roleMapping.attribute')}
          {...form.getInputProps('roleMapping.attribute')}
        />
        {form.getValues().roleMapping.rules.map((_, i) => (
          <Group key={form.key(`roleMapping.rules.${i}`)} align="flex-end" wrap="nowrap">
            <TextInput
              label="When it holds"
              placeholder="partnergraph-admins"
              style={{ flex: 1 }}
              key={form.key(`roleMapping.rules.${i}.value`)}
              {...form.getInputProps(`roleMapping.rules.${i}.value`)}
            />
            <Select
              label="Role"
              data={roleOptions}
              allowDeselect={false}
              key={form.key(`roleMapping.rules.${i}.role`)}
              {...form.getInputProps(`roleMapping.rules.${i}.role`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label="Remove this rule"
              onClick={() => form.removeListItem('roleMapping.rules', i)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="subtle"
          w="fit-content"
          onClick={() => form.insertListItem('roleMapping.rules', { value: '', role: roles[0]! })}
        >
          Add a role rule
        </Button>
        <Select
          label="Everyone else gets"
          data={roleOptions}
          allowDeselect={false}
          key={form.key('roleMapping.defaultRole')}
          {...form.getInputProps('roleMapping.defaultRole')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Connect
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Alert, Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { createSsoDomainBody } from '@partnergraph/shared/contracts/sso';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import {
  ssoDomainsQueryOptions,
  useClaimSsoDomain,
  useReleaseSsoDomain,
  useVerifySsoDomain,
  type SsoDomain,
} from '../../api/sso';
import { CopyableCode } from '../../components/copyable-code';
import { showServerErrors, useContractForm } from '../../components/forms';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { useSession } from '../auth/session';

export function DomainsSection() {
  const domains = useQuery(ssoDomainsQueryOptions);
  const claim = useClaimSsoDomain();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useContractForm(createSsoDomainBody, { domain: '' });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="sso-domains">
      <Title order={2} size="h4" id="sso-domains">
        Email domains
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Sign-in routes people to your identity provider by their email&apos;s domain, once you prove the
        domain is yours: publish the TXT record shown, then check it.
      </Text>
      <form
        noValidate
        onSubmit={form.onSubmit(({ domain }) => {
          setFormError(null);
          claim.mutate(domain, {
            onSuccess: () => form.reset(),
            onError: (error) => setFormError(showServerErrors(form, error)),
          });
        })}
      >
        <Group align="flex-end">
          <TextInput
            label="Domain"
            placeholder="example.com"
            style={{ flex: 1 }}
            key={form.key('domain')}
            {...form.getInputProps('domain')}
          />
          <Button type="submit" loading={claim.isPending}>
            Claim
          </Button>
        </Group>
      </form>
      {formError && (
        <Alert color="red" role="alert" mt="sm">
          {formError}
        </Alert>
      )}
      {domains.isPending && <LoadingState label="Loading domains…" />}
      {domains.isError && <ErrorAlert error={domains.error} />}
      <Stack mt="md">
        {domains.data?.map((d) => (
          <DomainRow key={d.id} domain={d} />
        ))}
      </Stack>
    </Card>
  );
}

function DomainRow({ domain: d }: { domain: SsoDomain }) {
  const session = useSession();
  const verify = useVerifySsoDomain();
  const release = useReleaseSsoDomain();
  const isVendorAdmin = session.organization.kind === 'vendor' && session.user.role === 'admin';
  const check = verify.data?.check;
  return (
    <Card withBorder padding="sm" aria-label={`Domain ${d.domain}`}>
      <Group justify="space-between">
        <div>
          <Text fw={600}>{d.domain}</Text>
          <Text size="xs" c="dimmed">
            {d.organizationName}
          </Text>
        </div>
        <Badge color={d.status === 'verified' ? 'teal' : 'yellow'}>
          {d.status === 'verified'
            ? `Verified (${d.verifiedBy === 'dns' ? 'DNS' : 'vendor admin'})`
            : 'Not proven yet'}
        </Badge>
      </Group>
      {d.status === 'pending' && (
        <Stack gap="xs" mt="xs">
          <Text size="sm">
            Publish this TXT record on <strong>{d.txtRecordName}</strong>:
          </Text>
          <CopyableCode value={d.txtRecordValue} label="TXT record" copyLabel="Copy the TXT record" />
          {check && !check.ok && (
            <Alert color="yellow" role="status">
              {check.detail}
            </Alert>
          )}
          {verify.error && (
            <Alert color="red" role="alert">
              {errorMessage(verify.error)}
            </Alert>
          )}
          <Group>
            <Button
              variant="light"
              loading={verify.isPending}
              onClick={() => verify.mutate({ id: d.id, version: d.version })}
            >
              Check the TXT record
            </Button>
            {isVendorAdmin && (
              <Button
                variant="default"
                onClick={() => verify.mutate({ id: d.id, version: d.version, byVendor: true })}
              >
                Confirm without DNS
              </Button>
            )}
          </Group>
        </Stack>
      )}
      <Group justify="flex-end">
        <Button
          variant="subtle"
          color="red"
          size="xs"
          loading={release.isPending}
          onClick={() => release.mutate(d.id)}
        >
          Release
        </Button>
      </Group>
    </Card>
  );
}

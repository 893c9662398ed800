import { Alert, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type Profile, type ProfileFields, profileQueryOptions } from '../../api/marketplace';
import { formatDate } from '../../components/dates';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { useCan, useSession } from '../auth/session';
import { profileStatusCopy } from './labels';
import { ProfileForm } from './profile-form';
import { ProfileView } from './profile-view';
import { useBrandTitle } from '../brand/brand-mark';

/** A profile nobody has written yet, as the server starts it. */
const emptyFields: ProfileFields = {
  description: '',
  logoUrl: null,
  website: null,
  services: [],
  specializations: [],
  industries: [],
  countries: [],
  certifications: [],
  integrations: [],
  caseStudies: [],
  languages: [],
  contactEmail: null,
  contactUrl: null,
  showBadges: true,
};

/**
 * "Company profile": the partner's own marketplace profile. Partner admins edit the draft beside a
 * live preview and publish it; the organization's other users read it.
 */
export function CompanyProfilePage() {
  useBrandTitle('Company profile');
  const { organization } = useSession();
  const canEdit = useCan('profiles:manage');
  const profile = useQuery(profileQueryOptions(organization.id));
  // A new key reloads the form from the profile: after someone else saved first, or to start over.
  const [formKey, setFormKey] = useState(0);
  const [staleNotice, setStaleNotice] = useState(false);

  if (profile.isPending) return <LoadingState label="Loading your profile…" />;
  if (profile.isError) {
    return (
      <Stack>
        <Title order={1}>Company profile</Title>
        <ErrorAlert error={profile.error} title="The profile could not be loaded" />
      </Stack>
    );
  }

  const p = profile.data;
  const draft = p.draft ?? p.published ?? emptyFields;
  return (
    <Stack gap="lg">
      <ProfileHeader profile={p} />
      {staleNotice && (
        <Alert
          color="yellow"
          icon={<IconAlertTriangle />}
          title="Someone else saved the profile first"
          role="alert"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setStaleNotice(false)}
        >
          Another admin of your organization changed the profile while you were editing. The form now shows
          their version: make your changes again, then save.
        </Alert>
      )}
      {canEdit ? (
        <ProfileForm
          key={formKey}
          profile={p}
          draft={draft}
          onStale={() => {
            setFormKey((k) => k + 1);
            setStaleNotice(true);
          }}
        />
      ) : (
        <ReadOnlyProfile profile={p} />
      )}
    </Stack>
  );
}

function ProfileHeader({ profile: p }: { profile: Profile }) {
  const status = profileStatusCopy[p.status];
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={1}>Company profile</Title>
            <Badge color={status.color} variant="light" size="lg" aria-label={`Status: ${status.label}`}>
              {status.label}
            </Badge>
          </Group>
          <Text c="dimmed" size="sm">
            {p.status === 'published' && p.publishedAt
              ? `${p.name} is in the marketplace and the public partner locator, published ${formatDate(p.publishedAt)}.`
              : p.status === 'unpublished'
                ? `${p.name} was withdrawn from the marketplace: nobody outside your organization and the vendor sees the profile.`
                : `${p.name} is not in the marketplace yet: publish the profile to be found by other partners and customers.`}
          </Text>
        </div>
        {p.status === 'published' && (
          <AnchorLink to="/marketplace/$orgId" params={{ orgId: p.organizationId }} size="sm">
            See it in the marketplace
          </AnchorLink>
        )}
      </Group>
      {p.status === 'published' && p.hasUnpublishedChanges && (
        <Alert color="blue" icon={<IconInfoCircle />} title="Unpublished changes">
          The saved draft differs from the published profile. Others see the published version until the
          changes are published.
        </Alert>
      )}
    </Stack>
  );
}

/** Partner users read the profile their admins keep: what is published, else the draft. */
function ReadOnlyProfile({ profile: p }: { profile: Profile }) {
  const fields = p.published ?? p.draft;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Only your organization&apos;s admins can change the profile.
      </Text>
      <Paper withBorder p="lg" component="section" aria-label={p.published ? 'Published profile' : 'Draft'}>
        {fields ? (
          <ProfileView
            name={p.name}
            partnerTypes={p.partnerTypes}
            badges={p.badges}
            certifiedPeople={p.certifiedPeople}
            fields={fields}
            headingLevel={2}
          />
        ) : (
          <Text c="dimmed">Nothing has been written yet.</Text>
        )}
      </Paper>
    </Stack>
  );
}

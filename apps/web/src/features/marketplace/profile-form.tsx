import {
  Alert,
  Button,
  Fieldset,
  Grid,
  Group,
  MultiSelect,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Tabs,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { languages } from '@partnergraph/shared/languages';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { errorMessage, isStaleVersion } from '../../api/client';
import {
  type Profile,
  type ProfileFields,
  type SearchResult,
  useProfileStatusAction,
  useUpdateProfile,
} from '../../api/marketplace';
import { industriesQueryOptions } from '../../api/settings';
import { countryOptions } from '../../components/countries';
import { industryOptions } from '../referrals/industry-options';
import {
  changedFields,
  emptyCaseStudy,
  emptyCertification,
  formValuesOf,
  placeErrors,
  type ProfileFormValues,
  toFields,
} from './profile-form-values';
import { ProfileView } from './profile-view';
import { ResultCard } from './result-card';
import { RowsFieldset, CertificationInputs, CaseStudyInputs } from './profile-form-rows';

const MAX_TAGS = 30;
/** ISO 639-1 languages, as the server validates them. */
const languageOptions = languages.map((l) => ({ value: l.code, label: l.name }));
const MIN_DESCRIPTION = 20;

/** Tags count as the same whatever their case, as the server counts them. */
const sameTag = (value: string, current: string[]) =>
  current.some((c) => c.toLowerCase() === value.trim().toLowerCase());

interface ProfileFormProps {
  profile: Profile;
  /** The draft the form starts from (the profile's, or an empty one). */
  draft: ProfileFields;
  /** Someone else saved first: the page reloads the form from the current profile and says so. */
  onStale: () => void;
}

/**
 * The partner admin's editor of the profile draft, with a live preview of exactly what others will
 * see (the profile page's own component, rendered from the form). Save changes the draft; publish
 * makes it what the marketplace and the locator show.
 */
export function ProfileForm({ profile, draft, onStale }: ProfileFormProps) {
  const save = useUpdateProfile(profile.organizationId);
  const statusAction = useProfileStatusAction(profile.organizationId);
  const industries = useQuery(industriesQueryOptions);
  const [values, setValues] = useState<ProfileFormValues>(() => formValuesOf(draft));
  const set = (patch: Partial<ProfileFormValues>) => setValues((v) => ({ ...v, ...patch }));

  // What the preview shows is what a save sends: every field, not only the changed ones (the server
  // resets fields a PATCH leaves out to their defaults).
  const preview = toFields(values);
  const dirty = Object.keys(changedFields(values, draft)).length > 0;
  const errors = placeErrors(save.error, values);
  const saveProblem =
    save.isError && (errors.unplaced.length > 0 || !hasPlacedErrors(errors))
      ? errors.unplaced.length > 0
        ? errors.unplaced.join(' ')
        : errorMessage(save.error)
      : null;
  const busy = save.isPending || statusAction.isPending;
  const published = profile.status === 'published';
  const canPublish = !published || dirty || profile.hasUnpublishedChanges === true;
  const publishLabel = dirty
    ? 'Save and publish'
    : !published
      ? 'Publish'
      : canPublish
        ? 'Publish changes'
        : 'Published';

  const failed = (error: unknown) => {
    if (isStaleVersion(error)) onStale();
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!dirty) return;
    statusAction.reset();
    save.mutate(
      { version: profile.version, ...preview },
      {
        onSuccess: () => notifications.show({ color: 'green', message: 'The draft was saved.' }),
        onError: failed,
      },
    );
  }

  async function publish() {
    statusAction.reset();
    try {
      let version = profile.version;
      if (dirty) {
        version = (await save.mutateAsync({ version, ...preview })).version;
      } else {
        save.reset();
      }
      await statusAction.mutateAsync({ verb: 'publish', version });
      notifications.show({
        color: 'green',
        message: 'Your profile is published: the marketplace and the partner locator show it.',
      });
    } catch (error) {
      // Shown from the mutations' state; a stale version reloads the form.
      failed(error);
    }
  }

  function unpublish() {
    save.reset();
    statusAction.mutate(
      { verb: 'unpublish', version: profile.version },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            message: 'Your profile was withdrawn from the marketplace and the partner locator.',
          }),
        onError: failed,
      },
    );
  }

  const card: SearchResult = {
    organizationId: profile.organizationId,
    name: profile.name,
    logoUrl: preview.logoUrl,
    website: preview.website,
    description: preview.description.slice(0, 400),
    partnerTypes: profile.partnerTypes.map((t) => t.code),
    services: preview.services,
    countries: preview.countries,
    industries: preview.industries,
    badges: preview.showBadges ? [...new Set(profile.badges.map((b) => b.label))] : [],
    snippet: null,
    score: 0,
  };
  const typeName = (code: string) => profile.partnerTypes.find((t) => t.code === code)?.name ?? code;

  const tagsProps = {
    maxTags: MAX_TAGS,
    clearable: true,
    isDuplicate: sameTag,
    splitChars: [','],
  };

  return (
    <Grid gap="xl">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <form onSubmit={submit} noValidate aria-label="Profile draft">
          <Stack gap="lg">
            {saveProblem && (
              <Alert color="red" icon={<IconAlertCircle />} role="alert" title="The draft was not saved">
                {saveProblem}
              </Alert>
            )}
            {statusAction.isError && !isStaleVersion(statusAction.error) && (
              <Alert color="red" icon={<IconAlertCircle />} role="alert" title="That did not work">
                {errorMessage(statusAction.error)}
              </Alert>
            )}

            <Fieldset legend="About">
              <Stack>
                <Textarea
                  label="Description"
                  description={`What your company does and for whom (${MIN_DESCRIPTION} characters or more to publish)`}
                  autosize
                  minRows={4}
                  maxLength={5000}
                  value={values.description}
                  onChange={(e) => set({ description: e.currentTarget.value })}
                  error={errors.fields.description}
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label="Website"
                    placeholder="https://www.example.com"
                    type="url"
                    value={values.website}
                    onChange={(e) => set({ website: e.currentTarget.value })}
                    error={errors.fields.website}
                  />
                  <TextInput
                    label="Logo URL"
                    placeholder="https://www.example.com/logo.png"
                    type="url"
                    value={values.logoUrl}
                    onChange={(e) => set({ logoUrl: e.currentTarget.value })}
                    error={errors.fields.logoUrl}
                  />
                </SimpleGrid>
              </Stack>
            </Fieldset>

            <Fieldset legend="What you offer">
              <Stack>
                <TagsInput
                  label="Services"
                  description="Press Enter after each; search finds partners by them"
                  placeholder="e.g. Managed backup"
                  value={values.services}
                  onChange={(services) => set({ services })}
                  error={errors.fields.services}
                  {...tagsProps}
                />
                <TagsInput
                  label="Specializations"
                  placeholder="e.g. Healthcare"
                  value={values.specializations}
                  onChange={(specializations) => set({ specializations })}
                  error={errors.fields.specializations}
                  {...tagsProps}
                />
                <TagsInput
                  label="Integrations"
                  description="Products you integrate with or support"
                  placeholder="e.g. Microsoft 365"
                  value={values.integrations}
                  onChange={(integrations) => set({ integrations })}
                  error={errors.fields.integrations}
                  {...tagsProps}
                />
                <MultiSelect
                  label="Industries"
                  placeholder={industries.isError ? 'Industries could not be loaded' : 'Choose industries'}
                  data={industryOptions(industries.data)}
                  value={values.industries}
                  onChange={(v) => set({ industries: v })}
                  searchable
                  clearable
                  maxValues={20}
                  error={errors.fields.industries}
                />
              </Stack>
            </Fieldset>

            <Fieldset legend="Where you work">
              <Stack>
                <MultiSelect
                  label="Countries served"
                  description="At least one to publish"
                  placeholder="Choose countries"
                  data={countryOptions}
                  value={values.countries}
                  onChange={(countries) => set({ countries })}
                  searchable
                  clearable
                  nothingFoundMessage="No country by that name"
                  error={errors.fields.countries}
                />
                <MultiSelect
                  label="Languages"
                  placeholder="Choose languages"
                  data={languageOptions}
                  value={values.languages}
                  onChange={(v) => set({ languages: v })}
                  searchable
                  clearable
                  maxValues={30}
                  error={errors.fields.languages}
                />
              </Stack>
            </Fieldset>

            <RowsFieldset
              legend="Certifications"
              addLabel="Add certification"
              max={30}
              rows={values.certifications}
              error={errors.fields.certifications}
              onRows={(certifications) => set({ certifications })}
              empty={emptyCertification}
              renderRow={(row, i, onChange, onRemove) => (
                <CertificationInputs
                  key={row.key}
                  index={i}
                  row={row}
                  errors={errors.rows[row.key]}
                  onChange={onChange}
                  onRemove={onRemove}
                />
              )}
            />
            <RowsFieldset
              legend="Case studies"
              addLabel="Add case study"
              max={20}
              rows={values.caseStudies}
              error={errors.fields.caseStudies}
              onRows={(caseStudies) => set({ caseStudies })}
              empty={emptyCaseStudy}
              renderRow={(row, i, onChange, onRemove) => (
                <CaseStudyInputs
                  key={row.key}
                  index={i}
                  row={row}
                  errors={errors.rows[row.key]}
                  onChange={onChange}
                  onRemove={onRemove}
                />
              )}
            />

            <Fieldset legend="Contact">
              <Stack>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label="Contact email"
                    type="email"
                    placeholder="partners@example.com"
                    value={values.contactEmail}
                    onChange={(e) => set({ contactEmail: e.currentTarget.value })}
                    error={errors.fields.contactEmail}
                  />
                  <TextInput
                    label="Contact page"
                    type="url"
                    placeholder="https://www.example.com/contact"
                    value={values.contactUrl}
                    onChange={(e) => set({ contactUrl: e.currentTarget.value })}
                    error={errors.fields.contactUrl}
                  />
                </SimpleGrid>
                <Switch
                  label="Show our badges"
                  description="The badges of the program tiers your organization holds, and how many of your people hold each certification"
                  checked={values.showBadges}
                  onChange={(e) => set({ showBadges: e.currentTarget.checked })}
                  error={errors.fields.showBadges}
                />
              </Stack>
            </Fieldset>

            <Paper
              withBorder
              p="sm"
              pos="sticky"
              bottom={0}
              style={{ zIndex: 2 }}
              component="div"
              aria-label="Profile actions"
            >
              <Group justify="space-between">
                <Group gap="sm">
                  <Button
                    type="submit"
                    disabled={!dirty || busy}
                    loading={save.isPending && !statusAction.isPending}
                  >
                    Save draft
                  </Button>
                  <Button
                    variant="default"
                    disabled={!dirty || busy}
                    onClick={() => {
                      save.reset();
                      setValues(formValuesOf(draft));
                    }}
                  >
                    Discard changes
                  </Button>
                  {dirty && (
                    <Text size="sm" c="dimmed">
                      Unsaved changes
                    </Text>
                  )}
                </Group>
                <Group gap="sm">
                  {published && (
                    <Button variant="default" color="red" disabled={busy} onClick={unpublish}>
                      Unpublish
                    </Button>
                  )}
                  <Button
                    color="green"
                    disabled={!canPublish || busy}
                    loading={statusAction.isPending}
                    onClick={() => void publish()}
                  >
                    {publishLabel}
                  </Button>
                </Group>
              </Group>
            </Paper>
          </Stack>
        </form>
      </Grid.Col>

      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Paper withBorder p="md" component="section" aria-label="Preview" pos="sticky" top={76}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              Preview: what other partners and customers will see once you publish.
            </Text>
            <Tabs defaultValue="profile" keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="profile">Profile page</Tabs.Tab>
                <Tabs.Tab value="card">Search result</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="profile" pt="md">
                <ProfileView
                  name={profile.name}
                  partnerTypes={profile.partnerTypes}
                  badges={profile.badges}
                  certifiedPeople={profile.certifiedPeople}
                  fields={preview}
                  headingLevel={2}
                  compact
                />
              </Tabs.Panel>
              <Tabs.Panel value="card" pt="md">
                <ResultCard result={card} typeName={typeName} linkTo="marketplace" />
              </Tabs.Panel>
            </Tabs>
          </Stack>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}

function hasPlacedErrors(errors: ReturnType<typeof placeErrors>) {
  return Object.keys(errors.fields).length > 0 || Object.keys(errors.rows).length > 0;
}

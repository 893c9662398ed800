import {
  Alert,
  Avatar,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAddressBook, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  type Member,
  type MemberFilters,
  memberQueryOptions,
  membersQueryOptions,
  myMemberProfileQueryOptions,
  useIntroduce,
  useUpdateMemberProfile,
} from '../../api/community';
import { ApiError, errorMessage, isApiError } from '../../api/client';
import { partnerTypesQueryOptions } from '../../api/partner-types';
import { countryName, countryOptions } from '../../components/countries';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState, LoadMore } from '../../components/query-state';
import { useCan, useSession } from '../auth/session';
import { NotFoundPage } from '../errors/not-found-page';
import { useBrandTitle } from '../brand/brand-mark';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]?.toUpperCase())
    .join('');

export function MembersPage() {
  useBrandTitle('Member directory');
  // Analysts read the directory; they are not listed in it and do not ask for introductions.
  const participates = useCan('community:participate');
  const [q, setQ] = useState('');
  const [expertise, setExpertise] = useState('');
  const [country, setCountry] = useState<string | null>(null);
  const [partnerType, setPartnerType] = useState<string | null>(null);
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [debouncedExpertise] = useDebouncedValue(expertise.trim(), 300);
  const [editing, profileModal] = useDisclosure(false);
  const types = useQuery(partnerTypesQueryOptions);
  const filters: MemberFilters = {
    q: debouncedQ || undefined,
    expertise: debouncedExpertise || undefined,
    country: country ?? undefined,
    partnerType: partnerType ?? undefined,
  };
  const members = useInfiniteQuery({ ...membersQueryOptions(filters), placeholderData: keepPreviousData });
  const items = members.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Object.values(filters).some(Boolean);

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>Member directory</Title>
          <Text c="dimmed" size="sm">
            People across the ecosystem who chose to be listed: find expertise, and ask for an introduction.
          </Text>
        </div>
        {participates && (
          <Button variant="light" leftSection={<IconAddressBook size={16} />} onClick={profileModal.open}>
            My directory profile
          </Button>
        )}
      </Group>
      <Group align="flex-end" gap="sm" role="search" aria-label="Filter members">
        <TextInput
          label="Search"
          placeholder="Name, headline, organization"
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={{ base: '100%', sm: 260 }}
        />
        <TextInput
          label="Expertise"
          placeholder="e.g. Kubernetes"
          value={expertise}
          onChange={(e) => setExpertise(e.currentTarget.value)}
          w={{ base: '100%', sm: 180 }}
        />
        <Select
          label="Country"
          placeholder="Any"
          data={countryOptions}
          value={country}
          onChange={setCountry}
          searchable
          clearable
          w={{ base: '100%', sm: 180 }}
        />
        <Select
          label="Partner type"
          placeholder="Any"
          data={(types.data ?? []).map((t) => ({ value: t.code, label: t.name }))}
          value={partnerType}
          onChange={setPartnerType}
          clearable
          w={{ base: '100%', sm: 180 }}
        />
        {filtered && (
          <Button
            variant="subtle"
            onClick={() => {
              setQ('');
              setExpertise('');
              setCountry(null);
              setPartnerType(null);
            }}
          >
            Clear filters
          </Button>
        )}
      </Group>
      {members.isPending ? (
        <LoadingState label="Loading members…" />
      ) : members.isError ? (
        <ErrorAlert error={members.error} title="The directory could not be loaded" />
      ) : items.length === 0 ? (
        <Alert color="gray">{filtered ? 'No members match these filters.' : 'Nobody is listed yet.'}</Alert>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} role="list" aria-label="Members">
            {items.map((m) => (
              <MemberCard key={m.id} member={m} />
            ))}
          </SimpleGrid>
          <LoadMore
            hasNextPage={members.hasNextPage}
            isFetchingNextPage={members.isFetchingNextPage}
            fetchNextPage={members.fetchNextPage}
            shown={items.length}
            noun="members"
          />
        </>
      )}
      <Modal opened={editing} onClose={profileModal.close} title="My directory profile" size="lg">
        {editing && <MyProfileForm onDone={profileModal.close} />}
      </Modal>
    </Stack>
  );
}

function OrganizationLine({ member }: { member: Member }) {
  const org = member.organization;
  return (
    <Text size="sm" c="dimmed">
      {org.hasProfile ? (
        <AnchorLink to="/marketplace/$orgId" params={{ orgId: org.id }} size="sm" underline="always">
          {org.name}
        </AnchorLink>
      ) : (
        org.name
      )}
      {org.country ? ` · ${countryName(org.country)}` : ''}
    </Text>
  );
}

function MemberCard({ member }: { member: Member }) {
  return (
    <Card withBorder role="listitem" aria-label={member.name}>
      <Stack gap="xs">
        <Group wrap="nowrap" align="flex-start">
          <Avatar color="indigo" radius="xl">
            {initials(member.name)}
          </Avatar>
          <Stack gap={0}>
            <AnchorLink to="/community/members/$memberId" params={{ memberId: member.id }} fw={600}>
              {member.name}
            </AnchorLink>
            {member.headline && <Text size="sm">{member.headline}</Text>}
            <OrganizationLine member={member} />
          </Stack>
        </Group>
        {member.expertise.length > 0 && (
          <Group gap={4}>
            {member.expertise.slice(0, 6).map((x) => (
              <Badge key={x} variant="light" size="sm">
                {x}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
    </Card>
  );
}

export function MemberPage({ memberId }: { memberId: string }) {
  const member = useQuery(memberQueryOptions(memberId));
  const { user } = useSession();
  const participates = useCan('community:participate');
  const [introducing, introModal] = useDisclosure(false);
  useBrandTitle(`${member.data?.name ?? 'Member'}`);
  if (member.isPending) return <LoadingState label="Loading the member…" />;
  if (isApiError(member.error, 404)) return <NotFoundPage />;
  if (member.isError) return <ErrorAlert error={member.error} />;
  const m = member.data;
  return (
    <Stack>
      <AnchorLink to="/community/members" size="sm">
        ← Member directory
      </AnchorLink>
      <Group justify="space-between" align="flex-start">
        <Group wrap="nowrap" align="flex-start">
          <Avatar color="indigo" radius="xl" size="lg">
            {initials(m.name)}
          </Avatar>
          <Stack gap={2}>
            <Title order={1}>{m.name}</Title>
            {m.headline && <Text>{m.headline}</Text>}
            <OrganizationLine member={m} />
          </Stack>
        </Group>
        {m.id !== user.id && participates && <Button onClick={introModal.open}>Introduce me</Button>}
      </Group>
      {m.bio && <Text style={{ whiteSpace: 'pre-wrap' }}>{m.bio}</Text>}
      {m.expertise.length > 0 && (
        <Group gap={4} aria-label="Expertise">
          {m.expertise.map((x) => (
            <Badge key={x} variant="light">
              {x}
            </Badge>
          ))}
        </Group>
      )}
      <Text size="sm" c="dimmed">
        Engagement: {m.engagement} points over the last 90 days
      </Text>
      <Modal opened={introducing} onClose={introModal.close} title={`Introduce yourself to ${m.name}`}>
        {introducing && <IntroduceForm member={m} onDone={introModal.close} />}
      </Modal>
    </Stack>
  );
}

function IntroduceForm({ member, onDone }: { member: Member; onDone: () => void }) {
  const introduce = useIntroduce(member.id);
  const [message, setMessage] = useState('');
  const [missing, setMissing] = useState(false);
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!message.trim()) return setMissing(true);
    introduce.mutate(message.trim(), {
      onSuccess: () => {
        notifications.show({
          color: 'green',
          message: `${member.name} is notified, and so are you: reply to each other from there.`,
        });
        onDone();
      },
    });
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {introduce.isError && (
          <Alert color="red" role="alert">
            {errorMessage(introduce.error)}
          </Alert>
        )}
        <Textarea
          label="Message"
          description="Why you would like to meet; both of you get a notification with it."
          required
          autosize
          minRows={3}
          maxLength={1000}
          value={message}
          onChange={(e) => {
            setMessage(e.currentTarget.value);
            setMissing(false);
          }}
          error={missing ? 'Write a short message' : undefined}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={introduce.isPending}>
            Send introduction
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function MyProfileForm({ onDone }: { onDone: () => void }) {
  const profile = useQuery(myMemberProfileQueryOptions);
  if (profile.isPending) return <LoadingState label="Loading your profile…" />;
  if (profile.isError) return <ErrorAlert error={profile.error} />;
  return <MyProfileFields initial={profile.data} onDone={onDone} />;
}

function MyProfileFields({
  initial,
  onDone,
}: {
  initial: { listed: boolean; headline: string; bio: string; expertise: string[] };
  onDone: () => void;
}) {
  const save = useUpdateMemberProfile();
  const [listed, setListed] = useState(initial.listed);
  const [headline, setHeadline] = useState(initial.headline);
  const [bio, setBio] = useState(initial.bio);
  const [expertise, setExpertise] = useState(initial.expertise);
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate(
      { listed, headline: headline.trim(), bio: bio.trim(), expertise },
      {
        onSuccess: (p) => {
          notifications.show({
            color: 'green',
            message: p.listed ? 'You are listed in the directory.' : 'You are not listed in the directory.',
          });
          onDone();
        },
      },
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {save.isError && !Object.keys(errors).length && (
          <Alert color="red" role="alert">
            {errorMessage(save.error)}
          </Alert>
        )}
        <Switch
          label="List me in the member directory"
          description="Others in the ecosystem can then find you and ask for an introduction."
          checked={listed}
          onChange={(e) => setListed(e.currentTarget.checked)}
        />
        <TextInput
          label="Headline"
          placeholder="e.g. Solutions architect, cloud backup"
          maxLength={160}
          value={headline}
          onChange={(e) => setHeadline(e.currentTarget.value)}
          error={errors.headline}
        />
        <Textarea
          label="About me"
          autosize
          minRows={3}
          maxLength={2000}
          value={bio}
          onChange={(e) => setBio(e.currentTarget.value)}
          error={errors.bio}
        />
        <TagsInput
          label="Expertise"
          description="Press Enter after each; up to 20"
          value={expertise}
          onChange={setExpertise}
          maxTags={20}
          error={errors.expertise}
          splitChars={[',']}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save profile
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import {
  Alert,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconFile, IconLink, IconNotes, IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { createAssetBody } from '@partnergraph/shared/contracts/enablement';
import {
  type Asset,
  assetsQueryOptions,
  collectionsQueryOptions,
  useCreateAsset,
  useUploadAssetFile,
} from '../../api/enablement';
import { errorMessage } from '../../api/client';
import { formatDate } from '../../components/dates';
import { showServerErrors, useContractForm } from '../../components/forms';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState, LoadMore } from '../../components/query-state';
import { useCan } from '../auth/session';
import { emptySegment, SegmentPicker, segmentIsEmpty, type SegmentValue } from '../community/segment-picker';
import { useBrandTitle } from '../brand/brand-mark';

export const kindLabels: Record<Asset['kind'], string> = { link: 'Link', rich_text: 'Article', file: 'File' };
const kindIcons = { link: IconLink, rich_text: IconNotes, file: IconFile } as const;

export function LibraryPage() {
  useBrandTitle('Content library');
  const canManage = useCan('content:manage');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [show, setShow] = useState<'all' | 'fresh'>('all');
  const [collectionId, setCollectionId] = useState<string | null>(null);
  const [creating, createModal] = useDisclosure(false);
  const collections = useQuery(collectionsQueryOptions);
  const list = useInfiniteQuery(
    assetsQueryOptions({ q, fresh: show === 'fresh', ...(collectionId ? { collectionId } : {}) }),
  );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>Content library</Title>
          <Text c="dimmed" size="sm">
            {canManage
              ? 'Decks, guides and files for partners, each for every partner or a segment.'
              : 'Sales and technical content for your organization.'}
          </Text>
        </div>
        {canManage && (
          <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
            New asset
          </Button>
        )}
      </Group>
      <Group align="flex-end">
        <TextInput
          label="Search"
          placeholder="Words in the title or text"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={280}
        />
        <Select
          label="Collection"
          placeholder="All collections"
          clearable
          data={(collections.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.assetCount})` }))}
          value={collectionId}
          onChange={setCollectionId}
          w={260}
        />
        {collectionId && (
          <AnchorLink
            to="/enablement/library/collections/$collectionId"
            params={{ collectionId }}
            size="sm"
            mb={8}
          >
            {canManage ? 'Open and edit the collection' : 'Open the collection'}
          </AnchorLink>
        )}
        <SegmentedControl
          aria-label="Which assets"
          value={show}
          onChange={(v) => setShow(v as 'all' | 'fresh')}
          data={[
            { value: 'all', label: 'All' },
            { value: 'fresh', label: 'New for you' },
          ]}
        />
      </Group>
      {list.isPending ? (
        <LoadingState label="Loading the library…" />
      ) : list.isError ? (
        <ErrorAlert error={list.error} title="The library could not be loaded" />
      ) : items.length === 0 ? (
        <Alert color="gray">{q || show === 'fresh' ? 'Nothing matches.' : 'The library is empty.'}</Alert>
      ) : (
        <>
          <Stack role="list" aria-label="Assets">
            {items.map((a) => (
              <AssetCard key={a.id} asset={a} />
            ))}
          </Stack>
          <LoadMore
            hasNextPage={list.hasNextPage}
            isFetchingNextPage={list.isFetchingNextPage}
            fetchNextPage={list.fetchNextPage}
            shown={items.length}
            noun="assets"
          />
        </>
      )}
      <Modal opened={creating} onClose={createModal.close} title="New asset" size="xl">
        {creating && <AssetForm onDone={createModal.close} />}
      </Modal>
    </Stack>
  );
}

function AssetCard({ asset: a }: { asset: Asset }) {
  const Icon = kindIcons[a.kind];
  return (
    <Card withBorder role="listitem">
      <Group justify="space-between" wrap="nowrap">
        <Group wrap="nowrap">
          <Icon size={22} aria-hidden />
          <div>
            <AnchorLink to="/enablement/library/$assetId" params={{ assetId: a.id }} fw={600}>
              {a.title}
            </AnchorLink>
            <Text size="sm" c="dimmed" lineClamp={2}>
              {a.description || kindLabels[a.kind]}
            </Text>
          </div>
        </Group>
        <Stack gap={4} align="flex-end">
          {a.collection && (
            <AnchorLink
              to="/enablement/library/collections/$collectionId"
              params={{ collectionId: a.collection.id }}
              size="xs"
            >
              {a.collection.name}
            </AnchorLink>
          )}
          <Badge color="gray" variant="outline">
            {a.segment?.label ?? 'Every partner'}
          </Badge>
          <Text size="xs" c="dimmed">
            {formatDate(a.publishedAt)} · v{a.currentVersion}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}

// The contract, with the empty text inputs a form holds for "not given".
const assetFormSchema = createAssetBody.extend({
  url: z.union([z.literal(''), createAssetBody.shape.url.unwrap()]),
  body: z.string().max(100_000),
  reviewOn: z.union([z.literal(''), z.iso.date()]),
  expiresOn: z.union([z.literal(''), z.iso.date()]),
  collectionId: z.string(),
});

function AssetForm({ onDone }: { onDone: () => void }) {
  const create = useCreateAsset();
  const upload = useUploadAssetFile();
  const collections = useQuery(collectionsQueryOptions);
  const [everyone, setEveryone] = useState(true);
  const [segment, setSegment] = useState<SegmentValue>(emptySegment);
  const [file, setFile] = useState<File | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const form = useContractForm(assetFormSchema, {
    kind: 'link' as Asset['kind'],
    title: '',
    description: '',
    url: '',
    body: '',
    reviewOn: '',
    expiresOn: '',
    collectionId: '',
  });
  const kind = form.getValues().kind;

  async function submit(values: typeof form.values) {
    setAlert(null);
    if (!everyone && segmentIsEmpty(segment))
      return setAlert('Choose who it is for, or give it to every partner');
    if (values.kind === 'file' && !file) return form.setFieldError('kind', 'Choose the file to upload');
    try {
      const asset = await create.mutateAsync({
        kind: values.kind,
        title: values.title,
        description: values.description,
        ...(values.kind === 'link' ? { url: values.url } : {}),
        ...(values.kind === 'rich_text' ? { body: values.body } : {}),
        ...(values.reviewOn ? { reviewOn: values.reviewOn } : {}),
        ...(values.expiresOn ? { expiresOn: values.expiresOn } : {}),
        ...(values.collectionId ? { collectionId: values.collectionId } : {}),
        ...(everyone ? {} : { segment }),
      });
      if (values.kind === 'file' && file) await upload.mutateAsync({ id: asset.id, file });
      notifications.show({ color: 'green', message: `“${asset.title}” is in the library.` });
      onDone();
    } catch (err) {
      const left = showServerErrors(form, err);
      if (left) setAlert(left);
    }
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        {alert && (
          <Alert color="red" role="alert">
            {alert}
          </Alert>
        )}
        <SegmentedControl
          aria-label="Kind of asset"
          data={[
            { value: 'link', label: 'Link' },
            { value: 'rich_text', label: 'Article' },
            { value: 'file', label: 'File' },
          ]}
          {...form.getInputProps('kind')}
        />
        <TextInput label="Title" required data-autofocus {...form.getInputProps('title')} />
        <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
        {kind === 'link' && <TextInput label="URL" required {...form.getInputProps('url')} />}
        {kind === 'rich_text' && (
          <Textarea label="Text (Markdown)" required autosize minRows={6} {...form.getInputProps('body')} />
        )}
        {kind === 'file' && (
          <FileInput
            label="File"
            description="PDF, images, PowerPoint, Word, Excel, MP4 or ZIP"
            required
            value={file}
            onChange={setFile}
            error={form.errors.kind}
          />
        )}
        <Select
          label="Collection"
          clearable
          data={(collections.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={form.getValues().collectionId || null}
          onChange={(v) => form.setFieldValue('collectionId', v ?? '')}
        />
        <Group grow>
          <TextInput label="Review on" type="date" {...form.getInputProps('reviewOn')} />
          <TextInput label="Expires on" type="date" {...form.getInputProps('expiresOn')} />
        </Group>
        <Switch
          label="For every partner"
          checked={everyone}
          onChange={(e) => setEveryone(e.currentTarget.checked)}
        />
        {!everyone && <SegmentPicker legend="Who it is for" value={segment} onChange={setSegment} />}
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending || upload.isPending}>
            Publish
          </Button>
        </Group>
        {upload.isError && <Text c="red">{errorMessage(upload.error)}</Text>}
      </Stack>
    </form>
  );
}

// A collection of the content library: its assets in the vendor's order; vendor staff rename it, change
// who it is for and set its assets (add, remove, reorder).
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPencil } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { updateCollectionBody } from '@partnergraph/shared/contracts/enablement';
import {
  assetsQueryOptions,
  type CollectionDetail,
  collectionQueryOptions,
  useUpdateCollection,
} from '../../api/enablement';
import { isApiError } from '../../api/client';
import { useContractForm } from '../../components/forms';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { useCan } from '../auth/session';
import { emptySegment, SegmentPicker, segmentIsEmpty, type SegmentValue } from '../community/segment-picker';
import { NotFoundPage } from '../errors/not-found-page';
import { kindLabels } from './library-page';
import { useBrandTitle } from '../brand/brand-mark';
import { OrderedItems } from './ordered-items';
import { saveFailure } from './save-failure';

export function CollectionPage({ collectionId }: { collectionId: string }) {
  const collection = useQuery(collectionQueryOptions(collectionId));
  const canManage = useCan('content:manage');
  const [editing, editModal] = useDisclosure(false);
  useBrandTitle(collection.data?.name ?? 'Collection');
  if (collection.isPending) return <LoadingState label="Loading the collection…" />;
  if (isApiError(collection.error, 404)) return <NotFoundPage />;
  if (collection.isError) return <ErrorAlert error={collection.error} />;
  const c = collection.data;
  return (
    <Stack>
      <AnchorLink to="/enablement/library" size="sm">
        ← Content library
      </AnchorLink>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{c.name}</Title>
          <Text c="dimmed" size="sm">
            {c.assets.length} {c.assets.length === 1 ? 'asset' : 'assets'}
            {canManage && ` · ${c.segment?.label ?? 'Every partner'}`}
          </Text>
        </div>
        {canManage && (
          <Button variant="light" leftSection={<IconPencil size={16} />} onClick={editModal.open}>
            Edit collection
          </Button>
        )}
      </Group>
      {c.description && <Text>{c.description}</Text>}
      {c.assets.length === 0 ? (
        <Alert color="gray">Nothing in this collection yet.</Alert>
      ) : (
        <Stack component="ol" role="list" aria-label="Assets" gap="xs" p={0} style={{ listStyle: 'none' }}>
          {c.assets.map((a, i) => (
            <Card withBorder key={a.id} component="li" py="xs">
              <Group justify="space-between">
                <AnchorLink to="/enablement/library/$assetId" params={{ assetId: a.id }} fw={600}>
                  {i + 1}. {a.title}
                </AnchorLink>
                <Badge variant="outline" color="gray">
                  {kindLabels[a.kind]}
                </Badge>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      <Modal opened={editing} onClose={editModal.close} title="Edit collection" size="lg">
        {editing && <CollectionEditForm collection={c} onDone={editModal.close} />}
      </Modal>
    </Stack>
  );
}

type CollectionFormValues = {
  version: number;
  name: string;
  description: string;
  assetIds: string[];
};

function AssetOrder({
  form,
  titles,
}: {
  form: UseFormReturnType<CollectionFormValues>;
  titles: Map<string, string>;
}) {
  const ids = form.getValues().assetIds;
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const library = useInfiniteQuery(assetsQueryOptions({ q }));
  const choices = (library.data?.pages.flatMap((p) => p.items) ?? []).filter((a) => !ids.includes(a.id));
  for (const a of choices) titles.set(a.id, a.title);
  return (
    <Stack gap="xs">
      <Text fw={500} size="sm">
        Assets, in order
      </Text>
      {ids.length === 0 && (
        <Text size="sm" c="dimmed">
          None: add some below.
        </Text>
      )}
      <OrderedItems
        ids={ids}
        nameOf={(id) => titles.get(id) ?? 'Asset'}
        removeLabel={(title) => `Remove “${title}” from the collection`}
        onMove={(from, to) => form.reorderListItem('assetIds', { from, to })}
        onRemove={(i) => form.removeListItem('assetIds', i)}
      />
      {form.errors.assetIds && (
        <Text size="sm" c="red">
          {form.errors.assetIds}
        </Text>
      )}
      <Select
        label="Add an asset"
        description="An asset in another collection moves here."
        placeholder="Search the library"
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        data={choices.map((a) => ({
          value: a.id,
          label: a.collection ? `${a.title} (in ${a.collection.name})` : a.title,
        }))}
        value={null}
        onChange={(v) => {
          if (!v) return;
          form.insertListItem('assetIds', v);
          setSearch('');
        }}
        nothingFoundMessage={library.isPending ? 'Loading…' : 'Nothing matches'}
      />
    </Stack>
  );
}

function CollectionEditForm({ collection: c, onDone }: { collection: CollectionDetail; onDone: () => void }) {
  const update = useUpdateCollection(c.id);
  const [everyone, setEveryone] = useState(c.segment === null);
  const [segment, setSegment] = useState<SegmentValue>(
    c.segment
      ? {
          partnerTypes: c.segment.partnerTypes,
          programIds: c.segment.programIds,
          tierIds: c.segment.tierIds,
          countries: c.segment.countries,
        }
      : emptySegment,
  );
  const [alert, setAlert] = useState<string | null>(null);
  const [titles] = useState(() => new Map(c.assets.map((a) => [a.id, a.title])));
  const form = useContractForm<CollectionFormValues>(updateCollectionBody, {
    version: c.version,
    name: c.name,
    description: c.description,
    assetIds: c.assets.map((a) => a.id),
  });

  async function submit(v: CollectionFormValues) {
    setAlert(null);
    if (!everyone && segmentIsEmpty(segment))
      return setAlert('Choose who it is for, or open it to every partner');
    try {
      const saved = await update.mutateAsync({ ...v, segment: everyone ? null : segment });
      notifications.show({ color: 'green', message: `“${saved.name}” is saved.` });
      onDone();
    } catch (err) {
      setAlert(saveFailure(form, err, 'collection'));
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
        <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
        <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
        <AssetOrder form={form} titles={titles} />
        <Switch
          label="For every partner"
          checked={everyone}
          onChange={(e) => setEveryone(e.currentTarget.checked)}
        />
        {!everyone && <SegmentPicker legend="Who it is for" value={segment} onChange={setSegment} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save collection
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

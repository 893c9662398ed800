import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload, IconExternalLink } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type Asset,
  assetQueryOptions,
  assetVersionsQueryOptions,
  usageQueryOptions,
  useRetireAsset,
  useUploadAssetFile,
} from '../../api/enablement';
import { errorMessage, isApiError } from '../../api/client';
import { formatDate, formatDateTime } from '../../components/dates';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { useCan } from '../auth/session';
import { ServerHtml } from '../community/html-content';
import { NotFoundPage } from '../errors/not-found-page';
import { kindLabels } from './library-page';
import { useBrandTitle } from '../brand/brand-mark';

const bytes = (n: number) => (n < 1048576 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1048576).toFixed(1)} MB`);

export function AssetPage({ assetId }: { assetId: string }) {
  const asset = useQuery(assetQueryOptions(assetId));
  const canManage = useCan('content:manage');
  useBrandTitle(`${asset.data?.title ?? 'Asset'}`);
  if (asset.isPending) return <LoadingState label="Loading the asset…" />;
  if (isApiError(asset.error, 404)) return <NotFoundPage />;
  if (asset.isError) return <ErrorAlert error={asset.error} />;
  const a = asset.data;
  return (
    <Stack>
      <AnchorLink to="/enablement/library" size="sm">
        ← Content library
      </AnchorLink>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{a.title}</Title>
          <Text c="dimmed" size="sm">
            {kindLabels[a.kind]} · version {a.currentVersion} · published {formatDate(a.publishedAt)}
            {a.owner ? ` · kept by ${a.owner.name}` : ''}
          </Text>
        </div>
        <Stack gap={4} align="flex-end">
          <Badge color="gray" variant="outline">
            {a.segment?.label ?? 'Every partner'}
          </Badge>
          {a.reviewOn && <Text size="xs">Review on {a.reviewOn}</Text>}
          {a.expiresOn && <Text size="xs">Expires on {a.expiresOn}</Text>}
          {canManage && !a.retiredAt && <RetireAsset asset={a} />}
        </Stack>
      </Group>
      {a.retiredAt && (
        <Alert color="gray" role="status">
          Retired on {formatDate(a.retiredAt)}: partners no longer see it; its versions are kept.
        </Alert>
      )}
      {a.description && <Text>{a.description}</Text>}
      <AssetContent asset={a} />
      {canManage && a.kind === 'file' && <ReplaceFile asset={a} />}
      {canManage && <Versions assetId={a.id} />}
      {canManage && <Usage assetId={a.id} />}
    </Stack>
  );
}

function AssetContent({ asset: a }: { asset: Asset }) {
  if (a.kind === 'link' && a.url)
    return (
      <Button
        component="a"
        href={a.url}
        target="_blank"
        rel="noopener noreferrer"
        w="fit-content"
        rightSection={<IconExternalLink size={16} />}
      >
        Open the link
      </Button>
    );
  if (a.kind === 'rich_text' && a.html)
    return (
      <Card withBorder>
        <ServerHtml html={a.html} />
      </Card>
    );
  if (a.kind === 'file' && a.file)
    return (
      <Group>
        <Button
          component="a"
          href={`/api/v1/content/assets/${a.id}/download`}
          leftSection={<IconDownload size={16} />}
          w="fit-content"
        >
          Download {a.file.fileName}
        </Button>
        <Text size="sm" c="dimmed">
          {bytes(a.file.bytes)}
        </Text>
      </Group>
    );
  return <Alert color="gray">No file yet.</Alert>;
}

function ReplaceFile({ asset }: { asset: Asset }) {
  const upload = useUploadAssetFile();
  const [file, setFile] = useState<File | null>(null);
  return (
    <Group align="flex-end">
      <FileInput
        label={asset.file ? 'Upload a new version' : 'Upload the file'}
        value={file}
        onChange={setFile}
        w={320}
        error={upload.isError ? errorMessage(upload.error) : undefined}
      />
      <Button
        disabled={!file}
        loading={upload.isPending}
        onClick={() => file && upload.mutate({ id: asset.id, file }, { onSuccess: () => setFile(null) })}
      >
        Upload
      </Button>
    </Group>
  );
}

function Versions({ assetId }: { assetId: string }) {
  const versions = useQuery(assetVersionsQueryOptions(assetId));
  if (!versions.data) return null;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        Versions
      </Title>
      <Table aria-label="Versions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>What changed</Table.Th>
            <Table.Th>By</Table.Th>
            <Table.Th>When</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.data.map((v) => (
            <Table.Tr key={v.number}>
              <Table.Td>
                {v.file ? (
                  <Anchor href={`/api/v1/content/assets/${assetId}/download?version=${v.number}`}>
                    {v.number}
                  </Anchor>
                ) : (
                  v.number
                )}
              </Table.Td>
              <Table.Td>{v.note || v.title}</Table.Td>
              <Table.Td>{v.createdBy?.name ?? '—'}</Table.Td>
              <Table.Td>{formatDateTime(v.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function Usage({ assetId }: { assetId: string }) {
  const usage = useQuery(usageQueryOptions(assetId));
  if (!usage.data) return null;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        Who used it
      </Title>
      {usage.data.length === 0 ? (
        <Text c="dimmed">No partner has opened it yet.</Text>
      ) : (
        <Table aria-label="Usage">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Person</Table.Th>
              <Table.Th>Partner</Table.Th>
              <Table.Th>Views</Table.Th>
              <Table.Th>Downloads</Table.Th>
              <Table.Th>Last</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {usage.data.map((u) => (
              <Table.Tr key={u.person.id}>
                <Table.Td>{u.person.name}</Table.Td>
                <Table.Td>{u.organization.name}</Table.Td>
                <Table.Td>{u.views}</Table.Td>
                <Table.Td>{u.downloads}</Table.Td>
                <Table.Td>{formatDateTime(u.lastAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** Retiring is final and hides the asset from every partner at once, so it asks first. */
function RetireAsset({ asset }: { asset: Asset }) {
  const [open, setOpen] = useState(false);
  const retire = useRetireAsset();
  return (
    <>
      <Button size="xs" color="red" variant="light" onClick={() => setOpen(true)}>
        Retire
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={`Retire “${asset.title}”?`}>
        <Stack>
          <Text>
            Partners will no longer see it, and it leaves the library, search and “new for you”. Its versions
            are kept. This cannot be undone.
          </Text>
          {retire.error && (
            <Alert color="red" role="alert">
              {errorMessage(retire.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={retire.isPending}
              onClick={() =>
                retire.mutate({ id: asset.id, version: asset.version }, { onSuccess: () => setOpen(false) })
              }
            >
              Retire the asset
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

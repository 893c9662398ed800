import { Breadcrumbs, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { isApiError } from '../../api/client';
import {
  type Import,
  importQueryOptions,
  importTypesQueryOptions,
  type ImportTypeInfo,
  isRunning,
  useDeleteImport,
} from '../../api/imports';
import { formatDateTime } from '../../components/dates';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { closeButtonProps } from '../programs/modal-props';
import { CommitStep, CommittedResult } from './commit-step';
import { DryRunStep } from './dry-run-step';
import { importTypeNames } from './import-codes';
import { encodingLabel, formatBytes } from './import-parts';
import { ImportStatusBadge } from './import-status-badge';
import type { ImportSearch } from './import-search';
import { ImportStepper, type StepIndex, stepOf } from './import-stepper';
import { MappingStep } from './mapping-step';
import { useBrandTitle } from '../brand/brand-mark';

interface Props {
  importId: string;
  search: ImportSearch;
  onSearchChange: (next: ImportSearch) => void;
}

/**
 * One import, at the step its status puts it (the server's state, polled while a run is under way),
 * so a reload shows where it is. `?step=columns` goes back to the mapping.
 */
export function ImportPage({ importId, search, onSearchChange }: Props) {
  const item = useQuery(importQueryOptions(importId));
  const types = useQuery(importTypesQueryOptions);
  useBrandTitle(`${item.data?.fileName ?? 'Import'} · Imports`);

  const breadcrumbs = (
    <Breadcrumbs>
      <AnchorLink to="/settings">Settings</AnchorLink>
      <AnchorLink to="/settings/imports">Imports</AnchorLink>
      <Text size="sm">{item.data?.fileName ?? 'Import'}</Text>
    </Breadcrumbs>
  );

  if (item.isPending || types.isPending) return <LoadingState label="Loading import…" />;
  if (item.isError || types.isError) {
    const notFound = isApiError(item.error, 404);
    return (
      <Stack>
        {breadcrumbs}
        <Title order={1}>{notFound ? 'Import not found' : 'Import'}</Title>
        {notFound ? (
          <Text>
            There is no import at this address; it may have been deleted.{' '}
            <AnchorLink to="/settings/imports">Back to the imports</AnchorLink>
          </Text>
        ) : (
          <ErrorAlert error={item.error ?? types.error} title="The import could not be loaded" />
        )}
      </Stack>
    );
  }
  const info = types.data.find((t) => t.type === item.data.type);
  if (!info) return <ErrorAlert error={new Error(`Unknown import type ${item.data.type}`)} />;

  return (
    <Stack gap="lg">
      {breadcrumbs}
      <ImportView item={item.data} info={info} search={search} onSearchChange={onSearchChange} />
    </Stack>
  );
}

function ImportView({
  item,
  info,
  search,
  onSearchChange,
}: {
  item: Import;
  info: ImportTypeInfo;
  search: ImportSearch;
  onSearchChange: (next: ImportSearch) => void;
}) {
  const navigate = useNavigate();
  const [deleting, setDeleting] = useState(false);
  const natural = stepOf(item);
  // The mapping can be changed whenever no run is under way (the server allows a new dry run then).
  const remappable = !isRunning(item.status) && item.status !== 'uploading';
  const active: StepIndex = search.step === 'columns' && remappable ? 1 : natural;
  const toColumns = () => onSearchChange({ ...search, step: 'columns' });
  const toCurrent = () => onSearchChange({ ...search, step: undefined });

  let content;
  if (active === 1)
    content = (
      <MappingStep
        item={item}
        info={info}
        fromId={search.from}
        onCancel={natural > 1 ? toCurrent : undefined}
        onStarted={toCurrent}
      />
    );
  else if (active === 2)
    content = (
      <DryRunStep
        item={item}
        onChangeMapping={toColumns}
        onCorrected={(next) =>
          void navigate({
            to: '/settings/imports/$importId',
            params: { importId: next.id },
            search: { from: item.id },
          })
        }
      />
    );
  else if (active === 3) content = <CommitStep item={item} onChangeMapping={toColumns} />;
  else content = <CommittedResult item={item} />;

  return (
    <>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Group gap="sm" align="center">
            <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
              {item.fileName}
            </Title>
            <ImportStatusBadge status={item.status} />
          </Group>
          <Text size="sm" c="dimmed" mt={4}>
            {importTypeNames[item.type]} · {formatBytes(item.bytes)} · {encodingLabel(item.encoding)} ·{' '}
            {item.columns.length} columns · uploaded {formatDateTime(item.createdAt)}
            {item.createdBy ? ` by ${item.createdBy.name}` : ''}
          </Text>
        </div>
        <Button
          variant="light"
          color="red"
          leftSection={<IconTrash size={16} />}
          onClick={() => setDeleting(true)}
          disabled={isRunning(item.status)}
        >
          Delete
        </Button>
      </Group>
      <ImportStepper
        active={active}
        item={item}
        selectable={(index) =>
          index === 1 ? remappable && active !== 1 : index === natural && active !== natural
        }
        onStepClick={(index) => (index === 1 ? toColumns() : toCurrent())}
      >
        {content}
      </ImportStepper>
      <Modal
        opened={deleting}
        onClose={() => setDeleting(false)}
        title="Delete import"
        closeButtonProps={closeButtonProps}
      >
        {deleting && (
          <DeleteImport
            item={item}
            onCancel={() => setDeleting(false)}
            onDeleted={() => {
              notifications.show({ message: `The import of ${item.fileName} was deleted.` });
              void navigate({ to: '/settings/imports' });
            }}
          />
        )}
      </Modal>
    </>
  );
}

function DeleteImport({
  item,
  onCancel,
  onDeleted,
}: {
  item: Import;
  onCancel: () => void;
  onDeleted: () => void;
}) {
  const remove = useDeleteImport(item.id);
  return (
    <Stack>
      <Text size="sm">
        The file {item.fileName} and its dry-run report are deleted.{' '}
        {item.committedAt || item.created || item.updated
          ? 'The records it imported stay.'
          : 'Nothing was imported from it.'}
      </Text>
      {remove.error && <ErrorAlert error={remove.error} title="The import was not deleted" />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button
          color="red"
          loading={remove.isPending}
          onClick={() => remove.mutate(undefined, { onSuccess: onDeleted })}
        >
          Delete import
        </Button>
      </Group>
    </Stack>
  );
}

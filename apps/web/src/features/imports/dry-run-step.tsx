import { Alert, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import {
  IconAlertCircle,
  IconArrowLeft,
  IconDatabaseImport,
  IconDownload,
  IconRefresh,
} from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  fetchAllImportErrors,
  type Import,
  importErrorsQueryOptions,
  type ImportRowError,
  useStartCommit,
  useStartDryRun,
} from '../../api/imports';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { downloadCsv, errorReportCsv, reportFileName } from './csv-file';
import { FileUpload } from './file-upload';
import { encodingList } from './import-codes';
import { formatCount, plural, typeNoun } from './import-parts';
import { RunProgress, StoppedRun } from './run-parts';
import { RejectedRowsButton } from './rejected-rows-button';

/** The report's download stops here: enough to work through, small enough for a browser tab. */
const REPORT_CAP = 10_000;
const PAGE_SIZE = 50;

interface Props {
  item: Import;
  onChangeMapping: () => void;
  /** A corrected file was uploaded as a new import. */
  onCorrected: (next: Import) => void;
}

/** Step 3: the dry run's progress, then its result: what is wrong, row by row. */
export function DryRunStep({ item, onChangeMapping, onCorrected }: Props) {
  const again = useStartDryRun(item.id);
  const runAgain = () =>
    again.mutate({
      version: item.version,
      mapping: item.mapping ?? undefined,
      values: item.valueMapping ?? undefined,
    });

  if (item.status === 'validating')
    return <RunProgress item={item} label="Dry run progress" verb="Checked" />;

  if (item.status === 'failed' || item.status === 'interrupted')
    return (
      <StoppedRun
        item={item}
        what="dry run"
        onRunAgain={runAgain}
        running={again.isPending}
        error={again.error}
      >
        <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={onChangeMapping}>
          Change mapping
        </Button>
      </StoppedRun>
    );

  // invalid: the file was refused as a whole (`failure`), or rows have errors.
  const listed = item.errorCount > 0;
  return (
    <Stack gap="lg">
      <Alert
        color="red"
        icon={<IconAlertCircle />}
        role="alert"
        title={
          item.errorRows && listed
            ? `${plural(item.errorRows, 'row')} with ${plural(item.errorCount, 'error')}`
            : 'The file cannot be imported'
        }
      >
        <Stack gap={4}>
          {item.failure && <Text size="sm">{item.failure}</Text>}
          <Text size="sm">
            {item.totalRows !== null
              ? `${formatCount(item.totalRows - item.errorRows)} of ${plural(item.totalRows, 'row')} are fine. `
              : ''}
            Nothing was imported: fix the file (or the mapping) and run the dry run again, or import the valid
            rows now and the rejected ones later.
          </Text>
        </Stack>
      </Alert>
      {again.error && <ErrorAlert error={again.error} title="The dry run did not start" />}
      <Group justify="space-between">
        <Group gap="xs">
          <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={onChangeMapping}>
            Change mapping
          </Button>
          <Tooltip label="After importing what its rows refer to, for instance">
            <Button
              variant="default"
              leftSection={<IconRefresh size={16} />}
              onClick={runAgain}
              loading={again.isPending}
            >
              Run the dry run again
            </Button>
          </Tooltip>
        </Group>
        <Tooltip label="Every row can be committed after a dry run without errors; the valid ones alone, below">
          {/* A disabled button hears no pointer events: the wrapper carries the tooltip. */}
          <span>
            <Button disabled>Commit</Button>
          </span>
        </Tooltip>
      </Group>
      {listed && <ErrorReport key={item.updatedAt} item={item} />}
      {/* The two ways on: fix the file and upload it again, or import what is valid now and fix the rest later. */}
      <SimpleGrid cols={{ base: 1, md: item.errorRows && !item.failure ? 2 : 1 }} spacing="lg">
        <Card withBorder padding="lg" component="section" aria-labelledby="corrected-file">
          <Stack gap="sm">
            <div>
              <Title order={2} size="h4" id="corrected-file">
                Upload a corrected file
              </Title>
              <Text size="sm" c="dimmed">
                Fixed it in your spreadsheet? Upload it here: it becomes a new import of {typeNoun(item.type)}
                , with the columns you matched for this one.
              </Text>
            </div>
            <FileUpload
              type={item.type}
              encoding={encodingList.find((e) => e === item.encoding) ?? 'utf-8'}
              label="Corrected CSV file"
              submitLabel="Upload corrected file"
              onUploaded={onCorrected}
            />
          </Stack>
        </Card>
        <ValidRowsChoice item={item} />
      </SimpleGrid>
    </Stack>
  );
}

/** Rows the server lists one by one; beyond this a commit of the valid rows is refused. */
const MAX_LISTED_ERRORS = 100_000;

/**
 * The choice beside fixing the file: commit the rows that passed now, and download the rejected
 * ones (as the file had them, with their row and error) to fix and import later.
 */
function ValidRowsChoice({ item }: { item: Import }) {
  const commit = useStartCommit(item.id);
  const valid = item.totalRows !== null ? item.totalRows - item.errorRows : 0;
  if (!item.errorRows || item.totalRows === null || item.failure) return null;
  const possible = valid > 0 && item.errorCount <= MAX_LISTED_ERRORS;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="valid-rows">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="valid-rows">
            Import the valid rows now
          </Title>
          <Text size="sm" c="dimmed">
            {possible
              ? `Commit the ${plural(valid, 'valid row')} and leave out the ${plural(item.errorRows, 'rejected row')}. Download the rejected rows, with their row number and error, to fix them and import them as a new file.`
              : valid === 0
                ? 'No row of the file is valid: fix the file first.'
                : 'Too many errors to leave out row by row: fix the file first.'}
          </Text>
        </div>
        {commit.error && <ErrorAlert error={commit.error} title="The commit did not start" />}
        <Group gap="xs">
          <Button
            leftSection={<IconDatabaseImport size={16} />}
            onClick={() => commit.mutate({ version: item.version, onlyValid: true })}
            loading={commit.isPending}
            disabled={!possible}
          >
            Commit {plural(valid, 'valid row')}
          </Button>
          <RejectedRowsButton importId={item.id} />
        </Group>
      </Stack>
    </Card>
  );
}

/** The report, a page at a time (the server pages by cursor), and the whole of it as a CSV. */
function ErrorReport({ item }: { item: Import }) {
  // The cursors of the pages before this one, to go back.
  const [cursors, setCursors] = useState<(string | undefined)[]>([]);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const page = useQuery({
    ...importErrorsQueryOptions(item.id, item.updatedAt, cursor),
    placeholderData: keepPreviousData,
  });
  const download = useMutation({
    mutationFn: async () => {
      const report = await fetchAllImportErrors(item.id, REPORT_CAP);
      downloadCsv(reportFileName(item.fileName), errorReportCsv(report.items));
      return report;
    },
  });
  const first = cursors.length * PAGE_SIZE + 1;
  const shown = page.data?.items.length ?? 0;

  return (
    <Stack gap="sm" component="section" aria-labelledby="error-report">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h4" id="error-report">
            Errors
          </Title>
          <Text size="sm" c="dimmed">
            Rows are numbered as in a spreadsheet: the header is row 1.
          </Text>
        </div>
        <Button
          variant="light"
          leftSection={<IconDownload size={16} />}
          onClick={() => download.mutate()}
          loading={download.isPending}
        >
          Download report
        </Button>
      </Group>
      {item.errorCount > REPORT_CAP && (
        <Text size="sm" c="dimmed">
          The report holds the first {formatCount(REPORT_CAP)} of {formatCount(item.errorCount)} errors: fix
          those and run the dry run again for the rest.
        </Text>
      )}
      {download.data?.truncated && item.errorCount <= REPORT_CAP && (
        <Text size="sm" c="dimmed">
          The report holds the first {formatCount(REPORT_CAP)} errors.
        </Text>
      )}
      {download.error && <ErrorAlert error={download.error} title="The report could not be downloaded" />}
      {page.isPending ? (
        <LoadingState label="Loading the errors…" />
      ) : page.isError ? (
        <ErrorAlert error={page.error} title="The errors could not be loaded" />
      ) : page.data.items.length === 0 ? (
        <Text c="dimmed" py="md" ta="center">
          The errors are not listed: the file was refused as a whole.
        </Text>
      ) : (
        <>
          <div style={{ opacity: page.isPlaceholderData ? 0.5 : 1 }} aria-busy={page.isPlaceholderData}>
            <ErrorsTable errors={page.data.items} />
          </div>
          <Group justify="space-between">
            <Text size="sm" c="dimmed" aria-live="polite">
              Errors {formatCount(first)}–{formatCount(first + shown - 1)} of {formatCount(item.errorCount)}
            </Text>
            <Group gap="xs">
              <Button
                variant="default"
                disabled={cursors.length === 0 || page.isPlaceholderData}
                onClick={() => {
                  setCursor(cursors[cursors.length - 1]);
                  setCursors(cursors.slice(0, -1));
                }}
              >
                Previous page
              </Button>
              <Button
                variant="default"
                disabled={!page.data.nextCursor || page.isPlaceholderData}
                onClick={() => {
                  if (!page.data.nextCursor) return;
                  setCursors([...cursors, cursor]);
                  setCursor(page.data.nextCursor);
                }}
              >
                Next page
              </Button>
            </Group>
          </Group>
        </>
      )}
      {download.isSuccess && !download.data.truncated && (
        <Text size="xs" c="dimmed" aria-live="polite">
          Downloaded {plural(download.data.items.length, 'error')}.
        </Text>
      )}
    </Stack>
  );
}

function ErrorsTable({ errors }: { errors: ImportRowError[] }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="xs" aria-label="Errors">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Row</Table.Th>
            <Table.Th>Column</Table.Th>
            <Table.Th>Value</Table.Th>
            <Table.Th>Message</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.map((e, index) => (
            <Table.Tr key={`${e.row}-${e.field ?? ''}-${index}`}>
              <Table.Td>{e.row}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{e.column ?? e.field ?? 'Whole row'}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{e.value ?? '—'}</Table.Td>
              <Table.Td>{e.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

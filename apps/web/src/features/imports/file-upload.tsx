import { Alert, Button, FileInput, Group, Progress, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconFileTypeCsv, IconUpload } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import { type Import, type ImportEncoding, type ImportType, useUploadImport } from '../../api/imports';
import { formatBytes } from './import-parts';

interface Props {
  type: ImportType | undefined;
  encoding: ImportEncoding;
  /** The file input's label. */
  label: string;
  submitLabel: string;
  onUploaded: (item: Import) => void;
  /** Fields shown above the file (type, encoding) inside the same form. */
  children?: ReactNode;
  /** Checks the fields above the file when the form is sent (and shows their errors); false stops it. */
  validate?: () => boolean;
}

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/**
 * Picks a CSV file and uploads it as the request body, with the bytes sent so far. The server
 * refuses a file that is empty, has no header or is not text in the chosen encoding (400), or is
 * over its size limit (413): those messages land on the file field.
 */
export function FileUpload({ type, encoding, label, submitLabel, onUploaded, children, validate }: Props) {
  const upload = useUploadImport();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);

  const error = upload.error && !isAbort(upload.error) ? upload.error : null;
  const fileError =
    localError ??
    (error instanceof ApiError && (error.status === 400 || error.status === 413)
      ? (error.errors.find((e) => e.path === 'file')?.message ?? errorMessage(error))
      : null);
  const otherError = error && !fileError ? error : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fieldsOk = validate ? validate() : true;
    if (!file) setLocalError('Choose the CSV file to import');
    if (!fieldsOk || !file || !type) return;
    controller.current = new AbortController();
    setProgress({ sent: 0, total: file.size });
    upload.mutate(
      {
        type,
        encoding,
        file,
        signal: controller.current.signal,
        onProgress: (sent, total) => setProgress({ sent, total }),
      },
      { onSuccess: onUploaded, onSettled: () => setProgress(null) },
    );
  }

  const fraction = progress && progress.total > 0 ? progress.sent / progress.total : 0;

  return (
    <form onSubmit={submit} noValidate aria-label={submitLabel}>
      <Stack>
        {children}
        {otherError && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert" title="The file was not uploaded">
            {errorMessage(otherError)}
          </Alert>
        )}
        <FileInput
          label={label}
          description="A .csv file whose first row names the columns"
          placeholder="Choose a .csv file"
          accept=".csv,text/csv,text/plain"
          leftSection={<IconFileTypeCsv size={18} />}
          value={file}
          onChange={(next) => {
            setFile(next);
            setLocalError(null);
            if (upload.isError) upload.reset();
          }}
          clearable
          clearButtonProps={{ 'aria-label': 'Remove the chosen file' }}
          readOnly={upload.isPending}
          error={fileError}
          required
        />
        {progress && (
          <Stack gap={4}>
            <Progress
              value={Math.round(fraction * 100)}
              aria-label="Upload progress"
              animated={fraction >= 1}
              striped={fraction >= 1}
            />
            <Text size="sm" c="dimmed" aria-live="polite">
              {fraction >= 1
                ? 'Sent; the server is reading the header…'
                : `Uploading ${formatBytes(progress.sent)} of ${formatBytes(progress.total)}`}
            </Text>
          </Stack>
        )}
        <Group justify="flex-end">
          {upload.isPending && (
            <Button variant="default" onClick={() => controller.current?.abort()}>
              Cancel upload
            </Button>
          )}
          <Button type="submit" leftSection={<IconUpload size={16} />} loading={upload.isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorAlert, LoadingState } from '../../components/query-state';

interface Props<T> {
  report: UseQueryResult<T>;
  /** What is loading, as in "Loading {noun}…". */
  noun: string;
  children: (data: T) => ReactNode;
}

/**
 * A report's loading and error states, alike on every dashboard. While new filters load, the last
 * figures stay on screen, dimmed and marked busy, instead of the page jumping to a spinner.
 */
export function ReportState<T>({ report, noun, children }: Props<T>) {
  if (report.isPending) return <LoadingState label={`Loading ${noun}…`} />;
  if (report.isError) return <ErrorAlert error={report.error} title={`The ${noun} could not be loaded`} />;
  return (
    <Stack style={{ opacity: report.isPlaceholderData ? 0.5 : 1 }} aria-busy={report.isPlaceholderData}>
      {children(report.data)}
    </Stack>
  );
}

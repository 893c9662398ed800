import { Stepper } from '@mantine/core';
import type { ReactNode } from 'react';
import { type Import, isRunning } from '../../api/imports';
import { formatCount, plural, stoppedRun } from './import-parts';

/** File, Columns, Dry run, Commit; 4 is "all done". */
export type StepIndex = 0 | 1 | 2 | 3 | 4;

/** The step an import's status puts it at: the URL names the import, the server says where it is. */
export function stepOf(item: Import): StepIndex {
  switch (item.status) {
    case 'uploading':
    case 'uploaded':
      return 1;
    case 'validating':
    case 'invalid':
      return 2;
    case 'validated':
    case 'committing':
      return 3;
    case 'committed':
      return 4;
    case 'failed':
    case 'interrupted':
      return stoppedRun(item) === 'commit' ? 3 : 2;
  }
}

function dryRunDescription(item: Import | undefined): string {
  if (!item) return 'Check every row';
  switch (item.status) {
    case 'validating':
      return `${formatCount(item.progress.rows)} rows read`;
    case 'invalid':
      return item.errorRows ? `${plural(item.errorRows, 'row')} with errors` : 'The file was refused';
    case 'uploading':
    case 'uploaded':
      return 'Check every row';
    default:
      if (stepOf(item) === 2) return item.status === 'failed' ? 'Failed' : 'Interrupted';
      return item.totalRows !== null ? `${plural(item.totalRows, 'row')} ready` : 'Passed';
  }
}

function commitDescription(item: Import | undefined): string {
  if (!item) return 'Write the records';
  if (item.status === 'committing') return `${formatCount(item.progress.rows)} rows written`;
  if (item.status === 'committed')
    return `${formatCount(item.created)} created, ${formatCount(item.updated)} updated`;
  if (stepOf(item) === 3 && (item.status === 'failed' || item.status === 'interrupted'))
    return item.status === 'failed' ? 'Failed' : 'Interrupted';
  return 'Write the records';
}

interface Props {
  active: StepIndex;
  item?: Import;
  /** Steps a click may go to, and what a click does. */
  selectable?: (index: StepIndex) => boolean;
  onStepClick?: (index: StepIndex) => void;
  /** The active step's content. */
  children: ReactNode;
}

export function ImportStepper({ active, item, selectable, onStepClick, children }: Props) {
  const stopped = item?.status === 'failed' || item?.status === 'interrupted';
  const mapped = item?.mapping ? Object.keys(item.mapping).length : null;
  const steps = [
    { label: 'File', description: item ? item.fileName : 'Type and file' },
    {
      label: 'Columns',
      description: mapped !== null ? `${plural(mapped, 'field')} mapped` : 'Match columns to fields',
    },
    { label: 'Dry run', description: dryRunDescription(item) },
    { label: 'Commit', description: commitDescription(item) },
  ];
  return (
    <Stepper
      active={active}
      onStepClick={onStepClick ? (index) => onStepClick(index as StepIndex) : undefined}
      allowNextStepsSelect={false}
      size="sm"
    >
      {steps.map((step, index) => (
        <Stepper.Step
          key={step.label}
          label={step.label}
          description={step.description}
          allowStepSelect={selectable ? selectable(index as StepIndex) : false}
          loading={index === active && !!item && isRunning(item.status)}
          color={
            index === active && item && (stopped || (index === 2 && item.status === 'invalid'))
              ? 'red'
              : undefined
          }
          aria-current={index === active ? 'step' : undefined}
        >
          {index === active ? children : null}
        </Stepper.Step>
      ))}
      <Stepper.Completed>{children}</Stepper.Completed>
    </Stepper>
  );
}

import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../../../api/client';
import { settingsQueryOptions } from '../../../api/settings';
import { programQueryOptions } from '../../../api/programs';
import { AnchorLink } from '../../../components/links';
import { ErrorAlert, LoadingState } from '../../../components/query-state';
import { ProgramBreadcrumbs } from './program-builder-parts';
import { ProgramBuilder } from './program-builder';
import { useBrandTitle } from '../../brand/brand-mark';

/** /programs/new (programId absent) and /programs/$id. */
export function ProgramBuilderPage({ programId }: { programId?: string }) {
  const program = useQuery({ ...programQueryOptions(programId ?? ''), enabled: programId !== undefined });
  const settings = useQuery(settingsQueryOptions);
  useBrandTitle(`${programId ? (program.data?.name ?? 'Program') : 'New program'}`);

  // Money thresholds are typed and shown in the reporting currency: the form waits for it.
  const currency = settings.data?.reportingCurrency;
  if (settings.isError) return <ErrorAlert error={settings.error} title="The settings could not be loaded" />;
  if (!currency) return <LoadingState label="Loading program…" />;
  if (programId === undefined) return <ProgramBuilder program={null} currency={currency} />;
  if (program.isPending) return <LoadingState label="Loading program…" />;
  if (program.isError) {
    return (
      <Stack>
        <ProgramBreadcrumbs name="Program" />
        <Title order={1}>{isApiError(program.error, 404) ? 'Program not found' : 'Program'}</Title>
        {isApiError(program.error, 404) ? (
          <Text>
            There is no program at this address. <AnchorLink to="/programs">Back to the programs</AnchorLink>
          </Text>
        ) : (
          <ErrorAlert error={program.error} title="The program could not be loaded" />
        )}
      </Stack>
    );
  }
  // Keyed by id: another program starts a fresh form; a newer version of this one does not.
  return <ProgramBuilder key={program.data.id} program={program.data} currency={currency} />;
}

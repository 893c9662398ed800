import { Breadcrumbs, Radio, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { importTypesQueryOptions } from '../../api/imports';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { FileUpload } from './file-upload';
import { encodingList, encodingOptions } from './import-codes';
import { dependsOnText } from './import-parts';
import type { NewImportSearch } from './import-search';
import { ImportStepper } from './import-stepper';
import { TypeDetails } from './type-details';
import { useBrandTitle } from '../brand/brand-mark';

interface Props {
  search: NewImportSearch;
  onSearchChange: (next: NewImportSearch) => void;
}

/** Step 1: what the file holds, its encoding and the file itself; the upload opens the import's own page. */
export function NewImportPage({ search, onSearchChange }: Props) {
  useBrandTitle('New import · Imports');
  const types = useQuery(importTypesQueryOptions);
  const navigate = useNavigate();
  const [typeError, setTypeError] = useState<string | null>(null);
  const encoding = search.encoding ?? 'utf-8';
  const selected = types.data?.find((t) => t.type === search.type);

  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <AnchorLink to="/settings">Settings</AnchorLink>
        <AnchorLink to="/settings/imports">Imports</AnchorLink>
        <Text size="sm">New import</Text>
      </Breadcrumbs>
      <div>
        <Title order={1}>New import</Title>
        <Text c="dimmed" size="sm" maw={720}>
          {search.from
            ? 'Upload the corrected file: the columns you matched for the previous one are offered again.'
            : 'Choose what the file holds and upload it. Nothing is imported until a dry run has checked every row.'}
        </Text>
      </div>
      <ImportStepper active={0}>
        {types.isPending ? (
          <LoadingState label="Loading what can be imported…" />
        ) : types.isError ? (
          <ErrorAlert error={types.error} title="The import types could not be loaded" />
        ) : (
          <FileUpload
            type={search.type}
            encoding={encoding}
            label="CSV file"
            submitLabel="Upload and continue"
            validate={() => {
              if (search.type) return true;
              setTypeError('Choose what the file holds');
              return false;
            }}
            onUploaded={(item) =>
              void navigate({
                to: '/settings/imports/$importId',
                params: { importId: item.id },
                search: search.from ? { from: search.from } : {},
              })
            }
          >
            <Radio.Group
              label="What does the file hold?"
              value={search.type ?? null}
              onChange={(value) => {
                setTypeError(null);
                const type = types.data.find((t) => t.type === value)?.type;
                onSearchChange({ ...search, type });
              }}
              error={typeError}
              required
            >
              <Stack gap="sm" mt="xs">
                {types.data.map((info) => (
                  <Radio
                    key={info.type}
                    value={info.type}
                    label={info.label}
                    description={dependsOnText(info) ?? 'Refers to nothing else: it can come first.'}
                  />
                ))}
              </Stack>
            </Radio.Group>
            {selected && <TypeDetails info={selected} />}
            <Select
              label="Encoding"
              description="How the file’s text is stored; a file that does not read in it is refused"
              data={encodingOptions}
              value={encoding}
              onChange={(value) => {
                const next = encodingList.find((e) => e === value);
                if (next) onSearchChange({ ...search, encoding: next === 'utf-8' ? undefined : next });
              }}
              allowDeselect={false}
              maw={420}
            />
          </FileUpload>
        )}
      </ImportStepper>
    </Stack>
  );
}

import {
  Alert,
  Box,
  Button,
  Card,
  ColorInput,
  FileButton,
  Group,
  Image,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { brandColor } from '@partnergraph/shared/contracts/settings';
import { readableUnderWhite } from '@partnergraph/shared/contrast';
import { type Brand, brandQueryOptions, useRemoveLogo, useUpdateBrand, useUploadLogo } from '../../api/brand';
import { errorMessage } from '../../api/client';
import { showServerErrors, useContractForm } from '../../components/forms';
import { ErrorAlert, LoadingState } from '../../components/query-state';

// The inputs hold text; an empty one means "not set" (sent as null). The rules are the contract's.
const brandFormSchema = z.object({
  name: z.string().trim().min(1, 'Give the name partners know you by').max(80),
  primaryColor: z.union([z.literal(''), brandColor]),
  supportEmail: z.union([z.literal(''), z.email('An e-mail address')]),
  supportUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'An http(s) address' })]),
});
type BrandValues = { name: string; primaryColor: string; supportEmail: string; supportUrl: string };

const valuesOf = (b: Brand): BrandValues => ({
  name: b.name,
  primaryColor: b.primaryColor ?? '',
  supportEmail: b.supportEmail ?? '',
  supportUrl: b.supportUrl ?? '',
});
const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** The vendor's brand: name, colour, logo and support contact, with a preview of how they look. */
export function BrandSection({ canManage }: { canManage: boolean }) {
  const brand = useQuery(brandQueryOptions);
  if (brand.isPending) return <LoadingState label="Loading the brand…" />;
  if (brand.isError) return <ErrorAlert error={brand.error} />;
  // Keyed by version: the form starts afresh from each brand the server returns.
  return <BrandForm key={brand.data.version} brand={brand.data} canManage={canManage} />;
}

function BrandForm({ brand, canManage }: { brand: Brand; canManage: boolean }) {
  const form = useContractForm<BrandValues>(brandFormSchema, valuesOf(brand));
  const update = useUpdateBrand();
  const upload = useUploadLogo();
  const remove = useRemoveLogo();
  const [problem, setProblem] = useState<string | null>(null);
  const values = form.getValues();
  const colour = /^#[0-9a-fA-F]{6}$/.test(values.primaryColor) ? values.primaryColor : null;

  const submit = (v: BrandValues) => {
    setProblem(null);
    update.mutate(
      {
        version: brand.version,
        name: v.name,
        primaryColor: orNull(v.primaryColor),
        supportEmail: orNull(v.supportEmail),
        supportUrl: orNull(v.supportUrl),
      },
      {
        onSuccess: () => notifications.show({ color: 'green', message: 'Brand saved' }),
        onError: (error) => setProblem(showServerErrors(form, error)),
      },
    );
  };

  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h4">
          Brand
        </Title>
        <Text size="sm" c="dimmed">
          Shown on the app, the public partner locator, the application form and the e-mails.
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
          <form onSubmit={form.onSubmit(submit)} noValidate aria-label="Brand">
            <Stack>
              <TextInput label="Name" required disabled={!canManage} {...form.getInputProps('name')} />
              <ColorInput
                label="Primary colour"
                description="Buttons and links; white text must be readable on it (WCAG AA)"
                format="hex"
                disabled={!canManage}
                {...form.getInputProps('primaryColor')}
              />
              {colour && !readableUnderWhite(colour) && (
                <Text size="sm" c="red.8">
                  White text on this colour is too faint: choose a darker shade.
                </Text>
              )}
              <TextInput
                label="Support e-mail"
                type="email"
                disabled={!canManage}
                {...form.getInputProps('supportEmail')}
              />
              <TextInput
                label="Support page"
                placeholder="https://"
                disabled={!canManage}
                {...form.getInputProps('supportUrl')}
              />
              {problem && <Alert color="red">{problem}</Alert>}
              {canManage && (
                <Group>
                  <Button type="submit" loading={update.isPending}>
                    Save brand
                  </Button>
                  <FileButton
                    accept="image/png,image/jpeg,image/webp,image/svg+xml"
                    onChange={(file) =>
                      file &&
                      upload.mutate(file, {
                        onError: (error) => setProblem(errorMessage(error)),
                      })
                    }
                  >
                    {(props) => (
                      <Button variant="default" loading={upload.isPending} {...props}>
                        Upload logo
                      </Button>
                    )}
                  </FileButton>
                  {brand.logoUrl && (
                    <Button variant="subtle" color="red" onClick={() => remove.mutate()}>
                      Remove logo
                    </Button>
                  )}
                </Group>
              )}
            </Stack>
          </form>
          <BrandPreview values={values} colour={colour} logoUrl={brand.logoUrl} />
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

/** How the unsaved values look: a page header with a button, and the top and foot of an e-mail. */
function BrandPreview({
  values,
  colour,
  logoUrl,
}: {
  values: BrandValues;
  colour: string | null;
  logoUrl: string | null;
}) {
  const name = values.name.trim() || 'Partner program';
  const support = [values.supportEmail, values.supportUrl].filter(Boolean).join(' · ');
  return (
    <Stack aria-label="Preview" role="region">
      <Text fw={600} size="sm">
        Preview
      </Text>
      <Box>
        <Paper withBorder p="md">
          <Group justify="space-between">
            <Group gap="xs">
              {logoUrl && <Image src={logoUrl} alt="" h={24} w="auto" />}
              <Text fw={800} c={colour ?? 'var(--mantine-primary-color-filled)'}>
                {name}
              </Text>
            </Group>
            {/* Mantine mixes hover shades from any colour given here, as the branded theme does. */}
            <Button size="xs" color={colour ?? undefined}>
              Become a partner
            </Button>
          </Group>
        </Paper>
        <Paper withBorder p="md" mt="sm" bg="gray.0">
          <Text size="xs" c="dimmed">
            E-mail
          </Text>
          <Text fw={700}>{name}</Text>
          <Text size="sm" my="xs">
            Hello Pat, a new lead waits for your answer.
          </Text>
          <Box
            component="span"
            style={{
              display: 'inline-block',
              background: colour ?? 'var(--mantine-primary-color-filled)',
              color: '#fff',
              padding: '6px 12px',
              borderRadius: 4,
              fontWeight: 600,
              fontSize: 14,
            }}
          >
            Open the lead
          </Box>
          {support && (
            <Text size="xs" c="dimmed" mt="sm">
              Help: {support}
            </Text>
          )}
        </Paper>
      </Box>
    </Stack>
  );
}

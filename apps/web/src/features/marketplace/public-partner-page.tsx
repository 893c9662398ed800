import { Breadcrumbs, Button, Grid, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../../api/client';
import { publicPartnerQueryOptions } from '../../api/marketplace';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { ContactPartnerForm } from './contact-form';
import { ProfileView } from './profile-view';
import { LocatorFrame } from './public-frame';
import { useBrandTitle } from '../brand/brand-mark';

/** A partner's public page in the locator: its published profile and a way to contact it, signed out. */
export function PublicPartnerPage({ orgId }: { orgId: string }) {
  const partner = useQuery(publicPartnerQueryOptions(orgId));
  useBrandTitle(`${partner.data?.name ?? 'Partner'} · Find a partner`);

  const breadcrumbs = (
    <Breadcrumbs>
      <AnchorLink to="/find-a-partner" search={{}}>
        Find a partner
      </AnchorLink>
      <Text size="sm">{partner.data?.name ?? 'Partner'}</Text>
    </Breadcrumbs>
  );

  if (partner.isPending) {
    return (
      <LocatorFrame>
        <LoadingState label="Loading the partner…" />
      </LocatorFrame>
    );
  }
  if (partner.isError) {
    return (
      <LocatorFrame>
        {breadcrumbs}
        <Title order={1}>{isApiError(partner.error, 404) ? 'Partner not found' : 'Partner'}</Title>
        {isApiError(partner.error, 404) ? (
          <Text>
            There is no partner at this address: it may have withdrawn its profile.{' '}
            <AnchorLink to="/find-a-partner" search={{}}>
              Find another partner
            </AnchorLink>
          </Text>
        ) : isApiError(partner.error, 429) ? (
          <Text>Too many requests came from your address. Please wait a minute and reload the page.</Text>
        ) : (
          <ErrorAlert error={partner.error} title="The partner could not be loaded" />
        )}
      </LocatorFrame>
    );
  }

  const p = partner.data;
  return (
    <LocatorFrame>
      {breadcrumbs}
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="lg">
            <ProfileView
              name={p.name}
              partnerTypes={p.partnerTypes}
              badges={p.badges}
              certifiedPeople={p.certifiedPeople}
              fields={p.profile}
              actions={
                <Button
                  variant="light"
                  onClick={() => {
                    const section = document.getElementById('contact-section');
                    section?.scrollIntoView({ behavior: 'smooth', block: 'start' });
                    section?.querySelector('input')?.focus({ preventScroll: true });
                  }}
                >
                  Contact this partner
                </Button>
              }
            />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="lg" component="section" aria-labelledby="contact" id="contact-section">
            <Stack>
              <Title order={2} size="h4" id="contact">
                Contact this partner
              </Title>
              <ContactPartnerForm partner={{ id: p.organizationId, name: p.name }} />
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
    </LocatorFrame>
  );
}

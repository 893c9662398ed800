import {
  Anchor,
  Avatar,
  Badge,
  Card,
  Group,
  List,
  SimpleGrid,
  Stack,
  Text,
  Title,
  type TitleOrder,
} from '@mantine/core';
import { IconAward, IconCertificate } from '@tabler/icons-react';
import { type ReactNode, useId } from 'react';
import type { ProfileFields } from '../../api/marketplace';
import { countryName } from '../../components/countries';
import { displayUrl, initials, isHttpUrl, languageName, useIndustryName } from './names';

export interface ProfileBadge {
  label: string;
  program?: string;
  tier?: string;
}

/** Certified people by certification type, as enablement counts them today. */
export interface ProfileCertification {
  code: string;
  name: string;
  people: number;
}

export interface ProfileViewProps {
  name: string;
  partnerTypes: { code: string; name: string }[];
  /** Tier badges the organization holds; shown only where the profile chooses to show them. */
  badges: ProfileBadge[];
  /** Certifications its people hold, shown as badges where the profile shows its badges. */
  certifiedPeople?: ProfileCertification[];
  fields: ProfileFields;
  /** The level of the name's heading: 1 on a profile's own page, 2 inside another page (the preview). */
  headingLevel?: 1 | 2;
  /** Buttons beside the name (connect, refer, contact). */
  actions?: ReactNode;
  /** One column, for a narrow place such as the editor's preview. */
  compact?: boolean;
}

/**
 * A partner's marketplace profile as others see it. The profile page, the public partner page
 * and the editor's live preview all render this one component, so the preview is exact.
 */
export function ProfileView({
  name,
  partnerTypes,
  badges,
  certifiedPeople = [],
  fields,
  headingLevel = 1,
  actions,
  compact = false,
}: ProfileViewProps) {
  const industryName = useIndustryName();
  const sectionOrder = (headingLevel + 1) as TitleOrder;
  const shownBadges = fields.showBadges ? badges : [];
  const shownCertifications = fields.showBadges ? certifiedPeople : [];
  const hasContact = Boolean(
    fields.contactEmail || isHttpUrl(fields.contactUrl) || isHttpUrl(fields.website),
  );
  const details = [
    fields.services.length > 0 && (
      <Section key="services" title="Services" order={sectionOrder}>
        <Tags values={fields.services} />
      </Section>
    ),
    fields.specializations.length > 0 && (
      <Section key="specializations" title="Specializations" order={sectionOrder}>
        <Tags values={fields.specializations} />
      </Section>
    ),
    fields.industries.length > 0 && (
      <Section key="industries" title="Industries" order={sectionOrder}>
        <Tags values={fields.industries.map(industryName)} />
      </Section>
    ),
    fields.countries.length > 0 && (
      <Section key="countries" title="Countries served" order={sectionOrder}>
        <Tags values={fields.countries.map(countryName)} />
      </Section>
    ),
    fields.languages.length > 0 && (
      <Section key="languages" title="Languages" order={sectionOrder}>
        <Tags values={fields.languages.map(languageName)} />
      </Section>
    ),
    fields.integrations.length > 0 && (
      <Section key="integrations" title="Integrations" order={sectionOrder}>
        <Tags values={fields.integrations} />
      </Section>
    ),
    fields.certifications.length > 0 && (
      <Section key="certifications" title="Certifications" order={sectionOrder}>
        <List spacing={4} size="sm">
          {fields.certifications.map((c, i) => (
            <List.Item key={i}>
              <Text span size="sm" fw={500}>
                {c.name}
              </Text>
              {(c.issuer || c.year) && (
                <Text span size="sm" c="dimmed">
                  {' '}
                  · {[c.issuer, c.year].filter(Boolean).join(', ')}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      </Section>
    ),
    hasContact && (
      <Section key="contact" title="Contact" order={sectionOrder}>
        <Stack gap={4}>
          {fields.contactEmail && (
            <Anchor href={`mailto:${fields.contactEmail}`} size="sm">
              {fields.contactEmail}
            </Anchor>
          )}
          {isHttpUrl(fields.contactUrl) && (
            <Anchor href={fields.contactUrl} target="_blank" rel="noopener noreferrer nofollow" size="sm">
              {displayUrl(fields.contactUrl)}
            </Anchor>
          )}
          {isHttpUrl(fields.website) && fields.website !== fields.contactUrl && (
            <Anchor href={fields.website} target="_blank" rel="noopener noreferrer nofollow" size="sm">
              {displayUrl(fields.website)}
            </Anchor>
          )}
        </Stack>
      </Section>
    ),
  ].filter(Boolean);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap={compact ? 'wrap' : 'nowrap'}>
        <Group gap="md" wrap="nowrap" align="flex-start">
          <PartnerLogo name={name} logoUrl={fields.logoUrl} size={compact ? 56 : 72} />
          <Stack gap={6}>
            <Title order={headingLevel}>{name}</Title>
            {partnerTypes.length > 0 && (
              <Text c="dimmed" size="sm">
                {partnerTypes.map((t) => t.name).join(' · ')}
              </Text>
            )}
            {shownBadges.length > 0 && <BadgeList badges={shownBadges} />}
            {shownCertifications.length > 0 && <CertificationList certifications={shownCertifications} />}
          </Stack>
        </Group>
        {actions}
      </Group>

      {fields.description ? (
        <Text style={{ whiteSpace: 'pre-wrap' }}>{fields.description}</Text>
      ) : (
        <Text c="dimmed">No description yet.</Text>
      )}

      {details.length > 0 && (
        <SimpleGrid cols={compact ? 1 : { base: 1, md: 2 }} spacing="lg" verticalSpacing="lg">
          {details}
        </SimpleGrid>
      )}

      {fields.caseStudies.length > 0 && (
        <Section title="Case studies" order={sectionOrder}>
          <SimpleGrid cols={compact ? 1 : { base: 1, md: 2 }}>
            {fields.caseStudies.map((c, i) => (
              <Card key={i} withBorder padding="md" component="article">
                <Stack gap={6}>
                  <Text fw={600}>{c.title}</Text>
                  {c.customer && (
                    <Text size="sm" c="dimmed">
                      {c.customer}
                    </Text>
                  )}
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {c.summary}
                  </Text>
                  {isHttpUrl(c.url) && (
                    <Anchor href={c.url} target="_blank" rel="noopener noreferrer nofollow" size="sm">
                      Read the case study
                    </Anchor>
                  )}
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        </Section>
      )}
    </Stack>
  );
}

function Section({ title, order, children }: { title: string; order: TitleOrder; children: ReactNode }) {
  const id = useId();
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Title order={order} size="h5" id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function Tags({ values }: { values: string[] }) {
  return (
    <Group gap={6}>
      {values.map((v) => (
        <Badge key={v} variant="light" color="gray" tt="none" fw={500}>
          {v}
        </Badge>
      ))}
    </Group>
  );
}

/** Certification badges, e.g. "Cloud Architect · 3 certified". */
export function CertificationList({ certifications }: { certifications: ProfileCertification[] }) {
  return (
    <Group gap={6} aria-label="Certifications">
      {certifications.map((c) => (
        <Badge
          key={c.code}
          color="teal"
          variant="light"
          tt="none"
          leftSection={<IconCertificate size={14} aria-hidden />}
          title={`${c.people} ${c.people === 1 ? 'person holds' : 'people hold'} the ${c.name} certification`}
        >
          {c.name} · {c.people} certified
        </Badge>
      ))}
    </Group>
  );
}

/** Tier badges, e.g. "Gold Partner", with the program and tier they come from where known. */
export function BadgeList({ badges }: { badges: ProfileBadge[] }) {
  return (
    <Group gap={6} aria-label="Badges">
      {badges.map((b) => (
        <Badge
          key={`${b.program ?? ''}:${b.label}`}
          color="yellow"
          variant="light"
          tt="none"
          leftSection={<IconAward size={14} aria-hidden />}
          title={b.program && b.tier ? `${b.program}: ${b.tier}` : undefined}
        >
          {b.label}
        </Badge>
      ))}
    </Group>
  );
}

/** The logo when the profile names one (http(s) only), else the organization's initials. */
export function PartnerLogo({ name, logoUrl, size }: { name: string; logoUrl: string | null; size: number }) {
  return (
    <Avatar
      src={isHttpUrl(logoUrl) ? logoUrl : null}
      alt={`${name} logo`}
      size={size}
      radius="md"
      color="indigo"
      variant="light"
    >
      {initials(name)}
    </Avatar>
  );
}

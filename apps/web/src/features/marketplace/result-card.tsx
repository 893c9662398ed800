import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import type { SearchResult } from '../../api/marketplace';
import { countryName } from '../../components/countries';
import { AnchorLink } from '../../components/links';
import { MarkedText } from './marked-text';
import { PartnerLogo } from './profile-view';

const SHOWN_SERVICES = 6;
const SHOWN_COUNTRIES = 5;

export interface ResultCardProps {
  result: SearchResult;
  /** Partner type names by code (the type facet's labels). */
  typeName: (code: string) => string;
  /** Where the name leads: the signed-in marketplace profile or the public partner page. */
  linkTo: 'marketplace' | 'locator';
}

/** One partner in search results: who they are, what they do, where, and why they matched. */
export function ResultCard({ result, typeName, linkTo }: ResultCardProps) {
  const params = { orgId: result.organizationId };
  const more = (shown: number, all: number) => (all > shown ? ` +${all - shown} more` : '');
  return (
    <Card withBorder padding="md" component="article" aria-label={result.name}>
      <Group align="flex-start" wrap="nowrap" gap="md">
        <PartnerLogo name={result.name} logoUrl={result.logoUrl} size={48} />
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Group justify="space-between" gap="xs" align="flex-start">
            <div>
              {linkTo === 'marketplace' ? (
                <AnchorLink to="/marketplace/$orgId" params={params} fw={600} size="lg">
                  {result.name}
                </AnchorLink>
              ) : (
                <AnchorLink to="/find-a-partner/$orgId" params={params} fw={600} size="lg">
                  {result.name}
                </AnchorLink>
              )}
              {result.partnerTypes.length > 0 && (
                <Text size="sm" c="dimmed">
                  {result.partnerTypes.map(typeName).join(' · ')}
                </Text>
              )}
            </div>
            {result.badges.length > 0 && (
              <Group gap={4} aria-label="Badges">
                {result.badges.map((b) => (
                  <Badge key={b} color="yellow" variant="light" tt="none">
                    {b}
                  </Badge>
                ))}
              </Group>
            )}
          </Group>
          <Text size="sm" lineClamp={3}>
            <Summary result={result} />
          </Text>
          {result.services.length > 0 && (
            <Group gap={4} aria-label="Services">
              {result.services.slice(0, SHOWN_SERVICES).map((s) => (
                <Badge key={s} variant="light" color="gray" tt="none" fw={500}>
                  {s}
                </Badge>
              ))}
              {result.services.length > SHOWN_SERVICES && (
                <Text size="xs" c="dimmed">
                  {more(SHOWN_SERVICES, result.services.length)}
                </Text>
              )}
            </Group>
          )}
          {result.countries.length > 0 && (
            <Text size="xs" c="dimmed">
              Serves {result.countries.slice(0, SHOWN_COUNTRIES).map(countryName).join(', ')}
              {more(SHOWN_COUNTRIES, result.countries.length)}
            </Text>
          )}
        </Stack>
      </Group>
    </Card>
  );
}

/**
 * Where the words matched, when they matched the description (the snippet marks them); else the
 * description itself. A snippet is a stretch of the description: "…" shows where it was cut.
 */
function Summary({ result }: { result: SearchResult }) {
  const { snippet, description } = result;
  if (!snippet || !snippet.includes('«')) return <>{description}</>;
  const plain = snippet.replace(/[«»]/g, '').trim();
  const head = description.trimStart().startsWith(plain.slice(0, 24)) ? '' : '… ';
  const tail = description.trimEnd().endsWith(plain.slice(-24)) ? '' : ' …';
  return (
    <>
      {head}
      <MarkedText snippet={snippet.trim()} />
      {tail}
    </>
  );
}

import { Divider, Text } from '@mantine/core';
import { IconHeartHandshake, IconPlugConnected, IconPuzzle, IconSparkles } from '@tabler/icons-react';
import { NavLinkLink } from '../../components/nav-link-link';
import { useCan, useSession } from '../auth/session';

const active = { active: true, 'aria-current': 'page' } as const;

/**
 * The partner-to-partner side of the ecosystem in the main navigation: connections, the integration
 * catalog, joint solutions, and for partners the partners worth meeting.
 */
export function EcosystemNavLinks({ onNavigate }: { onNavigate: () => void }) {
  const canRead = useCan('marketplace:read');
  const canRecommend = useCan('recommendations:read');
  const isVendor = useSession().organization.kind === 'vendor';
  if (!canRead) return null;
  return (
    <>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="sm" pb={2} aria-hidden>
        Ecosystem
      </Text>
      <NavLinkLink
        to="/connections"
        search={{}}
        label="Connections"
        leftSection={<IconPlugConnected size={18} />}
        activeProps={active}
        onClick={onNavigate}
      />
      {canRecommend && (
        <NavLinkLink
          to="/recommendations"
          label={isVendor ? 'Partners who know your pipeline' : 'Partners to meet'}
          leftSection={<IconSparkles size={18} />}
          activeProps={active}
          onClick={onNavigate}
        />
      )}
      <NavLinkLink
        to="/integrations"
        search={{}}
        label="Integrations"
        leftSection={<IconPuzzle size={18} />}
        activeProps={active}
        onClick={onNavigate}
      />
      <NavLinkLink
        to="/solutions"
        search={{}}
        label="Solutions"
        leftSection={<IconHeartHandshake size={18} />}
        activeProps={active}
        onClick={onNavigate}
      />
      <Divider my={6} />
    </>
  );
}

import { Text } from '@mantine/core';
import { IconBooks, IconCertificate, IconSchool } from '@tabler/icons-react';
import { NavLinkLink } from '../../components/nav-link-link';
import { useCan } from '../auth/session';

const active = { active: true, 'aria-current': 'page' } as const;

/** Enablement in the main navigation: everyone reads the library and courses of their segments. */
export function EnablementNavLinks({ onNavigate }: { onNavigate: () => void }) {
  if (!useCan('enablement:read')) return null;
  return (
    <>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="sm" pb={2} aria-hidden>
        Enablement
      </Text>
      <NavLinkLink
        to="/enablement/library"
        label="Content library"
        leftSection={<IconBooks size={18} />}
        activeProps={active}
        onClick={onNavigate}
      />
      <NavLinkLink
        to="/enablement/courses"
        label="Courses"
        leftSection={<IconSchool size={18} />}
        activeProps={active}
        onClick={onNavigate}
      />
      <NavLinkLink
        to="/enablement/certifications"
        label="Certifications"
        leftSection={<IconCertificate size={18} />}
        activeProps={active}
        onClick={onNavigate}
      />
    </>
  );
}

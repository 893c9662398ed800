import { useQuery } from '@tanstack/react-query';
import { partnerQueryOptions } from '../../api/partners';
import { useCan, useSession } from '../auth/session';
import { integrationBuilderTypes } from './labels';

/**
 * Whether the signed-in person may list integrations: a partner admin (integrations:manage) of an
 * ISV or technology partner, the rule the server applies. The organization's types come from its record.
 */
export function useIntegrationBuilder(): boolean {
  const { organization } = useSession();
  const canManage = useCan('integrations:manage');
  const ask = canManage && organization.kind === 'partner';
  const org = useQuery({ ...partnerQueryOptions(organization.id), enabled: ask });
  return ask && (org.data?.types.some((t) => integrationBuilderTypes.includes(t.code)) ?? false);
}

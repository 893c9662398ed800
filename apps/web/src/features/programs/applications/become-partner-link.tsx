import { Text } from '@mantine/core';
import { AnchorLink } from '../../../components/links';

/** On the sign-in page: the way in for companies that are not partners yet. */
export function BecomePartnerLink() {
  return (
    <Text size="sm" ta="center" mt="lg">
      Not a partner yet? <AnchorLink to="/apply">Become a partner</AnchorLink>
    </Text>
  );
}

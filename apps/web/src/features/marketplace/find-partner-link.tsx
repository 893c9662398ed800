import { Text } from '@mantine/core';
import { AnchorLink } from '../../components/links';

/** On the sign-in page: the public partner locator, for customers looking for a partner. */
export function FindPartnerLink() {
  return (
    <Text size="sm" ta="center" mt="xs">
      Looking for a partner?{' '}
      <AnchorLink to="/find-a-partner" search={{}}>
        Find a partner
      </AnchorLink>
    </Text>
  );
}

import { Container, Title } from '@mantine/core';
import { useSession } from '../auth/session';
import { PartnerFunds } from './partner-funds';
import { VendorFunds } from './vendor-funds';

export function FundsPage() {
  const session = useSession();
  return (
    <Container size="lg">
      <Title order={1} mb="md">
        Funds
      </Title>
      {session.organization.kind === 'vendor' ? <VendorFunds /> : <PartnerFunds />}
    </Container>
  );
}

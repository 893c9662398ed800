import { useCan, useSession } from '../auth/session';
import { NotAllowedPage } from '../errors/not-allowed-page';
import { FxRatesPage } from './fx-rates-page';
import { SettingsPage } from './settings-page';

// Settings are the vendor's: its admin changes them, its other staff read them. Partners read the
// values through the API (a form's default currency), but have no settings screens.

function useVendorStaff() {
  const { organization } = useSession();
  const canRead = useCan('settings:read');
  return organization.kind === 'vendor' && canRead;
}

export function SettingsRoutePage() {
  const allowed = useVendorStaff();
  if (!allowed) return <NotAllowedPage what="the platform settings" />;
  return <SettingsPage />;
}

export function FxRatesRoutePage() {
  const allowed = useVendorStaff();
  if (!allowed) return <NotAllowedPage what="the FX rates" />;
  return <FxRatesPage />;
}

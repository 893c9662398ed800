import { useCan } from '../auth/session';
import { NotAllowedPage } from '../errors/not-allowed-page';
import { SsoSettingsPage } from './sso-settings-page';

export function SsoSettingsRoutePage() {
  const allowed = useCan('sso:manage');
  if (!allowed) return <NotAllowedPage what="the single sign-on settings" />;
  return <SsoSettingsPage />;
}

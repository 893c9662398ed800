import { generate } from 'otplib';
import { inject, describe, expect, test, afterAll } from 'vitest';
import { accounts } from './support/accounts';
import { apiAs } from './support/api';
import { useBrowser, waitForPath } from './support/browser';

// A person whose company signs in through an OpenID Connect IdP (a real oidc-provider started here):
// the vendor admin has connected the IdP and proven the domain; the person types their email on the
// sign-in page, continues with the company sign-in, and lands in the vendor's organization with the role
// their IdP group maps to, created just in time.
//
// The browser works on http://localhost:<port>, the origin PUBLIC_URL defaults to, so the IdP sends it
// back to the same site it started from (the binding cookie and the session are that origin's).

/** What this spec uses of the server tests' OpenID provider (apps/server/test/sso-idp.ts). */
interface OidcIdp {
  issuer: string;
  start(client: { clientId: string; clientSecret: string; redirectUri: string }): void;
  signInAs(account: { sub: string; email: string; name: string; groups: string[] }): void;
  close(): Promise<void>;
}
// Loaded by path, not a static import: one test IdP serves the server tests and this browser test, and
// it lives in the server's tests, outside this project's TypeScript root.
const idpModule = new URL('../../server/test/sso-idp.ts', import.meta.url).href;
const startOidcIdp = async () =>
  ((await import(/* @vite-ignore */ idpModule)) as { startOidcIdp(): Promise<OidcIdp> }).startOidcIdp();

const stamp = Date.now();
const domain = `sso-${stamp}.example`;
let idp: OidcIdp | undefined;

afterAll(async () => {
  await idp?.close();
});

describe('SSO: signing in through the company IdP', () => {
  const browser = useBrowser();

  test('a new person signs in with OIDC and lands in the right organization with the mapped role', async () => {
    idp = await startOidcIdp();
    const admin = await apiAs(accounts.admin);
    const connection = await admin.post<{ id: string; oidc: { redirectUri: string } }>('/sso/connections', {
      protocol: 'oidc',
      name: `Staff IdP ${stamp}`,
      oidc: {
        issuer: idp.issuer,
        clientId: `pg-${stamp}`,
        clientSecret: 'e2e-client-secret',
        scopes: 'openid email profile groups',
      },
      roleMapping: {
        attribute: 'groups',
        rules: [{ value: 'partner-managers', role: 'channel_manager' }],
        defaultRole: 'analyst',
      },
    });
    idp.start({
      clientId: `pg-${stamp}`,
      clientSecret: 'e2e-client-secret',
      redirectUri: connection.oidc.redirectUri,
    });
    const claimed = await admin.post<{ id: string; version: number }>('/sso/domains', { domain });
    await admin.post(`/sso/domains/${claimed.id}/verify`, { version: claimed.version, byVendor: true });
    idp.signInAs({
      sub: `e2e-${stamp}`,
      email: `jordan@${domain}`,
      name: 'Jordan Blake',
      groups: ['partner-managers'],
    });

    const page = browser.page();
    const origin = new URL(connection.oidc.redirectUri).origin;
    expect(origin).toBe(inject('baseUrl').replace('127.0.0.1', 'localhost'));
    await page.goto(`${origin}/login`);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(`jordan@${domain}`);
    await page.getByRole('link', { name: "Continue with your company's sign-in" }).click();

    // Through the IdP and back: the vendor's people land on the partner list.
    await waitForPath(page, '/partners');
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).json());
    expect(me.user).toMatchObject({
      email: `jordan@${domain}`,
      name: 'Jordan Blake',
      role: 'channel_manager',
    });
    expect(me.organization.kind).toBe('vendor');
    await page.getByRole('button', { name: /^User menu/ }).waitFor();
  });

  test('where the vendor also asks for a local factor after SSO, the IdP hands over to the second step', async () => {
    const page = browser.page();
    const origin = inject('baseUrl').replace('127.0.0.1', 'localhost');
    await page.goto(`${origin}/login`);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(accounts.admin.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(accounts.admin.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await waitForPath(page, '/partners');
    await page.goto(`${origin}/security`);
    const afterSso = page.getByRole('switch', { name: 'Also ask for a second factor after single sign-on' });
    await afterSso.click({ force: true });
    await page.getByText('A second factor is now also asked after single sign-on.').waitFor();
    expect(await afterSso.isChecked()).toBe(true);
    await page.context().clearCookies();

    try {
      await page.goto(`${origin}/login`);
      await page.getByRole('textbox', { name: 'Email', exact: true }).fill(`jordan@${domain}`);
      await page.getByRole('link', { name: "Continue with your company's sign-in" }).click();
      // Back from the IdP without a session: Jordan has no factor yet, so sets one up here.
      await page.getByRole('heading', { name: 'Set up a second factor' }).waitFor();
      expect(new URL(page.url()).hash).toBe('');
      await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
      const secret = ((await page.getByLabel('Setup key', { exact: true }).textContent()) ?? '').replace(
        /\s/g,
        '',
      );
      await page
        .getByRole('textbox', { name: 'Code from your authenticator app' })
        .fill(await generate({ secret }));
      await page.getByRole('button', { name: 'Confirm and sign in' }).click();
      await page.getByRole('button', { name: 'I have saved them' }).click();
      await waitForPath(page, '/partners');
    } finally {
      // Back as it was: other specs share the server.
      const admin = await apiAs(accounts.admin);
      const { organization } = await admin.get<{ organization: { id: string } }>('/me');
      const security = await admin.get<{ mfaRequired: boolean; version: number }>(
        `/mfa/organizations/${organization.id}`,
      );
      await admin.post(`/mfa/organizations/${organization.id}/policy`, {
        required: security.mfaRequired,
        afterSso: false,
        version: security.version,
      });
    }
  });
});

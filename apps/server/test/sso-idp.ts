// Identity providers for the SSO tests: a real OpenID provider (oidc-provider) on 127.0.0.1:0, and a
// browser stand-in that follows redirects with a cookie jar until it reaches the app. The browser test
// (apps/web/e2e/sso.e2e.ts) loads this same provider by path; its login and consent steps are answered at
// once for the account the test chose.
import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface IdpAccount {
  sub: string;
  email: string;
  name: string;
  groups: string[];
  emailVerified?: boolean;
}

export interface OidcIdp {
  issuer: string;
  /** Registers the client once the connection (and so its redirect URI) exists. */
  start(client: { clientId: string; clientSecret: string; redirectUri: string }): void;
  /** Who the next sign-in at the IdP is. */
  signInAs(account: IdpAccount): void;
  close(): Promise<void>;
}

/** Listens first (the issuer needs the port), serves the provider once the client is known. */
export async function startOidcIdp(): Promise<OidcIdp> {
  let handler: http.RequestListener = (_req, res) => res.writeHead(503).end();
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let account: IdpAccount | null = null;
  const accounts = new Map<string, IdpAccount>();
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    issuer,
    signInAs(a) {
      account = a;
      accounts.set(a.sub, a);
    },
    start({ clientId, clientSecret, redirectUri }) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: [redirectUri],
            response_types: ['code'],
            grant_types: ['authorization_code'],
          },
        ],
        jwks: {
          keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' }],
        },
        findAccount: async (_ctx: unknown, sub: string) => {
          const a = accounts.get(sub);
          if (!a) return undefined;
          return {
            accountId: sub,
            claims: async () => ({
              sub,
              email: a.email,
              email_verified: a.emailVerified ?? true,
              name: a.name,
              groups: a.groups,
            }),
          };
        },
        claims: {
          openid: ['sub'],
          email: ['email', 'email_verified'],
          profile: ['name'],
          groups: ['groups'],
        },
        scopes: ['openid', 'email', 'profile', 'groups'],
        features: { devInteractions: { enabled: false } },
        interactions: {
          url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
        },
        cookies: { keys: ['test-idp-cookie-key'] },
        pkce: { required: () => true },
      });
      const callback = provider.callback();
      // The IdP's login and consent screens, answered at once for the account the test chose.
      handler = (req, res) => {
        if (!req.url?.startsWith('/interaction/')) return callback(req, res);
        void (async () => {
          const details = await provider.interactionDetails(req, res);
          if (details.prompt.name === 'login') {
            if (!account) throw new Error('signInAs() first');
            await provider.interactionFinished(
              req,
              res,
              { login: { accountId: account.sub } },
              {
                mergeWithLastSubmission: false,
              },
            );
            return;
          }
          const grant = new provider.Grant({
            accountId: details.session!.accountId!,
            clientId: String(details.params.client_id),
          });
          grant.addOIDCScope(String(details.params.scope));
          const missing = details.prompt.details.missingOIDCClaims as string[] | undefined;
          if (missing?.length) grant.addOIDCClaims(missing);
          const grantId = await grant.save();
          await provider.interactionFinished(
            req,
            res,
            { consent: { grantId } },
            { mergeWithLastSubmission: true },
          );
        })().catch((err: unknown) => {
          res.writeHead(500).end(String(err));
        });
      };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A browser's walk through an IdP: follows redirects (keeping the IdP's cookies) from `url` until one
 * points back at the app (`appOrigin`), and answers that URL.
 */
export async function walkIdp(url: string, appOrigin: string, jar = new Map<string, string>()) {
  let next = url;
  for (let hops = 0; hops < 20; hops++) {
    if (next.startsWith(appOrigin)) return next;
    const res = await fetch(next, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (/expires=Thu, 01 Jan 1970/i.test(c) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`The IdP stopped at ${next}: ${res.status} ${await res.text()}`);
    next = new URL(location, next).href;
  }
  throw new Error('Too many redirects at the IdP');
}
